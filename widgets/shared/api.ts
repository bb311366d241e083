/**
 * The widgets' client for the Medverka API. Response types are the server's own, inferred
 * from its zod schemas and imported as types only, so no server code reaches a bundle.
 */
import type { ErrorBody } from '../../server/schemas.js';
import type { TileSet } from '../../server/tiles/schemas.js';

export type { TileSet, Tile } from '../../server/tiles/schemas.js';
export type { PublicPetition } from '../../server/petitions/schemas.js';
export type { PowChallenge } from '../../server/abuse/schemas.js';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The wait before asking a busy server again: one to two seconds, so that a page's widgets do not all come back at once. */
export const busyPause = () => new Promise((r) => setTimeout(r, 1e3 + 1e3 * Math.random()));

/**
 * GETs JSON from the API; an error answer becomes an ApiRequestError with the server's code.
 * A server past its capacity answers 503 and asks to be tried again in a second (Retry-After:
 * 1, see server/limits.ts): the request is made again after a `busyPause`, up to three times
 * in all, before the widget shows its error.
 */
export async function getJson<T>(base: string, path: string, signal?: AbortSignal, tries = 3): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      signal: signal ?? null,
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    // No answer: perhaps the server does not allow this page's origin (ALLOWED_ORIGINS),
    // which the browser does not say. checkOrigin asks (once per page) and says so.
    import('../loader/origin-check.js').then((m) => m.default(base), () => 0);
    throw new ApiRequestError(null, 'network_error', String(err));
  }
  if (!response.ok) {
    if (response.status == 503 && --tries) {
      await busyPause();
      return getJson(base, path, signal, tries);
    }
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiRequestError(response.status, body?.error.code ?? 'http_error', body?.error.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const api = {
  tileSet: (base: string, set: string, signal?: AbortSignal) =>
    getJson<TileSet>(base, `api/tile-sets/${encodeURIComponent(set)}`, signal),
};
