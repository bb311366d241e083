import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import type { Db } from '../../server/db/index.js';
import { createLiveBus, type LiveBus } from '../../server/live/bus.js';
import type { LiveState } from '../../server/petitions/live.js';
import { memoryLogger, openDatabase, testConfig, type TestDatabase } from './helpers.js';

/**
 * The bus, except that every subscriber is told to re-read when ready() is called, as the
 * PostgreSQL bus does once its LISTEN connection comes up (the first time too). What a
 * page already has must not be sent to it again then.
 */
export function rereadingWhenReady(bus: LiveBus): LiveBus & { rereads: number } {
  const subscribers = new Set<() => void>();
  const wrapped = {
    ...bus,
    rereads: 0,
    subscribe(topic: string, fn: () => void) {
      subscribers.add(fn);
      const stop = bus.subscribe(topic, fn);
      return () => {
        subscribers.delete(fn);
        stop();
      };
    },
    async ready(timeoutMs?: number) {
      await bus.ready(timeoutMs);
      wrapped.rereads++;
      for (const fn of subscribers) fn();
    },
  };
  return wrapped;
}

/** A real server on a free port: server-sent events need a real socket to be followed. */
export async function serveApp(database: TestDatabase, db: Db, env: Record<string, string> = {}, wrapBus: (bus: LiveBus) => LiveBus = (bus) => bus) {
  const config = testConfig({
    PUBLIC_URL: 'http://127.0.0.1',
    ALLOWED_ORIGINS: 'https://kommun.test',
    DATABASE_URL: database.database.kind === 'postgres' ? database.database.url : `sqlite:${database.database.file}`,
    ...env,
  });
  assert.equal(config.database.kind, database.name === 'postgres' ? 'postgres' : 'sqlite', 'the bus the database calls for: LISTEN/NOTIFY on PostgreSQL');
  const log = memoryLogger();
  const live = wrapBus(createLiveBus(config, db, log));
  const app = createApp(completeDeps({ config, db, log, live }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    live,
    log,
    async close() {
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise((r) => server.close(r));
      await live.close();
    },
  };
}

export type Served = Awaited<ReturnType<typeof serveApp>>;

/** A real server on its own connection to the test database, for one test: both are closed after it, however it ends. */
export async function withServer(database: TestDatabase, test: (db: Db, server: Served) => Promise<void>, env: Record<string, string> = {}) {
  const db = await openDatabase(database);
  const server = await serveApp(database, db, env);
  try {
    await test(db, server);
  } finally {
    await server.close();
    await db.destroy();
  }
}

/** Two servers sharing the PostgreSQL database, each on its own connection, as instances behind a load balancer are. */
export async function withTwoInstances(postgres: TestDatabase, test: (a: Served & { db: Db }, b: Served & { db: Db }) => Promise<void>) {
  await withServer(postgres, (dbA, a) => withServer(postgres, (dbB, b) => test({ ...a, db: dbA }, { ...b, db: dbB })));
}

/** What a live stream answers with: an event stream that the municipality's pages may follow, never held back by compression. */
export function assertLiveStream(res: Response) {
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/event-stream/);
  assert.equal(res.headers.get('access-control-allow-origin'), 'https://kommun.test', 'the municipality’s pages may follow it');
  assert.equal(res.headers.get('content-encoding'), null, 'never held back by compression');
}

/** Reads a text/event-stream as a browser's EventSource would, event by event. */
export async function follow(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: { event: string; data: string; id?: string; retry?: number }[] = [];
  let waiting: (() => void) | undefined;
  let buffer = '';
  const reading = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]));
          if (fields.data !== undefined) events.push({ event: fields.event ?? 'message', data: fields.data, id: fields.id, retry: fields.retry ? Number(fields.retry) : undefined });
          waiting?.();
        }
      }
    } catch {
      // aborted
    }
  })();
  const parsed = <T>(event: { data: string }) => JSON.parse(event.data) as T;
  const ofKind = (kind: string) => events.filter((e) => e.event === kind);
  /** Waits until `ready()`, woken by each event and every 50 ms. */
  const waitFor = async (ready: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`);
      await new Promise<void>((r) => {
        waiting = r;
        setTimeout(r, 50);
      });
    }
  };
  return {
    res,
    events,
    states: <T = LiveState>() => events.map((e) => parsed<T>(e)),
    /** The data of every event of one kind (`message`, `status`, …), in order. */
    ofKind: <T>(kind: string) => ofKind(kind).map((e) => parsed<T>(e)),
    /** The `count`th event's data, waiting for it if need be. */
    async next<T = LiveState>(count: number, what: string, timeoutMs = 5000): Promise<T> {
      await waitFor(() => events.length >= count, what, timeoutMs);
      return parsed<T>(events[count - 1]!);
    },
    /** The nth event of one kind (kinds are counted apart), waiting for it if need be. */
    async nth<T>(kind: string, n: number, what: string, timeoutMs = 5000): Promise<T> {
      await waitFor(() => ofKind(kind).length >= n, what, timeoutMs);
      return parsed<T>(ofKind(kind)[n - 1]!);
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}
