import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import { coalescedFollowers } from '../live/followers.js';
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

async function readState(db: Db, id: number): Promise<LiveState | undefined> {
  const row = await db
    .selectFrom('petitions')
    .select(['id', 'status', 'signature_count', 'threshold', 'closes_at', 'answered_at'])
    .where('id', '=', id)
    .where('status', 'in', [...publicStatuses])
    .executeTakeFirst();
  return row && { id: row.id, status: row.status, signatureCount: row.signature_count, threshold: row.threshold, closesAt: row.closes_at, answeredAt: row.answered_at };
}

/**
 * The petitions pages are following on this instance: one subscription to the bus and one
 * database read per petition per change (coalesced), fanned out to every page that follows it.
 */
export function petitionFollowers(db: Db, bus: LiveBus, log: Logger) {
  return coalescedFollowers<LiveState>({ bus, log, topic: petitionTopic, read: (id) => readState(db, id), what: 'a petition' });
}

export type PetitionFollowers = ReturnType<typeof petitionFollowers>;
