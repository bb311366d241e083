/**
 * Custom Elements Manifest analyzer config: reads the widgets' JSDoc headers and Lit
 * properties into custom-elements.json (generated, git-ignored), which Storybook's
 * controls and docs, and editors' IDEs, read.
 */
export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/locales/**', 'widgets/**/*.test.ts', 'widgets/**/*.spec.ts'],
  outdir: '.',
  litelement: true,
};
