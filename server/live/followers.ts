import type { Logger } from '../log.js';
import type { LiveBus } from './bus.js';

/**
 * How soon after a change the state is read again. Changes arriving meanwhile share that
 * one read, so a petition signed a hundred times a second, or a room of two hundred answering
 * a poll, costs each instance a few reads a second, however many pages follow it.
 */
const coalesceMs = 250;

/** One page following: what it was last sent, and from which read. */
interface Page<S> {
  send: (state: S, first: boolean) => void;
  lastJson?: string;
  /** The number of the read whose state the page has; an older read never overwrites it. */
  read: number;
}

interface Hub<S> {
  pages: Set<Page<S>>;
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
 * it. Each page is sent the current state once it follows, then only states that differ from
 * the last one it was sent: a message that changes nothing for it (a late notification, the
 * bus's re-read after its listening connection came up) sends it nothing.
 */
export function coalescedFollowers<S>({ bus, log, topic, read, what }: FollowerOptions<S>) {
  const hubs = new Map<number, Hub<S>>();
  /** Reads are numbered as they start: a read started later sees every change an earlier one saw. */
  let reads = 0;

  const tell = (page: Page<S>, state: S | undefined, readNumber: number) => {
    // Gone from public view: there is nothing to tell.
    if (!state || readNumber < page.read) return;
    page.read = readNumber;
    const json = JSON.stringify(state);
    if (json === page.lastJson) return;
    const first = page.lastJson === undefined;
    page.lastJson = json;
    page.send(state, first);
  };

  const refresh = async (id: number, hub: Hub<S>) => {
    hub.timer = undefined;
    if (hub.reading) {
      hub.again = true;
      return;
    }
    hub.reading = true;
    try {
      const readNumber = ++reads;
      const state = await read(id);
      for (const page of hub.pages) tell(page, state, readNumber);
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

    /**
     * Follows the thing with this id for one page until the returned function is called:
     * `send` gets its current state (`first` true) as soon as changes from then on are heard,
     * then each state that differs from the last one this page was sent. The page is
     * subscribed before the first state is read, so a change in between is never missed.
     */
    follow(id: number, send: (state: S, first: boolean) => void): () => void {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub<S> = { pages: new Set(), reading: false, again: false, unsubscribe: () => {} };
        created.unsubscribe = bus.subscribe(topic(id), () => schedule(id, created));
        hubs.set(id, (hub = created));
      }
      const h = hub;
      const page: Page<S> = { send, read: 0 };
      h.pages.add(page);
      void (async () => {
        try {
          await bus.ready();
          if (!h.pages.has(page)) return;
          const readNumber = ++reads;
          const state = await read(id);
          if (h.pages.has(page)) tell(page, state, readNumber);
        } catch (err) {
          log.warn(`live updates: could not read ${what}`, { id, error: (err as Error).message });
        }
      })();
      return () => {
        h.pages.delete(page);
        if (h.pages.size > 0) return;
        clearTimeout(h.timer);
        h.unsubscribe();
        if (hubs.get(id) === h) hubs.delete(id);
      };
    },

    /** How many pages follow on this instance (for logs and the bench). */
    get followers() {
      let n = 0;
      for (const hub of hubs.values()) n += hub.pages.size;
      return n;
    },
  };
}
