import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  viteFinal: (vite) => ({
    ...vite,
    optimizeDeps: {
      ...vite.optimizeDeps,
      // Storybook's web-components renderer imports this Lit entry itself; unless it is
      // pre-bundled with the rest of Lit, `storybook dev` loads a second copy of lit-html.
      include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
    build: {
      ...vite.build,
      // Storybook's own preview runtime is one ~900 kB chunk; the widgets' byte budgets are
      // checked on the real bundle (npm run size), not here.
      chunkSizeWarningLimit: 1200,
    },
  }),
  core: {
    // These machines reach no network but the npm registry: with telemetry on, every
    // build and start waits on a request that never gets through.
    disableTelemetry: true,
  },
};

export default config;
