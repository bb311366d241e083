import { css } from 'lit';

/**
 * Design tokens and the reset every widget starts from. Editors theme a widget with the
 * public `--medverka-*` custom properties; inside, styles read the private `--_*` copies.
 * Sizes are in em so the widget follows the host page's text size, whatever the page has
 * done to the root font size. Inherited text settings of the host page (line height,
 * alignment, letter spacing, text transform) are reset; the font family is inherited.
 */
export const tokens = css`
  :host {
    --_accent: var(--medverka-color-accent, #005a9c);
    --_on-accent: var(--medverka-color-on-accent, #ffffff);
    --_text: var(--medverka-color-text, #1b1b1b);
    --_muted: var(--medverka-color-muted, #4d4d4d);
    --_surface: var(--medverka-color-surface, #ffffff);
    --_subtle: var(--medverka-color-subtle, #f2f2f2);
    --_border: var(--medverka-color-border, #767676);
    --_focus: var(--medverka-color-focus, #1b1b1b);
    --_danger: var(--medverka-color-danger, #b3261e);
    --_radius: var(--medverka-radius, 0.5em);
    --_space: var(--medverka-spacing, 1em);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--medverka-font-family, inherit);
    font-size: var(--medverka-font-size, 1em);
    font-style: normal;
    font-weight: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    white-space: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
