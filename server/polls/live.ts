import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import { coalescedFollowers } from '../live/followers.js';
import type { Logger } from '../log.js';
import type { PollLiveState } from './schemas.js';
import { findPublicPoll } from './store.js';

/** Published on every answer, open, close and reset; the message only says which poll changed. */
export const pollTopic = (id: number) => `poll:${id}`;

async function readState(db: Db, id: number): Promise<PollLiveState | undefined> {
  const poll = await findPublicPoll(db, id);
  return poll && { status: poll.status, results: poll.results };
}

/**
 * The polls pages and projectors are following on this instance: one subscription to the
 * bus and at most one database read per poll per 250 ms, fanned out to every follower.
 */
export function pollFollowers(db: Db, bus: LiveBus, log: Logger) {
  return coalescedFollowers<PollLiveState>({ bus, log, topic: pollTopic, read: (id) => readState(db, id), what: 'a poll' });
}

export type PollFollowers = ReturnType<typeof pollFollowers>;
