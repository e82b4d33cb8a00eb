#!/usr/bin/env node
// `npm run audit`: no high or critical advisory in what we ship (the production dependency tree).
// First asks the registry (`npm audit --omit=dev`); when its audit endpoint does not answer (this
// build machine's registry answers 405), checks the lockfile against scripts/audit-advisories.json,
// a reviewed list of advisories for the packages we ship, and says which of the two it did.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { productionPackages, findings, blocking } from './audit-lib.mjs';

const root = new URL('..', import.meta.url).pathname;
const offlineOnly = process.argv.includes('--offline');

function registryAudit() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  try {
    const report = JSON.parse(r.stdout);
    const counts = report?.metadata?.vulnerabilities;
    if (counts && typeof counts.high === 'number') return { counts, report };
    return { error: report?.error?.summary || report?.message || 'no metadata in the answer' };
  } catch {
    return { error: (r.stderr || r.error?.message || 'no answer').trim().split('\n')[0] };
  }
}

const pkgs = productionPackages(JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')));
if (!offlineOnly) {
  const online = registryAudit();
  if (online.counts) {
    const { counts } = online;
    console.log(`npm audit --omit=dev (registry): ${JSON.stringify(counts)}`);
    if (counts.high + counts.critical > 0) {
      console.error('high or critical advisories in the production tree: run `npm audit --omit=dev` for details');
      process.exit(1);
    }
    process.exit(0);
  }
  console.log(`registry audit unavailable (${online.error}); checking the lockfile against the reviewed advisory list`);
}

const list = JSON.parse(readFileSync(new URL('./audit-advisories.json', import.meta.url), 'utf8'));
const hits = findings(pkgs, list.advisories);
const versions = [...pkgs.values()].reduce((n, s) => n + s.size, 0);
console.log(
  `offline audit: ${versions} production package versions (${pkgs.size} names) against ${list.advisories.length} advisories reviewed ${list.reviewed}`,
);
for (const h of hits) console.log(`  ${h.severity.padEnd(8)} ${h.package}@${h.version}  ${h.id}  ${h.title}`);
const bad = blocking(hits);
if (bad.length > 0) {
  console.error(`${bad.length} high or critical finding(s): upgrade before shipping`);
  process.exit(1);
}
console.log(hits.length ? `${hits.length} low/moderate finding(s), none high or critical` : 'no findings');
