import { css } from 'lit';

/**
 * The console's frame, on top of the console's styles: the skip link, the header with who is
 * signed in, the navigation with what waits beside each screen's name, and the main area.
 */
export const shellStyles = css`
  :host {
    min-height: 100vh;
    background: var(--_surface);
  }
  .skip {
    position: absolute;
    inset-inline-start: 0.5rem;
    top: -10rem;
    z-index: 1;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
    padding: 0.5rem 1rem;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .brand {
    margin: 0;
    margin-inline-end: auto;
    font-size: 1.25rem;
    font-weight: 700;
  }
  .who {
    margin: 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  header button {
    border-color: var(--_on-accent);
    background: transparent;
    color: var(--_on-accent);
  }
  header button:hover:not(:disabled) {
    background: var(--_on-accent);
    color: var(--_accent);
  }
  header :focus-visible {
    outline-color: var(--_on-accent);
  }
  nav {
    border-bottom: 1px solid var(--_border);
    background: var(--_subtle);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.25rem;
    max-width: 80rem;
    margin: 0 auto;
    padding: 0 0.5rem;
    list-style: none;
  }
  nav a {
    display: flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    border-bottom: 0.25rem solid transparent;
    color: var(--_text);
    font-weight: 700;
    text-decoration: none;
  }
  nav a:hover {
    text-decoration: underline;
  }
  /* What waits, counted beside the screen's name: always there (a muted 0 when nothing
     waits) and wide enough for two digits, so that a count arriving moves nothing in the
     bar. For the eye only (no alternative text): the link's description says it in words. */
  nav a[data-count]::after {
    content: attr(data-count) / '';
    display: inline-block;
    box-sizing: border-box;
    min-width: 2.25em;
    margin-inline-start: 0.375rem;
    padding: 0 0.375em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    color: var(--_muted);
    font-size: 0.875rem;
    line-height: 1.5;
    text-align: center;
  }
  nav a.waiting::after {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  nav a[aria-current='page'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
  }
  main {
    max-width: 80rem;
    margin: 0 auto;
    padding: 1.5rem 1rem 3rem;
  }
  main:focus {
    outline: none;
  }
  @media (max-width: 30rem) {
    main {
      padding: 1rem 0.75rem 2rem;
    }
    header {
      padding: 0.5rem 0.75rem;
    }
  }
  @media (forced-colors: active) {
    header {
      border-bottom: 1px solid CanvasText;
    }
    /* Forced colours paint even transparent borders: only the current page keeps one. */
    nav a:not([aria-current='page']) {
      border-bottom-style: none;
      padding-bottom: 0.5rem;
    }
  }
`;
