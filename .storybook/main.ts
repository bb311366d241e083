import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
  core: {
    // These machines reach no network but the npm registry: with telemetry on, every
    // build and start waits on a request that never gets through.
    disableTelemetry: true,
  },
};

export default config;
