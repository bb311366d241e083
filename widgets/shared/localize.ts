/**
 * Localisation with @lit/localize's msg() and str``, resolved per element.
 *
 * @lit/localize's runtime mode keeps one locale for the whole page, but an editor may put a
 * `lang="en"` widget on a Swedish page, so each Medverka element renders in its own
 * language: while an element renders, `renderIn()` makes its locale's templates the ones
 * msg() reads. Swedish is the source language (written in the code); other languages are
 * template maps with the same ids, in each widget's `locales/` folder.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { MsgFn, MsgOptions, TemplateLike, TemplateMap } from '@lit/localize/internal/types.js';

export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export type { TemplateMap } from '@lit/localize/internal/types.js';

export const sourceLocale = 'sv';
export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * Templates per locale other than the one written in the code: Swedish needs none, except in
 * the one chunk built with English in the code (the chat's panel for a chat shown in English).
 */
export type Translations = Partial<Record<Locale, TemplateMap>>;

let active: TemplateMap | undefined;

/**
 * Our msg(): every message has an explicit id (so no id hashing is shipped), and messages
 * are plain strings or str`` with values — never html``, so translations stay text.
 */
function localizedMsg(template: TemplateLike, options?: MsgOptions) {
  const translated = options?.id ? active?.[options.id] : undefined;
  if (isStrTagged(template)) {
    return translated && isStrTagged(translated)
      ? joinStringsAndValues(translated.strings, template.values, translated.values as number[])
      : joinStringsAndValues(template.strings, template.values);
  }
  return typeof translated === 'string' ? translated : template;
}
_installMsgImplementation(localizedMsg as MsgFn);

/** Runs `fn` with msg() reading the given locale's templates. */
export function renderIn<T>(locale: Locale, translations: Translations, fn: () => T): T {
  const previous = active;
  active = translations[locale];
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** 'en-GB' → 'en'; anything we do not speak → Swedish. */
export function toLocale(lang: string | null | undefined): Locale {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0]!;
  return (locales as readonly string[]).includes(primary) ? (primary as Locale) : sourceLocale;
}

/**
 * The language an element is shown in: the nearest `lang` attribute on the element or its
 * ancestors, crossing out of shadow roots (a widget opened inside another widget follows
 * its host), and finally `<html lang>`.
 */
export function resolveLocale(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return toLocale(lang);
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return toLocale(document.documentElement.getAttribute('lang'));
}
