import { css } from 'lit';
import { formStyles } from '../forms/form.styles.js';

/**
 * The form kit's styles (fields, buttons, error summary, messages; in the kit's chunk), and
 * the budget's own: lines, projects, the tally, and the
 * results' bars and table.
 */
export const styles = [
  ...formStyles,
  css`
    .status-published {
      color: var(--_accent);
    }
    .share {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .share > .subheading {
      margin: 0;
    }
    .lines,
    .projects {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .line,
    .project {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .project.chosen {
      border: 2px solid var(--_accent);
      background: var(--_subtle);
    }
    .line-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1em;
    }
    .line-title,
    .project label {
      font-weight: 700;
      font-size: 1.0625em;
    }
    .line-amount,
    .cost {
      font-weight: 700;
    }
    .description {
      white-space: pre-line;
    }
    .picture {
      display: block;
      width: 100%;
      max-width: 24em;
      height: auto;
      aspect-ratio: 3 / 2;
      object-fit: cover;
      border-radius: calc(var(--_radius) / 2);
      background: var(--_subtle);
    }
    input[type='range'] {
      width: 100%;
      min-height: 44px;
      margin: 0;
      accent-color: var(--_accent);
      cursor: pointer;
    }
    .limits {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .exact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
    }
    .exact label {
      font-weight: normal;
    }
    .exact input {
      max-width: 11em;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .note {
      font-weight: 700;
      color: var(--_muted);
    }
    .tally .warning {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.375em;
      height: 1.375em;
      border-radius: 50%;
      margin-inline-end: 0.375em;
      background: var(--_danger);
      color: var(--_on-accent);
      font-weight: 700;
    }
    .tally {
      display: flex;
      flex-direction: column;
      gap: 0.375em;
      padding: var(--_space);
      border-radius: var(--_radius);
      border-left: 0.3125em solid var(--_accent);
      background: var(--_subtle);
    }
    .tally.over,
    .tally.under {
      border-left-color: var(--_danger);
    }
    .tally-sum {
      font-weight: 700;
      font-size: 1.125em;
    }
    .tally-left {
      font-weight: 700;
    }
    .tally.over .tally-left,
    .tally.under .tally-left {
      color: var(--_danger);
    }
    .gauge,
    .bar {
      display: block;
      width: 100%;
      height: 1em;
      overflow: visible;
    }
    .gauge-track,
    .bar-track {
      fill: var(--_surface);
      stroke: var(--_border);
      stroke-width: 1px;
    }
    .gauge-fill,
    .bar-fill {
      fill: var(--_accent);
    }
    .over .gauge-fill {
      fill: var(--_danger);
    }
    .bar-marker {
      fill: var(--_text);
    }
    .districts .hint {
      font-weight: normal;
    }
    .closed {
      color: var(--_muted);
    }
    .sent button {
      margin-top: 0.5em;
    }
    .results,
    .result-group,
    .decision {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .results > .subheading,
    .result-group > .subheading,
    .decision > .subheading {
      margin: 0;
    }
    .participants {
      font-weight: 700;
      font-size: 1.125em;
    }
    .decision {
      padding: var(--_space);
      border-left: 0.3125em solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .decision p {
      white-space: pre-line;
    }
    .chart {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .bar-row {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    .bar-label {
      font-weight: 700;
    }
    .bar {
      height: 1.25em;
    }
    .bar-value {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.5em;
      padding: 0 0.5em;
      border: 1px solid currentColor;
      border-radius: 1em;
      color: var(--_accent);
      font-size: 0.875em;
    }
    /* A narrow screen scrolls the table rather than the page (it is focusable, for keyboards). */
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      font-size: 0.9375em;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: 0.375em;
    }
    th,
    td {
      padding: 0.375em 0.5em 0.375em 0;
      border-bottom: 1px solid var(--_border);
      text-align: start;
      vertical-align: top;
      overflow-wrap: break-word;
    }
    th:last-child,
    td:last-child {
      padding-inline-end: 0;
    }
    .num {
      text-align: end;
    }
    td.num {
      white-space: nowrap;
    }
    tbody th {
      font-weight: normal;
    }
    @media (forced-colors: active) {
      .line,
      .project,
      .tally,
      .decision {
        border: 1px solid CanvasText;
      }
      .project.chosen,
      .tally.over,
      .tally.under {
        border: 3px solid CanvasText;
      }
      .gauge-track,
      .bar-track {
        fill: Canvas;
        stroke: CanvasText;
      }
      .gauge-fill,
      .over .gauge-fill,
      .bar-fill {
        fill: CanvasText;
      }
      .bar-marker {
        fill: Highlight;
      }
      .tally .warning {
        forced-color-adjust: none;
        background: CanvasText;
        color: Canvas;
      }
    }
    /* Printed, the results read whole: tables not cut at the paper's edge, no line split over two pages; no form or button (nothing to press on paper). */
    @media print {
      form,
      button,
      [part='button'] {
        display: none;
      }
      .table-wrap {
        overflow: visible;
      }
      .bar-row,
      tr {
        break-inside: avoid;
      }
    }
  `,
];
