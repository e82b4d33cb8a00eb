// The offline half of `npm run audit`: match the production tree of package-lock.json against a
// list of advisories. Pure functions, so the test can feed it a lockfile with a known-bad version.
import semver from 'semver';

/** Production packages of a lockfile (v2/v3): name → versions (a name can appear at several). */
export function productionPackages(lock) {
  const out = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes('node_modules/') || entry.dev || entry.link || !entry.version) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!out.has(name)) out.set(name, new Set());
    out.get(name).add(entry.version);
  }
  return out;
}

/** Every (package, version, advisory) where the installed version is in the vulnerable range. */
export function findings(packages, advisories) {
  const hits = [];
  for (const adv of advisories) {
    for (const version of packages.get(adv.package) ?? []) {
      if (semver.satisfies(version, adv.vulnerable, { includePrerelease: true })) hits.push({ ...adv, version });
    }
  }
  return hits;
}

export const blocking = (hits) => hits.filter((h) => h.severity === 'high' || h.severity === 'critical');
