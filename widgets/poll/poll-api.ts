/**
 * The poll widget's calls to the Medverka API, and what it remembers of an answer. The types
 * are the server's own (import type only). Here rather than in shared/api.ts, because
 * everything in shared/ is in the chunk every widget downloads.
 */
import type { ErrorBody } from '../../server/schemas.js';
import type { PollResults, PublicPoll } from '../../server/polls/schemas.js';
import { ApiRequestError, getJson } from '../shared/api.js';

export type { PollLiveState, PollResults, PublicPoll } from '../../server/polls/schemas.js';

const path = (id: string) => `api/polls/${encodeURIComponent(id)}`;

export const pollApi = {
  poll: (base: string, id: string, signal?: AbortSignal) => getJson<{ poll: PublicPoll }>(base, path(id), signal).then((r) => r.poll),

  live: (base: string, id: string) => new URL(`${path(id)}/live`, base),

  /** Sends one answer; resolves to the results with it counted. */
  async answer(base: string, id: string, choices: number[]): Promise<PollResults> {
    let response: Response;
    try {
      response = await fetch(new URL(`${path(id)}/answers`, base), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ choices }),
        credentials: 'omit',
      });
    } catch (err) {
      throw new ApiRequestError(null, 'network_error', String(err));
    }
    if (response.ok) return ((await response.json()) as { results: PollResults }).results;
    const error = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiRequestError(response.status, error?.error.code ?? 'http_error', error?.error.message ?? response.statusText);
  },
};

/** One answer per browser and poll: two municipalities' polls on one site stay apart. */
const keyOf = (base: string, id: number) => `medverka-poll ${new URL(base).origin} ${id}`;

/** The choices this browser sent, if it answered (and storage can be read at all). */
export function readAnswer(base: string, id: number): number[] | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(base, id)) ?? 'null') as { choices?: unknown } | null;
    const choices = stored?.choices;
    return Array.isArray(choices) && choices.length && choices.every((c) => Number.isInteger(c)) ? (choices as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remembers the answer, or forgets it (undefined). Written only once the resident answered.
 * Storage that is off or full is no error: the poll just will not remember them.
 */
export function writeAnswer(base: string, id: number, choices: number[] | undefined): void {
  try {
    if (choices) localStorage.setItem(keyOf(base, id), JSON.stringify({ choices }));
    else localStorage.removeItem(keyOf(base, id));
  } catch {
    // See above.
  }
}
