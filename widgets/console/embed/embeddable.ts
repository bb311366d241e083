import { msg } from '../../shared/localize.js';
import type { EmbedInfo } from '../kit/api.js';

/** A widget an editor can embed, and what the builder needs to write its snippet. */
export type EmbeddableWidget = {
  /** Its name in /embed/<id>/…; the server's list of these is in server/pages/embeds.ts. */
  id: string;
  tag: string;
  label: () => string;
  /** What the widget is, said under the choice of widget. */
  about?: () => string;
  /** A first height for the iframe, before the resizer (if any) takes over. */
  frameHeight: number;
  /** The Trusted Types policies the widget creates (Lit's, and any of its own). */
  trustedTypes: string[];
  /** What its Web Workers are made from, for the host page's worker-src, if it has any. */
  workerSrc?: string;
  /** Defines the element, for the preview. */
  define: () => Promise<unknown>;
  /** It floats over the page (the chat's launcher), so it is described rather than shown in the preview. */
  floats?: true;
} & (
  | {
      /** What the editor picks, and the attribute it becomes (e.g. set="engagera-dig"); the iframe's address ends in it too. */
      option: { attribute: string; label: () => string; choices: (info: EmbedInfo) => { value: string; label: string }[] };
      fixedId?: never;
    }
  | {
      option?: never;
      /**
       * For a widget with nothing to pick: the end of its iframe's address (e.g.
       * /embed/petitions/alla); null for one that has no iframe embed (the chat).
       */
      fixedId: string | null;
    }
);

/** Every resident widget; a new one adds an entry here (and, for its iframe, in server/pages/embeds.ts). */
export const embeddable: EmbeddableWidget[] = [
  {
    id: 'tiles',
    tag: 'medverka-tiles',
    label: () => msg('Engagemangsrutor', { id: 'console.embed.widget-tiles' }),
    option: {
      attribute: 'set',
      label: () => msg('Rutsamling', { id: 'console.embed.tile-set' }),
      choices: (info) => info.tileSets.map((s) => ({ value: s.slug, label: s.titleSv })),
    },
    frameHeight: 600,
    trustedTypes: ['lit-html'],
    define: () => import('../../tiles/define.js'),
  },
  {
    id: 'petition',
    tag: 'medverka-petition',
    label: () => msg('E-förslag', { id: 'console.embed.widget-petition' }),
    about: () => msg('Ett e-förslag, som invånarna kan läsa och skriva under.', { id: 'console.embed.about-petition' }),
    option: {
      attribute: 'petition',
      label: () => msg('Vilket e-förslag', { id: 'console.embed.which-petition' }),
      choices: (info) => info.petitions.map((p) => ({ value: String(p.id), label: p.title })),
    },
    // An open petition with its signers and the form to sign is about this tall in a 700 px column.
    frameHeight: 1200,
    // The proof of work against scripted signing runs in a worker from a blob: URL.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../petition/define.js'),
  },
  {
    id: 'petitions',
    tag: 'medverka-petitions',
    label: () => msg('Alla e-förslag', { id: 'console.embed.widget-petitions' }),
    about: () =>
      msg('Listan med alla publicerade e-förslag, där invånarna kan söka, läsa och skriva under, och skriva ett eget förslag.', {
        id: 'console.embed.about-petitions',
      }),
    fixedId: 'alla',
    frameHeight: 900,
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../petitions/define.js'),
  },
  {
    id: 'budget',
    tag: 'medverka-budget',
    label: () => msg('Medborgarbudget', { id: 'console.widget.budget' }),
    about: () =>
      msg('En medborgarbudget, där invånarna fördelar pengar eller väljer projekt och sedan ser resultatet. Utkast kan inte bäddas in.', {
        id: 'console.embed.about-budget',
      }),
    option: {
      attribute: 'budget',
      label: () => msg('Vilken budget', { id: 'console.embed.which-budget' }),
      choices: (info) => info.budgets.map((b) => ({ value: b.slug, label: b.title })),
    },
    // Six slider lines with descriptions, the tally and the form are about this tall in a 700 px column.
    frameHeight: 1400,
    // A ballot carries the same proof of work as a signature, solved in a worker from a blob: URL.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../budget/define.js'),
  },
  {
    id: 'poll',
    tag: 'medverka-poll',
    label: () => msg('Snabbfråga', { id: 'console.embed.widget-poll' }),
    about: () => msg('En snabbfråga som invånarna svarar på med ett klick, med resultatet medan frågan är öppen. Utkast kan inte bäddas in.', { id: 'console.embed.about-poll' }),
    option: {
      attribute: 'poll',
      label: () => msg('Vilken snabbfråga', { id: 'console.embed.which-poll' }),
      choices: (info) => info.polls.map((p) => ({ value: String(p.id), label: p.question })),
    },
    // A question with four options and their results is about this tall in a 700 px column.
    frameHeight: 600,
    trustedTypes: ['lit-html'],
    define: () => import('../../poll/define.js'),
  },
  {
    id: 'survey',
    tag: 'medverka-survey',
    label: () => msg('Enkät', { id: 'console.embed.widget-survey' }),
    about: () =>
      msg('En öppen enkät, som alla kan svara på. Panelens enkäter besvaras från medlemmarnas egna länkar och bäddas inte in.', {
        id: 'console.embed.about-survey',
      }),
    option: {
      attribute: 'survey',
      label: () => msg('Vilken enkät', { id: 'console.embed.which-survey' }),
      choices: (info) => info.surveys.map((x) => ({ value: String(x.id), label: x.title })),
    },
    frameHeight: 900,
    // Starting an open survey carries a proof of work, solved in a worker from a blob: URL.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../survey/define.js'),
  },
  {
    id: 'panel',
    tag: 'medverka-panel',
    label: () => msg('Medborgarpanelen', { id: 'console.embed.widget-panel' }),
    about: () => msg('Formuläret där invånarna går med i medborgarpanelen.', { id: 'console.embed.about-panel' }),
    fixedId: 'ga-med',
    frameHeight: 1100,
    // Joining carries a proof of work, solved in a worker from a blob: URL.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../panel/define.js'),
  },
  {
    id: 'dialogues',
    tag: 'medverka-dialogues',
    label: () => msg('Dialoger med kommunen', { id: 'console.embed.widget-dialogues' }),
    about: () => msg('Kommunens dialoger: vad som pågår och är på gång, och vad som hände sen. Invånarna kan följa en dialog.', { id: 'console.embed.about-dialogues' }),
    fixedId: 'alla',
    frameHeight: 1000,
    // Following a dialogue carries a proof of work, solved in a worker from a blob: URL.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../dialogues/define.js'),
  },
  {
    id: 'chat',
    tag: 'medverka-chat',
    label: () => msg('Chatt', { id: 'console.embed.widget-chat' }),
    about: () =>
      msg('En knapp som öppnar en chatt med kontaktcenter. På breda skärmar ligger den i sidans nedre högra hörn, på smala där elementet står.', {
        id: 'console.embed.about-chat',
      }),
    fixedId: null,
    floats: true,
    frameHeight: 0,
    // The conversation is Lit; starting one carries a proof of work, solved in a worker.
    trustedTypes: ['lit-html', 'medverka-pow'],
    workerSrc: 'blob:',
    define: () => import('../../chat/define.js'),
  },
];
