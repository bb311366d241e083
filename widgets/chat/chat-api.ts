/**
 * The chat panel's calls to the Medverka API (see the chat routes in server/chat/). Part of
 * the panel's chunk: the launcher never calls the API, apart from reading sessionStorage.
 */
import type { ErrorBody } from '../../server/schemas.js';
import type { ChatHours, ChatMessage, ChatStarted as Started, ChatStatus, ConversationStatus } from '../../server/chat/schemas.js';
import { ApiRequestError, getJson, type PowChallenge } from '../shared/api.js';

export type { ChatHours, ChatMessage, ChatStatus, ConversationStatus, Started };

/** A refusal, with what the server said about each field and how long to wait. */
export class ChatRefusal extends ApiRequestError {
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

const tokenHeader = 'X-Medverka-Chat';

async function post<T>(base: string, path: string, body: unknown, headers: Record<string, string>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  } catch (err) {
    throw new ChatRefusal(null, 'network_error', String(err));
  }
  if (response.ok) return (await response.json().catch(() => ({}))) as T;
  const error = (await response.json().catch(() => null)) as ErrorBody | null;
  const wait = Number(response.headers.get('Retry-After'));
  throw new ChatRefusal(response.status, error?.error.code ?? 'http_error', error?.error.message ?? response.statusText, error?.error.issues, wait > 0 ? wait : null);
}

const conversation = (id: number, what = '') => `api/chat/conversations/${id}${what}`;

export const chatApi = {
  hours: (base: string) => getJson<ChatHours>(base, 'api/chat/status'),

  challenge: (base: string) => getJson<PowChallenge>(base, 'api/pow/challenge'),

  start: (base: string, input: { name: string | null; email: string | null; message: string; lang: 'sv' | 'en' }, pow: string) =>
    post<Started>(base, 'api/chat/conversations', input, { 'X-Medverka-Pow': pow }),

  write: (base: string, id: number, token: string, body: string) =>
    post<{ message: ChatMessage }>(base, conversation(id, '/messages'), { body }, { [tokenHeader]: token }),

  end: (base: string, id: number, token: string) => post<unknown>(base, conversation(id, '/end'), {}, { [tokenHeader]: token }),

  transcript: (base: string, id: number, token: string, email: string) =>
    post<unknown>(base, conversation(id, '/transcript'), { email }, { [tokenHeader]: token }),

  rate: (base: string, id: number, token: string, rating: number) => post<unknown>(base, conversation(id, '/rating'), { rating }, { [tokenHeader]: token }),

  /** Leaves a message while the contact centre is closed. */
  leaveMessage: (base: string, input: { name: string | null; email: string; message: string; lang: 'sv' | 'en' }, pow: string) =>
    post<{ case: { id: number } }>(base, 'api/chat/cases', input, { 'X-Medverka-Pow': pow }),

  /** The conversation's event stream, from after the message with id `after` (0: all of it). */
  eventsUrl: (base: string, id: number, token: string, after: number) =>
    new URL(`${conversation(id, '/events')}?token=${encodeURIComponent(token)}&after=${after}`, base).href,
};
