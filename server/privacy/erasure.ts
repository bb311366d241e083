import { eraseChatsOf } from '../chat/store.js';
import type { Db } from '../db/index.js';
import { canonicalEmail } from '../mail/addresses.js';
import { erasePanelMember } from '../panel/housekeeping.js';
import { eraseSigner } from '../petitions/housekeeping.js';

/** What an erasure on request removed, by kind; the counts and results stay as they were. */
export interface Erased {
  signatures: number;
  proposals: number;
  budgetVoters: number;
  chatConversations: number;
  chatCases: number;
  panelMember: boolean;
  dialogueFollows: number;
}

/**
 * Erasure on request (GDPR art. 17) everywhere a mailbox (however spelled) left personal
 * data: signatures (eraseSigner), proposals (the address; the name too unless the proposal
 * was published, a public document), budget ballots (the address; the ballot still counts),
 * chat conversations and messages left (see eraseChatsOf), panel membership (as leaving) and
 * following dialogues in the register. Who was told of a dialogue's feedback is kept only as
 * a hash of the dialogue and the address, and ratings with nothing about who gave them.
 */
export async function erasePerson(db: Db, email: string, now = new Date()): Promise<Erased> {
  const canonical = canonicalEmail(email);
  const same = (stored: string) => canonicalEmail(stored) === canonical;
  const signatures = await eraseSigner(db, email, now);
  const proposals = await db.transaction().execute(async (trx) => {
    const rows = (await trx.selectFrom('petitions').select(['id', 'status', 'proposer_email']).where('proposer_email', 'is not', null).execute()).filter((p) => same(p.proposer_email!));
    for (const p of rows) {
      const published = !['draft', 'awaiting_moderation', 'rejected'].includes(p.status);
      await trx
        .updateTable('petitions')
        .set(published ? { proposer_email: null } : { proposer_email: null, proposer_name: null })
        .where('id', '=', p.id)
        .execute();
      await trx.deleteFrom('confirmations').where('petition_id', '=', p.id).where('purpose', '=', 'proposal').execute();
    }
    return rows.length;
  });
  const budgetVoters = await db.transaction().execute(async (trx) => {
    const voters = await trx.selectFrom('budget_voters').select('id').where('email', '=', canonical).execute();
    if (!voters.length) return 0;
    const ids = voters.map((v) => v.id);
    await trx.deleteFrom('ballot_confirmations').where('ballot_id', 'in', (eb) => eb.selectFrom('budget_ballots').select('id').where('voter_id', 'in', ids)).execute();
    await trx.updateTable('budget_voters').set({ email: null, anonymised_at: now.toISOString() }).where('id', 'in', ids).execute();
    return ids.length;
  });
  const chats = await eraseChatsOf(db, same);
  const panelMember = await erasePanelMember(db, email);
  const follows = await db.deleteFrom('dialogue_followers').where('email_key', '=', canonical).executeTakeFirst();
  return { signatures, proposals, budgetVoters, chatConversations: chats.conversations, chatCases: chats.cases, panelMember, dialogueFollows: Number(follows.numDeletedRows) };
}
