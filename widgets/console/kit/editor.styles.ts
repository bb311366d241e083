import { css } from 'lit';
import { confirmStyles, entryListStyles, sideBySideStyles, writtenTextStyles } from './style-blocks.js';

/** The editors' layout (budget, poll, survey): form beside a sticky preview, on top of the console's styles. */
export const editorStyles = [
  sideBySideStyles,
  writtenTextStyles,
  confirmStyles,
  entryListStyles,
  css`
    h2[tabindex='-1']:focus,
    h4[tabindex='-1']:focus,
    p[tabindex='-1']:focus {
      outline: none;
    }
    form h3 {
      margin-top: 1.5rem;
    }
    form h3 + .hint,
    fieldset > .hint {
      margin-bottom: 0.75rem;
    }
    h4 {
      margin: 0 0 0.75rem;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    .pair,
    .amounts {
      display: grid;
      gap: 0 1rem;
    }
    @media (min-width: 40rem) {
      .pair {
        grid-template-columns: 1fr 1fr;
      }
      .amounts {
        grid-template-columns: 1fr 1fr;
      }
    }
    .amounts .field label {
      min-height: 1.5em;
    }
    input[readonly] {
      background: var(--_subtle);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .confirm {
      margin-bottom: 1rem;
    }
    .confirm p {
      font-weight: 700;
    }
    .text {
      margin: 0 0 1rem;
    }
    table {
      margin-bottom: 1rem;
    }
    th.number,
    td.number {
      text-align: end;
      white-space: nowrap;
    }
    tbody th {
      background: none;
      font-weight: 700;
    }
    .counts + .hint {
      margin-bottom: 1rem;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-bottom: 0;
    }
    tfoot th {
      background: none;
    }
    @media (max-width: 30rem) {
      th,
      td {
        padding: 0.5rem 0.25rem;
      }
    }
    .downloads {
      margin: 0 0 0.5rem;
      padding-inline-start: 1.25rem;
    }
    .downloads li {
      margin: 0.25rem 0;
    }
  `,
];
