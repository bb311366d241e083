import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import type { Logger } from '../log.js';
import { publicStatuses } from './rules.js';

/** What a page following a petition is told, each time it changes. */
export interface LiveState {
  id: number;
  status: string;
  signatureCount: number;
  threshold: number;
  closesAt: string | null;
  answeredAt: string | null;
}

export const petitionTopic = (id: number) => `petition:${id}`;

/**
 * How soon after a change the state is read again. Changes arriving meanwhile share that
 * one read, so a petition signed a hundred times a second costs each instance a few reads a
 * second, however many pages follow it.
 */
const coalesceMs = 250;

async function readState(db: Db, id: number): Promise<LiveState | undefined> {
  const row = await db
    .selectFrom('petitions')
    .select(['id', 'status', 'signature_count', 'threshold', 'closes_at', 'answered_at'])
    .where('id', '=', id)
    .where('status', 'in', [...publicStatuses])
    .executeTakeFirst();
  return row && { id: row.id, status: row.status, signatureCount: row.signature_count, threshold: row.threshold, closesAt: row.closes_at, answeredAt: row.answered_at };
}

interface Hub {
  listeners: Set<(state: LiveState) => void>;
  lastJson?: string;
  timer?: NodeJS.Timeout;
  reading: boolean;
  again: boolean;
  unsubscribe: () => void;
}

/**
 * The petitions pages are following on this instance: one subscription to the bus and one
 * database read per petition, fanned out to every page that follows it.
 */
export function petitionFollowers(db: Db, bus: LiveBus, log: Logger) {
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
      // Gone from public view (cannot happen today, but then there is nothing to tell).
      if (!state) return;
      const json = JSON.stringify(state);
      if (json === hub.lastJson) return;
      hub.lastJson = json;
      for (const listener of hub.listeners) listener(state);
    } catch (err) {
      log.warn('live updates: could not read a petition', { id, error: (err as Error).message });
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
    /** The current state, or undefined when the petition is not public. */
    current: readState.bind(null, db),

    /** Calls `listener` with each new state of the petition until the returned function is called. */
    follow(id: number, listener: (state: LiveState) => void): () => void {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub = { listeners: new Set(), reading: false, again: false, unsubscribe: () => {} };
        created.unsubscribe = bus.subscribe(petitionTopic(id), () => schedule(id, created));
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

    /** How many pages follow petitions on this instance (for logs and the bench). */
    get followers() {
      let n = 0;
      for (const hub of hubs.values()) n += hub.listeners.size;
      return n;
    },
  };
}

export type PetitionFollowers = ReturnType<typeof petitionFollowers>;
