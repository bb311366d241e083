import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: contents;
      --_offset: var(--medverka-chat-offset, 1rem);
    }
    p {
      margin: 0;
    }
    /* Wide screens: beside the page, above the launcher in the bottom right corner. */
    dialog {
      position: fixed;
      inset: auto var(--_offset) calc(var(--_offset) + 4em) auto;
      z-index: var(--medverka-chat-z-index, 1000);
      width: min(26em, calc(100vw - 2 * var(--_offset)));
      height: min(40em, calc(100dvh - 6em - var(--_offset)));
      max-width: none;
      max-height: none;
      margin: 0;
      padding: 0;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 0.25em 1.5em rgb(0 0 0 / 0.3);
      overflow: hidden;
    }
    dialog[open] {
      display: flex;
      animation: appear 0.2s ease-out;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    /* Narrow screens: the whole screen, so it covers nothing by surprise and leaves room to write. */
    @media (width < 40rem) {
      dialog {
        inset: 0;
        width: 100%;
        height: 100%;
        border: 0;
        border-radius: 0;
      }
    }
    @keyframes appear {
      from {
        opacity: 0;
        transform: translateY(1em);
      }
    }
    .header {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.5em;
      padding: 0.5em 0.5em 0.5em var(--_space);
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .header > div {
      padding-top: 0.5em;
      min-width: 0;
    }
    .title {
      font-weight: 700;
      font-size: 1.125em;
      line-height: 1.3;
    }
    .state {
      font-size: 0.875em;
    }
    .close {
      display: grid;
      place-items: center;
      flex: none;
      width: 44px;
      height: 44px;
      padding: 0;
      border: 0;
      border-radius: var(--_radius);
      background: none;
      color: inherit;
      cursor: pointer;
    }
    .close:focus-visible {
      outline-color: var(--_on-accent);
      outline-offset: -4px;
    }
    svg {
      width: 1.25em;
      height: 1.25em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
    .body {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      overscroll-behavior: contain;
      display: flex;
      flex-direction: column;
      gap: var(--_space);
      padding: var(--_space);
      overflow-wrap: break-word;
    }
    .loading {
      color: var(--_muted);
      /* Shown only if the answer takes a while, so a quick one does not flash. */
      animation: appear 0s 0.3s both;
    }
    .notice,
    .ended,
    form {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }
    .subheading {
      font-weight: 700;
      font-size: 1.0625em;
    }
    .hint,
    .system,
    .meta,
    .masked {
      font-size: 0.875em;
    }
    .hint,
    .system,
    .meta {
      color: var(--_muted);
    }
    .ended .field {
      gap: 0.5em;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    label,
    legend {
      font-weight: 700;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: 0.25em;
    }
    input:not([type='radio']),
    textarea {
      font: inherit;
      width: 100%;
      min-height: 2.75em;
      padding: 0.375em 0.5em;
      border: 2px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      background: var(--_surface);
      color: var(--_text);
    }
    textarea {
      resize: vertical;
    }
    [aria-invalid='true'] {
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
      margin: 0;
      accent-color: var(--_accent);
    }
    .choice label {
      font-weight: normal;
      cursor: pointer;
    }
    .field-error,
    .problem {
      color: var(--_danger);
      font-weight: 700;
    }
    .problem {
      padding-left: 0.5em;
      border-left: 0.25em solid var(--_danger);
    }
    .primary,
    .secondary,
    .link {
      font: inherit;
      min-height: 44px;
      min-width: 44px;
      max-width: 100%;
      border-radius: var(--_radius);
      font-weight: 700;
      cursor: pointer;
    }
    .primary,
    .secondary {
      align-self: flex-start;
      padding: 0.5em 1.25em;
      border: 2px solid var(--_accent);
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
      background: var(--_subtle);
    }
    [aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
    .link {
      padding: 0.25em 0.5em;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    /* The messages. */
    .log {
      display: flex;
      flex-direction: column;
      gap: 0.75em;
    }
    .message {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.125em;
      max-width: 85%;
    }
    .mine {
      align-self: flex-end;
      align-items: flex-end;
    }
    .text {
      padding: 0.5em 0.75em;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: var(--_subtle);
      white-space: pre-line;
      max-width: 100%;
    }
    .mine .text {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .who {
      font-weight: 700;
    }
    .masked {
      color: var(--_text);
      padding-left: 0.5em;
      border-left: 0.25em solid var(--_accent);
      text-align: start;
    }
    .system {
      align-self: center;
      text-align: center;
    }
    .connection:empty {
      display: none;
    }
    .connection,
    .ended {
      /* Padding, not the scroller's: a scrolling flex container leaves its own end padding out. */
      padding-block: var(--_space);
      border-top: 1px solid var(--_border);
    }
    /* The message box, under the messages. */
    .composer {
      gap: 0.25em;
      padding: 0.5em var(--_space) 0.25em;
      border-top: 1px solid var(--_border);
    }
    .row {
      display: flex;
      gap: 0.5em;
      align-items: flex-end;
    }
    .row textarea {
      flex: 1;
      min-width: 0;
      max-height: 10em;
    }
    .row .primary {
      padding-inline: 0.875em;
    }
    .foot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0 0.5em;
    }
    .foot .link {
      margin-inline-start: auto;
    }
    @media (prefers-reduced-motion: reduce) {
      dialog[open] {
        animation: none;
      }
    }
    @media (forced-colors: active) {
      dialog {
        border: 2px solid CanvasText;
      }
      .header {
        border-bottom: 1px solid CanvasText;
      }
      .text {
        border-color: CanvasText;
      }
      .primary,
      .secondary {
        border-color: ButtonText;
      }
      [aria-invalid='true'] {
        border-style: dashed;
      }
      .close:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
