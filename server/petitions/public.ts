import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import { petitionTopic } from './live.js';
import type { PetitionTable } from '../db/schema.js';
import { sql, type Selectable } from 'kysely';
import { publicStatuses } from './rules.js';
import { queryWords, searchPetitions } from './search.js';
import type { PetitionSummary, PublicPetition, SignaturesPerDay } from './schemas.js';

type Row = Selectable<PetitionTable>;

const summary = (p: Row): PetitionSummary => ({
  id: p.id,
  title: p.title,
  status: p.status,
  signatureCount: p.signature_count,
  threshold: p.threshold,
  openedAt: p.opened_at,
  closesAt: p.closes_at,
  answeredAt: p.answered_at,
});

/**
 * Open, closed and answered petitions, newest first; others are not public. With words to
 * find (`q`), only petitions containing all of them (each as the start of a word, so "cykel"
 * finds "cykelvägar"), best match first.
 */
export async function listPublicPetitions(db: Db, filter: { status?: 'open' | 'closed' | 'answered'; q?: string }) {
  const statuses = filter.status ? [filter.status] : [...publicStatuses];
  const words = queryWords(filter.q ?? '');
  if (words.length === 0) {
    // Nothing searchable typed (or only punctuation): the plain list.
    const rows = await db.selectFrom('petitions').selectAll().where('status', 'in', statuses).orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(200).execute();
    return rows.map(summary);
  }
  const hits = await searchPetitions(db, words, { statuses, mode: 'all', limit: 200 });
  if (hits.length === 0) return [];
  const rows = new Map((await db.selectFrom('petitions').selectAll().where('id', 'in', hits.map((h) => h.id)).where('status', 'in', statuses).execute()).map((p) => [p.id, p]));
  return hits.flatMap((h) => {
    const p = rows.get(h.id);
    return p ? [summary(p)] : [];
  });
}

export async function findPublicPetition(db: Db, id: number): Promise<PublicPetition | undefined> {
  const p = await db.selectFrom('petitions').selectAll().where('id', '=', id).where('status', 'in', [...publicStatuses]).executeTakeFirst();
  if (!p) return undefined;
  const signers = await db
    .selectFrom('signatures')
    .select('name')
    .where('petition_id', '=', id)
    .where('show_name', '=', 1)
    .where('confirmed_at', 'is not', null)
    .where('name', 'is not', null)
    .orderBy('confirmed_at', 'desc')
    .limit(50)
    .execute();
  return { ...summary(p), body: p.body, proposerName: p.proposer_name, answer: p.answer, answerCommittee: p.answer_committee, answerCorrectedAt: p.answer_corrected_at, publicSigners: signers.map((s) => s.name!) };
}

/** The Swedish day (YYYY-MM-DD) an instant falls on: 'sv-SE' writes dates in that form. */
const swedishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A public petition's confirmed signatures per day, in Swedish time; undefined if the
 * petition is not public. The database counts per UTC hour (the same text functions on both
 * databases, and Sweden's offset is whole hours); the hours become Swedish days here.
 */
export async function signaturesPerDay(db: Db, id: number): Promise<SignaturesPerDay | undefined> {
  const petition = await db.selectFrom('petitions').select('id').where('id', '=', id).where('status', 'in', [...publicStatuses]).executeTakeFirst();
  if (!petition) return undefined;
  const hour = sql<string>`substr(confirmed_at, 1, 13)`;
  const hours = await db
    .selectFrom('signatures')
    .select([hour.as('hour'), (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('petition_id', '=', id)
    .where('confirmed_at', 'is not', null)
    .groupBy(hour)
    .orderBy(hour)
    .execute();
  const days = new Map<string, number>();
  for (const { hour, count } of hours) {
    const day = swedishDay.format(new Date(`${hour}:00:00.000Z`));
    days.set(day, (days.get(day) ?? 0) + Number(count));
  }
  return { days: [...days].map(([date, count]) => ({ date, count })) };
}

/** How long one instance serves a petition from memory, unless it hears of a change first. */
export const petitionCacheMs = 1000;
/** Most petitions remembered at once; beyond this, reads go to the database. */
const petitionCacheSize = 1000;

/**
 * GET /api/petitions/{id} is what every embedded petition asks on every page view. One
 * instance answers it from memory for a second, and forgets sooner when the live bus says the
 * petition changed (a counted signature, a staff decision, on any instance), so a page
 * following the count live reads the new state when it is told to. Reads that arrive together
 * share one database read.
 */
export function publicPetitionCache(db: Db, live: LiveBus, now = () => Date.now()) {
  const entries = new Map<number, { until: number; petition: Promise<PublicPetition | undefined>; forget: () => void }>();
  const forget = (id: number) => {
    entries.get(id)?.forget();
    entries.delete(id);
  };
  return {
    find(id: number): Promise<PublicPetition | undefined> {
      const hit = entries.get(id);
      if (hit && hit.until > now()) return hit.petition;
      forget(id);
      if (entries.size >= petitionCacheSize) return findPublicPetition(db, id);
      // Listen before reading, so a change during the read is not missed.
      const entry = { until: now() + petitionCacheMs, petition: findPublicPetition(db, id), forget: () => {} };
      entry.forget = live.subscribe(petitionTopic(id), () => {
        if (entries.get(id) === entry) forget(id);
      });
      entries.set(id, entry);
      // A failed read, or a petition not public (yet), is not remembered.
      entry.petition.then(
        (p) => !p && entries.get(id) === entry && forget(id),
        () => entries.get(id) === entry && forget(id),
      );
      return entry.petition;
    },
  };
}
