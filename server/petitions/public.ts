import type { Db } from '../db/index.js';
import type { PetitionTable } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { publicStatuses } from './rules.js';
import { queryWords, searchPetitions } from './search.js';
import type { PetitionSummary, PublicPetition } from './schemas.js';

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
  return { ...summary(p), body: p.body, proposerName: p.proposer_name, answer: p.answer, publicSigners: signers.map((s) => s.name!) };
}
