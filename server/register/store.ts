import type { Selectable } from 'kysely';
import type { Db } from '../db/index.js';
import type { DialogueChannelTable, DialogueTable } from '../db/schema.js';
import type { Issue } from '../schemas.js';
import { ratingOf } from './follow.js';
import { caseUrl, feedbackOverdue, phaseOn, publishProblems, swedishDate } from './rules.js';
import type { Channel, ChannelInput, DialogueInput, OutcomeInput, Phase, ProcessKind, PublicDialogue, StaffDialogue } from './schemas.js';

export class DialogueNotFoundError extends Error {}
/** The dialogue's state does not allow it: editing what is gone, feedback before publishing, … */
export class DialogueStateError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}
/** A channel that names a Medverka process that does not exist, or one already in a dialogue. */
export class ChannelError extends Error {
  constructor(
    readonly code: 'process_not_found' | 'process_taken' | 'channel_not_found',
    message: string,
  ) {
    super(message);
  }
}

type DialogueRow = Selectable<DialogueTable>;
type ChannelRow = Selectable<DialogueChannelTable>;

const noEnglish = (en: string | null | undefined) => (en ? en : null);
const localized = (sv: string, en: string | null) => ({ sv, en });
const texts = (name: string, t: { sv: string; en: string | null } | undefined) => (t ? { [`${name}_sv`]: t.sv, [`${name}_en`]: noEnglish(t.en) } : {});

function dialogueColumns(input: DialogueInput) {
  return {
    ...texts('title', input.title),
    ...texts('question', input.question),
    ...texts('purpose', input.purpose),
    ...texts('can_change', input.canChange),
    ...texts('cannot_change', input.cannotChange),
    question_open: input.questionOpen ? 1 : 0,
    decision_makers_open: input.decisionMakersOpen ? 1 : 0,
    committee: input.committee,
    administration: input.administration,
    contact_id: input.contactId,
    target_groups: JSON.stringify(input.targetGroups),
    themes: JSON.stringify(input.themes),
    district: input.district || null,
    ladder: input.ladder,
    planned_start: input.plannedStart,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    decision_expected: input.decisionExpected,
    feedback_by: input.feedbackBy,
  } as Partial<DialogueRow>;
}

async function addEvent(db: Db, dialogueId: number, kind: string, detail: string | null, now: Date) {
  await db.insertInto('dialogue_events').values({ dialogue_id: dialogueId, at: now.toISOString(), kind, detail }).execute();
}

async function checkContact(db: Db, contactId: number | null) {
  if (contactId === null) return;
  const user = await db.selectFrom('staff_users').select('id').where('id', '=', contactId).where('disabled', '=', 0).executeTakeFirst();
  if (!user) throw new DialogueStateError('contact_not_found', 'The contact person must be an active staff account.', [{ path: 'contactId', message: 'no active staff account has that number' }]);
}

/** Saves a new dialogue as a draft; returns its id. */
export async function createDialogue(db: Db, input: DialogueInput, createdBy: number | null, now = new Date()): Promise<number> {
  await checkContact(db, input.contactId);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('dialogues')
      .values({ ...(dialogueColumns(input) as DialogueRow), status: 'draft', created_by: createdBy, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, id, 'created', null, now);
    return id;
  });
}

async function row(db: Db, id: number): Promise<DialogueRow> {
  const found = await db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw new DialogueNotFoundError();
  return found;
}

/**
 * Replaces what staff wrote. A published dialogue stays publishable: a change that would break
 * its promise (no contact, no feedback date, a "no" to either question) is refused.
 */
export async function updateDialogue(db: Db, id: number, input: DialogueInput, now = new Date()): Promise<void> {
  await checkContact(db, input.contactId);
  await db.transaction().execute(async (trx) => {
    const before = await row(trx, id);
    const after = { ...before, ...dialogueColumns(input) };
    if (before.status === 'published') {
      const problems = publishProblems(after);
      if (problems.length) throw new DialogueStateError('not_publishable', 'A published dialogue must keep what residents were promised.', problems);
    }
    await trx.updateTable('dialogues').set({ ...dialogueColumns(input), updated_at: now.toISOString() }).where('id', '=', id).execute();
  });
}

/** Shows the dialogue to residents, if both of the policy's questions are answered yes and its promise is complete. */
export async function publishDialogue(db: Db, id: number, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await row(trx, id);
    if (d.status === 'published') return;
    const problems = publishProblems(d);
    if (problems.length) throw new DialogueStateError('not_publishable', 'The dialogue cannot be published yet.', problems);
    await trx.updateTable('dialogues').set({ status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'draft').execute();
    await addEvent(trx, id, 'published', null, now);
  });
}

/** Deletes a draft; a published dialogue is part of the record and stays. */
export async function deleteDialogue(db: Db, id: number): Promise<void> {
  const d = await row(db, id);
  if (d.status !== 'draft') throw new DialogueStateError('not_draft', 'Only a draft can be deleted: residents have seen a published dialogue.');
  await db.deleteFrom('dialogues').where('id', '=', id).where('status', '=', 'draft').execute();
}

/** A Medverka process as the register shows it: its title, how many took part, whether residents can see it. */
interface ProcessFacts {
  title: string;
  participants: number;
  visible: boolean;
}

async function processFacts(db: Db, kind: ProcessKind, ref: string): Promise<ProcessFacts | undefined> {
  const id = /^\d{1,9}$/.test(ref) ? Number(ref) : 0;
  switch (kind) {
    case 'petition': {
      const p = await db.selectFrom('petitions').select(['title', 'signature_count', 'status']).where('id', '=', id).executeTakeFirst();
      return p && { title: p.title, participants: p.signature_count, visible: ['open', 'closed', 'answered'].includes(p.status) };
    }
    case 'budget': {
      const b = await db.selectFrom('budgets').select(['title_sv', 'participants', 'status']).where('slug', '=', ref).executeTakeFirst();
      return b && { title: b.title_sv, participants: b.participants, visible: b.status !== 'draft' };
    }
    case 'poll': {
      const p = await db.selectFrom('polls').select(['question_sv', 'status']).where('id', '=', id).executeTakeFirst();
      if (!p) return undefined;
      const { n } = await db.selectFrom('poll_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('poll_id', '=', id).executeTakeFirstOrThrow();
      return { title: p.question_sv, participants: Number(n), visible: p.status !== 'draft' };
    }
    case 'survey': {
      const s = await db.selectFrom('surveys').select(['title_sv', 'status']).where('id', '=', id).executeTakeFirst();
      if (!s) return undefined;
      const { n } = await db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('survey_id', '=', id)
        .where('submitted_at', 'is not', null)
        .executeTakeFirstOrThrow();
      return { title: s.title_sv, participants: Number(n), visible: ['sent', 'open', 'closed'].includes(s.status) };
    }
  }
}

/** Links a Medverka process to the dialogue, or records an offline channel. Returns the channel's id. */
export async function addChannel(db: Db, dialogueId: number, input: ChannelInput, now = new Date()): Promise<number> {
  await row(db, dialogueId);
  const summary = { summary_sv: input.summary?.sv ?? '', summary_en: noEnglish(input.summary?.en) };
  if (input.kind !== 'offline') {
    if (!(await processFacts(db, input.kind, input.ref))) throw new ChannelError('process_not_found', `There is no ${input.kind} ${input.ref}.`);
  }
  return db.transaction().execute(async (trx) => {
    if (input.kind !== 'offline') {
      const taken = await trx.selectFrom('dialogue_channels').select('dialogue_id').where('kind', '=', input.kind).where('ref', '=', input.ref).executeTakeFirst();
      if (taken) throw new ChannelError('process_taken', `That ${input.kind} already belongs to dialogue ${taken.dialogue_id}.`);
    }
    const values =
      input.kind === 'offline'
        ? { kind: input.kind, ref: null, format: input.format, title: input.title, held_on: input.heldOn, place: input.place, participants: input.participants, notes: input.notes }
        : { kind: input.kind, ref: input.ref, format: null, title: null, held_on: null, place: null, participants: null, notes: null };
    const { id } = await trx
      .insertInto('dialogue_channels')
      .values({ dialogue_id: dialogueId, ...values, ...summary, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(trx, dialogueId, input.kind === 'offline' ? 'offline_recorded' : 'channel_linked', input.kind === 'offline' ? input.title : `${input.kind} ${input.ref}`, now);
    return id;
  });
}

/** Unlinks a channel; the history keeps that it was there. */
export async function removeChannel(db: Db, dialogueId: number, channelId: number, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const channel = await trx.selectFrom('dialogue_channels').selectAll().where('id', '=', channelId).where('dialogue_id', '=', dialogueId).executeTakeFirst();
    if (!channel) throw new ChannelError('channel_not_found', 'The dialogue has no channel with that number.');
    await trx.deleteFrom('dialogue_channels').where('id', '=', channelId).execute();
    await addEvent(trx, dialogueId, 'channel_removed', channel.kind === 'offline' ? channel.title : `${channel.kind} ${channel.ref}`, now);
  });
}

/** Writes what came in, how it was used and the decision. Residents see it once the feedback is published. */
export async function saveOutcome(db: Db, id: number, input: OutcomeInput, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await row(trx, id);
    await trx
      .updateTable('dialogues')
      .set({ ...texts('outcome_summary', input.summary), ...texts('outcome_use', input.use), ...texts('decision', input.decision), case_number: input.caseNumber || null, decided_on: input.decidedOn, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    if (input.caseNumber && input.caseNumber !== d.case_number) await addEvent(trx, id, 'decided', input.caseNumber, now);
  });
}

/** Publishes the feedback: residents see the outcome. It needs a published dialogue and an outcome that says what came in and how it was used. */
export async function publishFeedback(db: Db, id: number, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await row(trx, id);
    if (d.status !== 'published') throw new DialogueStateError('not_published', 'Publish the dialogue before its feedback.');
    const problems: Issue[] = [];
    if (!d.outcome_summary_sv) problems.push({ path: 'outcome.summary.sv', message: 'say what came in' });
    if (!d.outcome_use_sv) problems.push({ path: 'outcome.use.sv', message: 'say how it was used' });
    if (problems.length) throw new DialogueStateError('outcome_missing', 'Write the outcome before publishing the feedback.', problems);
    const first = !d.feedback_published_at;
    await trx.updateTable('dialogues').set({ feedback_published_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', id).execute();
    await addEvent(trx, id, first ? 'feedback_published' : 'feedback_updated', null, now);
  });
}

interface Shown {
  /** Staff see drafts, hidden processes and the outcome as it is being written. */
  staff: boolean;
  diariumUrl?: string;
  now: Date;
}

async function channelsOf(db: Db, ids: number[], shown: Shown): Promise<Map<number, Channel[]>> {
  const byDialogue = new Map<number, Channel[]>();
  if (!ids.length) return byDialogue;
  const rows: ChannelRow[] = await db.selectFrom('dialogue_channels').selectAll().where('dialogue_id', 'in', ids).orderBy('id').execute();
  for (const c of rows) {
    const facts = c.kind === 'offline' ? undefined : await processFacts(db, c.kind, c.ref!);
    if (c.kind !== 'offline' && !shown.staff && !facts?.visible) continue;
    const list = byDialogue.get(c.dialogue_id) ?? [];
    list.push({
      id: c.id,
      kind: c.kind,
      ref: c.ref,
      format: c.format,
      title: c.kind === 'offline' ? c.title : (facts?.title ?? null),
      heldOn: c.held_on,
      place: c.place,
      participants: c.kind === 'offline' ? c.participants : (facts?.participants ?? null),
      // Staff's own notes from a meeting or walk; residents see the summary.
      notes: shown.staff ? c.notes : null,
      summary: localized(c.summary_sv, c.summary_en),
    });
    byDialogue.set(c.dialogue_id, list);
  }
  return byDialogue;
}

async function describe(db: Db, rows: DialogueRow[], shown: Shown): Promise<StaffDialogue[]> {
  const ids = rows.map((r) => r.id);
  const channels = await channelsOf(db, ids, shown);
  const events = ids.length ? await db.selectFrom('dialogue_events').select(['dialogue_id', 'at', 'kind', 'detail']).where('dialogue_id', 'in', ids).orderBy('at').orderBy('id').execute() : [];
  const contactIds = [...new Set(rows.map((r) => r.contact_id).filter((id): id is number => id !== null))];
  const contacts = new Map(
    contactIds.length ? (await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', contactIds).execute()).map((u) => [u.id, u] as const) : [],
  );
  const today = swedishDate(shown.now);
  const ratings = shown.staff ? await ratingOf(db, ids) : new Map<number, { count: number; average: number | null }>();
  const followerCounts = new Map(
    shown.staff && ids.length
      ? (
          await db
            .selectFrom('dialogue_followers')
            .select((eb) => ['dialogue_id', eb.fn.countAll<number>().as('n')])
            .where('dialogue_id', 'in', ids)
            .where('confirmed_at', 'is not', null)
            .groupBy('dialogue_id')
            .execute()
        ).map((r) => [r.dialogue_id, Number(r.n)] as const)
      : [],
  );
  return rows.map((d) => {
    const timeline = events
      .filter((e) => e.dialogue_id === d.id && (shown.staff || e.kind !== 'created'))
      .map((e) => ({ at: e.at, kind: e.kind, detail: e.kind.startsWith('channel_') && !shown.staff ? null : e.detail }));
    const contact = d.contact_id !== null ? contacts.get(d.contact_id) : undefined;
    return {
      id: d.id,
      title: localized(d.title_sv, d.title_en),
      question: localized(d.question_sv, d.question_en),
      purpose: localized(d.purpose_sv, d.purpose_en),
      committee: d.committee,
      administration: d.administration,
      contact: contact ? { id: contact.id, name: contact.name } : null,
      targetGroups: JSON.parse(d.target_groups) as string[],
      themes: JSON.parse(d.themes) as string[],
      district: d.district,
      ladder: d.ladder,
      canChange: localized(d.can_change_sv, d.can_change_en),
      cannotChange: localized(d.cannot_change_sv, d.cannot_change_en),
      plannedStart: d.planned_start,
      opensOn: d.opens_on,
      closesOn: d.closes_on,
      decisionExpected: d.decision_expected,
      feedbackBy: d.feedback_by,
      phase: phaseOn(today, d.opens_on, d.closes_on),
      channels: channels.get(d.id) ?? [],
      outcome:
        shown.staff || d.feedback_published_at
          ? {
              summary: localized(d.outcome_summary_sv, d.outcome_summary_en),
              use: localized(d.outcome_use_sv, d.outcome_use_en),
              decision: localized(d.decision_sv, d.decision_en),
              caseNumber: d.case_number,
              caseUrl: caseUrl(shown.diariumUrl, d.case_number),
              decidedOn: d.decided_on,
              feedbackPublishedAt: d.feedback_published_at,
            }
          : null,
      timeline,
      status: d.status,
      questionOpen: d.question_open === 1,
      decisionMakersOpen: d.decision_makers_open === 1,
      feedbackOverdue: feedbackOverdue(today, d),
      publishProblems: d.status === 'draft' ? publishProblems(d) : [],
      followers: followerCounts.get(d.id) ?? 0,
      rating: ratings.get(d.id) ?? { count: 0, average: null },
      createdAt: d.created_at,
      updatedAt: d.updated_at,
      publishedAt: d.published_at,
    };
  });
}

const publicFields = (d: StaffDialogue): PublicDialogue => {
  const { status: _s, questionOpen: _q, decisionMakersOpen: _d, feedbackOverdue: _o, publishProblems: _p, followers: _f, rating: _r, createdAt: _c, updatedAt: _u, publishedAt: _a, ...shown } = d;
  return shown;
};

/** Every dialogue, drafts too, newest first. */
export async function listStaffDialogues(db: Db, options: { diariumUrl?: string; now?: Date } = {}): Promise<StaffDialogue[]> {
  const rows = await db.selectFrom('dialogues').selectAll().orderBy('id', 'desc').execute();
  return describe(db, rows, { staff: true, diariumUrl: options.diariumUrl, now: options.now ?? new Date() });
}

export async function findStaffDialogue(db: Db, id: number, options: { diariumUrl?: string; now?: Date } = {}): Promise<StaffDialogue | undefined> {
  const rows = await db.selectFrom('dialogues').selectAll().where('id', '=', id).execute();
  return (await describe(db, rows, { staff: true, diariumUrl: options.diariumUrl, now: options.now ?? new Date() }))[0];
}

/**
 * The published register, for residents and as open data: the open ones first (closing
 * soonest first), then the planned (opening soonest first), then the finished (latest first).
 */
export async function listPublicDialogues(
  db: Db,
  filter: { phase?: Phase; theme?: string; district?: string } = {},
  options: { diariumUrl?: string; now?: Date } = {},
): Promise<PublicDialogue[]> {
  const rows = await db.selectFrom('dialogues').selectAll().where('status', '=', 'published').execute();
  const all = (await describe(db, rows, { staff: false, diariumUrl: options.diariumUrl, now: options.now ?? new Date() })).map(publicFields);
  const rank = { open: 0, planned: 1, finished: 2 } as const;
  const key = (d: PublicDialogue) => (d.phase === 'open' ? (d.closesOn ?? '9999') : d.phase === 'planned' ? (d.opensOn ?? '9999') : '');
  return all
    .filter((d) => (!filter.phase || d.phase === filter.phase) && (!filter.theme || d.themes.includes(filter.theme)) && (!filter.district || d.district === filter.district))
    .sort((a, b) => rank[a.phase] - rank[b.phase] || (a.phase === 'finished' ? (b.closesOn ?? '').localeCompare(a.closesOn ?? '') : key(a).localeCompare(key(b))) || b.id - a.id);
}

export async function findPublicDialogue(db: Db, id: number, options: { diariumUrl?: string; now?: Date } = {}): Promise<PublicDialogue | undefined> {
  const rows = await db.selectFrom('dialogues').selectAll().where('id', '=', id).where('status', '=', 'published').execute();
  const [d] = await describe(db, rows, { staff: false, diariumUrl: options.diariumUrl, now: options.now ?? new Date() });
  return d && publicFields(d);
}

/** Whether this staff member may change this dialogue: administrators and moderators all, a contact person their own. */
export async function mayEdit(db: Db, id: number, user: { id: number; role: string }): Promise<boolean> {
  if (user.role === 'admin' || user.role === 'moderator') return true;
  const d = await row(db, id);
  return d.contact_id === user.id;
}
