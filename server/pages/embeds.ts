/**
 * The widgets that can be embedded as an iframe at /embed/<widget>/<id>, and what element
 * each address shows. Later widgets add a line here (and to `embeddable` in
 * widgets/console/embed.element.ts, which writes these addresses).
 */
export type EmbeddableWidget =
  /** The id becomes the element's attribute: /embed/tiles/engagera-dig → <medverka-tiles set="engagera-dig">. */
  | { tag: string; attribute: string; id: RegExp; idRule: string }
  /** The element takes no attribute; its one address ends in a fixed id: /embed/petitions/alla → <medverka-petitions>. */
  | { tag: string; attribute: null; id: string };

export const embeddableWidgets: Record<string, EmbeddableWidget> = {
  tiles: { tag: 'medverka-tiles', attribute: 'set', id: /^[a-z0-9][a-z0-9-]{0,63}$/, idRule: 'lower-case letters, digits and hyphens' },
  // A petition's number, written plainly: not 042, +42 or 1e3.
  petition: { tag: 'medverka-petition', attribute: 'petition', id: /^[1-9][0-9]{0,9}$/, idRule: 'the petition’s number' },
  // All public petitions, with search and the form to propose one.
  petitions: { tag: 'medverka-petitions', attribute: null, id: 'alla' },
  // A participatory budget by its name, as in server/budgets/schemas.ts (BudgetSlug).
  budget: { tag: 'medverka-budget', attribute: 'budget', id: /^[a-z0-9][a-z0-9-]{0,63}$/, idRule: 'the budget’s name: lower-case letters, digits and hyphens' },
};

/** The widget called `name`, if there is one (never something inherited, like "constructor"). */
export function findEmbeddable(name: string): EmbeddableWidget | undefined {
  return Object.hasOwn(embeddableWidgets, name) ? embeddableWidgets[name] : undefined;
}

/** The element's attributes for the id in its address, or undefined when the widget has nothing at that id. */
export function embedAttributes(spec: EmbeddableWidget, id: string): Record<string, string> | undefined {
  if (spec.attribute === null) return id === spec.id ? {} : undefined;
  return spec.id.test(id) ? { [spec.attribute]: id } : undefined;
}
