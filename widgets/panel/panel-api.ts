/**
 * The panel widget's calls to the Medverka API (see widgets/petition/petition-api.ts for why
 * they are not in shared/; posting is the form kit's). The shapes are those of the citizen-panel contract.
 */
import type { JoinInput, PanelInfo } from '../../server/panel/schemas.js';
import { getJson } from '../shared/api.js';
import { postWithPow } from '../forms/post.js';

export type { PanelInfo };

export const panelApi = {
  info: (base: string, signal?: AbortSignal) => getJson<PanelInfo>(base, 'api/panel', signal),

  /** Asks to join; resolves once the server answered 202 (a confirmation mail is on its way). */
  join: (base: string, application: JoinInput, pow: string) => postWithPow(base, 'api/panel/members', application, pow),
};
