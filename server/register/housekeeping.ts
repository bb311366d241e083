import type { Deps } from '../deps.js';
import { everyHour } from '../schedule.js';
import { overdueMail } from './mails.js';
import { notifyAllFeedback } from './notify.js';
import { swedishDate } from './rules.js';

const week = 7 * 86_400_000;

/**
 * Reminds each contact person whose dialogue's feedback is overdue, at most once a week per
 * dialogue. Each reminder is claimed with a conditional update before it is sent, so instances
 * running this at once send it once; a mail the relay refuses gives the claim back, to be tried
 * on the next run. Returns how many were sent.
 */
export async function remindOverdueFeedback({ db, mailer, config, log }: Pick<Deps, 'db' | 'mailer' | 'config' | 'log'>, now = new Date()): Promise<number> {
  const today = swedishDate(now);
  const weekAgo = new Date(now.getTime() - week).toISOString();
  const due = await db
    .selectFrom('dialogues')
    .innerJoin('staff_users', 'staff_users.id', 'dialogues.contact_id')
    .select(['dialogues.id', 'dialogues.title_sv', 'dialogues.feedback_by', 'dialogues.overdue_mailed_at', 'staff_users.email'])
    .where('dialogues.status', '=', 'published')
    .where('dialogues.feedback_published_at', 'is', null)
    .where('dialogues.feedback_by', '<', today)
    .where('staff_users.disabled', '=', 0)
    .where((eb) => eb.or([eb('dialogues.overdue_mailed_at', 'is', null), eb('dialogues.overdue_mailed_at', '<=', weekAgo)]))
    .execute();
  const base = config.publicUrl.href.replace(/\/$/, '');
  let sent = 0;
  for (const d of due) {
    const previous = d.overdue_mailed_at;
    const claim = db.updateTable('dialogues').set({ overdue_mailed_at: now.toISOString() }).where('id', '=', d.id);
    const claimed = await (previous === null ? claim.where('overdue_mailed_at', 'is', null) : claim.where('overdue_mailed_at', '=', previous)).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      await mailer.send(overdueMail(d.email, d.title_sv, d.feedback_by!, `${base}/admin#/dialogues/${d.id}`));
      sent++;
    } catch (err) {
      await db.updateTable('dialogues').set({ overdue_mailed_at: previous }).where('id', '=', d.id).where('overdue_mailed_at', '=', now.toISOString()).execute();
      log.error('overdue feedback reminder not sent; tried again within the hour', { dialogue: d.id, error: String(err) });
    }
  }
  return sent;
}

/** Runs the register's reminders, and tells whoever is still to hear of published feedback, at start and every hour. */
export function startRegisterHousekeeping(deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'log'>) {
  return everyHour('register housekeeping', deps.log, async () => {
    const sent = await remindOverdueFeedback(deps);
    const told = await notifyAllFeedback(deps);
    if (sent || told) deps.log.info('register housekeeping', { overdueReminders: sent, feedbackMails: told });
  });
}
