import { css } from 'lit';
import { codeBlockStyles, sideBySideStyles } from '../kit/style-blocks.js';

/** The embed builder's own styles, on top of the console's: its choices beside the code, which gets the wider column. */
export const embedStyles = [
  sideBySideStyles,
  codeBlockStyles,
  css`
    @media (min-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
    }
    .colour-row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-end;
    }
    #accent-hex {
      width: 8rem;
    }
    .snippet {
      margin: 0 0 1.5rem;
    }
    pre {
      margin: 0 0 0.5rem;
    }
    .copied {
      color: var(--_ok);
      font-weight: 700;
    }
    .snippet .actions {
      margin: 0;
    }
    dl {
      margin: 0 0 1rem;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0 0 0.5rem;
      overflow-wrap: anywhere;
    }
  `,
];
