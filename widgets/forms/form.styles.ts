import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

/**
 * The residents' form styles: the page's layout, fields and choices, buttons, the error
 * summary and messages; also the petition's own parts (status, count, answer, signers),
 * which the petition list and the budget show as well.
 */
export const formStyles = [
  tokens,
  css`
    .base {
      /* The host page may set content-box on every element, the host included; the fields need border-box. */
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      overflow-wrap: break-word;
    }
    p {
      margin: 0;
    }
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
    }
    .subheading {
      font-size: 1.1875em;
      font-weight: 700;
      line-height: 1.3;
      margin-bottom: 0.5em;
    }
    .status {
      display: inline-block;
      align-self: flex-start;
      padding: 0.125em 0.625em;
      border: 1px solid currentColor;
      border-radius: 1em;
      font-weight: 700;
      font-size: 0.9375em;
    }
    .status-open {
      color: var(--_accent);
    }
    .proposer,
    .published,
    .answered,
    .days,
    .hint,
    .closed-note {
      color: var(--_muted);
    }
    .hint {
      font-size: 0.9375em;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      white-space: pre-line;
    }
    .answer p + p {
      margin-top: 0.75em;
    }
    .answer p {
      white-space: pre-line;
    }
    .count {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
    }
    .count-text {
      font-weight: 700;
      font-size: 1.125em;
    }
    progress {
      width: 100%;
      height: 1em;
      accent-color: var(--_accent);
    }
    .answer,
    .sign,
    .message {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .answer {
      border-left: 0.3125em solid var(--_accent);
      background: var(--_subtle);
    }
    .error {
      border-left: 0.3125em solid var(--_danger);
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      align-items: flex-start;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend,
    label {
      font-weight: 700;
    }
    legend {
      padding: 0;
      margin-bottom: 0.25em;
    }
    .choice label {
      font-weight: normal;
    }
    .nested {
      margin: 0.25em 0 0 1.375em;
      padding-left: 0.75em;
      border-left: 0.25em solid var(--_border);
    }
    input:not([type]),
    input[type='email'],
    #link {
      font: inherit;
      width: 100%;
      max-width: 30em;
      min-height: 2.75em;
      padding: 0.375em 0.5em;
      border: 2px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface);
      color: var(--_text);
    }
    input[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: 0.5em;
      min-height: 44px;
    }
    .choice input {
      flex: none;
      width: 1.5em;
      height: 1.5em;
      margin: 0.125em 0 0;
      accent-color: var(--_accent);
    }
    .choice label {
      flex: 1;
      min-width: 0;
      padding-top: 0.125em;
      cursor: pointer;
    }
    .field-error {
      color: var(--_danger);
      font-weight: 700;
    }
    .summary {
      padding: var(--_space);
      border: 0.1875em solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .summary-heading {
      font-weight: 700;
      font-size: 1.0625em;
    }
    .summary ul {
      margin: 0.5em 0 0;
      padding-left: 1.25em;
    }
    .summary a {
      color: var(--_danger);
      font-weight: 700;
      text-underline-offset: 0.15em;
    }
    .privacy {
      font-size: 0.9375em;
      color: var(--_muted);
      max-width: 40em;
    }
    .primary,
    .secondary {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      align-self: flex-start;
      min-height: 44px;
      min-width: 44px;
      max-width: 100%;
      padding: 0.5em 1.25em;
      text-align: center;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      font-weight: 700;
      cursor: pointer;
    }
    .primary {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .primary[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
    .secondary {
      background: var(--_surface);
      color: var(--_accent);
    }
    .secondary:hover {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .signer-list {
      margin: 0.5em 0;
      padding-left: 1.25em;
      columns: 14em auto;
    }
    .sent {
      border-left: 0.3125em solid var(--_accent);
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    .sent .subheading {
      margin: 0;
    }
    @media (forced-colors: active) {
      .answer,
      .sign,
      .message,
      .summary,
      .status {
        border: 1px solid CanvasText;
      }
      .primary,
      .secondary {
        border: 2px solid ButtonText;
      }
      input[aria-invalid='true'] {
        border-style: dashed;
      }
    }
  `,
];
