import { css } from 'lit';
import { formStyles } from '../forms/form.styles.js';

/** The form kit's styles (fields, buttons, messages; its chunk is on the page anyway) and the register's own. */
export const styles = [
  formStyles,
  css`
    .list,
    .channels {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .item {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75em var(--_space);
    }
    .item-heading {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.3;
    }
    /* The title is the disclosure button: the whole line, at least 44 px high. */
    .toggle {
      display: flex;
      align-items: center;
      gap: 0.5em;
      width: 100%;
      min-height: 2.75em;
      padding: 0.25em 0;
      border: 0;
      background: none;
      color: var(--_accent);
      font: inherit;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .toggle::before {
      content: '';
      flex: none;
      width: 0.5em;
      height: 0.5em;
      border-right: 0.15em solid currentColor;
      border-bottom: 0.15em solid currentColor;
      transform: rotate(-45deg);
      transition: transform 0.15s;
    }
    .toggle[aria-expanded='true']::before {
      transform: rotate(45deg);
    }
    .toggle:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .phase-open {
      color: var(--_accent);
      font-weight: 700;
    }
    .details {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      margin-top: 0.75em;
      padding-top: 0.75em;
      border-top: 1px solid var(--_border);
    }
    .question {
      font-weight: 700;
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: 0.375em 1em;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
    }
    .part-heading {
      font-weight: 700;
    }
    .channels li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .channel {
      flex-basis: 100%;
      padding: 0.75em;
      background: var(--_subtle);
      border-radius: var(--_radius);
    }
    .outcome {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    .filters {
      display: flex;
      flex-direction: row;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5em 1.5em;
    }
    .filters button {
      align-self: flex-end;
    }
    select {
      min-height: 2.75em;
      font: inherit;
      padding: 0.25em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
    .follow {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5em;
    }
    .follow .field {
      align-self: stretch;
    }
    @media (max-width: 30em) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: 0.375em;
      }
    }
  `,
];
