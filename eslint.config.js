import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'storybook-static/', 'data/', 'bench/results/', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No focused tests may land.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'Remove .only before committing.' },
        { object: 'describe', property: 'only', message: 'Remove .only before committing.' },
        { object: 'test', property: 'only', message: 'Remove .only before committing.' },
      ],
    },
  },
  {
    files: ['widgets/**/*.ts', 'stories/**/*.ts', 'test/widgets/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts', 'stories/**/*.ts', 'test/widgets/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: Object.fromEntries(Object.keys(litA11y.rules).map((name) => [`lit-a11y/${name}`, 'error'])),
  },
  {
    files: ['widgets/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          // Widgets render user text as text: never unsafeHTML or unsafeSVG.
          paths: ['lit/directives/unsafe-html.js', 'lit/directives/unsafe-svg.js'],
          // The server's schemas files are the only door to it, and only for types: no zod or
          // server code may end up in a widget's bundle. Values both sides need are in contract/.
          patterns: [
            { group: ['**/server/**', '!**/server/**/schemas.js'], message: 'Widgets take the server’s types only from a server/**/schemas.ts file.' },
            { group: ['**/server/**/schemas.js'], allowTypeImports: true, message: 'Import the server’s schemas with `import type`: their values are server code.' },
          ],
        },
      ],
    },
  },
);
