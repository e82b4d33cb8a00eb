import { Gazetteer, parseAddress } from '@diachiso/core';
import { loadDataset } from '@diachiso/data';
const ds = await loadDataset(['admin', 'legacy']);
const g = new Gazetteer(ds.parts.admin, ds.parts.legacy);
for (const q of process.argv.slice(2)) {
  const p = parseAddress(q, g);
  console.log(q);
  for (const [k, v] of Object.entries(p.components)) console.log(`   ${k.padEnd(12)} ${v.value}  [${v.text}] ${v.confidence}`);
  if (p.unrecognized.length) console.log('   ?', p.unrecognized.map((u) => u.text));
}
