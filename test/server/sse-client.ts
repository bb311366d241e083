import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import type { Db } from '../../server/db/index.js';
import { createLiveBus, type LiveBus } from '../../server/live/bus.js';
import type { LiveState } from '../../server/petitions/live.js';
import { memoryLogger, testConfig, type TestDatabase } from './helpers.js';

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
  return {
    res,
    events,
    states: <T = LiveState>() => events.map((e) => JSON.parse(e.data) as T),
    async next<T = LiveState>(count: number, what: string, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`);
        await new Promise<void>((r) => {
          waiting = r;
          setTimeout(r, 50);
        });
      }
      return JSON.parse(events[count - 1]!.data) as T;
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}
