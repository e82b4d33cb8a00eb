import { OfflineEngine } from '@diachiso/search';
const t0 = performance.now();
const e = await OfflineEngine.load();
console.log('load', (performance.now() - t0).toFixed(0), 'ms', e.index.size, 'records');
for (const q of process.argv.slice(2)) {
  const t = performance.now();
  const r = e.suggest(q, { limit: 5 });
  console.log(`\n${q}  (${(performance.now() - t).toFixed(2)} ms)`);
  for (const s of r) console.log('  ', s.score, s.label, '|', s.description ?? '');
}
console.log(e.reverse({ lat: 12.2388, lon: 109.1967 }), e.reverse({ lat: 21, lon: 105.8 }));
