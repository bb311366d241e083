import type { Db } from '../db/index.js';
import type { Issue } from '../schemas.js';
import { sql, type Selectable } from 'kysely';
import type { PollTable } from '../db/schema.js';
import { scaleValues, type PollInput, type PollResults, type PollStatus, type PublicPoll, type StaffPoll } from './schemas.js';

export class PollNotFoundError extends Error {}
/** The poll's status does not allow what was asked (editing an open poll, answering a closed one, …). */
export class PollStateError extends Error {
  constructor(
    readonly from: PollStatus,
    readonly to: string,
  ) {
    super(`a ${from} poll cannot be ${to}`);
  }
}
/** An answer that does not fit the poll: unknown options, repeats, or the wrong number of them. */
export class InvalidChoiceError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

type PollRow = Selectable<PollTable>;
interface OptionRow {
  id: number;
  poll_id: number;
  label_sv: string;
  label_en: string | null;
}

const noEnglish = (en: string | null) => (en ? en : null);

async function insertOptions(db: Db, pollId: number, input: PollInput) {
  if (input.kind === 'scale' || !input.options?.length) return;
  await db
    .insertInto('poll_options')
    .values(input.options.map((o, position) => ({ poll_id: pollId, position, label_sv: o.sv, label_en: noEnglish(o.en) })))
    .execute();
}

const pollColumns = (input: PollInput) => {
  const scale = input.kind === 'scale' ? (input.scaleLabels ?? null) : null;
  return {
    question_sv: input.question.sv,
    question_en: noEnglish(input.question.en),
    kind: input.kind,
    scale_low_sv: scale?.low.sv ?? null,
    scale_low_en: scale ? noEnglish(scale.low.en) : null,
    scale_high_sv: scale?.high.sv ?? null,
    scale_high_en: scale ? noEnglish(scale.high.en) : null,
  };
};

/** Saves a new poll as a draft; returns its id. */
export async function createPoll(db: Db, input: PollInput, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('polls')
      .values({ ...pollColumns(input), status: 'draft', created_at: now.toISOString(), opened_at: null, closed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertOptions(trx, id, input);
    return id;
  });
}

/** Replaces a draft's question, kind and options (a draft has no answers that could refer to them). */
export async function updatePoll(db: Db, id: number, input: PollInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('polls').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw new PollNotFoundError();
    if (row.status !== 'draft') throw new PollStateError(row.status, 'edited');
    // Conditional on still being a draft: an open from another request in between wins.
    const updated = await trx.updateTable('polls').set(pollColumns(input)).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new PollStateError('open', 'edited');
    await trx.deleteFrom('poll_options').where('poll_id', '=', id).execute();
    await insertOptions(trx, id, input);
  });
}

/**
 * Opens a draft or reopens a closed poll (its answers kept), or closes an open one. Asking for
 * the status a poll already has changes nothing, so a double click in the console is harmless.
 */
export async function movePoll(db: Db, id: number, to: 'open' | 'closed', now = new Date()): Promise<void> {
  const row = await db.selectFrom('polls').select('status').where('id', '=', id).executeTakeFirst();
  if (!row) throw new PollNotFoundError();
  if (row.status === to) return;
  if (to === 'closed' && row.status === 'draft') throw new PollStateError(row.status, 'closed');
  const at = now.toISOString();
  await db
    .updateTable('polls')
    .set(to === 'open' ? { status: 'open', opened_at: at, closed_at: null } : { status: 'closed', closed_at: at })
    .where('id', '=', id)
    .where('status', '=', row.status)
    .execute();
}

/** Deletes every answer; the poll keeps its status. */
export async function resetPoll(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('polls').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new PollNotFoundError();
    await trx.deleteFrom('poll_choices').where('poll_id', '=', id).execute();
    await trx.deleteFrom('poll_answers').where('poll_id', '=', id).execute();
  });
}

/** Deletes a draft or a closed poll and its answers; an open one is in use. */
export async function deletePoll(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('polls').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw new PollNotFoundError();
    if (row.status === 'open') throw new PollStateError(row.status, 'deleted');
    await trx.deleteFrom('poll_choices').where('poll_id', '=', id).execute();
    await trx.deleteFrom('poll_answers').where('poll_id', '=', id).execute();
    await trx.deleteFrom('poll_options').where('poll_id', '=', id).execute();
    const deleted = await trx.deleteFrom('polls').where('id', '=', id).where('status', '!=', 'open').executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new PollStateError('open', 'deleted');
  });
}

/**
 * Counts one answer. The insert itself checks that the poll is open, so an answer racing
 * the close is either counted before it or refused, never counted after.
 */
export async function answerPoll(db: Db, id: number, choices: number[], now = new Date()): Promise<void> {
  const poll = await db.selectFrom('polls').select(['id', 'kind', 'status']).where('id', '=', id).executeTakeFirst();
  if (!poll || poll.status === 'draft') throw new PollNotFoundError();
  if (poll.status !== 'open') throw new PollStateError(poll.status, 'answered');

  const valid: readonly number[] =
    poll.kind === 'scale' ? scaleValues : (await db.selectFrom('poll_options').select('id').where('poll_id', '=', id).execute()).map((o) => o.id);
  const issues: Issue[] = [];
  choices.forEach((choice, i) => {
    if (!valid.includes(choice)) issues.push({ path: `choices.${i}`, message: poll.kind === 'scale' ? 'must be 1–5' : `no option ${choice} in this poll` });
    else if (choices.indexOf(choice) !== i) issues.push({ path: `choices.${i}`, message: `option ${choice} is chosen twice` });
  });
  if (poll.kind !== 'multiple' && choices.length !== 1) issues.push({ path: 'choices', message: 'choose exactly one' });
  if (issues.length) throw new InvalidChoiceError(poll.kind === 'multiple' ? 'Choose one or more of the poll’s options, each once.' : 'Choose exactly one of the poll’s options.', issues);

  await db.transaction().execute(async (trx) => {
    const answer = await trx
      .insertInto('poll_answers')
      .columns(['poll_id', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('polls')
          .select((s) => ['id', s.val(now.toISOString()).as('created_at')])
          .where('id', '=', id)
          .where('status', '=', 'open'),
      )
      .returning('id')
      .executeTakeFirst();
    if (!answer) throw new PollStateError('closed', 'answered');
    await trx
      .insertInto('poll_choices')
      .values(choices.map((choice) => ({ answer_id: answer.id, poll_id: id, choice })))
      .execute();
  });
}

function optionsOf(row: PollRow, options: OptionRow[]) {
  if (row.kind === 'scale') return scaleValues.map((n) => ({ id: n, label: { sv: String(n), en: null } }));
  return options.filter((o) => o.poll_id === row.id).map((o) => ({ id: o.id, label: { sv: o.label_sv, en: o.label_en } }));
}

function scaleLabelsOf(row: PollRow) {
  if (row.kind !== 'scale' || row.scale_low_sv === null || row.scale_high_sv === null) return null;
  return { low: { sv: row.scale_low_sv, en: row.scale_low_en }, high: { sv: row.scale_high_sv, en: row.scale_high_en } };
}

/** The polls with these ids as staff see them, in the order of `rows`. */
async function build(db: Db, rows: PollRow[]): Promise<StaffPoll[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [options, tallies] = await Promise.all([
    db.selectFrom('poll_options').select(['id', 'poll_id', 'label_sv', 'label_en']).where('poll_id', 'in', ids).orderBy('poll_id').orderBy('position').execute(),
    // The answers (choice null) and the choices counted in one statement, so both are of one
    // moment: read apart (on PostgreSQL, on two connections), an answer committed in between
    // showed as 0 answers with 1 in the bars.
    db
      .selectFrom('poll_answers')
      .select((eb) => ['poll_id', sql<number | null>`null`.as('choice'), eb.fn.countAll<number | string>().as('n')])
      .where('poll_id', 'in', ids)
      .groupBy('poll_id')
      .unionAll(
        db
          .selectFrom('poll_choices')
          .select((eb) => ['poll_id', 'choice', eb.fn.countAll<number | string>().as('n')])
          .where('poll_id', 'in', ids)
          .groupBy(['poll_id', 'choice']),
      )
      .execute(),
  ]);
  return rows.map((row) => {
    const pollOptions = optionsOf(row, options);
    const tally = (choice: number | null) => Number(tallies.find((t) => t.poll_id === row.id && t.choice === choice)?.n ?? 0);
    const results: PollResults = { total: tally(null), counts: {} };
    for (const o of pollOptions) results.counts[String(o.id)] = tally(o.id);
    return {
      id: row.id,
      question: { sv: row.question_sv, en: row.question_en },
      kind: row.kind,
      options: pollOptions,
      scaleLabels: scaleLabelsOf(row),
      status: row.status,
      results,
      createdAt: row.created_at,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
    };
  });
}

/** Every poll, newest first. */
export async function listPolls(db: Db): Promise<StaffPoll[]> {
  return build(db, await db.selectFrom('polls').selectAll().orderBy('id', 'desc').execute());
}

export async function findStaffPoll(db: Db, id: number): Promise<StaffPoll | undefined> {
  const row = await db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await build(db, [row]))[0];
}

/** The poll as residents see it; undefined for drafts and unknown ids. */
export async function findPublicPoll(db: Db, id: number): Promise<PublicPoll | undefined> {
  const poll = await findStaffPoll(db, id);
  if (!poll || poll.status === 'draft') return undefined;
  return { id: poll.id, question: poll.question, kind: poll.kind, options: poll.options, scaleLabels: poll.scaleLabels, status: poll.status, results: poll.results };
}
