import type { Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/index.js';
import type { SurveyTable } from '../db/schema.js';
import { canonicalEmail } from '../mail/addresses.js';
import { MailedLinks } from '../verify/links.js';
import { hashToken, newToken } from '../verify/tokens.js';
import { panelBreakdowns } from './results.js';
import type { Answers, StaffSurvey, SubmittedResponse, SurveyInput, SurveyPage } from './schemas.js';

type Conn = Db | Transaction<Database>;
type Lang = 'sv' | 'en';

/** How long the link in a joining mail works. */
export const joinLinkLifetimeHours = 3 * 24;

const joinLinks = new MailedLinks('panel_confirmations', joinLinkLifetimeHours);

/** Unconfirmed sign-ups are deleted this long after they were made. */
export const pendingRetentionDays = 7;

// --- members ---------------------------------------------------------------------------

/** A fresh leave link for a member: every panel mail carries one, and all work until they leave. */
export async function issueLeaveToken(db: Conn, memberId: number, now = new Date()): Promise<string> {
  const { token, hash } = newToken();
  await db.insertInto('panel_leave_tokens').values({ token_hash: hash, member_id: memberId, created_at: now.toISOString() }).execute();
  return token;
}

export interface JoinInput {
  name?: string | null;
  email: string;
  ageBand?: string | null;
  district?: string | null;
  lang: Lang;
}

/**
 * A resident asks to join. A new address (or one still unconfirmed) gets a confirmation link;
 * a member's address gets only a leave link, for the mail saying they already are one.
 */
export async function joinPanel(db: Db, input: JoinInput, now = new Date()) {
  const key = canonicalEmail(input.email);
  const details = { name: input.name || null, email: input.email.trim(), age_band: input.ageBand ?? null, district: input.district ?? null, lang: input.lang };
  return db.transaction().execute(async (trx) => {
    // Insert-if-absent, so two sign-ups racing each other end with one row.
    const inserted = await trx
      .insertInto('panel_members')
      .values({ ...details, email_key: key, status: 'pending', created_at: now.toISOString(), confirmed_at: null })
      .onConflict((oc) => oc.column('email_key').doNothing())
      .returning(['id'])
      .executeTakeFirst();
    const member = inserted
      ? { id: inserted.id, status: 'pending' as const, name: null }
      : await trx.selectFrom('panel_members').select(['id', 'status', 'name']).where('email_key', '=', key).executeTakeFirstOrThrow();
    const leaveToken = await issueLeaveToken(trx, member.id, now);
    if (member.status === 'member') return { alreadyMember: true as const, leaveToken, name: member.name };
    // Until confirmed, the latest details win.
    if (!inserted) await trx.updateTable('panel_members').set(details).where('id', '=', member.id).execute();
    const token = await joinLinks.issue(trx, { member_id: member.id }, now);
    return { alreadyMember: false as const, leaveToken, token };
  });
}

/** The joining link: membership starts, once. */
export async function confirmMember(db: Db, token: string, now = new Date()): Promise<{ joined: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await joinLinks.use(trx, token, now);
    const joined = await trx
      .updateTable('panel_members')
      .set({ status: 'member', confirmed_at: now.toISOString() })
      .where('id', '=', row.member_id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return { joined: Number(joined.numUpdatedRows) === 1 };
  });
}

/**
 * The leave link: the member's row goes, with their name and address; their answers stay,
 * unlinked (survey_responses.member_id becomes null), so results stay right. False when
 * the link is unknown (or the member has already left).
 */
export async function leavePanel(db: Db, token: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('panel_leave_tokens').select('member_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row) return false;
    await removeMember(trx, row.member_id);
    return true;
  });
}

/**
 * Deletes a member's row, name, address and links, within the caller's transaction; their
 * answers stay, unlinked. Leaving by the link and erasure on request both end here.
 */
export async function removeMember(trx: Conn, memberId: number): Promise<void> {
  await trx.updateTable('survey_responses').set({ member_id: null }).where('member_id', '=', memberId).execute();
  await trx.deleteFrom('panel_leave_tokens').where('member_id', '=', memberId).execute();
  await trx.deleteFrom('panel_confirmations').where('member_id', '=', memberId).execute();
  await trx.deleteFrom('panel_members').where('id', '=', memberId).execute();
}

/** Deletes sign-ups never confirmed (and their links) a week on. */
export async function deleteUnconfirmedMembers(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - pendingRetentionDays * 86_400_000).toISOString();
  const result = await db.deleteFrom('panel_members').where('status', '=', 'pending').where('created_at', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * How many members, in all and per group. A group panelBreakdowns() hides shows no figure: one
 * smaller than minGroup, and those that would let it be worked out from the total or from a
 * group of the other breakdown.
 */
export async function panelCounts(db: Db, panel: Config['panel']) {
  const rows = await db
    .selectFrom('panel_members')
    .select((eb) => ['age_band', 'district', eb.fn.countAll<number | string>().as('n')])
    .where('status', '=', 'member')
    .groupBy(['age_band', 'district'])
    .execute();
  const people = rows.flatMap((r) => Array.from({ length: Number(r.n) }, () => ({ ageBand: r.age_band, district: r.district })));
  const groups = panelBreakdowns(people, { ageBand: panel.ageBands, district: panel.districts }, panel.minGroup);
  const count = (g: { people: number[]; shown: boolean }) => (g.shown ? g.people.length : null);
  return {
    members: people.length,
    byAgeBand: panel.ageBands.length ? groups.ageBand.map((g) => ({ band: g.group, count: count(g) })) : [],
    byDistrict: panel.districts.length ? groups.district.map((g) => ({ district: g.group, count: count(g) })) : [],
    minGroup: panel.minGroup,
  };
}

// --- surveys ---------------------------------------------------------------------------

export type SurveyRow = Awaited<ReturnType<typeof findSurvey>> & {};

export async function findSurvey(db: Conn, id: number) {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
}

export const surveyPages = (row: { pages_json: string }) => JSON.parse(row.pages_json) as SurveyPage[];

const texts = (input: SurveyInput) => ({
  title_sv: input.title.sv,
  title_en: input.title.en,
  intro_sv: input.intro.sv,
  intro_en: input.intro.en,
  audience: input.audience,
  pages_json: JSON.stringify(input.pages),
  closes_at: input.closesAt ? new Date(input.closesAt).toISOString() : null,
});

/** Whether a survey still takes answers: not closed by staff, and its deadline (if any) not passed. */
export const takesAnswers = (row: { status: SurveyTable['status']; closes_at: string | null }, now = new Date()) =>
  row.status !== 'closed' && (!row.closes_at || row.closes_at > now.toISOString());

export async function createSurvey(db: Db, input: SurveyInput, now = new Date(), authorId: number | null = null): Promise<number> {
  const row = await db
    .insertInto('surveys')
    .values({
      ...texts(input),
      status: 'draft',
      created_at: now.toISOString(),
      created_by: authorId,
      approved_by: null,
      approved_at: null,
      sent_at: null,
      reminded_at: null,
      closed_at: null,
      feedback_sv: null,
      feedback_en: null,
      feedback_sent_at: null,
      decision_committee: null,
      decision_sv: null,
      decision_en: null,
      decision_sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a survey only while it is a draft; false otherwise. */
export async function updateDraft(db: Db, id: number, input: SurveyInput): Promise<boolean> {
  const result = await db.updateTable('surveys').set(texts(input)).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('surveys').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * One step of a survey's life, taken only from the statuses given: conditional, so two
 * staff pressing the same button at once take it once. False when the survey was elsewhere.
 */
export async function moveSurvey(db: Conn, id: number, from: SurveyTable['status'][], set: Partial<Omit<SurveyTable, 'id'>>, also?: 'feedback-not-sent' | 'feedback-sent'): Promise<boolean> {
  let q = db.updateTable('surveys').set(set).where('id', '=', id).where('status', 'in', from);
  if (also === 'feedback-not-sent') q = q.where('feedback_sent_at', 'is', null);
  if (also === 'feedback-sent') q = q.where('feedback_sent_at', 'is not', null).where('decision_sent_at', 'is', null);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function surveyCounts(db: Conn, ids: number[]) {
  const counts = new Map<number, { invited: number; responses: number; submitted: number }>();
  if (!ids.length) return counts;
  const rows = await db
    .selectFrom('survey_responses')
    .select((eb) => [
      'survey_id',
      eb.fn.sum<number | string>('invited').as('invited'),
      eb.fn.sum<number | string>(eb.case().when('page', '>', 0).then(1).when('submitted_at', 'is not', null).then(1).else(0).end()).as('responses'),
      eb.fn.count<number | string>('submitted_at').as('submitted'),
    ])
    .where('survey_id', 'in', ids)
    .groupBy('survey_id')
    .execute();
  for (const r of rows) counts.set(r.survey_id, { invited: Number(r.invited ?? 0), responses: Number(r.responses ?? 0), submitted: Number(r.submitted) });
  return counts;
}

export function toStaffSurvey(row: SurveyRow, counts = { invited: 0, responses: 0, submitted: 0 }): StaffSurvey {
  return {
    id: row.id,
    title: { sv: row.title_sv, en: row.title_en },
    intro: { sv: row.intro_sv, en: row.intro_en },
    audience: row.audience,
    pages: surveyPages(row),
    status: row.status,
    createdAt: row.created_at,
    createdBy: row.created_by,
    closesAt: row.closes_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    sentAt: row.sent_at,
    remindedAt: row.reminded_at,
    closedAt: row.closed_at,
    feedback: row.feedback_sv === null ? null : { sv: row.feedback_sv, en: row.feedback_en },
    feedbackSentAt: row.feedback_sent_at,
    decision: row.decision_committee === null ? null : { committee: row.decision_committee, text: { sv: row.decision_sv ?? '', en: row.decision_en } },
    decisionSentAt: row.decision_sent_at,
    counts,
  };
}

export interface Recipient {
  memberId: number;
  email: string;
  /** The name given when joining, for the greeting. */
  name: string | null;
  lang: Lang;
  /** The secret for the personal survey link; absent for feedback and decision mails. */
  surveyToken?: string;
}

async function newSurveyToken(db: Conn, responseId: number) {
  const { token, hash } = newToken();
  await db.insertInto('survey_tokens').values({ token_hash: hash, response_id: responseId }).execute();
  return token;
}

/**
 * Sends a panel survey: one invitation (a response row with a link) per confirmed member,
 * made in the same transaction that marks the survey sent, so a second press invites no one.
 */
export async function inviteMembers(db: Db, surveyId: number, now = new Date()): Promise<Recipient[] | null> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await moveSurvey(trx, surveyId, ['approved'], { status: 'sent', sent_at: at }))) return null;
    const members = await trx.selectFrom('panel_members').select(['id', 'email', 'name', 'lang', 'age_band', 'district']).where('status', '=', 'member').orderBy('id').execute();
    const recipients: Recipient[] = [];
    for (const m of members) {
      const response = await trx
        .insertInto('survey_responses')
        .values({ survey_id: surveyId, member_id: m.id, invited: 1, age_band: m.age_band, district: m.district, answers_json: '{}', page: 0, created_at: at, updated_at: at, submitted_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      recipients.push({ memberId: m.id, email: m.email, name: m.name, lang: m.lang, surveyToken: await newSurveyToken(trx, response.id) });
    }
    return recipients;
  });
}

/**
 * Members invited who have not submitted, and are still members: each gets a new link (the
 * old one still works). Null when the survey is not out with the panel. The reminder is
 * recorded by the caller, once someone has been mailed.
 */
export async function membersToRemind(db: Db, surveyId: number): Promise<Recipient[] | null> {
  return db.transaction().execute(async (trx) => {
    if ((await findSurvey(trx, surveyId))?.status !== 'sent') return null;
    const rows = await trx
      .selectFrom('survey_responses as r')
      .innerJoin('panel_members as m', 'm.id', 'r.member_id')
      .select(['r.id', 'm.id as memberId', 'm.email', 'm.name', 'm.lang'])
      .where('r.survey_id', '=', surveyId)
      .where('r.invited', '=', 1)
      .where('r.submitted_at', 'is', null)
      .where('m.status', '=', 'member')
      .orderBy('r.id')
      .execute();
    const recipients: Recipient[] = [];
    for (const r of rows) recipients.push({ memberId: r.memberId, email: r.email, name: r.name, lang: r.lang, surveyToken: await newSurveyToken(trx, r.id) });
    return recipients;
  });
}

/** Everyone invited to the survey who is still a member: they hear what came of it. */
export async function invitedMembers(db: Db, surveyId: number): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('survey_responses as r')
    .innerJoin('panel_members as m', 'm.id', 'r.member_id')
    .select(['m.id as memberId', 'm.email', 'm.name', 'm.lang'])
    .where('r.survey_id', '=', surveyId)
    .where('r.invited', '=', 1)
    .where('m.status', '=', 'member')
    .orderBy('m.id')
    .execute();
  return rows;
}

// --- responses -------------------------------------------------------------------------

export async function responseByToken(db: Conn, surveyId: number, token: string) {
  return db
    .selectFrom('survey_tokens as t')
    .innerJoin('survey_responses as r', 'r.id', 't.response_id')
    .select(['r.id', 'r.answers_json', 'r.page', 'r.submitted_at'])
    .where('t.token_hash', '=', hashToken(token))
    .where('r.survey_id', '=', surveyId)
    .executeTakeFirst();
}

/** Someone starts an open survey: a response without a member, and its secret. */
export async function startOpenResponse(db: Db, surveyId: number, now = new Date()): Promise<string> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const response = await trx
      .insertInto('survey_responses')
      .values({ survey_id: surveyId, member_id: null, invited: 0, age_band: null, district: null, answers_json: '{}', page: 0, created_at: at, updated_at: at, submitted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return newSurveyToken(trx, response.id);
  });
}

/** Saves one page's answers (replacing that page's earlier ones); false once submitted. */
export async function savePage(db: Db, responseId: number, pageQuestionIds: string[], answers: Answers, pageNumber: number, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('survey_responses').select(['answers_json', 'page', 'submitted_at']).where('id', '=', responseId).executeTakeFirstOrThrow();
    if (row.submitted_at) return false;
    const merged = JSON.parse(row.answers_json) as Answers;
    for (const id of pageQuestionIds) delete merged[id];
    Object.assign(merged, answers);
    const result = await trx
      .updateTable('survey_responses')
      .set({ answers_json: JSON.stringify(merged), page: Math.max(row.page, pageNumber + 1), updated_at: now.toISOString() })
      .where('id', '=', responseId)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

/** Submits a response, once: false if it already was. */
export async function submitResponse(db: Db, responseId: number, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('survey_responses').set({ submitted_at: now.toISOString() }).where('id', '=', responseId).where('submitted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every submitted response of a survey, oldest first. */
export async function submittedResponses(db: Db, surveyId: number): Promise<SubmittedResponse[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'age_band', 'district', 'answers_json', 'submitted_at'])
    .where('survey_id', '=', surveyId)
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, ageBand: r.age_band, district: r.district, submittedAt: r.submitted_at!, answers: JSON.parse(r.answers_json) as Answers }));
}
