import { Gazetteer, LegacyConverter, verifyAddress } from '@diachiso/core';
import { loadDataset } from '@diachiso/data';
const ds = await loadDataset(['admin', 'legacy']);
const g = new Gazetteer(ds.parts.admin, ds.parts.legacy);
const c = new LegacyConverter(g);
for (const q of process.argv.slice(2)) {
  const r = verifyAddress(q, g, c);
  console.log(
    q,
    '→',
    r.status,
    r.address?.formatted ?? '',
    '|',
    r.findings.map((f) => `${f.component}:${f.kind}`).join(', '),
    '|',
    r.candidates.length,
  );
}
