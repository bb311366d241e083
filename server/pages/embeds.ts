/**
 * The widgets that can be embedded as an iframe at /embed/<widget>/<id>, and how the id
 * becomes the element's attribute. Later widgets add a line here.
 */
export const embeddableWidgets: Record<string, { tag: string; attribute: string; id: RegExp }> = {
  tiles: { tag: 'medverka-tiles', attribute: 'set', id: /^[a-z0-9][a-z0-9-]{0,63}$/ },
};
