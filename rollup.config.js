// Builds the widgets into dist/widgets: the loader (medverka.js, stable name, what editors
// paste), one hashed chunk per widget, one shared chunk with Lit and the widgets' common
// code, one with the residents' form kit, and the two small iframe helpers. Writes manifest.json with every file's SRI hash
// and gzip/brotli copies beside each file for the server to send.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { compiledLocale } from './scripts/compiled-locale.js';

const outDir = 'dist/widgets';

/** The widget a module belongs to: widgets/<name>/… → name. */
const widgetOf = (id) => /[\\/]widgets[\\/]([^\\/]+)[\\/]/.exec(id ?? '')?.[1];
/** Whether a module is a widget's define file, the entry the loader imports. */
const isDefine = (id) => /[\\/]widgets[\\/][^\\/]+[\\/]define\.ts$/.test(id ?? '');
/** A chunk's name: its widget's, and for a widget's other lazy part also the part's ("budget-results"). */
const chunkName = (chunk) => {
  const widget = widgetOf(chunk.facadeModuleId);
  if (!widget) return chunk.name;
  return isDefine(chunk.facadeModuleId) ? widget : `${widget}-${chunk.name}`;
};

function manifest() {
  return {
    name: 'medverka-manifest',
    writeBundle(options, bundle) {
      const files = {};
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        const path = join(options.dir, file.fileName);
        const source = readFileSync(path);
        const gzip = gzipSync(source, { level: 9 });
        writeFileSync(`${path}.gz`, gzip);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        files[file.fileName] = {
          bytes: source.length,
          gzipBytes: gzip.length,
          integrity: `sha384-${createHash('sha384').update(source).digest('base64')}`,
        };
      }
      // For each widget: every file a page downloads to show it, loader first.
      const byName = Object.fromEntries(chunks.map((c) => [c.fileName, c]));
      const closure = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const dep of byName[fileName]?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const widgets = {};
      for (const chunk of chunks) {
        // A widget is its define file; its other lazy parts (the budget's results view) are not its page.
        if (!chunk.isDynamicEntry || !isDefine(chunk.facadeModuleId)) continue;
        const widget = widgetOf(chunk.facadeModuleId);
        if (widget) widgets[widget] = ['medverka.js', ...[...closure(chunk.fileName)].filter((f) => f !== 'medverka.js')];
      }
      const existing = (() => {
        try {
          return JSON.parse(readFileSync(join(options.dir, 'manifest.json'), 'utf8'));
        } catch {
          return { files: {}, widgets: {} };
        }
      })();
      const merged = {
        files: { ...existing.files, ...files },
        widgets: { ...existing.widgets, ...widgets },
      };
      writeFileSync(join(options.dir, 'manifest.json'), JSON.stringify(merged, null, 2) + '\n');
    },
  };
}

const plugins = (...first) => [
  ...first,
  resolve({ browser: true }),
  // Lit's own minifier for the HTML and CSS inside html`` and css`` templates.
  // SVG needs its closing slashes; alt="" must survive.
  minifyHTML({
    include: ['widgets/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { keepClosingSlash: true, removeEmptyAttributes: false } },
  }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  manifest(),
];

export default [
  {
    input: {
      medverka: 'widgets/loader/medverka.ts',
      'embed-frame': 'widgets/embed/frame.ts',
    },
    output: {
      dir: outDir,
      format: 'es',
      // Rollup's own glue (e.g. the loader's `.then(e=>e.h)`) as modern syntax: every widget's page carries the loader.
      generatedCode: { arrowFunctions: true, constBindings: true, objectShorthand: true },
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
      manualChunks(id) {
        if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs)[\\/]/.test(id)) return 'lit';
        // Following live is for the widgets that do (petition, poll): the others need not carry it.
        if (/[\\/]widgets[\\/]shared[\\/]live\.ts$/.test(id)) return undefined;
        if (/[\\/]widgets[\\/]shared[\\/]/.test(id)) return 'lit';
        // The residents' form kit, one chunk for the widgets with a form: a page with only
        // tiles (or a poll) never fetches it. Its solver stays a chunk of its own, fetched
        // once a resident starts a form.
        if (/[\\/]widgets[\\/]forms[\\/]/.test(id) && !/proof-of-work\.ts$/.test(id)) return 'forms';
        return undefined;
      },
    },
    plugins: plugins(
      // A chat shown in English fetches its panel with the English strings in the code (panel-en.ts).
      compiledLocale({
        entry: 'widgets/chat/panel-en.ts',
        via: './panel.js',
        module: 'widgets/chat/panel.element.ts',
        translations: 'widgets/chat/locales/en.ts',
        locale: 'en',
        sourceLocale: 'sv',
      }),
    ),
  },
  {
    // The staff console at /admin, built apart so that its code never changes how the
    // widgets are split into chunks (and so never their weight): one file, with its own
    // copy of Lit and of the widgets it previews.
    input: { console: 'widgets/console/define.ts' },
    output: { dir: outDir, format: 'es', sourcemap: true, entryFileNames: '[name].js', inlineDynamicImports: true },
    plugins: plugins(),
  },
  {
    // A classic script for host pages (it reads document.currentScript), so its own build.
    input: 'widgets/embed/frame-resizer.ts',
    output: { dir: outDir, format: 'iife', sourcemap: true, entryFileNames: 'frame-resizer.js' },
    plugins: plugins(),
  },
];
