// The exported names of every package against the committed API report (api/<package>.api.md):
// widening or narrowing the public API is a reviewed change, never an accident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { PACKAGES, readApi, render, reportPath } from './api-report.mjs';

test('every package exports exactly what its API report lists', () => {
  const api = readApi();
  const problems: string[] = [];
  for (const pkg of PACKAGES) {
    const want = render(pkg, api[pkg]!);
    const file = reportPath(pkg);
    const have = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (have === want) continue;
    const lines = (s: string) => new Set(s.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('## ')));
    const [a, b] = [lines(have), lines(want)];
    const added = [...b].filter((l) => !a.has(l)).map((l) => `    + ${l}`);
    const removed = [...a].filter((l) => !b.has(l)).map((l) => `    - ${l}`);
    problems.push(`  @diachiso/${pkg} (api/${pkg}.api.md):\n${[...added, ...removed].join('\n') || '    (layout only)'}`);
  }
  assert.deepEqual(
    problems,
    [],
    `The exports differ from the committed API report:\n${problems.join('\n')}\n` +
      'If the change is intended, run `npm run api:update` and commit api/*.api.md with it.',
  );
});
