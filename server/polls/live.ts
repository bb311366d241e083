import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import type { Logger } from '../log.js';
import type { PollLiveState } from './schemas.js';
import { findPublicPoll } from './store.js';

/** Published on every answer, open, close and reset; the message only says which poll changed. */
export const pollTopic = (id: number) => `poll:${id}`;

/**
 * How soon after a change the results are read again. A room of two hundred answering
 * within seconds costs each instance a few reads a second, however many screens follow.
 */
const coalesceMs = 250;

async function readState(db: Db, id: number): Promise<PollLiveState | undefined> {
  const poll = await findPublicPoll(db, id);
  return poll && { status: poll.status, results: poll.results };
}

interface Hub {
  listeners: Set<(state: PollLiveState) => void>;
  lastJson?: string;
  timer?: NodeJS.Timeout;
  reading: boolean;
  again: boolean;
  unsubscribe: () => void;
}

/**
 * The polls pages and projectors are following on this instance: one subscription to the
 * bus and at most one database read per poll per 250 ms, fanned out to every follower.
 * (The same shape as the petitions' followers; kept apart so each reads only its own state.)
 */
export function pollFollowers(db: Db, bus: LiveBus, log: Logger) {
  const hubs = new Map<number, Hub>();

  const refresh = async (id: number, hub: Hub) => {
    hub.timer = undefined;
    if (hub.reading) {
      hub.again = true;
      return;
    }
    hub.reading = true;
    try {
      const state = await readState(db, id);
      // Deleted: there is nothing more to tell.
      if (!state) return;
      const json = JSON.stringify(state);
      if (json === hub.lastJson) return;
      hub.lastJson = json;
      for (const listener of hub.listeners) listener(state);
    } catch (err) {
      log.warn('live updates: could not read a poll', { id, error: (err as Error).message });
    } finally {
      hub.reading = false;
      if (hub.again) {
        hub.again = false;
        schedule(id, hub);
      }
    }
  };

  const schedule = (id: number, hub: Hub) => {
    if (!hub.timer && hubs.get(id) === hub) hub.timer = setTimeout(() => void refresh(id, hub), coalesceMs);
  };

  return {
    /** The current state, or undefined for a draft or unknown poll. */
    current: readState.bind(null, db),

    /** Calls `listener` with each new state of the poll until the returned function is called. */
    follow(id: number, listener: (state: PollLiveState) => void): () => void {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub = { listeners: new Set(), reading: false, again: false, unsubscribe: () => {} };
        created.unsubscribe = bus.subscribe(pollTopic(id), () => schedule(id, created));
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

    get followers() {
      let n = 0;
      for (const hub of hubs.values()) n += hub.listeners.size;
      return n;
    },
  };
}

export type PollFollowers = ReturnType<typeof pollFollowers>;
