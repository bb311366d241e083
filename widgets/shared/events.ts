/**
 * Public events, each typed once. They bubble and cross shadow roots, so an editor can
 * listen on document: `document.addEventListener('medverka-tile-open', e => …)`.
 */
export interface MedverkaTileOpenDetail {
  /** The tile's id in the tile set. */
  tileId: number;
  /** The tile's title, in the language shown. */
  title: string;
  target: 'link' | 'widget';
  /** The link's address, or the widget's tag name. */
  destination: string;
}

export interface MedverkaLoadErrorDetail {
  /** What could not be loaded, e.g. "tile-set". */
  what: string;
  status: number | null;
}

export interface MedverkaSignedDetail {
  /** The petition's number. The signature counts once the signer follows the mailed link. */
  petitionId: number;
}

export interface MedverkaPetitionProposedDetail {
  /** The language of the confirmation mail. The proposal goes to review once the proposer follows the mailed link. */
  lang: 'sv' | 'en';
}

export interface MedverkaBallotCastDetail {
  /** The budget's name, as in the embed code. */
  budget: string;
  /** The district the ballot is for, or null. It counts once the resident follows the mailed link; a later confirmed ballot replaces it. */
  districtId: number | null;
}

export interface MedverkaPollAnsweredDetail {
  /** The poll's number, as in the embed code. */
  pollId: number;
  /** The chosen options' ids (for a scale, the value 1–5). The browser remembers them, so the resident answers once. */
  choices: number[];
}

export interface MedverkaChatOpenedDetail {
  /** Whether a conversation was already under way (the resident reopened it). */
  ongoing: boolean;
}

export interface MedverkaChatStartedDetail {
  /** The conversation's number, as staff see it in the console. */
  conversationId: number;
}

export interface MedverkaChatEndedDetail {
  conversationId: number;
  /** Who ended it: the resident, or the municipality's staff. */
  by: 'resident' | 'staff';
}

export interface MedverkaPanelJoinedDetail {
  /** The language of the confirmation mail. The resident becomes a member once they follow the mailed link. */
  lang: 'sv' | 'en';
}

export interface MedverkaSurveySubmittedDetail {
  /** The survey's id, as in the embed code. */
  surveyId: string;
}

/** A resident asked to follow a dialogue of the register; it starts once they confirm by mail. */
export interface MedverkaDialogueFollowedDetail {
  dialogueId: number;
}

export interface MedverkaEventMap {
  'medverka-tile-open': CustomEvent<MedverkaTileOpenDetail>;
  'medverka-load-error': CustomEvent<MedverkaLoadErrorDetail>;
  'medverka-signed': CustomEvent<MedverkaSignedDetail>;
  'medverka-petition-proposed': CustomEvent<MedverkaPetitionProposedDetail>;
  'medverka-ballot-cast': CustomEvent<MedverkaBallotCastDetail>;
  'medverka-poll-answered': CustomEvent<MedverkaPollAnsweredDetail>;
  'medverka-chat-opened': CustomEvent<MedverkaChatOpenedDetail>;
  'medverka-chat-started': CustomEvent<MedverkaChatStartedDetail>;
  'medverka-chat-ended': CustomEvent<MedverkaChatEndedDetail>;
  'medverka-panel-joined': CustomEvent<MedverkaPanelJoinedDetail>;
  'medverka-survey-submitted': CustomEvent<MedverkaSurveySubmittedDetail>;
  'medverka-dialogue-followed': CustomEvent<MedverkaDialogueFollowedDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MedverkaEventMap {}
}

type DetailOf<K extends keyof MedverkaEventMap> = MedverkaEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a public event from `el`; returns false if a listener called preventDefault(). */
export function emit<K extends keyof MedverkaEventMap>(
  el: HTMLElement,
  name: K,
  detail: DetailOf<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return el.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
