import { css } from 'lit';
import { formStyles } from '../forms/form.styles.js';

/** The form kit's styles, and the panel's own: its form as a card, the choices in a row, the consent text. */
export const styles = [
  formStyles,
  css`
    form {
      box-sizing: border-box;
      overflow-wrap: break-word;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .optional,
    .required {
      color: var(--_muted);
      font-weight: normal;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5em;
    }
    .consent {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      padding: 0.75em var(--_space);
      border-left: 0.3125em solid var(--_accent);
      background: var(--_subtle);
      max-width: 40em;
    }
    @media (forced-colors: active) {
      form,
      .consent {
        border: 1px solid CanvasText;
      }
    }
  `,
];
