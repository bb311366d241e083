/**
 * medverka.js — the one script an editor pastes. It downloads a widget's code only when
 * that widget's tag is on the page, now or later (content inserted by the CMS's own
 * scripts is noticed too). It never touches storage and sets no cookie.
 */
import { loadWidget, widgetModules } from './registry.js';

const selector = Object.keys(widgetModules).join();

function define(tag: string) {
  loadWidget(tag).catch(() => {
    // Its code did not come (a 404 during an upgrade, a blocked request; the browser's console
    // names the file): a word where the widget should be rather than an empty gap. An element
    // with content of its own (the tiles' links) keeps it.
    for (const el of document.querySelectorAll(tag))
      el.textContent ||= /^en/.test((el.closest('[lang]') as HTMLElement | null)?.lang as string) ? 'Cannot be shown just now.' : 'Kan inte visas just nu.';
  });
}

// Every Medverka tag not yet defined, at start and after each change to the page. (One query
// of the whole page per batch of changes rather than a walk of each added subtree: the loader
// is in every widget's byte budget, and the query is fast.)
const scan = () => {
  for (const el of document.querySelectorAll(selector)) if (!customElements.get(el.localName)) define(el.localName);
};
scan();
new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
