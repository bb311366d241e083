import { css } from 'lit';
import { confirmStyles, writtenTextStyles } from '../kit/style-blocks.js';

/** The petition screen's own styles, on top of the console's. */
export const petitionStyles = [
  writtenTextStyles,
  confirmStyles,
  css`
    h2[tabindex='-1']:focus {
      outline: none;
    }
    .due {
      color: var(--_warning);
    }
    textarea.long {
      min-height: 12rem;
    }
    .mail-preview {
      margin: 0.75rem 0;
    }
    .mail-preview h4 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .mail-preview pre {
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
      font: inherit;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .corrected {
      margin-top: 0.5rem;
    }
  `,
];
