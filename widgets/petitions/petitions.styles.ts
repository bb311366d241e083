import { css } from 'lit';
import { formStyles } from '../forms/form.styles.js';

/**
 * The form kit's styles (fields, buttons, error summary, messages; in the kit's chunk), and
 * the list's own.
 */
export const styles = [
  ...formStyles,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      align-items: flex-end;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.25em;
    }
    .options .choice {
      align-items: center;
    }
    .search {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      flex: 1 1 14em;
      min-width: 0;
    }
    .search label {
      font-weight: 700;
    }
    .search-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .search-row input {
      flex: 1 1 10em;
    }
    input[type='text'],
    input[type='search'],
    textarea {
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
    textarea {
      max-width: 40em;
      resize: vertical;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .list {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
      width: 100%;
      min-height: 44px;
      padding: 0.75em var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      text-align: start;
      cursor: pointer;
    }
    .item-title {
      color: var(--_accent);
      font-weight: 700;
      font-size: 1.125em;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .item:hover .item-title {
      text-decoration-thickness: 0.15em;
    }
    .item-meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      align-items: center;
      color: var(--_muted);
    }
    .item-meta .status {
      align-self: auto;
    }
    .status-answered,
    .status-closed {
      color: var(--_text);
    }
    .propose,
    .propose-body,
    .panel {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .propose-body[hidden] {
      display: none;
    }
    .propose form,
    .notice {
      max-width: 40em;
    }
    .propose form {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .notice {
      padding: 0.75em;
      border-left: 0.3125em solid var(--_accent);
      background: var(--_surface);
    }
    .panel:focus {
      outline: none;
    }
    .panel:focus-visible {
      outline: 3px solid var(--_focus);
    }
    /* On paper: the list, or the petition opened; nothing to press or fill in. */
    @media print {
      .filters,
      .propose,
      .back {
        display: none;
      }
    }
    @media (forced-colors: active) {
      .item,
      .propose form,
      .notice {
        border: 1px solid CanvasText;
      }
      .item-title {
        color: LinkText;
      }
    }
  `,
];
