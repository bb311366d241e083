/**
 * The budget widget's calls to the Medverka API. Kept out of shared/api.ts, whose code is in
 * the chunk every widget downloads (the tiles' byte budget has no room for it). Sending a
 * ballot goes the petition's way: JSON with a solved proof of work, refusals as FormRefusal.
 */
import type { BallotInput, PublicBudget } from '../../server/budgets/schemas.js';
import { postWithPow } from '../forms/post.js';
import { getJson } from '../shared/api.js';

export type { BallotInput, BudgetDistrict, BudgetItem, BudgetResults, PublicBudget } from '../../server/budgets/schemas.js';

const path = (slug: string) => `api/budgets/${encodeURIComponent(slug)}`;

export const budgetApi = {
  budget: (base: string, slug: string, signal?: AbortSignal) => getJson<PublicBudget>(base, path(slug), signal),

  /** Sends a ballot; resolves once the server answered 202 (the resident is to check their e-mail). */
  cast: (base: string, slug: string, ballot: BallotInput, pow: string) => postWithPow(base, `${path(slug)}/ballots`, ballot, pow),
};
