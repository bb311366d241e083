/**
 * The conversation panel's chunk for a chat shown in English. Built, it is the panel with its
 * English strings written into the code in place of the Swedish ones (`chatPanelInEnglish` in
 * rollup.config.js), so an English chat downloads no Swedish. In the source (tests, Storybook)
 * it is the panel itself, which fetches its English strings.
 */
export * from './panel.js';
