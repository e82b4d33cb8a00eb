// Fails when a function in packages/*/src (tests aside) is longer than MAX lines.
// Issue #14: "No function in packages/*/src (tests aside) is longer than 150 lines."
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const MAX = 150;
const root = new URL('..', import.meta.url).pathname;
const long = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) check(path);
  }
}

function check(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      if (lines > MAX) long.push(`${relative(root, file)}:${first + 1} ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  try {
    if (statSync(src).isDirectory()) walk(src);
  } catch {
    // a package without src/
  }
}

if (long.length) {
  console.error(`Functions longer than ${MAX} lines (split them into named steps):\n  ${long.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-function-length: every function in packages/*/src is at most ${MAX} lines`);
