import { css } from 'lit';
import { formStyles } from '../forms/form.styles.js';

/**
 * The form kit's styles, and the survey's own: its form as a card, the progress, the
 * questions (free text, scales, rankings) and the page buttons.
 */
export const styles = [
  formStyles,
  css`
    form {
      box-sizing: border-box;
      overflow-wrap: break-word;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .subheading {
      margin-bottom: 0;
    }
    .intro {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      white-space: pre-line;
      max-width: 40em;
    }
    .optional,
    .required {
      color: var(--_muted);
      font-weight: normal;
    }
    .message {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      align-items: flex-start;
    }
    .done {
      border-left: 0.3125em solid var(--_accent);
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
    }
    progress {
      height: 0.75em;
    }
    .question {
      padding-top: var(--_space);
      border-top: 1px solid var(--_border);
    }
    .question legend {
      /* A legend sits in its fieldset's border; floated, it is laid out inside, below the rule. */
      float: left;
      width: 100%;
    }
    textarea {
      font: inherit;
      width: 100%;
      max-width: 40em;
      min-height: 6em;
      padding: 0.375em 0.5em;
      border: 2px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface);
      color: var(--_text);
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
    }
    input[type='radio'],
    input[type='checkbox'] {
      flex: none;
      width: 1.5em;
      height: 1.5em;
      margin: 0.125em 0 0;
      accent-color: var(--_accent);
    }
    .scale {
      display: grid;
      /* Five in a row where they fit; at 320 px with large text they wrap rather than overflow. */
      grid-template-columns: repeat(auto-fit, minmax(3.25em, 1fr));
      max-width: 22.5em;
      gap: 0.25em;
    }
    .step {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.25em;
      min-height: 44px;
    }
    .step label {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      cursor: pointer;
    }
    .end {
      font-size: 0.875em;
      font-weight: normal;
      color: var(--_muted);
    }
    .ranking {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    .ranking li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
      padding: 0.5em 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .rank {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2em;
      height: 2em;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 700;
    }
    .item {
      flex: 1 1 8em;
      min-width: 0;
    }
    .moves {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
    }
    .nav > button {
      /* The kit's buttons keep their own height in a column; side by side they match. */
      align-self: auto;
    }
    .move {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-height: 44px;
      min-width: 44px;
      max-width: 100%;
      padding: 0.375em 0.75em;
      text-align: center;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_accent);
      font-weight: normal;
      cursor: pointer;
    }
    .move:not(:disabled):hover {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .move:disabled {
      border-color: var(--_border);
      color: var(--_muted);
      cursor: default;
    }
    /* On paper: the questions and answers, without buttons, progress bar or save hints. */
    @media print {
      button,
      .nav,
      .moves,
      progress,
      .saved {
        display: none !important;
      }
      form,
      .message {
        border: 0;
        padding: 0;
      }
      .field,
      .ranking li {
        break-inside: avoid;
      }
    }
    @media (forced-colors: active) {
      form,
      .ranking li,
      .rank {
        border: 1px solid CanvasText;
      }
      .move {
        border: 2px solid ButtonText;
      }
      .move:disabled {
        border-color: GrayText;
        color: GrayText;
      }
      [aria-invalid='true'] {
        border-style: dashed;
      }
    }
  `,
];
