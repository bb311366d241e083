/**
 * The widgets' client for the Medverka API. Response types are the server's own, inferred
 * from its zod schemas and imported as types only, so no server code reaches a bundle.
 */
import type { ErrorBody } from '../../server/errors.js';
import type { TileSet } from '../../server/tiles/schemas.js';

export type { TileSet, Tile } from '../../server/tiles/schemas.js';
export type { PublicPetition } from '../../server/petitions/schemas.js';
export type { PowChallenge } from '../../server/abuse/proof-of-work.js';

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

/** GETs JSON from the API; an error answer becomes an ApiRequestError with the server's code. */
export async function getJson<T>(base: string, path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      signal: signal ?? null,
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError(null, 'network_error', String(err));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiRequestError(response.status, body?.error.code ?? 'http_error', body?.error.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const api = {
  tileSet: (base: string, set: string, signal?: AbortSignal) =>
    getJson<TileSet>(base, `api/tile-sets/${encodeURIComponent(set)}`, signal),
};
