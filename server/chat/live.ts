import type { Context } from 'hono';
import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import { eventStream, reconnectAfter } from '../live/events.js';
import type { Logger } from '../log.js';
import type { StaffConversation } from './schemas.js';
import type { ChatMessage } from './schemas.js';
import { conversationState, messagesAfter, openConversations } from './store.js';

/** Published when a conversation's messages, status or agent change. */
export const chatTopic = (id: number) => `chat:${id}`;
/** Published with every change the inbox shows: a new conversation, a message, a claim, a transfer, an end. */
export const inboxTopic = 'chat-inbox';

/** Tells the conversation's followers and the inbox that the conversation changed. */
export async function publishChange(live: LiveBus, id: number) {
  await live.publish(chatTopic(id));
  await live.publish(inboxTopic);
}

type ConversationState = NonNullable<Awaited<ReturnType<typeof conversationState>>>;

/** One page following a conversation: what it has been sent, and its writes in order. */
interface Follower {
  sent: number;
  lastStatus?: string;
  /** Until its own first read is written: the hub's reads may be older than that one. */
  joining?: boolean;
  write: (state: ConversationState | undefined, messages: ChatMessage[]) => void;
}

interface Hub {
  followers: Set<Follower>;
  reading: boolean;
  again: boolean;
  /** Counts the hub's reads, so a page that joined during one knows to read again. */
  reads: number;
  unsubscribe: () => void;
}

/**
 * The pages following conversations on this instance. Each change is read once per instance
 * (its state and the messages after the furthest-behind page), however many pages follow
 * that conversation, and each page is sent only what it has not had. Reads are not delayed:
 * a chat message should arrive at once; changes during a read share the next one.
 */
function conversationFollowers(db: Db, bus: LiveBus, log: Logger) {
  const hubs = new Map<number, Hub>();

  const refresh = async (id: number, hub: Hub) => {
    if (hub.reading) {
      hub.again = true;
      return;
    }
    hub.reading = true;
    try {
      // Only the pages already following when the read starts: a page that joins meanwhile
      // has read for itself, perhaps later than this read.
      const targets = [...hub.followers].filter((f) => !f.joining);
      hub.reads++;
      if (!targets.length) return;
      const from = Math.min(...targets.map((f) => f.sent));
      const [state, messages] = await Promise.all([conversationState(db, id), messagesAfter(db, id, from)]);
      for (const f of targets) if (hub.followers.has(f)) f.write(state, messages);
    } catch (err) {
      log.warn('chat: could not read a conversation’s changes', { conversation: id, error: (err as Error).message });
    } finally {
      hub.reading = false;
      if (hub.again) {
        hub.again = false;
        void refresh(id, hub);
      }
    }
  };

  return {
    /**
     * Sends `follower` the conversation from after its `sent`, then every change, until the
     * returned function is called.
     */
    async follow(id: number, follower: Follower): Promise<() => void> {
      let hub = hubs.get(id);
      if (!hub) {
        const created: Hub = { followers: new Set(), reading: false, again: false, reads: 0, unsubscribe: () => {} };
        created.unsubscribe = bus.subscribe(chatTopic(id), () => void refresh(id, created));
        hubs.set(id, (hub = created));
      }
      const h = hub;
      const stop = () => {
        h.followers.delete(follower);
        if (h.followers.size > 0) return;
        h.unsubscribe();
        if (hubs.get(id) === h) hubs.delete(id);
      };
      // Follow first, then read: a change between the two is then never missed.
      follower.joining = true;
      h.followers.add(follower);
      try {
        await bus.ready();
        const readsBefore = h.reads;
        const [state, messages] = await Promise.all([conversationState(db, id), messagesAfter(db, id, follower.sent)]);
        follower.write(state, messages);
        follower.joining = false;
        // A change came while this page read for itself, and the hub's read left it out.
        if (h.reads !== readsBefore) void refresh(id, h);
      } catch (err) {
        follower.joining = false;
        log.warn('chat: could not read a conversation', { conversation: id, error: (err as Error).message });
      }
      return stop;
    },
  };
}

const followersByBus = new WeakMap<LiveBus, ReturnType<typeof conversationFollowers>>();

/**
 * A conversation as server-sent events, for the resident and for staff alike: `status`
 * (no id) on connecting and whenever status or agent change, and each message as `message`
 * with its id, so a reconnecting page gets only what came after the last one it saw.
 */
export function conversationEvents(c: Context, { db, live, log }: { db: Db; live: LiveBus; log: Logger }, id: number, after: number) {
  const lastEventId = Number(c.req.header('Last-Event-ID'));
  const from = Number.isInteger(lastEventId) && lastEventId > 0 ? lastEventId : after;
  let followers = followersByBus.get(live);
  if (!followers) followersByBus.set(live, (followers = conversationFollowers(db, live, log)));
  const following = followers;
  return eventStream(c, async (stream, onClose) => {
    let busy = Promise.resolve();
    const follower: Follower = {
      sent: from,
      // Writes go out one after the other, each sending only what this page has not had.
      write: (state, messages) => {
        busy = busy.then(async () => {
          try {
            const json = state && JSON.stringify(state);
            if (json && json !== follower.lastStatus) {
              follower.lastStatus = json;
              await stream.writeSSE({ event: 'status', data: json });
            }
            for (const m of messages) {
              if (m.id <= follower.sent) continue;
              follower.sent = m.id;
              await stream.writeSSE({ event: 'message', id: String(m.id), data: JSON.stringify(m) });
            }
          } catch {
            // The page has gone; onAbort ends the stream.
          }
        });
      },
    };
    await stream.write(`retry: ${reconnectAfter(2000, 3000)}\n\n`);
    onClose(await following.follow(id, follower));
  });
}

/**
 * How soon after a change the inbox is read again. Changes meanwhile share that one read, so
 * a busy contact centre costs each instance a few reads a second however many agents watch.
 */
const coalesceMs = 250;

type InboxListener = (conversations: StaffConversation[]) => void;

/**
 * The agents following the inbox on this instance: one subscription to the bus and at most
 * one read of the open conversations per 250 ms, fanned out to every agent's page.
 */
export function inboxFollowers(db: Db, bus: LiveBus, log: Logger) {
  const listeners = new Set<InboxListener>();
  let unsubscribe: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let reading = false;
  let again = false;

  const refresh = async () => {
    timer = undefined;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const conversations = await openConversations(db);
      for (const listener of listeners) listener(conversations);
    } catch (err) {
      log.warn('chat: could not read the inbox', { error: (err as Error).message });
    } finally {
      reading = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    if (!timer && listeners.size > 0) timer = setTimeout(() => void refresh(), coalesceMs);
  };

  return {
    current: () => openConversations(db),
    /** Calls `listener` with the open conversations after each change, until the returned function is called. */
    follow(listener: InboxListener): () => void {
      listeners.add(listener);
      unsubscribe ??= bus.subscribe(inboxTopic, schedule);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        clearTimeout(timer);
        timer = undefined;
        unsubscribe?.();
        unsubscribe = undefined;
      };
    },
    ready: () => bus.ready(),
  };
}

export type InboxFollowers = ReturnType<typeof inboxFollowers>;
