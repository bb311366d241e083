/**
 * Sending a resident's form: JSON with a solved proof of work, refusals as FormRefusal. Here
 * rather than in shared/, whose code is in the chunk every widget downloads (the tiles' byte
 * budget has no room for it); this folder is the chunk only the widgets with a form fetch.
 */
import type { ErrorBody } from '../../server/schemas.js';
import { ApiRequestError } from '../shared/api.js';

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
