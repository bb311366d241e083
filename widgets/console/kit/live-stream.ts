/** The server-sent event streams the console follows: the chat's inbox and conversations, a poll's live counts. */
import { request } from './api.js';

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
