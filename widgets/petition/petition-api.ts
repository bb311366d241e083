/**
 * The petition widget's calls to the Medverka API. They live here rather than in
 * shared/api.ts because everything in shared/ is part of the chunk every widget downloads,
 * and the tiles' byte budget has no room for code only this widget needs.
 */
import type { ErrorBody } from '../../server/schemas.js';
import type { SignatureInput, SignaturesPerDay } from '../../server/petitions/schemas.js';
import { ApiRequestError, getJson, type PowChallenge, type PublicPetition } from '../shared/api.js';

/** A refusal of a form, with what the server said about each field and how long to wait. */
export class FormRefusal extends ApiRequestError {
  constructor(
    status: number | null,
    code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    /** Seconds to wait before trying again (429), when the server said. */
    readonly retryAfter: number | null = null,
  ) {
    super(status, code, message);
  }
}

export interface Signature extends SignatureInput {
  lang: 'sv' | 'en';
}

export const petitionApi = {
  petition: (base: string, id: string, signal?: AbortSignal) => getJson<PublicPetition>(base, `api/petitions/${encodeURIComponent(id)}`, signal),

  signaturesPerDay: (base: string, id: number) => getJson<SignaturesPerDay>(base, `api/petitions/${id}/signatures-per-day`),

  challenge: (base: string) => getJson<PowChallenge>(base, 'api/pow/challenge'),

  /** Sends a signature with its proof-of-work solution; resolves once the server answered 202. */
  sign: (base: string, id: string, signature: Signature, pow: string) =>
    postWithPow(base, `api/petitions/${encodeURIComponent(id)}/signatures`, signature, pow),
};

/**
 * The page the resident is on, so that the page a confirmation mail opens can lead back to
 * it: the page itself, or in the iframe embed the page that shows the frame (its referrer, or
 * at least its origin), never the embed page.
 */
function shownOn(): string | undefined {
  return window === window.top ? location.href : document.referrer || (location.ancestorOrigins as DOMStringList | undefined)?.[0] || undefined;
}

/**
 * Posts a resident's form with its proof-of-work solution (and the page it was sent from); resolves once the server
 * accepted it, and otherwise throws a FormRefusal carrying the server's field issues and
 * how long to wait.
 */
export async function postWithPow(base: string, path: string, body: unknown, pow: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Medverka-Pow': pow },
      body: JSON.stringify({ ...(body as object), returnTo: shownOn() }),
      credentials: 'omit',
    });
  } catch (err) {
    throw new FormRefusal(null, 'network_error', String(err));
  }
  if (response.ok) return;
  const error = (await response.json().catch(() => null)) as ErrorBody | null;
  const wait = Number(response.headers.get('Retry-After'));
  throw new FormRefusal(
    response.status,
    error?.error.code ?? 'http_error',
    error?.error.message ?? response.statusText,
    error?.error.issues,
    wait > 0 ? wait : null,
  );
}
