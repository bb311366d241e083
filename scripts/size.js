// Prints the gzipped size of every built widget file and of what a page downloads for each
// widget, and fails when a budget is exceeded. Budgets are exact byte counts (1 KB = 1024 B).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const KB = 1024;
/** Budgets: the loader alone, and everything one widget needs (loader + Lit + widget). */
export const budgets = {
  loader: 2 * KB,
  widgets: {
    tiles: 12 * KB,
    petition: 20 * KB,
    petitions: 20 * KB,
    // Before the process is read: its form and its results are lazy parts, below
    // (issue 8: loader + Lit + any one widget ≤ 20 KB).
    budget: 20 * KB,
    // Issue 7: joining the citizen panel, and answering a survey (loader + Lit + widget ≤ 20 KB).
    panel: 20 * KB,
    survey: 20 * KB,
    // A quick poll, its results and its presenter's view (issue 7).
    poll: 20 * KB,
    // Issue 22: the dialogue register (loader + Lit + widget ≤ 20 KB).
    dialogues: 20 * KB,
  },
  /**
   * Widgets whose page is budgeted beyond the loader rather than in all: the chat's page is
   * its launcher alone, with no Lit (issue 6: ≤ 4 KB beyond the loader).
   */
  beyondLoader: {
    chat: 4 * KB,
  },
  /**
   * A widget's lazy parts, each with the page that fetches it and everything the part itself
   * imports: the chat's panel, fetched when the resident opens the launcher, brings Lit and
   * the panel (the proof of work comes once the resident starts writing). A chat shown in
   * English fetches the panel built with its English strings in the code (panel-en). Parts
   * joined by "+" are fetched together. Undefined: shown for the record, not checked.
   */
  lazyParts: {
    // The budget's page shows an open process with its form, a published one with its
    // results: each a chunk of its own, fetched once the process has been read.
    budget: { form: 20 * KB, results: 20 * KB },
    // A petition's signatures per day, fetched when the resident asks to see them.
    petition: { 'signature-days': 20 * KB },
    chat: {
      panel: 20 * KB,
      'panel-en': 20 * KB,
      // Only if the page switches language while the panel is shown.
      'panel+en': undefined,
      'panel-en+sv': undefined,
    },
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

const loaderBytes = manifest.files['medverka.js']?.gzipBytes ?? 0;
const gzipOf = (files) => [...files].reduce((sum, f) => sum + manifest.files[f].gzipBytes, 0);

for (const [file, info] of Object.entries(manifest.files).sort()) {
  check(file, info.gzipBytes, file === 'medverka.js' ? budgets.loader : undefined);
}
for (const [widget, files] of Object.entries(manifest.widgets).sort()) {
  const beyond = budgets.beyondLoader[widget];
  const budget = budgets.widgets[widget] ?? (beyond === undefined ? undefined : loaderBytes + beyond);
  if (budget === undefined) failures.push(`widget "${widget}" has no byte budget in scripts/size.js`);
  check(`${widget} on a page (${files.length} files)`, gzipOf(files), budget);
}

/**
 * The files a built chunk imports statically, and theirs in turn (dynamic imports, fetched
 * later if at all, are not followed). Read from the chunks themselves, as the browser does.
 */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join('dist/widgets', file), 'utf8');
  // `import … from"./x.js"` and `import"./x.js"`, never `import("./x.js")`.
  for (const [, spec] of source.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(normalize(join(dirname(file), spec)).replaceAll('\\', '/'), seen);
  }
  return seen;
}

// A widget's lazy parts, fetched only in some states, shown with the page that fetches them.
for (const [widget, parts] of Object.entries(budgets.lazyParts)) {
  const page = manifest.widgets[widget];
  if (!page) continue;
  parts: for (const [part, budget] of Object.entries(parts)) {
    const files = new Set(page);
    for (const one of part.split('+')) {
      const file = Object.keys(manifest.files).find((f) => new RegExp(`^chunks/${widget}-${one}-[\\w-]{8}\\.js$`).test(f));
      if (!file) {
        if (budget !== undefined) failures.push(`${widget}'s ${one} was not found among the built chunks`);
        continue parts;
      }
      for (const f of staticClosure(file)) files.add(f);
    }
    check(`${widget} with its ${part} (${files.size} files)`, gzipOf(files), budget);
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
