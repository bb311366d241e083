// A Rollup plugin that builds a second copy of a widget's module with another language's
// strings written into the code, as @lit/localize's "transform" mode does, so that readers
// of that language download no Swedish. Used for the chat's panel (issue 8: the opened chat
// in English must fit loader + Lit + widget ≤ 20 KB); the source and the tests are unchanged.
//
// The copy keeps every msg() call and its id, so the element can still switch language while
// shown: the Swedish strings, taken from the source's msg() calls, become a map of their own
// (fetched only then), as the English ones are for the Swedish build.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** msg('text', { id: '…' }) and msg(str`text ${value}`, { id: '…' }): the only shapes Medverka writes. */
const msgCall = /\bmsg\(\s*('(?:[^'\\]|\\.)*'|str`[^`]*`),\s*\{\s*id:\s*'([^']+)'\s*\},?\s*\)/g;
/** One entry of a locales/<lang>.ts template map. */
const templateEntry = /'([^']+)':\s*('(?:[^'\\]|\\.)*'|str`[^`]*`)/g;
const placeholders = /\$\{([^}]*)\}/g;

/** The values of a str`` template, in order ('' for a plain string). */
const valuesOf = (literal) => [...literal.matchAll(placeholders)].map((m) => m[1].trim());

function fail(message) {
  throw new Error(`compiled-locale: ${message}`);
}

/**
 * Rewrites a module's msg() calls into `locale`. Returns the rewritten source and the source
 * language's templates, as a map whose str`` placeholders number the rewritten call's values.
 */
export function compileStrings(source, translations, file) {
  const targets = new Map([...translations.matchAll(templateEntry)].map((m) => [m[1], m[2]]));
  const sourceTemplates = new Map();
  const compiled = source.replace(msgCall, (_, literal, id) => {
    const target = targets.get(id);
    if (target === undefined) fail(`${file}: no translation for "${id}"`);
    const values = valuesOf(literal);
    if (values.some((v) => /[{}`]/.test(v))) fail(`${file}: "${id}" has a value too complex to move: ${literal}`);
    // The target's placeholders are indexes into the source's values.
    const order = [...target.matchAll(placeholders)].map((m) => Number(m[1]));
    if (order.some((i) => !Number.isInteger(i) || i >= values.length)) fail(`${file}: "${id}" refers to a value the source does not have`);
    if (values.some((_, i) => !order.includes(i))) fail(`${file}: "${id}" leaves out one of the source's values`);
    const written = target.replace(placeholders, (__, i) => '${' + values[Number(i)] + '}');
    // The source's text as a template for the rewritten call: its placeholders point into the new order.
    let n = 0;
    sourceTemplates.set(id, literal.replace(placeholders, () => '${' + order.indexOf(n++) + '}'));
    return `msg(${written}, { id: '${id}' })`;
  });
  const calls = source.match(/\bmsg\(/g)?.length ?? 0;
  if ((source.match(msgCall)?.length ?? 0) !== calls) {
    fail(`${file}: ${calls} msg() calls, not all of a shape this plugin can rewrite`);
  }
  return { compiled, sourceTemplates };
}

/**
 * @param {object} options
 * @param {string} options.entry the module importing the copy, e.g. widgets/chat/panel-en.ts
 * @param {string} options.via what the entry imports, rewritten to the copy: './panel.js' (whose own imports of `module` are copied too)
 * @param {string} options.module the module with the msg() calls, e.g. widgets/chat/panel.element.ts
 * @param {string} options.translations the target language's map, e.g. widgets/chat/locales/en.ts
 * @param {string} options.locale 'en'
 * @param {string} options.sourceLocale 'sv'
 */
export function compiledLocale({ entry, via, module, translations, locale, sourceLocale }) {
  const root = process.cwd();
  const entryId = resolve(root, entry);
  const moduleId = resolve(root, module);
  const dir = dirname(moduleId);
  const viaId = join(dir, via.replace(/\.js$/, `.${locale}.ts`));
  const copyId = moduleId.replace(/\.ts$/, `.${locale}.ts`);
  const mapId = join(dir, 'locales', `${sourceLocale}.ts`);
  const base = (id) => `./${id.slice(dir.length + 1).replace(/\.ts$/, '.js')}`;
  let sourceTemplates;
  /** Copies of the module's neighbours, by their ids, with the files they copy. */
  const copies = new Map();
  return {
    name: 'medverka-compiled-locale',
    resolveId(source, importer) {
      if (importer === entryId && source === via) return viaId;
      if (importer === viaId && source === base(copyId)) return copyId;
      if (importer === copyId && source === `./locales/${sourceLocale}.js`) return mapId;
      // The copy's own neighbours are copied too, unchanged, so that its chunk needs no chunk
      // shared with the source-language build (one more file for every reader to fetch).
      if ((importer === copyId || copies.has(importer)) && /^\.\/[^/]+\.js$/.test(source)) {
        const original = join(dir, source.replace(/\.js$/, '.ts'));
        const copy = original.replace(/\.ts$/, `.${locale}.ts`);
        copies.set(copy, original);
        return copy;
      }
      return null;
    },
    load(id) {
      if (id === viaId) {
        const code = readFileSync(join(dir, via.replace(/\.js$/, '.ts')), 'utf8');
        if (!code.includes(`'${base(moduleId)}'`)) fail(`${via} does not import ${base(moduleId)}`);
        return code.replaceAll(`'${base(moduleId)}'`, `'${base(copyId)}'`);
      }
      if (id === copyId) {
        const source = readFileSync(moduleId, 'utf8');
        const result = compileStrings(source, readFileSync(resolve(root, translations), 'utf8'), module);
        sourceTemplates = result.sourceTemplates;
        // The language in the code, and the chunk with the other one's strings.
        const swaps = [
          [`const inCode: Locale = '${sourceLocale}';`, `const inCode: Locale = '${locale}';`],
          [`import('./locales/${locale}.js')`, `import('./locales/${sourceLocale}.js')`],
        ];
        let code = result.compiled;
        for (const [from, to] of swaps) {
          if (code.split(from).length !== 2) fail(`${module} must contain exactly one ${from}`);
          code = code.replace(from, to);
        }
        return code;
      }
      if (copies.has(id)) return readFileSync(copies.get(id), 'utf8');
      if (id === mapId) {
        if (!sourceTemplates) fail(`${mapId} asked for before ${copyId} was built`);
        const localize = resolve(root, 'widgets/shared/localize.ts');
        const entries = [...sourceTemplates].map(([id, literal]) => `  '${id}': ${literal},`).join('\n');
        return `import { str } from ${JSON.stringify(localize)};\nexport const templates = {\n${entries}\n};\n`;
      }
      return null;
    },
  };
}
