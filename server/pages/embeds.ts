/**
 * The widgets that can be embedded as an iframe at /embed/<widget>/<id>, and what element
 * each address shows. Later widgets add a line here (and to `embeddable` in
 * widgets/console/embed/embeddable.ts, which writes these addresses).
 */
export type EmbeddableWidget = {
  tag: string;
  /** What the page shows, in its title and as the name of its main landmark. */
  label: { sv: string; en: string };
} & (
  /** The id becomes the element's attribute: /embed/tiles/engagera-dig → <medverka-tiles set="engagera-dig">. */
  | { attribute: string; id: RegExp; idRule: string }
  /** The element's attributes are fixed; its one address ends in a fixed id: /embed/petitions/alla → <medverka-petitions show="all">. */
  | { attribute: null; id: string; attributes: Record<string, string> }
);

export const embeddableWidgets: Record<string, EmbeddableWidget> = {
  tiles: {
    tag: 'medverka-tiles',
    label: { sv: 'Sätt att vara med', en: 'Ways to take part' },
    attribute: 'set',
    id: /^[a-z0-9][a-z0-9-]{0,63}$/,
    idRule: 'lower-case letters, digits and hyphens',
  },
  // A petition's number, written plainly: not 042, +42 or 1e3.
  petition: { tag: 'medverka-petition', label: { sv: 'E-förslag', en: 'E-petition' }, attribute: 'petition', id: /^[1-9][0-9]{0,9}$/, idRule: 'the petition’s number' },
  // All public petitions (open, answered and closed, as its name says), with search, the
  // status filter and the form to propose one.
  petitions: { tag: 'medverka-petitions', label: { sv: 'E-förslag', en: 'E-petitions' }, attribute: null, id: 'alla', attributes: { show: 'all' } },
  // A participatory budget by its name, as in server/budgets/schemas.ts (BudgetSlug).
  budget: {
    tag: 'medverka-budget',
    label: { sv: 'Medborgarbudget', en: 'Citizens’ budget' },
    attribute: 'budget',
    id: /^[a-z0-9][a-z0-9-]{0,63}$/,
    idRule: 'the budget’s name: lower-case letters, digits and hyphens',
  },
  // A quick poll by its number; answering needs nothing but a click.
  poll: { tag: 'medverka-poll', label: { sv: 'Snabbfråga', en: 'Quick poll' }, attribute: 'poll', id: /^[1-9][0-9]{0,9}$/, idRule: 'the poll’s number' },
  // Joining the citizen panel: one form, so one fixed address.
  panel: { tag: 'medverka-panel', label: { sv: 'Medborgarpanelen', en: 'The citizen panel' }, attribute: null, id: 'ga-med', attributes: {} },
  // An open survey by its number (a panel survey is answered from the member's own link).
  survey: { tag: 'medverka-survey', label: { sv: 'Enkät', en: 'Survey' }, attribute: 'survey', id: /^[1-9][0-9]{0,9}$/, idRule: 'the survey’s number' },
  // The dialogue register: the municipality's dialogues, each opened in place.
  dialogues: { tag: 'medverka-dialogues', label: { sv: 'Dialoger med kommunen', en: 'Dialogues with the municipality' }, attribute: null, id: 'alla', attributes: {} },
  // The chat has no embed page: its launcher belongs in a corner of the resident's own page.
};

/** The widget called `name`, if there is one (never something inherited, like "constructor"). */
export function findEmbeddable(name: string): EmbeddableWidget | undefined {
  return Object.hasOwn(embeddableWidgets, name) ? embeddableWidgets[name] : undefined;
}

/** The element's attributes for the id in its address, or undefined when the widget has nothing at that id. */
export function embedAttributes(spec: EmbeddableWidget, id: string): Record<string, string> | undefined {
  if (spec.attribute === null) return id === spec.id ? spec.attributes : undefined;
  return spec.id.test(id) ? { [spec.attribute]: id } : undefined;
}
