import type { Logger } from '../log.js';
import type { LiveBus } from './bus.js';

/**
 * How soon after a change the state is read again. Changes arriving meanwhile share that
 * one read, so a petition signed a hundred times a second, or a room of two hundred answering
 * a poll, costs each instance a few reads a second, however many pages follow it.
 */
const coalesceMs = 250;

interface Hub<S> {
  listeners: Set<(state: S) => void>;
  lastJson?: string;
  timer?: NodeJS.Timeout;
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
 * bus and at most one database read per thing per 250 ms, fanned out to every page following
 * it. A page is told only of states that differ from the last one sent.
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
    if (!hub.timer && hubs.get(id) === hub) hub.timer = setTimeout(() => void refresh(id, hub), coalesceMs);
  };

  return {
    /** The current state, or undefined when it is not public. */
    current: read,

    /** Calls `listener` with each new state until the returned function is called. */
    follow(id: number, listener: (state: S) => void): () => void {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub<S> = { listeners: new Set(), reading: false, again: false, unsubscribe: () => {} };
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
