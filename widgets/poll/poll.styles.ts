import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    /* The big screen: the widget fills the window, and its type grows with it. */
    :host([presenter]:not([hidden])) {
      display: flex;
      flex-direction: column;
      justify-content: center;
      min-height: 100vh;
      min-height: 100dvh;
      padding: 4vmin 6vw;
      /* In px and viewport units alone: the presenter's page may scale its root font too. */
      font-size: clamp(18px, 1vw + 1.5vh + 4px, 56px);
    }
    .base {
      /* The host page may set content-box on every element, the host included. */
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      overflow-wrap: break-word;
    }
    /* Centred in the window, also when the page makes the host a block of the window's height. */
    :host([presenter]) .base {
      min-height: 100%;
      justify-content: center;
      width: 100%;
      max-width: 60em;
      margin-inline: auto;
    }
    p {
      margin: 0;
    }
    .question {
      font-size: 1.375em;
      font-weight: 700;
      line-height: 1.25;
    }
    :host([presenter]) .question {
      font-size: 1.75em;
    }
    .subheading {
      font-size: 1.1875em;
      font-weight: 700;
      line-height: 1.3;
    }
    /* The big screen says "Resultat" to screen readers only: the bars say it to the room. */
    :host([presenter]) .subheading {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .status {
      align-self: flex-start;
      padding: 0.125em 0.625em;
      border: 1px solid currentColor;
      border-radius: 1em;
      font-weight: 700;
      font-size: 0.9375em;
    }
    .hint,
    .note,
    .scale-ends {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
    }
    .options.scale {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      max-width: 25em;
    }
    .option {
      min-height: 44px;
      padding: 0.5em 1em;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      text-align: start;
      cursor: pointer;
    }
    .scale .option {
      padding: 0.5em 0;
      text-align: center;
      font-size: 1.25em;
      font-weight: 700;
    }
    .option:hover,
    .option:active {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .option[aria-disabled='true'],
    .primary[aria-disabled='true'] {
      cursor: progress;
    }
    .scale-ends {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25em 1em;
      max-width: 26.5em;
    }
    form,
    fieldset {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    fieldset {
      gap: 0.25em;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
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
    .problem {
      padding-left: 0.5em;
      border-left: 0.3125em solid var(--_danger);
      color: var(--_danger);
      font-weight: 700;
    }
    .primary,
    .secondary {
      align-self: flex-start;
      min-height: 44px;
      min-width: 44px;
      max-width: 100%;
      padding: 0.5em 1.25em;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      font-weight: 700;
      cursor: pointer;
    }
    .primary {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .secondary {
      background: var(--_surface);
      color: var(--_accent);
    }
    .secondary:hover {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .answered {
      padding: 0.75em var(--_space);
      border-left: 0.3125em solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .answered-title {
      font-weight: 700;
      font-size: 1.125em;
    }
    .results {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .bars {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* Label and figures on one line, the bar under them; on a wide big screen all three in a row. */
    .bar-row {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25em 1em;
      align-items: end;
    }
    .bar-label {
      grid-area: 1 / 1;
    }
    .bar-value {
      grid-area: 1 / 2;
    }
    .bar {
      grid-area: 2 / 1 / auto / -1;
      display: block;
      width: 100%;
      height: 1.25em;
      overflow: visible;
    }
    @media (min-width: 40em) {
      /* One grid for all the rows, so that every bar starts and ends at the same place. */
      :host([presenter]) .bars {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
        gap: 0.75em;
      }
      :host([presenter]) .bar-row {
        grid-column: 1 / -1;
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) 8em;
        grid-template-columns: subgrid;
        align-items: center;
      }
      :host([presenter]) .bar-label,
      :host([presenter]) .bar,
      :host([presenter]) .bar-value {
        grid-area: auto;
      }
    }
    :host([presenter]) .many .bars {
      gap: 0.375em 0.75em;
      font-size: 0.8em;
    }
    .bar-track {
      fill: var(--_surface);
      stroke: var(--_border);
      stroke-width: 1px;
    }
    .bar-fill {
      fill: var(--_accent);
      transition: width 0.4s ease-out;
    }
    .bar-value {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      text-align: end;
    }
    :host([presenter]) .bar-value {
      font-weight: 700;
    }
    .mine .bar-label {
      font-weight: 700;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.25em;
      padding: 0 0.5em;
      border: 1px solid currentColor;
      border-radius: 1em;
      color: var(--_accent);
      font-size: 0.875em;
      font-weight: normal;
    }
    .total {
      font-weight: 700;
      font-size: 1.125em;
    }
    :host([presenter]) .total {
      font-size: 1.5em;
    }
    .message {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .error {
      border-left: 0.3125em solid var(--_danger);
      display: flex;
      flex-direction: column;
      gap: 0.75em;
      align-items: flex-start;
    }
    @media (prefers-reduced-motion: reduce) {
      .bar-fill {
        transition: none;
      }
    }
    @media (forced-colors: active) {
      .option,
      .primary,
      .secondary {
        border: 2px solid ButtonText;
      }
      .answered,
      .message {
        border: 1px solid CanvasText;
      }
      .problem {
        border-left-color: CanvasText;
      }
      .bar-track {
        fill: Canvas;
        stroke: CanvasText;
      }
      .bar-fill {
        fill: CanvasText;
      }
    }
  `,
];
