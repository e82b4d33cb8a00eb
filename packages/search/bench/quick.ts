// `npm run bench:search-quick`: our index alone on the real records and the generated queries
// (top-1, top-5, p50, p95), the figure a ranking or refactoring change is diffed against before
// the full `npm run bench`. Same warm-up and measurement as run.ts.
import { writeFileSync } from 'node:fs';
import { loadDataset } from '@diachiso/data';
import { SearchIndex } from '../src/index.js';
import { ShardedIndex } from '../src/index/shards.js';
import { makeQueries } from './queries.js';

const ds = await loadDataset(['admin', 'legacy', 'streets', 'pois']);
let t = performance.now();
// SHARDED=1: the same through the province shards (units + Khánh Hòa's shard).
const idx = process.env.SHARDED ? new ShardedIndex(ds.parts) : new SearchIndex(ds.parts);
const build = performance.now() - t;
const queries = makeQueries(idx instanceof ShardedIndex ? idx.units : idx, ds.parts);
for (const q of queries.slice(0, 50)) idx.suggest(q.q, { limit: 5 });
const times: number[] = [];
let top1 = 0;
let top5 = 0;
const misses: string[] = [];
const dump: string[] = [];
for (const q of queries) {
  t = performance.now();
  const r = idx.suggest(q.q, { limit: 5 }).map((s) => s.id);
  times.push(performance.now() - t);
  dump.push(`${q.q}\t${r.join(' ')}`);
  if (r[0] && q.expect.includes(r[0])) top1++;
  else misses.push(`${q.kind}/${q.form}: ${q.q} → ${r[0] ?? '∅'} (want ${q.expect[0]})`);
  if (r.some((id) => q.expect.includes(id))) top5++;
}
times.sort((a, b) => a - b);
const pct = (x: number) => `${((x / queries.length) * 100).toFixed(1)} %`;
console.log(
  `${idx instanceof ShardedIndex ? `sharded (${idx.loaded.join(', ')} loaded)` : idx.size} records, ${queries.length} queries: top-1 ${pct(top1)}, top-5 ${pct(top5)}, ` +
    `p50 ${times[Math.floor(times.length * 0.5)]!.toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms, build ${build.toFixed(0)} ms`,
);
if (process.env.MISSES) console.log(misses.join('\n'));
// DUMP=file writes every query's top five, to check that a refactoring changes no answer.
if (process.env.DUMP) writeFileSync(process.env.DUMP, dump.join('\n') + '\n');
