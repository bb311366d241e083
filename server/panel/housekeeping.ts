import type { Db } from '../db/index.js';
import type { Logger } from '../log.js';
import { deleteUnconfirmedMembers } from './store.js';

/**
 * The panel's personal data kept no longer than its purpose: sign-ups never confirmed are
 * deleted a week on. Members' own data goes when they leave (by the link in every mail).
 * Runs at start and every hour; a conditional delete, so instances running it at once do no harm.
 */
export function startPanelHousekeeping(db: Db, log: Pick<Logger, 'info' | 'error'>) {
  const run = async () => {
    try {
      const deleted = await deleteUnconfirmedMembers(db);
      if (deleted) log.info('panel housekeeping', { deletedUnconfirmedMembers: deleted });
    } catch (err) {
      log.error('panel housekeeping failed', { error: String(err) });
    }
  };
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
