import { css } from 'lit';
import { tokens } from '../../shared/tokens.styles.js';

/**
 * What every console screen shares: headings, forms, buttons, tables, messages. Built on the
 * widgets' tokens so the console looks like the widgets it manages. The console is our own
 * page, so sizes are in rem.
 */
export const consoleStyles = [
  tokens,
  css`
    :host {
      --_warning: #7a4a00;
      --_ok: #1e6b34;
    }
    h1,
    h2,
    h3 {
      line-height: 1.25;
      margin: 0 0 0.75rem;
    }
    h1 {
      font-size: 1.75rem;
    }
    h2 {
      font-size: 1.375rem;
      margin-top: 2rem;
    }
    h3 {
      font-size: 1.125rem;
    }
    /* Headings take focus only so a screen reader starts there after navigation. */
    h1[tabindex='-1']:focus {
      outline: none;
    }
    p {
      margin: 0 0 1rem;
    }
    a {
      color: var(--_accent);
      text-underline-offset: 0.15em;
    }
    a:hover {
      text-decoration-thickness: 0.15em;
    }
    form {
      max-width: 40rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin: 0 0 1rem;
    }
    label,
    .label {
      font-weight: 700;
    }
    .hint {
      color: var(--_muted);
      margin: 0;
    }
    input:not([type='checkbox'], [type='radio'], [type='color']),
    select,
    textarea {
      width: 100%;
      min-height: 2.75rem;
      margin: 0;
      padding: 0.5rem 0.625rem;
      border: 2px solid var(--_border);
      border-radius: 0.25rem;
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    textarea {
      min-height: 5rem;
      resize: vertical;
    }
    input[type='color'] {
      width: 4rem;
      height: 2.75rem;
      padding: 0.125rem;
      border: 2px solid var(--_border);
      border-radius: 0.25rem;
      background: var(--_surface);
    }
    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
      border-width: 3px !important;
    }
    .field-error {
      color: var(--_danger);
      font-weight: 700;
      margin: 0;
    }
    fieldset {
      min-width: 0;
      margin: 0 0 1rem;
      padding: 0.5rem 1rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-height: 2.75rem;
      font-weight: normal;
    }
    .choice input {
      flex: none;
      width: 1.375rem;
      height: 1.375rem;
      margin: 0;
      accent-color: var(--_accent);
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      min-width: 2.75rem;
      margin: 0;
      padding: 0.375rem 1rem;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_accent);
      font-weight: 700;
      line-height: 1.25;
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: var(--_subtle);
      text-decoration: underline;
    }
    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    button.primary:hover:not(:disabled) {
      background: var(--_accent);
      box-shadow: 0 0.125rem 0.5rem rgb(0 0 0 / 0.3);
    }
    button.danger {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    button.danger.primary {
      background: var(--_danger);
      color: #ffffff;
    }
    button:disabled {
      border-color: var(--_border);
      color: var(--_muted);
      cursor: not-allowed;
    }
    button.link {
      min-height: 2.75rem;
      padding: 0 0.25rem;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 1rem 0;
    }
    .error-summary {
      margin: 0 0 1.5rem;
      padding: 1rem;
      border: 4px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .error-summary-title {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .error-summary li {
      margin: 0.25rem 0;
    }
    .error-summary a {
      color: var(--_danger);
      font-weight: 700;
    }
    .notice {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-inline-start: 0.3125rem solid var(--_accent);
      background: var(--_subtle);
    }
    .notice.warning {
      border-color: var(--_warning);
    }
    .notice.problem {
      border-color: var(--_danger);
    }
    .notice > :last-child {
      margin-bottom: 0;
    }
    .muted {
      color: var(--_muted);
    }
    .badge {
      display: inline-block;
      padding: 0 0.5rem;
      border: 1px solid currentColor;
      border-radius: 1rem;
      font-size: 0.875rem;
      font-weight: 700;
      white-space: nowrap;
    }
    .table-wrap {
      max-width: 100%;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding: 0 0 0.5rem;
    }
    th,
    td {
      padding: 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
    }
    th {
      background: var(--_subtle);
    }
    td {
      overflow-wrap: anywhere;
    }
    code,
    pre {
      font-family: ui-monospace, 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace;
      font-size: 0.9375rem;
    }
    @media (forced-colors: active) {
      button,
      input,
      select,
      textarea,
      fieldset,
      .error-summary,
      .notice {
        border-color: CanvasText;
      }
      button:disabled {
        border-color: GrayText;
        color: GrayText;
      }
      .notice {
        border: 1px solid CanvasText;
        border-inline-start-width: 0.3125rem;
      }
    }
    /* A screen's facts (dates, counts) as a list of names and values; one column on a phone. */
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 1rem;
    }
    .facts dt {
      font-weight: 700;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    @media (max-width: 30rem) {
      .facts {
        grid-template-columns: 1fr;
      }
      .facts dd {
        margin-bottom: 0.5rem;
      }
    }
    @media (max-width: 30rem) {
      fieldset {
        padding: 0.25rem 0.625rem 0.5rem;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        scroll-behavior: auto !important;
      }
    }
  `,
];
