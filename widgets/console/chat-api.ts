/**
 * The chat inbox's client for /api/staff/chat (see the chat API contract): requests through the
 * console's own `request()`, and the server-sent event streams the inbox and a conversation are
 * followed by.
 */
import type {
  CannedAnswer,
  CannedAnswerInput,
  ChatAgent,
  ChatMessage,
  ChatStatus,
  ConversationStatus,
  StaffConversation,
  SystemCode,
} from '../../server/chat/schemas.js';
import { request } from './api.js';

export type { CannedAnswer, CannedAnswerInput, ChatAgent, ChatMessage, ConversationStatus, StaffConversation };
/** The `status` event of a conversation's stream. */
export type ConversationStatusEvent = ChatStatus;

/** The codes system messages carry in `body` (and a conversation's `preview` when one was last). */
export const systemCodes = ['joined', 'transferred', 'ended-by-resident', 'ended-by-staff'] as const satisfies readonly SystemCode[];

const base = '/api/staff/chat';

export const chatApi = {
  conversations: (status: 'open' | 'closed' = 'open') =>
    request<{ conversations: StaffConversation[] }>('GET', `${base}/conversations?status=${status}`),
  conversation: (id: number) => request<{ conversation: StaffConversation; messages: ChatMessage[] }>('GET', `${base}/conversations/${id}`),
  claim: (id: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/claim`),
  reply: (id: number, body: string) => request<{ message: ChatMessage }>('POST', `${base}/conversations/${id}/messages`, { body }),
  transfer: (id: number, to: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/transfer`, { to }),
  close: (id: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/close`),
  agents: () => request<{ agents: ChatAgent[] }>('GET', `${base}/agents`),
  answers: () => request<{ answers: CannedAnswer[] }>('GET', `${base}/canned-answers`),
  createAnswer: (answer: CannedAnswerInput) => request<{ answer: CannedAnswer }>('POST', `${base}/canned-answers`, answer),
  updateAnswer: (id: number, answer: CannedAnswerInput) => request<{ answer: CannedAnswer }>('PUT', `${base}/canned-answers/${id}`, answer),
  deleteAnswer: (id: number) => request<void>('DELETE', `${base}/canned-answers/${id}`),

  inboxUrl: () => `${base}/inbox`,
  eventsUrl: (id: number, after: number) => `${base}/conversations/${id}/events?after=${after}`,
};

/** The longest message, in characters (the server's limit). */
export const maxMessageLength = 2000;

export type StreamState = 'connecting' | 'open' | 'reconnecting';

/**
 * One server-sent event stream, kept open: EventSource reconnects by itself after a dropped
 * connection (sending Last-Event-ID), but gives up for good when the server answers with an
 * error (a restart behind a proxy, a session that ended). Then this opens a new one after a
 * pause, from a URL asked anew (so it carries the last message seen), and checks whether the
 * session is still there — a 401 signs the console out.
 */
export class LiveStream {
  #source?: EventSource;
  #timer?: ReturnType<typeof setTimeout>;
  #failures = 0;
  #stopped = false;

  constructor(
    private readonly url: () => string,
    private readonly handlers: Record<string, (data: unknown) => void>,
    private readonly onState: (state: StreamState) => void = () => {},
  ) {}

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
  }

  #connect() {
    this.#source?.close();
    const source = new EventSource(this.url());
    this.#source = source;
    source.onopen = () => {
      this.#failures = 0;
      this.onState('open');
    };
    for (const [event, handle] of Object.entries(this.handlers)) {
      source.addEventListener(event, (e) => {
        let data: unknown;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        handle(data);
      });
    }
    source.onerror = () => {
      if (this.#stopped || source !== this.#source) return;
      this.onState('reconnecting');
      if (source.readyState !== EventSource.CLOSED) return;
      // Given up: try again later, a little later each time (at most half a minute).
      this.#failures++;
      const wait = Math.min(30_000, 1000 * 2 ** Math.min(this.#failures, 5));
      this.#timer = setTimeout(() => void this.#retry(), wait);
    };
  }

  async #retry() {
    if (this.#stopped) return;
    try {
      // A 401 here tells the console the session ended (request() does), and it signs out.
      await request('GET', '/api/staff/me');
    } catch (err) {
      if ((err as { status?: number | null }).status === 401) return;
    }
    if (!this.#stopped) this.#connect();
  }
}
