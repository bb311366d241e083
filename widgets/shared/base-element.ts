import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { renderIn, resolveLocale, type Locale, type Translations } from './localize.js';

/**
 * The server the widgets came from, the API's default origin (and path prefix). This module
 * sits two folders below the server's root both in the source (widgets/shared/) and once
 * built (widgets/chunks/), so the same relative URL finds the root in tests and in use.
 */
const moduleUrl = import.meta.url; // not inline: bundlers would try to resolve the folder as an asset
export const defaultApiBase = new URL('../../', moduleUrl).href;

/**
 * One observer tells every Medverka element when a `lang` attribute changes anywhere above
 * it: in the page, and in any shadow root a Medverka element sits in (a widget inside the
 * console, or opened from a tile).
 */
const shown = new Set<MedverkaElement>();
const watchedRoots = new WeakSet<Node>();
const langObserver = new MutationObserver(() => shown.forEach((e) => e.followLang()));
function watchLang(el: MedverkaElement, on: boolean) {
  if (!on) return void shown.delete(el);
  shown.add(el);
  for (const root of [document.documentElement, el.getRootNode()]) {
    if (root === document || watchedRoots.has(root)) continue;
    watchedRoots.add(root);
    langObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

/**
 * Internal reactive state for `static properties`: `states('loading', 'problem')` declares
 * each name as `{ state: true }` (re-renders on change, no attribute).
 */
export function states(...names: string[]): PropertyDeclarations {
  return Object.fromEntries(names.map((name) => [name, { state: true }]));
}

/**
 * What every Medverka element shares: the API origin, and its language — the nearest
 * `lang` attribute, followed live when the page or the element changes it.
 */
export class MedverkaElement extends LitElement {
  /** Translations of this widget's strings; Swedish is written in the code. */
  static translations: Translations = {};

  static override properties: PropertyDeclarations = {
    api: {},
    locale: { state: true },
  };

  /** The Medverka server's origin. By default, the server the loader was served from. */
  declare api?: string;

  /** The language the element is shown in, from the nearest `lang` attribute. */
  declare protected locale: Locale;

  constructor() {
    super();
    this.locale = 'sv';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.followLang();
    watchLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLang(this, false);
  }

  /** Re-reads the language from the nearest `lang` attribute. */
  followLang(): void {
    this.locale = resolveLocale(this);
  }

  /** The API's base URL, always ending in a slash. */
  protected get apiBase(): string {
    const base = this.api?.trim() || defaultApiBase;
    return base.endsWith('/') ? base : `${base}/`;
  }

  protected override update(changed: PropertyValues): void {
    const { translations } = this.constructor as typeof MedverkaElement;
    renderIn(this.locale, translations, () => super.update(changed));
  }
}
