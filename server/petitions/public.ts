import type { Db } from '../db/index.js';
import type { PetitionTable } from '../db/schema.js';
import type { Selectable } from 'kysely';
import { publicStatuses } from './rules.js';
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

/** Open, closed and answered petitions, newest first; others are not public. */
export async function listPublicPetitions(db: Db, filter: { status?: 'open' | 'closed' | 'answered'; q?: string }) {
  let query = db
    .selectFrom('petitions')
    .selectAll()
    .where('status', 'in', filter.status ? [filter.status] : [...publicStatuses])
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    // Wildcards typed by a resident are dropped: LIKE escapes differ between SQLite and PostgreSQL.
    const like = `%${word.replace(/[\\%_]/g, '')}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['title']), 'like', like), eb(eb.fn('lower', ['body']), 'like', like)]));
  }
  return (await query.execute()).map(summary);
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
