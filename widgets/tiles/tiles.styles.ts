import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    .base {
      container: medverka-tiles / inline-size;
    }
    .heading {
      font-size: 1.5em;
      font-weight: 700;
      line-height: 1.25;
      margin: 0 0 0.75em;
    }
    .grid {
      --_columns: 1;
      display: grid;
      grid-template-columns: repeat(min(var(--_columns), var(--medverka-tiles-columns, 4)), minmax(0, 1fr));
      gap: var(--_space);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    @container medverka-tiles (min-width: 30em) {
      .grid {
        --_columns: 2;
      }
    }
    @container medverka-tiles (min-width: 46em) {
      .grid {
        --_columns: 3;
      }
    }
    @container medverka-tiles (min-width: 70em) {
      .grid {
        --_columns: 4;
      }
    }
    li {
      display: flex;
      margin: 0;
      padding: 0;
    }
    /* The boxes: tiles, messages and the panel. */
    .tile,
    .message,
    .panel {
      margin: 0;
      padding: var(--_space);
      border: 1px solid var(--_border);
    }
    .tile,
    .message,
    .panel,
    .retry,
    .close {
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .tile,
    .retry,
    .close {
      min-height: 44px;
      cursor: pointer;
    }
    .tile {
      --_tile-accent: var(--_tile-colour, var(--_accent));
      display: flex;
      align-items: flex-start;
      gap: 0.875em;
      width: 100%;
      border-top: 0.3125em solid var(--_tile-accent);
      color: var(--_text);
      text-align: start;
      text-decoration: none;
      overflow-wrap: break-word;
      hyphens: auto;
    }
    .grid .tile:hover {
      box-shadow: 0 0.25em 0.75em rgb(0 0 0 / 0.18);
    }
    .tile:hover .title {
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .tile[aria-expanded='true'] {
      background: var(--_subtle);
    }
    .icon {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2.75em;
      height: 2.75em;
      border-radius: 50%;
      background: var(--_tile-accent);
      color: var(--_on-accent);
    }
    .icon svg {
      width: 1.5em;
      height: 1.5em;
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      min-width: 0;
    }
    .title {
      font-weight: 700;
      font-size: 1.0625em;
      line-height: 1.3;
    }
    .description {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .error {
      border-left: 0.3125em solid var(--_danger);
    }
    .retry,
    .close {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      padding: 0.5em 1em;
      border: 2px solid var(--_accent);
      color: var(--_accent);
      font-weight: 700;
    }
    .retry:hover,
    .close:hover {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .close-icon svg {
      width: 1.25em;
      height: 1.25em;
      transform: scaleX(-1);
    }
    .panel {
      margin-top: var(--_space);
    }
    .panel > .close {
      margin-bottom: var(--_space);
    }
    @media (forced-colors: active) {
      .tile,
      .message,
      .panel {
        border: 1px solid CanvasText;
      }
      .tile {
        border-top-width: 0.3125em;
      }
      .icon {
        background: Canvas;
        color: CanvasText;
        border: 1px solid CanvasText;
      }
    }
  `,
];
