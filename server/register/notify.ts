import type { Deps } from '../deps.js';
import { canonicalEmail } from '../mail/addresses.js';
import { newToken } from '../verify/tokens.js';
import { newLeaveToken, noticeKey } from './follow.js';
import { feedbackMail } from './mails.js';
import { caseUrl } from './rules.js';

type Lang = 'sv' | 'en';
interface Recipient {
  email: string;
  lang: Lang;
  /** A follower gets a leave link; a participant is told once and needs none. */
  followerId: number | null;
}

/**
 * Everyone to tell about a dialogue's feedback: its confirmed followers, and in its linked
 * petitions the proposers and the signers who asked to hear back. Each mailbox once, however
 * many channels it took part through (a follower's entry first, for its leave link).
 */
async function recipients(db: Deps['db'], dialogueId: number): Promise<Map<string, Recipient>> {
  const byKey = new Map<string, Recipient>();
  const add = (email: string | null, lang: Lang, followerId: number | null) => {
    if (!email) return;
    const key = canonicalEmail(email);
    if (!byKey.has(key)) byKey.set(key, { email, lang, followerId });
  };
  const followers = await db.selectFrom('dialogue_followers').select(['id', 'email', 'lang']).where('dialogue_id', '=', dialogueId).where('confirmed_at', 'is not', null).orderBy('id').execute();
  for (const f of followers) add(f.email, f.lang, f.id);
  const petitionIds = (await db.selectFrom('dialogue_channels').select('ref').where('dialogue_id', '=', dialogueId).where('kind', '=', 'petition').execute())
    .map((c) => Number(c.ref))
    .filter((id) => Number.isInteger(id) && id > 0);
  if (petitionIds.length) {
    const proposers = await db.selectFrom('petitions').select(['proposer_email', 'lang']).where('id', 'in', petitionIds).execute();
    for (const p of proposers) add(p.proposer_email, p.lang, null);
    const signers = await db
      .selectFrom('signatures')
      .select(['email', 'lang'])
      .where('petition_id', 'in', petitionIds)
      .where('hear_back', '=', 1)
      .where('confirmed_at', 'is not', null)
      .orderBy('id')
      .execute();
    for (const s of signers) add(s.email, s.lang, null);
  }
  return byKey;
}

/**
 * Tells everyone (see recipients) about a dialogue's published feedback, once each: every
 * mail is claimed first by a notice row (one per dialogue and mailbox, keyed by a hash), so
 * instances running this at once, or a later run, never send it twice; a mail the relay
 * refuses gives its claim back, to be tried on the next run. Returns how many were sent.
 */
export async function notifyFeedback({ db, mailer, config, log }: Pick<Deps, 'db' | 'mailer' | 'config' | 'log'>, dialogueId: number, now = new Date()): Promise<number> {
  const d = await db.selectFrom('dialogues').selectAll().where('id', '=', dialogueId).where('status', '=', 'published').where('feedback_published_at', 'is not', null).executeTakeFirst();
  if (!d) return 0;
  const base = config.publicUrl.href.replace(/\/$/, '');
  let sent = 0;
  for (const [key, r] of await recipients(db, dialogueId)) {
    const who = noticeKey(dialogueId, key);
    const rating = newToken();
    const claimed = await db
      .insertInto('dialogue_notices')
      .values({ dialogue_id: dialogueId, who, sent_at: now.toISOString(), rating_token_hash: rating.hash, rated_at: null })
      .onConflict((oc) => oc.columns(['dialogue_id', 'who']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) continue;
    const en = r.lang === 'en';
    const pick = (sv: string, enText: string | null) => (en && enText ? enText : sv);
    try {
      const leave = r.followerId === null ? null : `${base}/sluta-folja/${await newLeaveToken(db, r.followerId)}?lang=${r.lang}`;
      await mailer.send(
        feedbackMail(
          r.lang,
          r.email,
          {
            title: pick(d.title_sv, d.title_en),
            summary: pick(d.outcome_summary_sv, d.outcome_summary_en),
            use: pick(d.outcome_use_sv, d.outcome_use_en),
            decision: pick(d.decision_sv, d.decision_en),
            caseNumber: d.case_number,
            caseUrl: caseUrl(config.diariumUrl, d.case_number),
          },
          `${base}/dialog-betyg/${rating.token}?lang=${r.lang}`,
          leave,
        ),
      );
      sent++;
    } catch (err) {
      await db.deleteFrom('dialogue_notices').where('dialogue_id', '=', dialogueId).where('who', '=', who).where('rated_at', 'is', null).execute();
      log.error('feedback mail not sent; tried again within the hour', { dialogue: dialogueId, error: String(err) });
    }
  }
  return sent;
}

/** Every dialogue whose feedback is published and may still have someone to tell (the hourly run). */
export async function notifyAllFeedback(deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'log'>, now = new Date()): Promise<number> {
  const ids = await deps.db.selectFrom('dialogues').select('id').where('status', '=', 'published').where('feedback_published_at', 'is not', null).execute();
  let sent = 0;
  for (const { id } of ids) sent += await notifyFeedback(deps, id, now);
  return sent;
}
