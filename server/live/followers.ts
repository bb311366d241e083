import type { Logger } from '../log.js';
import type { LiveBus } from './bus.js';

/**
 * The least time between two reads of one thing's state. The first change after a quiet
 * spell is read at once; changes arriving within this time of a read share one read when it
 * has passed, so a petition signed a hundred times a second, or a room of two hundred
 * answering a poll, costs each instance a few reads a second, however many pages follow it.
 */
const coalesceMs = 250;

interface Hub<S> {
  listeners: Set<(state: S) => void>;
  lastJson?: string;
  timer?: NodeJS.Timeout;
  /** When the last read began (performance.now()). */
  lastRead: number;
  reading: boolean;
  again: boolean;
  unsubscribe: () => void;
}

export interface FollowerOptions<S> {
  bus: LiveBus;
  log: Logger;
  /** The bus topic that says the thing with this id changed. */
  topic: (id: number) => string;
  /** Its current state, or undefined when it is not (or no longer) public. */
  read: (id: number) => Promise<S | undefined>;
  /** What is followed, for the log: "a petition", "a poll". */
  what: string;
}

/**
 * The things (petitions, polls) pages are following on this instance: one subscription to the
 * bus and at most one database read per thing per 250 ms (the first change after a quiet
 * spell read at once), fanned out to every page following it. A page is told only of states that differ from the last one sent.
 */
export function coalescedFollowers<S>({ bus, log, topic, read, what }: FollowerOptions<S>) {
  const hubs = new Map<number, Hub<S>>();

  const refresh = async (id: number, hub: Hub<S>) => {
    hub.timer = undefined;
    if (hub.reading) {
      hub.again = true;
      return;
    }
    hub.reading = true;
    hub.lastRead = performance.now();
    try {
      const state = await read(id);
      // Gone from public view: there is nothing to tell.
      if (!state) return;
      const json = JSON.stringify(state);
      if (json === hub.lastJson) return;
      hub.lastJson = json;
      for (const listener of hub.listeners) listener(state);
    } catch (err) {
      log.warn(`live updates: could not read ${what}`, { id, error: (err as Error).message });
    } finally {
      hub.reading = false;
      if (hub.again) {
        hub.again = false;
        schedule(id, hub);
      }
    }
  };

  const schedule = (id: number, hub: Hub<S>) => {
    if (hub.timer || hubs.get(id) !== hub) return;
    const wait = hub.lastRead + coalesceMs - performance.now();
    // A read under way when the change came is followed by another (refresh sees `reading`).
    if (wait <= 0) void refresh(id, hub);
    else hub.timer = setTimeout(() => void refresh(id, hub), wait);
  };

  return {
    /** The current state, or undefined when it is not public. */
    current: read,

    /** Calls `listener` with each new state until the returned function is called. */
    follow(id: number, listener: (state: S) => void): () => void {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub<S> = { listeners: new Set(), lastRead: -Infinity, reading: false, again: false, unsubscribe: () => {} };
        created.unsubscribe = bus.subscribe(topic(id), () => schedule(id, created));
        hubs.set(id, (hub = created));
      }
      const h = hub;
      h.listeners.add(listener);
      return () => {
        h.listeners.delete(listener);
        if (h.listeners.size > 0) return;
        clearTimeout(h.timer);
        h.unsubscribe();
        if (hubs.get(id) === h) hubs.delete(id);
      };
    },

    /** Resolves once changes from now on reach the listeners of `follow`. */
    ready: () => bus.ready(),

    /** How many pages follow on this instance (for logs and the bench). */
    get followers() {
      let n = 0;
      for (const hub of hubs.values()) n += hub.listeners.size;
      return n;
    },
  };
}
