/**
 * medverka.js — the one script an editor pastes. It downloads a widget's code only when
 * that widget's tag is on the page, now or later (content inserted by the CMS's own
 * scripts is noticed too). It never touches storage and sets no cookie.
 */
import { loadWidget, widgetModules } from './registry.js';

const tags = Object.keys(widgetModules);
const selector = tags.join(',');

function define(tag: string) {
  loadWidget(tag).catch((err: unknown) => console.error(`Medverka: could not load <${tag}>`, err));
}

function scan(root: ParentNode) {
  for (const el of root.querySelectorAll(selector)) {
    if (!customElements.get(el.localName)) define(el.localName);
  }
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (tags.includes(el.localName) && !customElements.get(el.localName)) define(el.localName);
      if (el.firstElementChild) scan(el);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
