import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
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

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
