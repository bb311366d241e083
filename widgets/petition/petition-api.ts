/**
 * The petition widget's calls to the Medverka API. They live here rather than in
 * shared/api.ts because everything in shared/ is part of the chunk every widget downloads,
 * and the tiles' byte budget has no room for code only this widget needs; posting a form is
 * the form kit's (widgets/forms/).
 */
import type { SignatureInput, SignaturesPerDay } from '../../server/petitions/schemas.js';
import { postWithPow } from '../forms/post.js';
import { getJson, type PublicPetition } from '../shared/api.js';

export interface Signature extends SignatureInput {
  lang: 'sv' | 'en';
}

export const petitionApi = {
  petition: (base: string, id: string, signal?: AbortSignal) => getJson<PublicPetition>(base, `api/petitions/${encodeURIComponent(id)}`, signal),

  signaturesPerDay: (base: string, id: number) => getJson<SignaturesPerDay>(base, `api/petitions/${id}/signatures-per-day`),

  /** Sends a signature with its proof-of-work solution; resolves once the server answered 202. */
  sign: (base: string, id: string, signature: Signature, pow: string) =>
    postWithPow(base, `api/petitions/${encodeURIComponent(id)}/signatures`, signature, pow),
};
