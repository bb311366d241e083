import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { IconName } from '../../contract/icon-names.js';

const paths: Record<IconName, SVGTemplateResult> = {
  lightbulb: svg`<path d="M9 18h6M10 21.5h4M12 2.5a6.5 6.5 0 0 0-3.8 11.8c.5.4.8 1 .8 1.7V17h6v-1c0-.7.3-1.3.8-1.7A6.5 6.5 0 0 0 12 2.5z"/>`,
  landmark: svg`<path d="M3 21h18M5 18v-7M9.7 18v-7M14.3 18v-7M19 18v-7M2.5 9 12 3l9.5 6z"/>`,
  city: svg`<path d="M3 21V9l6-3.5V21M9 21V3h8v18M17 21V10.5h4V21M2 21h20M12 7h2M12 11h2M12 15h2"/>`,
  'heart-hand': svg`<path d="M12 20.5S4 15.8 4 9.8A4.3 4.3 0 0 1 12 7.4a4.3 4.3 0 0 1 8 2.4c0 6-8 10.7-8 10.7z"/>`,
  sparkles: svg`<path d="m12 3 1.9 4.6L18.5 9.5l-4.6 1.9L12 16l-1.9-4.6-4.6-1.9 4.6-1.9zM19 15l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8zM5 2.5l.6 1.5 1.5.6-1.5.6L5 6.7l-.6-1.5-1.5-.6 1.5-.6z"/>`,
  'helping-hands': svg`<circle cx="9" cy="7" r="3.5"/><path d="M2.5 21v-1.5A5.5 5.5 0 0 1 8 14h2a5.5 5.5 0 0 1 5.5 5.5V21M16 3.6a3.5 3.5 0 0 1 0 6.8M21.5 21v-1.5a5.5 5.5 0 0 0-3.7-5.2"/>`,
  chat: svg`<path d="M20.5 12a8.5 8.5 0 0 1-12.3 7.6L3.5 21l1.4-4.7A8.5 8.5 0 1 1 20.5 12z"/>`,
  megaphone: svg`<path d="M3 10.5v3.5l11 5V5.5zM14 8.5h2.5a3.5 3.5 0 0 1 0 7H14M6 15.5l1.2 5h3l-1.1-4"/>`,
  calendar: svg`<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>`,
  map: svg`<path d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14"/>`,
  vote: svg`<rect x="3" y="12" width="18" height="9" rx="1"/><path d="M8 12V3.5h8V12M10 7.5h4"/>`,
  coins: svg`<circle cx="9" cy="9" r="6"/><path d="M15.6 9.6a6 6 0 1 1-6 6M9 6.5v5"/>`,
  info: svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>`,
  arrow: svg`<path d="M5 12h14M13 6l6 6-6 6"/>`,
};

/** A decorative icon: hidden from assistive technology, drawn in the current text colour. */
export function icon(name: string): TemplateResult {
  const path = paths[name as IconName] ?? paths.arrow;
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;
}
