import { sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { Logger } from '../log.js';

/**
 * Tells every server instance that something changed ("petition:42"), so each can update the
 * residents connected to it. On SQLite there is one instance and the bus is in process; on
 * PostgreSQL the message goes through NOTIFY and every instance LISTENs, so a signature
 * confirmed on one instance reaches a page connected to another.
 *
 * A message says only *what* changed; receivers read the new state from the database. So a
 * message lost while the listening connection is re-established costs nothing: after a
 * reconnect every subscriber is told to refresh.
 */
export interface LiveBus {
  publish(topic: string): Promise<void>;
  /** `onMessage` runs for each message on the topic, and after a reconnect (anything may have changed). */
  subscribe(topic: string, onMessage: () => void): () => void;
  /**
   * Resolves once messages published from now on will be delivered to subscribers (on
   * PostgreSQL: once LISTEN is in place), or after `timeoutMs` if that takes longer.
   */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The PostgreSQL channel all topics share; the topic is the payload. */
const channel = 'medverka_live';
/** How long the listening connection stays open after its last subscriber left. */
const idleCloseMs = 30_000;
const maxTopicLength = 200;

class Topics {
  readonly #subscribers = new Map<string, Set<() => void>>();

  get size() {
    return this.#subscribers.size;
  }

  add(topic: string, fn: () => void): () => void {
    let set = this.#subscribers.get(topic);
    if (!set) this.#subscribers.set(topic, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.#subscribers.get(topic) === set) this.#subscribers.delete(topic);
    };
  }

  deliver(topic: string) {
    for (const fn of this.#subscribers.get(topic) ?? []) fn();
  }

  deliverAll() {
    for (const topic of [...this.#subscribers.keys()]) this.deliver(topic);
  }
}

/** One process, one instance: SQLite, or tests. */
export function inProcessBus(): LiveBus {
  const topics = new Topics();
  return {
    async publish(topic) {
      // After the caller's own work, as a NOTIFY after commit would be.
      queueMicrotask(() => topics.deliver(topic));
    },
    subscribe: (topic, fn) => topics.add(topic, fn),
    async ready() {},
    async close() {},
  };
}

/**
 * LISTEN on one dedicated connection, opened when the first subscriber arrives and closed a
 * while after the last one leaves; reconnected with backoff and jitter when it drops.
 */
export function postgresBus(url: string, db: Db, log: Logger): LiveBus {
  const topics = new Topics();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let closed = false;

  const connect = () => {
    if (client || connecting || closed) return;
    const c = new pg.Client({ connectionString: url });
    connecting = (async () => {
      c.on('notification', (n) => {
        if (n.channel === channel && n.payload) topics.deliver(n.payload);
      });
      c.on('error', (err) => lost(c, err));
      c.on('end', () => lost(c, new Error('connection ended')));
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        if (closed) return void c.end().catch(() => {});
        client = c;
        if (failures > 0) log.info('live updates: listening again');
        failures = 0;
        // Whatever happened while we were not listening, subscribers read it now: after a
        // lost connection, and also the first time, since a subscriber whose ready() gave
        // up waiting (a slow database) may have missed a change meanwhile.
        topics.deliverAll();
      } catch (err) {
        lost(c, err as Error);
      } finally {
        connecting = null;
      }
    })();
  };

  const lost = (c: pg.Client, err: Error) => {
    if (client === c) client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    if (closed || topics.size === 0 || retryTimer) return;
    failures++;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() / 2);
    log.warn('live updates: lost the listening connection to PostgreSQL; retrying', { error: err.message, retryInMs: Math.round(delay) });
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (topics.size > 0) connect();
    }, delay);
  };

  return {
    async publish(topic) {
      if (topic.length > maxTopicLength) throw new Error('topic too long');
      await sql`select pg_notify(${channel}, ${topic})`.execute(db);
    },
    subscribe(topic, fn) {
      clearTimeout(idleTimer);
      connect();
      const unsubscribe = topics.add(topic, fn);
      return () => {
        unsubscribe();
        if (topics.size > 0) return;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
          if (topics.size > 0 || !client) return;
          const c = client;
          client = null;
          c.removeAllListeners('end');
          void c.end().catch(() => {});
        }, idleCloseMs);
        idleTimer.unref();
      };
    },
    async ready(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!client && !closed && Date.now() < deadline) {
        if (connecting) await Promise.race([connecting, new Promise((r) => setTimeout(r, deadline - Date.now()))]);
        else await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(idleTimer);
      await connecting;
      const c = client;
      client = null;
      c?.removeAllListeners('end');
      await c?.end().catch(() => {});
    },
  };
}

export function createLiveBus(config: Config, db: Db, log: Logger): LiveBus {
  return config.database.kind === 'postgres' ? postgresBus(config.database.url, db, log) : inProcessBus();
}
