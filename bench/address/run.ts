// `npm run bench:address` (after `npm run build`): whole addresses as people type them, through
// the public API a user has — createClient({ mode: 'offline' }), suggest(text, { limit: 5 }) and
// verify(text) — scored per form against the truth in dev.jsonl, beside the peer
// vietnamadminunits on the same rows. Writes docs/bench/whole-address.md and
// bench/address/results.json.
//
//   --unseen           also score the held-out quarter (unseen.jsonl), reported apart
//   --no-peer          skip the peer
//   --form NAME        only rows of this form (no files written)
//   --failures N       print up to N failing rows per form (no files written)
//
// What "right" means (README.md says the same):
// - suggest top-1 ward right: the first suggestion's ward is one of the expected wards; for an open
//   place, a first suggestion without a ward (it says the ward is open) in the right province also counts.
// - verify ward right: one expected ward → status valid or corrected and address.ward is it; an open
//   place → the candidates' wards include every expected ward and stay within the wards the typed
//   locality allows, and none is silently chosen: status 'ambiguous' (or the ward's component
//   verdict 'unconfirmed').
// - verify, answer in the set: address.ward is one of the expected wards and status is not invalid
//   (the peer's measure too, since it always answers with one ward).
// - outside province: the first suggestion's province, or verify's address or any candidate's
//   province, is not the expected one.
// - house number kept: suggestion.houseNumber holds the typed number, or its label starts with it;
//   verify: address.houseNumber holds it, or address.formatted starts with it.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@diachiso/sdk';
import type { Row } from './generate.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const withUnseen = flag('--unseen');
const onlyForm = opt('--form');
const showFailures = Number(opt('--failures') ?? 0);
const writeFiles = !onlyForm && !showFailures;

const here = new URL('./', import.meta.url);
const root = new URL('../../', import.meta.url);
const readRows = (name: string): Row[] =>
  readFileSync(new URL(name, here), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row)
    .filter((r) => !onlyForm || r.form === onlyForm);

// ---------------------------------------------------------------- reading answers loosely
// The resolver adds fields (houseNumber, precision, components, granularity) while this bench
// exists; every access tolerates their absence.
type Loose = Record<string, unknown> | undefined;
const obj = (x: unknown): Loose => (x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const code = (unit: unknown): string | undefined => str(obj(unit)?.code);

const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/^(số nhà|số)\s+/u, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The typed number is a whole token of `field` (a house-number field: nothing else in it). */
const inField = (field: string | undefined, hn: string) =>
  !!field && new RegExp(`(^|[^\\p{L}\\p{N}/])${escape(norm(hn))}($|[^\\p{L}\\p{N}/])`, 'u').test(norm(field));
/** A composed label or line starts with the typed number ("12 Trần Phú, …", "12, Xã …"). */
const leads = (text: string | undefined, hn: string) =>
  !!text && new RegExp(`^${escape(norm(hn))}($|[^\\p{L}\\p{N}/])`, 'u').test(norm(text));

interface Outcome {
  id: string;
  form: Row['form'];
  region: Row['region'];
  open: boolean;
  suggestRight: boolean;
  verifyRight: boolean;
  verifyInSet: boolean;
  suggestOutside: boolean;
  verifyOutside: boolean;
  hnSuggest: boolean | null;
  hnVerify: boolean | null;
  suggestMs: number;
  verifyMs: number;
  got: { suggest?: string; verify?: string; status?: string; candidates?: string[]; error?: string };
}

function score(row: Row, sugg: unknown, ver: unknown, suggestMs: number, verifyMs: number, error?: string): Outcome {
  const open = row.wards.length > 1;
  const list = Array.isArray(sugg) ? sugg : [];
  const top = obj(list[0]);
  const topWard = code(top?.ward);
  const topProvince = code(top?.province);
  const suggestRight = topWard
    ? row.wards.includes(topWard)
    : open && topProvince === row.province && ['address', 'street'].includes(String(top?.kind ?? top?.precision));

  const v = obj(ver);
  const status = str(v?.status);
  const addr = obj(v?.address);
  const addrWard = code(addr?.ward);
  const cands = (Array.isArray(v?.candidates) ? v.candidates : []).map(obj);
  const candWards = new Set(cands.map((c) => code(c?.ward)).filter((x): x is string => !!x));
  const components = (Array.isArray(v?.components) ? v.components : []).map(obj);
  const wardVerdict = str(components.find((c) => c?.component === 'ward')?.verdict);
  let verifyRight: boolean;
  if (!open) verifyRight = (status === 'valid' || status === 'corrected') && addrWard === row.wards[0];
  else
    verifyRight =
      (status === 'ambiguous' || wardVerdict === 'unconfirmed') &&
      row.wards.every((w) => candWards.has(w)) &&
      [...candWards].every((w) => row.allowed.includes(w));
  const verifyInSet = status !== undefined && status !== 'invalid' && !!addrWard && row.wards.includes(addrWard);

  const suggestOutside = !!topProvince && topProvince !== row.province;
  const provinces = [code(addr?.province), ...cands.map((c) => code(c?.province))].filter((x): x is string => !!x);
  const verifyOutside = provinces.some((p) => p !== row.province);

  const hn = row.houseNumber;
  const hnSuggest = hn === null ? null : inField(str(top?.houseNumber), hn) || leads(str(top?.label), hn);
  const hnVerify = hn === null ? null : inField(str(addr?.houseNumber), hn) || leads(str(addr?.formatted), hn);
  return {
    id: row.id,
    form: row.form,
    region: row.region,
    open,
    suggestRight,
    verifyRight,
    verifyInSet,
    suggestOutside,
    verifyOutside,
    hnSuggest,
    hnVerify,
    suggestMs,
    verifyMs,
    got: {
      suggest: top ? `${str(top.kind)} ${topWard ?? '-'} ${str(top.label)}` : undefined,
      verify: addr ? `${addrWard ?? '-'} ${str(addr.formatted)}` : undefined,
      status,
      candidates: [...candWards],
      error,
    },
  };
}

// ---------------------------------------------------------------- the peer
interface PeerAnswer {
  id: string;
  ward: string | null;
  province: string | null;
  ms: number;
  error?: string;
}
const peerDirs = [
  ...new Set(
    [process.env.VIETNAMADMINUNITS_DIR, join(tmpdir(), 'vietnamadminunits-src'), '/tmp/vietnamadminunits-src'].filter(
      (d): d is string => !!d,
    ),
  ),
];
function runPeer(rows: Row[], label: string): { answers: Map<string, PeerAnswer> | null; note: string } {
  if (flag('--no-peer')) return { answers: null, note: 'peer skipped (--no-peer)' };
  const dir = peerDirs.find((d) => existsSync(join(d, 'vietnamadminunits', '__init__.py')));
  if (!dir)
    return {
      answers: null,
      note: `peer skipped: vietnamadminunits not found in ${peerDirs.join(' or ')}; run \`sh bench/address/get-peer.sh\` (see bench/address/README.md)`,
    };
  const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const body = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const peerHash = createHash('sha1')
    .update(readFileSync(join(dir, 'vietnamadminunits', 'parser', 'parser_legacy.py')))
    .update(readFileSync(new URL('peer.py', here)))
    .digest('hex')
    .slice(0, 8);
  const cacheDir = join(tmpdir(), 'diachiso-bench-address');
  mkdirSync(cacheDir, { recursive: true });
  const key = createHash('sha1').update(body).digest('hex').slice(0, 12);
  const out = join(cacheDir, `peer-${label}-${key}-${peerHash}.json`);
  if (!existsSync(out)) {
    const input = join(cacheDir, `rows-${label}-${key}.jsonl`);
    writeFileSync(input, body);
    const p = spawnSync(python, [fileURLToPath(new URL('peer.py', here)), input, out], {
      env: { ...process.env, PYTHONPATH: [dir, process.env.PYTHONPATH].filter(Boolean).join(':') },
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (p.status !== 0 || !existsSync(out))
      return { answers: null, note: `peer skipped: ${(p.stderr || p.error?.message || `exit ${p.status}`).trim().split('\n').pop()}` };
  }
  const answers = new Map((JSON.parse(readFileSync(out, 'utf8')) as PeerAnswer[]).map((a) => [a.id, a]));
  return { answers, note: `peer: vietnamadminunits from ${dir} (${python}); answers cached in ${out}` };
}

// ---------------------------------------------------------------- aggregate
const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)} %` : '–');
const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(0));

interface Agg {
  group: string;
  n: number;
  open: number;
  suggestTop1: number;
  verify: number;
  verifyInSet: number;
  peer: number | null;
  peerOutside: number | null;
  suggestOutside: number;
  verifyOutside: number;
  withHouseNumber: number;
  hnSuggest: number;
  hnVerify: number;
  suggestP50: number;
  suggestP95: number;
  verifyP50: number;
  verifyP95: number;
}
function aggregate(group: string, os: Outcome[], rows: Map<string, Row>, peer: Map<string, PeerAnswer> | null): Agg {
  const count = (f: (o: Outcome) => boolean) => os.filter(f).length;
  const peerRight = (o: Outcome) => {
    const a = peer?.get(o.id);
    return !!a?.ward && rows.get(o.id)!.wards.includes(a.ward);
  };
  const peerOut = (o: Outcome) => {
    const a = peer?.get(o.id);
    return !!a?.province && a.province !== rows.get(o.id)!.province;
  };
  return {
    group,
    n: os.length,
    open: count((o) => o.open),
    suggestTop1: count((o) => o.suggestRight),
    verify: count((o) => o.verifyRight),
    verifyInSet: count((o) => o.verifyInSet),
    peer: peer ? count(peerRight) : null,
    peerOutside: peer ? count(peerOut) : null,
    suggestOutside: count((o) => o.suggestOutside),
    verifyOutside: count((o) => o.verifyOutside),
    withHouseNumber: count((o) => o.hnSuggest !== null),
    hnSuggest: count((o) => o.hnSuggest === true),
    hnVerify: count((o) => o.hnVerify === true),
    suggestP50: quantile(
      os.map((o) => o.suggestMs),
      0.5,
    ),
    suggestP95: quantile(
      os.map((o) => o.suggestMs),
      0.95,
    ),
    verifyP50: quantile(
      os.map((o) => o.verifyMs),
      0.5,
    ),
    verifyP95: quantile(
      os.map((o) => o.verifyMs),
      0.95,
    ),
  };
}
function table(aggs: Agg[]): string {
  const head =
    '| form | n | open | suggest top-1 ward | verify ward | verify: answer in set | peer ward (answer in set) | outside province: suggest / verify / peer | house no. kept: suggest / verify | suggest p50 / p95 ms | verify p50 / p95 ms |\n' +
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const lines = aggs.map(
    (a) =>
      `| ${FORM_ORDER.includes(a.group as Row['form']) ? a.group : `**${a.group}**`} | ${a.n} | ${a.open} | ${pct(a.suggestTop1, a.n)} | ${pct(a.verify, a.n)} | ${pct(a.verifyInSet, a.n)} | ${
        a.peer === null ? '–' : pct(a.peer, a.n)
      } | ${a.suggestOutside} / ${a.verifyOutside} / ${a.peerOutside ?? '–'} | ${pct(a.hnSuggest, a.withHouseNumber)} / ${pct(
        a.hnVerify,
        a.withHouseNumber,
      )} | ${ms(a.suggestP50)} / ${ms(a.suggestP95)} | ${ms(a.verifyP50)} / ${ms(a.verifyP95)} |`,
  );
  return [head, ...lines].join('\n');
}

// ---------------------------------------------------------------- run
const client = await createClient({ mode: 'offline' });
for (const warm of ['12 Trần Phú, Nha Trang', 'P. Vĩnh Hải, TP Nha Trang', '5 Lê Lợi, Phường Sài Gòn, TP HCM']) {
  await client.suggest(warm, { limit: 5 });
  await client.verify(warm);
}

async function evaluate(rows: Row[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const row of rows) {
    let sugg: unknown, ver: unknown, error: string | undefined;
    let t = performance.now();
    try {
      sugg = await client.suggest(row.text, { limit: 5 });
    } catch (e) {
      error = `suggest: ${(e as Error).message}`;
    }
    const suggestMs = performance.now() - t;
    t = performance.now();
    try {
      ver = await client.verify(row.text);
    } catch (e) {
      error = `${error ? error + '; ' : ''}verify: ${(e as Error).message}`;
    }
    out.push(score(row, sugg, ver, suggestMs, performance.now() - t, error));
  }
  return out;
}

const FORM_ORDER = [...new Set(readRows('dev.jsonl').map((r) => r.form))];
interface SetReport {
  label: string;
  aggs: Agg[];
  note: string;
  errors: number;
}
async function report(label: string, file: string): Promise<SetReport> {
  const rows = readRows(file);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const t = performance.now();
  const outcomes = await evaluate(rows);
  const elapsed = (performance.now() - t) / 1000;
  const { answers, note } = runPeer(rows, label);
  console.log(`${label}: ${rows.length} rows in ${elapsed.toFixed(1)} s; ${note}`);
  const aggs: Agg[] = [];
  for (const form of FORM_ORDER) {
    const os = outcomes.filter((o) => o.form === form);
    if (os.length) aggs.push(aggregate(form, os, byId, answers));
  }
  aggs.push(
    aggregate(
      'Khánh Hòa',
      outcomes.filter((o) => o.region === 'khanhhoa'),
      byId,
      answers,
    ),
  );
  aggs.push(
    aggregate(
      'other provinces',
      outcomes.filter((o) => o.region === 'other'),
      byId,
      answers,
    ),
  );
  aggs.push(aggregate('all', outcomes, byId, answers));
  if (showFailures) {
    for (const form of FORM_ORDER) {
      const bad = outcomes.filter((o) => o.form === form && (!o.suggestRight || !o.verifyRight || o.hnVerify === false));
      if (!bad.length) continue;
      console.log(`\n## ${form}: ${bad.length} failing`);
      for (const o of bad.slice(0, showFailures)) {
        const r = byId.get(o.id)!;
        const pa = answers?.get(o.id);
        console.log(
          `- ${o.id} ${JSON.stringify(r.text)} → expect ${r.wards.join(',')} (${r.province}) hn ${r.houseNumber ?? '-'}\n` +
            `    suggest ${o.suggestRight ? 'ok' : 'WRONG'}: ${o.got.suggest ?? '(none)'}\n` +
            `    verify ${o.verifyRight ? 'ok' : 'WRONG'} [${o.got.status}]: ${o.got.verify ?? '(none)'}; candidates ${o.got.candidates?.join(',')}` +
            (o.got.error ? `\n    error: ${o.got.error}` : '') +
            (pa ? `\n    peer: ${pa.ward ?? '-'} ${pa.error ?? ''}` : ''),
        );
      }
    }
  }
  console.log('\n' + table(aggs) + '\n');
  return { label, aggs, note, errors: outcomes.filter((o) => o.got.error).length };
}

const reports = [await report('dev', 'dev.jsonl')];
if (withUnseen) reports.push(await report('unseen', 'unseen.jsonl'));

if (writeFiles) {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: fileURLToPath(root), encoding: 'utf8' }).stdout.trim();
  const env = `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, commit ${git}, ${new Date().toISOString().slice(0, 10)}`;
  const md = [
    '# Whole addresses as people type them',
    '',
    '`npm run bench:address` (after `npm run build`; `-- --unseen` adds the held-out quarter). The rows',
    'come from `bench/address/generate.ts` (fixed seed): synthetic addresses in 17 forms, Khánh Hòa and',
    'the other provinces, each with its expected 2025 ward(s), province and house number, derived from',
    'the committed sources (see `bench/address/README.md` for the forms, the truth and the limits).',
    'Every row goes through the public offline client: `suggest(text, { limit: 5 })` and `verify(text)`.',
    '',
    '- **suggest top-1 ward**: the first suggestion is in an expected ward (for an open place, a first',
    '  suggestion that leaves the ward open, in the right province, also counts).',
    '- **verify ward**: one expected ward → status `valid`/`corrected` with that ward. An open place (a',
    '  street across wards, an old city, a divided ward; column "open") → the candidates include every',
    '  expected ward, stay inside what the typed locality allows, and none is silently chosen (status',
    "  `ambiguous`, or the ward's component verdict `unconfirmed`).",
    "- **verify: answer in set**: verify's address is in an expected ward (a single answer, as the peer gives).",
    '- **peer**: vietnamadminunits 1.0.3 (MIT), `convert_address` for pre-2025 text and `parse_address`',
    '  for 2025 text; right when its one ward is an expected ward. It cannot say that a place is open.',
    '- **outside province**: answers in another province than the expected one (must be 0): the first',
    "  suggestion / verify's address or any candidate / the peer.",
    "- **house no. kept**: of the rows with a typed house number, the first suggestion's `houseNumber` or",
    "  label / verify's `address.houseNumber` or `formatted` keeps it.",
    '',
    `Machine: ${env}. Accuracy is deterministic; latencies are not (a shared machine: p95 moves between runs). The columns time single calls through the SDK client; the in-process figures with the scheduler removed (best of 5 per address) are in docs/decisions/0005-resolver.md.`,
    '',
    ...reports.flatMap((r) => [
      `## ${r.label === 'dev' ? 'Dev set' : 'Held-out set (unseen)'} (${r.aggs.at(-1)!.n} addresses)`,
      '',
      table(r.aggs),
      '',
      r.errors ? `${r.errors} calls threw.` : '',
    ]),
  ].join('\n');
  mkdirSync(new URL('docs/bench/', root), { recursive: true });
  writeFileSync(new URL('docs/bench/whole-address.md', root), md.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n');
  const round = (a: Agg) => ({
    ...a,
    ...Object.fromEntries(
      (['suggestP50', 'suggestP95', 'verifyP50', 'verifyP95'] as const).map((k) => [k, Math.round(a[k] * 1000) / 1000]),
    ),
  });
  const json = {
    generatedBy: 'npm run bench:address',
    environment: env,
    sets: reports.map((r) => ({ set: r.label, groups: r.aggs.map(round), errors: r.errors })),
  };
  let text = JSON.stringify(json, null, 2) + '\n';
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { ...(await prettier.resolveConfig(fileURLToPath(new URL('results.json', here)))), parser: 'json' });
  } catch {
    // prettier is a dev dependency of the repository; without it the JSON is still valid
  }
  writeFileSync(new URL('results.json', here), text);
  console.log('wrote docs/bench/whole-address.md and bench/address/results.json');
}
