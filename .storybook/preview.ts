import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import manifest from '../custom-elements.json' with { type: 'json' };

/** The parts of a Custom Elements Manifest (schema 2.x) this file reads. */
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}
interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string; description?: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean; attribute?: string }[];
}

/**
 * Storybook makes a control of every attribute and every member of an element. Editors
 * configure a widget through its attributes, so for Storybook keep those, and of the members
 * only the public instance fields that have no attribute; an attribute's description names
 * its property.
 */
function forStorybook(input: unknown): Manifest {
  const copy = structuredClone(input) as Manifest;
  for (const declaration of copy.modules?.flatMap((m) => m.declarations ?? []) ?? []) {
    if (!declaration.tagName) continue;
    declaration.members = declaration.members?.filter(
      (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.attribute,
    );
    for (const attribute of declaration.attributes ?? []) {
      if (attribute.fieldName && attribute.fieldName !== attribute.name) {
        attribute.description = `${attribute.description ?? ''} Property: \`${attribute.fieldName}\`.`.trim();
      }
    }
  }
  return copy;
}

setCustomElementsManifest(forStorybook(manifest));

/**
 * Storybook's preview page has `<base target="_parent">`, so following any link in a story
 * would take the whole Storybook window away. Cancel link clicks after the widget has seen
 * them: `medverka-tile-open` still fires and shows in the Actions panel.
 */
function stayInStorybook(event: MouseEvent) {
  if (event.composedPath().some((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'))) {
    event.preventDefault();
  }
}

/** Rows that document the element but have nothing to set from the Controls panel. */
const documentationOnly = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

const preview: Preview = {
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          documentationOnly.has(argType.table?.category ?? '') ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // Storybook's own page says <html lang="en">, and the widgets follow the nearest `lang`:
  // without a wrapper every story would be in English. Swedish is the widgets' default on a
  // municipality's page, so stories start in Swedish; the toolbar switches them. A widget
  // follows live changes of its own and <html>'s `lang` only, so a new language gets a new
  // wrapper (keyed) and a freshly connected widget. The same wrapper keeps link clicks
  // inside Storybook.
  initialGlobals: { lang: 'sv' },
  globalTypes: {
    lang: {
      description: 'The `lang` of the page around the widget',
      toolbar: {
        title: 'Språk',
        icon: 'globe',
        items: [
          { value: 'sv', title: 'Svenska (sv)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  decorators: [
    (story, { globals }) => {
      const lang = globals.lang === 'en' ? 'en' : 'sv';
      // Storybook renders only a template result, so keyed() goes inside one.
      return html`${keyed(lang, html`<div lang=${lang} @click=${stayInStorybook}>${story()}</div>`)}`;
    },
  ],
};

export default preview;
