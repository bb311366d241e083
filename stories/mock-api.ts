/**
 * A stand-in for the Medverka API, so stories need no running server.
 *
 * Each story gets its own fake origin (`mockApi('empty', …)` → `https://empty.medverka-mock.invalid/`)
 * and passes it as the widget's `api` attribute; `fetch` is wrapped once, and requests to a
 * registered origin are answered from that origin's routes. Everything else goes to the real
 * `fetch`, so pointing the `api` control at a real server still works. Per-story origins let
 * several stories share one page (as on a docs page) without answering for each other.
 * `.invalid` can never resolve (RFC 2606), so a request that slips past the mock fails fast
 * instead of reaching the network.
 */
import type { ErrorBody } from '../server/schemas.js';
import type { PowChallenge } from '../server/abuse/schemas.js';

/**
 * A proof-of-work challenge the widgets can really solve: SHA-256("medverka-story-salt?expires=4102444800&7").
 * The mock API never checks the answer; the widget still does the work, as it would for real.
 */
export const challenge: PowChallenge = {
  algorithm: 'SHA-256',
  challenge: '006fb7a1bafc6d2c58091045f93233a9267faaf5416517ed7178ab7e100f1af8',
  salt: 'medverka-story-salt?expires=4102444800&',
  maxnumber: 100,
  signature: '0'.repeat(64),
};

/** How the fake server answers one path. */
export type MockReply =
  /** 200 (or `status`, e.g. 202) with this JSON body, optionally after a delay. */
  | { json: unknown; delayMs?: number; status?: number }
  /** An error status with the server's JSON error shape, its field issues, and Retry-After (seconds). */
  | { status: number; code: string; message: string; issues?: { path: string; message: string }[]; retryAfter?: number }
  /** Never answers: the widget stays in its loading state (until it aborts the request). */
  | { pending: true }
  /**
   * A server-sent event stream (for `EventSource`): each event is sent `afterMs` after the
   * previous one; the stream then stays open, as the server's does.
   */
  | { events: { event: string; data: unknown; afterMs: number }[] };

/**
 * Replies by request path, without the leading slash: `{ 'api/tile-sets/engagera-dig': … }`.
 * Other methods than GET are keyed with the method first: `{ 'POST api/budgets/x/ballots': … }`;
 * a request with no such key is refused with 405.
 */
export type MockRoutes = Record<string, MockReply>;

const servers = new Map<string, MockRoutes>();

/** Registers a fake API origin for one story and returns it, ready for the `api` attribute. */
export function mockApi(name: string, routes: MockRoutes): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`mockApi: "${name}" must be lower-case letters, digits and hyphens`);
  const origin = `https://${name}.medverka-mock.invalid`;
  servers.set(origin, routes);
  installFetchMock();
  return `${origin}/`;
}

function errorResponse(status: number, code: string, message: string, issues?: ErrorBody['error']['issues'], retryAfter?: number): Response {
  const body: ErrorBody = { error: { status, code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, { status, headers: retryAfter ? { 'Retry-After': String(retryAfter) } : {} });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Resolves after `ms` (never, for Infinity), or rejects as fetch does when the request is
 * aborted first — the widget aborts when its `set` or `api` changes or it leaves the page.
 */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError(signal));
      },
      { once: true },
    );
  });
}

async function answer(routes: MockRoutes, url: URL, request: Request): Promise<Response> {
  const path = url.pathname.replace(/^\/+/, '');
  const reply = routes[request.method === 'GET' ? path : `${request.method} ${path}`];
  if (request.method !== 'GET' && !reply) return errorResponse(405, 'method_not_allowed', `The mock API has no ${request.method} reply for /${path}.`);
  if (!reply) return errorResponse(404, 'not_found', `The mock API has no reply for /${path}.`);
  // Never settles, unless the widget aborts the request.
  if ('pending' in reply) return wait(Infinity, request.signal) as Promise<never>;
  if ('code' in reply) return errorResponse(reply.status, reply.code, reply.message, reply.issues, reply.retryAfter);
  if ('events' in reply) return errorResponse(406, 'not_acceptable', `/${path} is an event stream; open it with EventSource.`);
  if (reply.delayMs) await wait(reply.delayMs, request.signal);
  return Response.json(reply.json, { status: reply.status ?? 200 });
}

let installed = false;

/**
 * EventSource for the fake origins: plays a route's `events`, and otherwise behaves as a
 * stream the server refused (it closes, as a real EventSource does on a 404).
 */
function installEventSourceMock(): void {
  const RealEventSource = window.EventSource;
  class MockEventSource extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSED = 2;
    url = '';
    readonly withCredentials = false;
    readyState = 0;
    onopen: ((e: Event) => void) | null = null;
    onmessage: ((e: MessageEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    #timers: ReturnType<typeof setTimeout>[] = [];

    constructor(url: string | URL, init?: EventSourceInit) {
      const parsed = new URL(String(url), document.baseURI);
      const routes = servers.get(parsed.origin);
      if (!routes) return new RealEventSource(url, init) as unknown as MockEventSource;
      super();
      this.url = parsed.href;
      const reply = routes[parsed.pathname.replace(/^\/+/, '')];
      if (!reply || !('events' in reply)) {
        this.#later(0, () => {
          this.readyState = 2;
          this.#fire(new Event('error'));
        });
        return;
      }
      this.#later(0, () => {
        this.readyState = 1;
        this.#fire(new Event('open'));
      });
      let at = 0;
      for (const { event, data, afterMs } of reply.events) {
        at += afterMs;
        this.#later(at, () => this.#fire(new MessageEvent(event, { data: JSON.stringify(data) })));
      }
    }

    #later(ms: number, fn: () => void) {
      this.#timers.push(
        setTimeout(() => {
          if (this.readyState !== 2) fn();
        }, ms),
      );
    }

    #fire(event: Event) {
      this.dispatchEvent(event);
      const handler = event.type === 'open' ? this.onopen : event.type === 'error' ? this.onerror : event.type === 'message' ? this.onmessage : null;
      (handler as ((e: Event) => void) | null)?.(event);
    }

    close() {
      this.readyState = 2;
      for (const t of this.#timers) clearTimeout(t);
    }
  }
  window.EventSource = MockEventSource as unknown as typeof EventSource;
}

function installFetchMock(): void {
  if (installed) return;
  installed = true;
  installEventSourceMock();
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    } catch {
      return realFetch(input, init);
    }
    const routes = servers.get(url.origin);
    if (!routes) return realFetch(input, init);
    // Async, so a bad request rejects as fetch does rather than throwing.
    return (async () => answer(routes, url, new Request(input, init)))();
  };
}
