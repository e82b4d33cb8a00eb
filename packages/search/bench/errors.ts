// Development aid: our index alone on the benchmark's query set, accuracy by kind and form, and
// the dev queries it gets wrong (never the held-out ones: those are only counted).
// Usage: node --import tsx packages/search/bench/errors.ts [max-listed]
import { loadDataset } from '@diachiso/data';
import { SearchIndex } from '../src/index.js';
import { makeQueries } from './queries.js';

const ds = await loadDataset(['admin', 'legacy', 'streets', 'pois']);
const index = new SearchIndex(ds.parts);
const queries = makeQueries(index, ds.parts);
const max = Number(process.argv[2] ?? 40);
const stats = new Map<string, { n: number; top1: number; top5: number }>();
const wrong: string[] = [];
const times: number[] = [];
const dev = { n: 0, top1: 0, top5: 0 };
const hold = { n: 0, top1: 0, top5: 0 };
for (const q of queries) {
  const t0 = performance.now();
  const got = index.suggest(q.q, { limit: 5 }).map((s) => s.id);
  times.push(performance.now() - t0);
  const r1 = q.expect.includes(got[0] ?? '');
  const r5 = got.some((id) => q.expect.includes(id));
  const k = `${q.kind}/${q.form}`;
  const s = stats.get(k) ?? { n: 0, top1: 0, top5: 0 };
  s.n++;
  s.top1 += +r1;
  s.top5 += +r5;
  stats.set(k, s);
  const agg = q.holdout ? hold : dev;
  agg.n++;
  agg.top1 += +r1;
  agg.top5 += +r5;
  if (!r1 && !q.holdout) wrong.push(`${k.padEnd(24)} ${q.q}  → ${got[0] ?? '∅'}${r5 ? ' (in top 5)' : ''}  want ${q.expect.join('|')}`);
}
const pct = (a: number, n: number) => ((100 * a) / n).toFixed(1);
for (const [k, s] of [...stats].sort())
  console.log(`${k.padEnd(26)} ${String(s.n).padStart(5)}  top1 ${pct(s.top1, s.n)}  top5 ${pct(s.top5, s.n)}`);
times.sort((a, b) => a - b);
console.log(
  `dev ${dev.n}: top1 ${pct(dev.top1, dev.n)} top5 ${pct(dev.top5, dev.n)} | held out ${hold.n}: top1 ${pct(hold.top1, hold.n)} top5 ${pct(hold.top5, hold.n)}`,
);
console.log(
  `all: top1 ${pct(dev.top1 + hold.top1, dev.n + hold.n)} top5 ${pct(dev.top5 + hold.top5, dev.n + hold.n)}; p50 ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms`,
);
for (const w of wrong.slice(0, max)) console.log(w);
console.log(`${wrong.length} dev queries wrong at top 1`);
