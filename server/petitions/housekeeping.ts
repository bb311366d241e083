import { anonymiseOldConversations } from '../chat/store.js';
import type { Db } from '../db/index.js';
import type { LiveBus } from '../live/bus.js';
import type { Logger } from '../log.js';
import { everyHour } from '../schedule.js';
import { petitionTopic } from './live.js';
import { canonicalEmail } from '../mail/addresses.js';

/**
 * The petitions' timetable, run at start and then every hour: open petitions past their
 * closing time close, and signers' personal data is anonymised a set time after closing.
 * Every step is conditional, so instances running it at once do no harm.
 */
export async function closeDuePetitions(db: Db, now = new Date()): Promise<number[]> {
  const at = now.toISOString();
  const due = await db.selectFrom('petitions').select('id').where('status', '=', 'open').where('closes_at', '<=', at).execute();
  const closed: number[] = [];
  for (const { id } of due) {
    // Conditional, so an instance running this at the same time, or staff answering the
    // petition meanwhile, is not overwritten.
    const result = await db.updateTable('petitions').set({ status: 'closed', closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) closed.push(id);
  }
  return closed;
}

/**
 * Removes signers' names, e-mail addresses and stated connections, and the proposer's
 * e-mail address, from petitions closed (or answered) more than `afterDays` ago. The
 * signatures themselves stay, so every count stays right. The proposer's name stays: it
 * was published with the proposal, a public document.
 */
export async function anonymiseOldSignatures(db: Db, afterDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - afterDays * 86_400_000).toISOString();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('petitions')
      .select('id')
      .where('status', 'in', ['closed', 'answered'])
      .where('closed_at', '<=', before)
      .where('anonymised_at', 'is', null)
      .execute();
    const ids = due.map((p) => p.id);
    if (ids.length) {
      await trx
        .updateTable('signatures')
        .set({ email: null, name: null, connection_text: null, show_name: 0, anonymised_at: at })
        .where('petition_id', 'in', ids)
        .execute();
      await trx.updateTable('petitions').set({ proposer_email: null, anonymised_at: at }).where('id', 'in', ids).execute();
      // Unused links would lead nowhere now; they go too.
      await trx.deleteFrom('confirmations').where('petition_id', 'in', ids).execute();
    }
    // Proposals never published (never confirmed, or rejected) were no public document:
    // the proposer's name goes as well as the address.
    const unpublished = await trx
      .updateTable('petitions')
      .set({ proposer_name: null, proposer_email: null, anonymised_at: at })
      .where('status', 'in', ['draft', 'rejected'])
      .where('created_at', '<=', before)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    return ids.length + Number(unpublished.numUpdatedRows);
  });
}

/**
 * Erasure on request (GDPR art. 17): every signature by this mailbox loses its personal
 * data at once; the signatures still count. Returns how many were erased.
 */
export async function eraseSigner(db: Db, email: string, now = new Date()): Promise<number> {
  const canonical = canonicalEmail(email);
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('signatures').select(['id']).where('email', '=', canonical).execute();
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await trx.deleteFrom('confirmations').where('signature_id', 'in', ids).execute();
    await trx
      .updateTable('signatures')
      .set({ email: null, name: null, connection_text: null, show_name: 0, hear_back: 0, anonymised_at: now.toISOString() })
      .where('id', 'in', ids)
      .execute();
    return ids.length;
  });
}

/**
 * Removes the e-mail addresses of residents who took part in a budget whose results were
 * published more than `afterDays` ago. Their ballots stay, pseudonymous, so the results and
 * the exports stay right.
 */
export async function anonymiseOldBallots(db: Db, afterDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - afterDays * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await trx.selectFrom('budgets').select('slug').where('status', '=', 'published').where('published_at', '<=', before).execute();
    if (!due.length) return 0;
    const slugs = due.map((b) => b.slug);
    const result = await trx
      .updateTable('budget_voters')
      .set({ email: null, anonymised_at: now.toISOString() })
      .where('budget_slug', 'in', slugs)
      .where('email', 'is not', null)
      .executeTakeFirst();
    await trx
      .deleteFrom('ballot_confirmations')
      .where('ballot_id', 'in', (eb) => eb.selectFrom('budget_ballots as b').innerJoin('budget_voters as v', 'v.id', 'b.voter_id').select('b.id').where('v.budget_slug', 'in', slugs))
      .execute();
    return Number(result.numUpdatedRows);
  });
}

/** Runs the timetable now and every hour; returns a function that stops it. */
export function startHousekeeping(db: Db, afterDays: number, live: LiveBus, log: Pick<Logger, 'info' | 'error'>) {
  return everyHour('housekeeping', log, async () => {
    const closed = await closeDuePetitions(db);
    for (const id of closed) await live.publish(petitionTopic(id));
    const anonymised = await anonymiseOldSignatures(db, afterDays);
    const budgets = await anonymiseOldBallots(db, afterDays);
    const chats = await anonymiseOldConversations(db, afterDays);
    if (closed.length || anonymised || budgets || chats.conversations || chats.cases) {
      log.info('housekeeping', { closedPetitions: closed, anonymisedPetitions: anonymised, anonymisedBudgetVoters: budgets, anonymisedChats: chats.conversations, deletedChatCases: chats.cases });
    }
  });
}
