// Lists the import loops among the project's own modules: groups of files that import each
// other round in a circle (static imports, type-only ones included; the loader's lazy
// import() calls are not imports here). Exits 1 when there is one. `--quiet` prints only loops.
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, resolve, relative } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.d.ts') && existsSync(resolve(root, f)));

const edges = new Map();
const pattern = /^\s*(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
for (const file of files) {
  const text = readFileSync(resolve(root, file), 'utf8');
  const targets = new Set();
  for (const [, spec] of text.matchAll(pattern)) {
    const target = relative(root, resolve(root, dirname(file), spec.replace(/\.js$/, '.ts')));
    if (files.includes(target)) targets.add(target);
  }
  edges.set(file, [...targets]);
}

// Tarjan's strongly connected components: each with more than one file is a loop.
let index = 0;
const stack = [];
const seen = new Map();
const loops = [];
function visit(v) {
  const node = { index, low: index, onStack: true };
  index++;
  seen.set(v, node);
  stack.push(v);
  for (const w of edges.get(v)) {
    if (!seen.has(w)) {
      visit(w);
      node.low = Math.min(node.low, seen.get(w).low);
    } else if (seen.get(w).onStack) node.low = Math.min(node.low, seen.get(w).index);
  }
  if (node.low === node.index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      seen.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) loops.push(component.sort());
  }
}
for (const f of files) if (!seen.has(f)) visit(f);

for (const loop of loops) console.log(`import loop of ${loop.length} files:\n  ${loop.join('\n  ')}`);
if (!process.argv.includes('--quiet')) console.log(`${files.length} modules, ${loops.length} import loop${loops.length === 1 ? '' : 's'}`);
process.exit(loops.length ? 1 : 0);
