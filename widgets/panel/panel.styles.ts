import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    .base,
    form {
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
    }
    .hint,
    .optional,
    .required {
      color: var(--_muted);
      font-weight: normal;
    }
    .hint {
      font-size: 0.9375em;
    }
    .message,
    form {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .error {
      border-left: 0.3125em solid var(--_danger);
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      align-items: flex-start;
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
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }
    input:not([type]),
    input[type='email'] {
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
      font-weight: normal;
      cursor: pointer;
    }
    .consent {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      padding: 0.75em var(--_space);
      border-left: 0.3125em solid var(--_accent);
      background: var(--_subtle);
      max-width: 40em;
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
    .sent {
      border-left: 0.3125em solid var(--_accent);
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    @media (forced-colors: active) {
      form,
      .message,
      .summary,
      .consent {
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
