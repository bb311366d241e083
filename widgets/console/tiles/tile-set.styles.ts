import { css } from 'lit';
import { confirmStyles, entryListStyles, sideBySideStyles } from '../kit/style-blocks.js';

/** The tile-set editor's own styles, on top of the console's. */
export const tileSetStyles = [
  sideBySideStyles,
  confirmStyles,
  entryListStyles,
  css`
    .layout {
      gap: 2rem;
    }
    h2[tabindex='-1']:focus,
    p[tabindex='-1']:focus {
      outline: none;
    }
    .tile.is-hidden {
      border-style: dashed;
      border-inline-start-style: solid;
      border-inline-start-color: var(--_border);
      background: var(--_subtle);
    }
    .summary {
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
    }
    .summary .icon {
      --_tile-colour: var(--_accent);
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2.5rem;
      height: 2.5rem;
      border-radius: 50%;
      background: var(--_tile-colour);
      color: var(--_on-accent);
    }
    .summary .icon svg {
      width: 1.5rem;
      height: 1.5rem;
    }
    .summary h3 {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .summary p {
      margin: 0.25rem 0 0;
      overflow-wrap: anywhere;
    }
    .position {
      font-weight: normal;
      color: var(--_muted);
    }
    .tile .actions {
      margin: 0.75rem 0 0;
    }
    @media (max-width: 30rem) {
      .summary {
        gap: 0.5rem;
      }
    }
    /* In a tile, as wide as the tile. */
    .confirm {
      max-width: none;
    }
    .confirm p {
      font-weight: 700;
      margin: 0;
    }
    medverka-console-tile-form {
      margin-top: 1rem;
    }
    .languages {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    @media (forced-colors: active) {
      .summary .icon {
        background: Canvas;
        color: CanvasText;
        border: 1px solid CanvasText;
      }
    }
  `,
];
