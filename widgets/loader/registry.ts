/**
 * Which tags Medverka defines and where each one's code is. Kept apart from the loader's
 * start-up code so that a widget can open another widget in place (a tile that opens the
 * petition list) through the same lazy path. Lives in the loader chunk: import nothing big.
 */

export const widgetModules: Record<string, () => Promise<unknown>> = {
  'medverka-tiles': () => import('../tiles/define.js'),
  'medverka-petition': () => import('../petition/define.js'),
  'medverka-petitions': () => import('../petitions/define.js'),
  'medverka-budget': () => import('../budget/define.js'),
  'medverka-poll': () => import('../poll/define.js'),
  'medverka-panel': () => import('../panel/define.js'),
  'medverka-survey': () => import('../survey/define.js'),
  'medverka-dialogues': () => import('../dialogues/define.js'),
  // Only the launcher: it loads its conversation panel (and with it Lit) when it is opened.
  'medverka-chat': () => import('../chat/define.js'),
};

/**
 * Defines a Medverka tag if it is one we know; resolves to its class once it is defined, or to
 * undefined if it is not.
 */
// Ask for the shared chunk (Lit and the base element) at the same time as the widget's
// own, rather than only once the widget's chunk has arrived and named it. Any module of
// that chunk fetches it. This one because a module imported this way keeps all its exports
// in the chunk, used or not: events.js has one, base-element.js has helpers that not every
// page needs (e.g. states()). A tag we do not
// know loads nothing of its own, and is defined only if someone else defined it. (Written
// for bytes, as an arrow with no `!!`: the loader is in every widget's byte budget.) The
// chat's launcher is the exception: it is written without Lit, so that a page with the chat
// downloads Lit only once the resident opens it.
export const loadWidget = (tag: string): Promise<CustomElementConstructor | undefined> =>
  Promise.all([tag != 'medverka-chat' && import('../shared/events.js'), widgetModules[tag]?.()]).then(() => customElements.get(tag));
