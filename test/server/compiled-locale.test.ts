// The build step that writes the chat panel's English strings into its code (the built
// bundle's behaviour is tested in test/e2e/chat-language.test.ts): values keep their places
// when a language orders them differently, and anything it cannot rewrite fails the build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain JavaScript build script, without types
import { compileStrings } from '../../scripts/compiled-locale.js';

const compile = (source: string, translations: string): { compiled: string; sourceTemplates: Map<string, string> } =>
  compileStrings(source, translations, 'test.ts');

describe('compiled locale: msg() calls rewritten into another language', () => {
  it('writes the target text in, keeps the id, and puts each value where the target wants it', () => {
    const source = [
      "const a = msg('Hej', { id: 'x.hello' });",
      'const b = msg(str`${day} klockan ${time}`, { id: \'x.when\' });',
      "const c = msg(\n  'Två\\'or',\n  { id: 'x.quote' },\n);",
    ].join('\n');
    const translations = "{ 'x.hello': 'Hello', 'x.when': str`at ${1} on ${0}`, 'x.quote': 'Two\\'s' }";
    const { compiled, sourceTemplates } = compile(source, translations);
    assert.match(compiled, /msg\('Hello', \{ id: 'x\.hello' \}\)/);
    // English puts the time first: the values follow their placeholders.
    assert.match(compiled, /msg\(str`at \$\{time\} on \$\{day\}`, \{ id: 'x\.when' \}\)/);
    assert.match(compiled, /msg\('Two\\'s', \{ id: 'x\.quote' \}\)/);
    // The Swedish text as a map for the rewritten call: day is now its second value.
    assert.deepEqual(Object.fromEntries(sourceTemplates), { 'x.hello': "'Hej'", 'x.when': 'str`${1} klockan ${0}`', 'x.quote': "'Två\\'or'" });
  });

  it('fails on a call without a translation, a value left out, and a call of another shape', () => {
    assert.throws(() => compile("msg('Hej', { id: 'x.hello' })", '{}'), /no translation for "x\.hello"/);
    assert.throws(() => compile("msg(str`Hej ${namn}`, { id: 'x.hi' })", "{ 'x.hi': 'Hi' }"), /leaves out/);
    assert.throws(() => compile("msg('Hej', { id: 'x.hi' })", "{ 'x.hi': str`Hi ${0}` }"), /does not have/);
    assert.throws(() => compile("msg(text, { id: 'x.hi' })", "{ 'x.hi': 'Hi' }"), /not all of a shape/);
  });

  it('rewrites every call in the chat panel, and the English map covers them all', () => {
    const source = readFileSync('widgets/chat/panel.element.ts', 'utf8');
    const { compiled, sourceTemplates } = compile(source, readFileSync('widgets/chat/locales/en.ts', 'utf8'));
    assert.ok(sourceTemplates.size > 50, `${sourceTemplates.size} strings`);
    assert.ok(!/[åäö]/i.test(compiled.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')), 'no Swedish left in the code');
  });
});
