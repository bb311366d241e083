import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import { canonicalEmail } from '../mail/addresses.js';
import { MailedLinks } from '../verify/links.js';
import { hashToken, newToken } from '../verify/tokens.js';

type Lang = 'sv' | 'en';

/** The link that confirms following a dialogue: works once, for three days. */
export const followLinks = new MailedLinks('dialogue_follow_links', 72);

/** A follower's new leave link (the latest mail's link works; older ones stop). */
export async function newLeaveToken(db: Db, followerId: number): Promise<string> {
  const { token, hash } = newToken();
  await db.updateTable('dialogue_followers').set({ leave_token_hash: hash }).where('id', '=', followerId).execute();
  return token;
}

/**
 * Asks to follow a published dialogue. A new address gets a confirmation link; one already
 * following gets a leave link instead (the caller mails "you already follow"), so the answer
 * tells no one who follows what. Undefined when the dialogue is not published.
 */
export async function followDialogue(db: Db, dialogueId: number, input: { email: string; lang: Lang }, now = new Date()) {
  const dialogue = await db.selectFrom('dialogues').select(['id', 'title_sv', 'title_en']).where('id', '=', dialogueId).where('status', '=', 'published').executeTakeFirst();
  if (!dialogue) return undefined;
  const key = canonicalEmail(input.email);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('dialogue_followers')
      .values({ dialogue_id: dialogueId, email: input.email, email_key: key, lang: input.lang, confirmed_at: null, leave_token_hash: null, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['dialogue_id', 'email_key']).doNothing())
      .execute();
    const follower = await trx.selectFrom('dialogue_followers').select(['id', 'confirmed_at']).where('dialogue_id', '=', dialogueId).where('email_key', '=', key).executeTakeFirstOrThrow();
    const title = input.lang === 'en' ? (dialogue.title_en ?? dialogue.title_sv) : dialogue.title_sv;
    if (follower.confirmed_at) return { title, already: true as const, leaveToken: await newLeaveToken(trx, follower.id) };
    // The address and language of the latest request are the ones confirmed.
    await trx.updateTable('dialogue_followers').set({ email: input.email, lang: input.lang }).where('id', '=', follower.id).execute();
    return { title, already: false as const, token: await followLinks.issue(trx, { follower_id: follower.id }, now) };
  });
}

/** The confirmation link: following starts, once. */
export async function confirmFollow(db: Db, token: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const link = await followLinks.use(trx, token, now);
    await trx.updateTable('dialogue_followers').set({ confirmed_at: now.toISOString() }).where('id', '=', link.follower_id).where('confirmed_at', 'is', null).execute();
  });
}

/** The leave link: the follower's address is deleted. False when the link is unknown (already left). */
export async function stopFollowing(db: Db, token: string): Promise<boolean> {
  const deleted = await db.deleteFrom('dialogue_followers').where('leave_token_hash', '=', hashToken(token)).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}


/** Who was told about a dialogue, without keeping the address: a hash of the two. */
export const noticeKey = (dialogueId: number, emailKey: string) => createHash('sha256').update(`${dialogueId}:${emailKey}`).digest('hex');

/** A rating from one who was told: 1–5, once per notice, stored with nothing about who gave it. */
export async function rateDialogue(db: Db, token: string, score: number, now = new Date()): Promise<{ dialogueId: number } | 'unknown' | 'used'> {
  return db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('dialogue_notices').select(['dialogue_id', 'rated_at']).where('rating_token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!notice) return 'unknown';
    const taken = await trx
      .updateTable('dialogue_notices')
      .set({ rated_at: now.toISOString() })
      .where('rating_token_hash', '=', hashToken(token))
      .where('rated_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return 'used';
    // The day only: a time to the second could be matched with the notice's.
    await trx.insertInto('dialogue_ratings').values({ dialogue_id: notice.dialogue_id, score, created_at: now.toISOString().slice(0, 10) }).execute();
    return { dialogueId: notice.dialogue_id };
  });
}

/** How many rated a dialogue and their average score (null before anyone has). */
export async function ratingOf(db: Db, dialogueIds: number[]): Promise<Map<number, { count: number; average: number | null }>> {
  const byDialogue = new Map<number, { count: number; average: number | null }>();
  if (!dialogueIds.length) return byDialogue;
  const rows = await db
    .selectFrom('dialogue_ratings')
    .select((eb) => ['dialogue_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('score').as('total')])
    .where('dialogue_id', 'in', dialogueIds)
    .groupBy('dialogue_id')
    .execute();
  for (const r of rows) byDialogue.set(r.dialogue_id, { count: Number(r.n), average: Number(r.n) ? Number(r.total) / Number(r.n) : null });
  return byDialogue;
}
