/**
 * Pieces of style several console screens share, each taken by the screens that show it (on
 * top of the console's own styles): the editors' form beside its preview, a text shown as it
 * was written, the box that asks "are you sure?" before a step, and a list of things being
 * edited, and code to copy.
 */
import { css } from 'lit';

/** `.layout`: the form, and beside it on a wide screen the `.preview` that stays in view; `.preview-box` frames what residents will see. */
export const sideBySideStyles = css`
  .layout {
    display: grid;
    gap: 0 2rem;
    align-items: start;
  }
  @media (min-width: 64rem) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    .preview {
      position: sticky;
      top: 1rem;
    }
  }
  .preview-box {
    padding: 1rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
`;

/** `.text`: what someone wrote (a petition, a mail), in a box, with its line breaks kept. */
export const writtenTextStyles = css`
  .text {
    max-width: 40rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .text {
      border-color: CanvasText;
    }
  }
`;

/** `.confirm`: the question before a step that cannot be undone, with its buttons. */
export const confirmStyles = css`
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
  @media (forced-colors: active) {
    .confirm {
      border-color: CanvasText;
    }
  }
`;

/** `.entries` of `.entry`: the things being edited (a budget's projects, a poll's options, a set's tiles), each a box marked in the accent colour. */
export const entryListStyles = css`
  .entries {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .entry {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-inline-start: 0.3125rem solid var(--_accent);
    border-radius: var(--_radius);
  }
  .entry .actions {
    margin-bottom: 0;
  }
  @media (max-width: 30rem) {
    .entry {
      padding: 0.75rem 0.5rem;
    }
  }
  @media (forced-colors: active) {
    .entry {
      border-color: CanvasText;
    }
  }
`;

/** `.code-block`: embed code to copy, framed, its long lines wrapped anywhere so a phone shows it all. */
export const codeBlockStyles = css`
  .code-block {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .code-block {
      border-color: CanvasText;
    }
  }
`;
