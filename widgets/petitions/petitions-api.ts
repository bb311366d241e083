/**
 * The petition list's calls to the Medverka API. Posting, the refusal type and the proof of
 * work come from the form kit (widgets/forms/, its own chunk), not from shared/, which every
 * widget downloads.
 */
import type { PetitionSummary, ProposalInput } from '../../server/petitions/schemas.js';
import { postWithPow } from '../forms/post.js';
import { getJson } from '../shared/api.js';

export type { PetitionSummary };

/** Which petitions to list; 'all' is every public one. */
export type Show = 'open' | 'answered' | 'closed' | 'all';

export interface ProposalBody extends ProposalInput {
  lang: 'sv' | 'en';
}

export const petitionsApi = {
  list(base: string, show: Show, q: string, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (show !== 'all') params.set('status', show);
    if (q.trim()) params.set('q', q.trim());
    const query = params.toString();
    return getJson<{ petitions: PetitionSummary[] }>(base, `api/petitions${query ? `?${query}` : ''}`, signal);
  },

  /** Sends a proposal with its proof-of-work solution; resolves once the server answered 202. */
  propose: (base: string, proposal: ProposalBody, pow: string) => postWithPow(base, 'api/petitions', proposal, pow),
};
