import { css } from 'lit';

/** The petition screen's own styles, on top of the console's. */
export const petitionStyles = css`
  h2[tabindex='-1']:focus {
    outline: none;
  }
  .text {
    max-width: 40rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .due {
    color: var(--_warning);
  }
  .confirm {
    max-width: 40rem;
    margin-top: 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .confirm .actions {
    margin-bottom: 0;
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
  @media (forced-colors: active) {
    .text,
    .confirm {
      border-color: CanvasText;
    }
  }
`;
