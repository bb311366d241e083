// Prints the gzipped size of every built widget file and of what a page downloads for each
// widget, and fails when a budget is exceeded. Budgets are exact byte counts (1 KB = 1024 B).
import { readFileSync } from 'node:fs';

const KB = 1024;
/** Budgets: the loader alone, and everything one widget needs (loader + Lit + widget). */
export const budgets = {
  loader: 2 * KB,
  widgets: {
    tiles: 12 * KB,
    petition: 20 * KB,
    petitions: 20 * KB,
    // The form's page; a published process's results view is a chunk of its own, fetched
    // only when there are results (issue 8: loader + Lit + any one widget ≤ 20 KB).
    budget: 20 * KB,
  },
};

let manifest;
try {
  manifest = JSON.parse(readFileSync('dist/widgets/manifest.json', 'utf8'));
} catch {
  console.error('No build found: run "npm run build" first.');
  process.exit(1);
}

const rows = [];
const failures = [];
const check = (name, bytes, budget) => {
  const ok = budget === undefined || bytes <= budget;
  rows.push({ name, gzip: bytes, budget: budget ?? '', status: budget === undefined ? '' : ok ? 'ok' : 'OVER' });
  if (!ok) failures.push(`${name}: ${bytes} B gzipped is over its budget of ${budget} B by ${bytes - budget} B`);
};

for (const [file, info] of Object.entries(manifest.files).sort()) {
  check(file, info.gzipBytes, file === 'medverka.js' ? budgets.loader : undefined);
}
for (const [widget, files] of Object.entries(manifest.widgets).sort()) {
  const total = files.reduce((sum, f) => sum + manifest.files[f].gzipBytes, 0);
  const budget = budgets.widgets[widget];
  if (budget === undefined) failures.push(`widget "${widget}" has no byte budget in scripts/size.js`);
  check(`${widget} on a page (${files.length} files)`, total, budget);
}

// A widget's lazy parts, fetched only in some states, shown with the page that fetches them
// (for the record; issue 8's budget is for the page every resident downloads).
const lazyParts = { budget: ['results'] };
for (const [widget, parts] of Object.entries(lazyParts)) {
  const page = manifest.widgets[widget];
  if (!page) continue;
  for (const part of parts) {
    const file = Object.keys(manifest.files).find((f) => new RegExp(`^chunks/${widget}-${part}-[\\w-]{8}\\.js$`).test(f));
    if (!file) continue;
    const total = [...page, file].reduce((sum, f) => sum + manifest.files[f].gzipBytes, 0);
    check(`${widget} with its ${part} (${page.length + 1} files)`, total, undefined);
  }
}

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  ${'gzip B'.padStart(7)}  ${'budget'.padStart(7)}  status`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${String(r.gzip).padStart(7)}  ${String(r.budget).padStart(7)}  ${r.status}`);
}
if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
