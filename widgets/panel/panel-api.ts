/**
 * The panel widget's calls to the Medverka API (see widgets/petition/petition-api.ts for why
 * they are not in shared/; posting is the form kit's). The shapes are those of the citizen-panel contract.
 */
import { getJson } from '../shared/api.js';
import { postWithPow } from '../forms/post.js';

/** A text residents see: Swedish, and English when staff wrote one. */
export interface Text {
  sv: string;
  en: string | null;
}

/** What the panel asks: the age bands and districts a resident may give (none: not asked), and the consent text. */
export interface PanelInfo {
  ageBands: string[];
  districts: string[];
  consent: Text;
}

export interface PanelApplication {
  name: string | null;
  email: string;
  ageBand: string | null;
  district: string | null;
  consent: true;
  lang: 'sv' | 'en';
}

export const panelApi = {
  info: (base: string, signal?: AbortSignal) => getJson<PanelInfo>(base, 'api/panel', signal),

  /** Asks to join; resolves once the server answered 202 (a confirmation mail is on its way). */
  join: (base: string, application: PanelApplication, pow: string) => postWithPow(base, 'api/panel/members', application, pow),
};
