import type { Db } from '../db/index.js';
import type { Logger } from '../log.js';
import { everyHour } from '../schedule.js';
import { canonicalEmail } from '../mail/addresses.js';
import { deleteUnconfirmedMembers, removeMember } from './store.js';

/**
 * Erasure on request: the member with this mailbox (however spelled) goes as if they had
 * followed their leave link — their row, name and address and links; their submitted answers
 * stay, unlinked, so results stay right. True when there was such a member.
 */
export async function erasePanelMember(db: Db, email: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('panel_members').select('id').where('email_key', '=', canonicalEmail(email)).executeTakeFirst();
    if (!member) return false;
    await removeMember(trx, member.id);
    return true;
  });
}

/**
 * The panel's personal data kept no longer than its purpose: sign-ups never confirmed are
 * deleted a week on. Members' own data goes when they leave (by the link in every mail).
 * Runs at start and every hour; a conditional delete, so instances running it at once do no harm.
 */
export function startPanelHousekeeping(db: Db, log: Pick<Logger, 'info' | 'error'>) {
  return everyHour('panel housekeeping', log, async () => {
    const deleted = await deleteUnconfirmedMembers(db);
    if (deleted) log.info('panel housekeeping', { deletedUnconfirmedMembers: deleted });
  });
}
