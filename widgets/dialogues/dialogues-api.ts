/**
 * The register widget's calls to the Medverka API. The types are the server's own (import
 * type only). Here rather than in shared/api.ts, whose code every widget downloads.
 */
import type { PublicDialogue } from '../../server/register/schemas.js';
import { getJson } from '../shared/api.js';

export type { Channel, PublicDialogue } from '../../server/register/schemas.js';

export const dialoguesApi = {
  list: (base: string, signal?: AbortSignal) => getJson<{ dialogues: PublicDialogue[] }>(base, 'api/dialogues', signal).then((r) => r.dialogues),
  followPath: (id: number) => `api/dialogues/${id}/followers`,
};
