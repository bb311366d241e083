import type { Insertable, Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { isPostgres } from '../db/dialect.js';
import { canonicalEmail } from '../mail/addresses.js';
import { ConfirmationError, MailedLinks } from '../verify/links.js';
import { canMoveBudget, checkProjectBallot, checkSliderBallot, hideSmallGroups, medianOfCounts, type BallotIssue } from './rules.js';
import type { BallotInput, BudgetInput, BudgetResults, BudgetStatus, PublicBudget } from './schemas.js';

type Conn = Db | Transaction<Database>;

export class BudgetNotFoundError extends Error {}
export class BudgetExistsError extends Error {}
export class BudgetStateError extends Error {
  constructor(
    readonly from: BudgetStatus,
    readonly to: BudgetStatus | 'edited' | 'voted',
  ) {
    super(`a budget that is ${from} cannot be ${to}`);
  }
}
/** A ballot the rule refuses, with each problem at its line. */
export class BallotRuleError extends Error {
  constructor(readonly issues: BallotIssue[]) {
    super('the ballot breaks the budget’s rule');
  }
}

/** How long a ballot's confirmation link works. */
export const ballotLinkLifetimeHours = 3 * 24;

const ballotLinks = new MailedLinks('ballot_confirmations', ballotLinkLifetimeHours);

async function findBudgetRow(db: Conn, slug: string) {
  return db.selectFrom('budgets').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Makes one table of a process's contents (its districts or its items) match `rows`, in order:
 * rows not kept are removed, kept ones (an id of this process) updated, the rest inserted.
 * Returns each row's id.
 */
async function writeRows<T extends 'budget_districts' | 'budget_items'>(trx: Transaction<Database>, table: T, slug: string, rows: { id?: number; values: Insertable<Database[T]> }[]) {
  // Both tables have an id and the process's slug, which is all this reads: typed as one of them.
  const t = table as 'budget_districts';
  const kept = rows.map((r) => r.id).filter((id): id is number => id !== undefined);
  await trx
    .deleteFrom(t)
    .where('budget_slug', '=', slug)
    .$if(kept.length > 0, (q) => q.where('id', 'not in', kept))
    .execute();
  const ids: number[] = [];
  for (const { id, values } of rows) {
    if (id !== undefined) {
      const updated = await trx.updateTable(t).set(values as never).where('id', '=', id).where('budget_slug', '=', slug).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 1) {
        ids.push(id);
        continue;
      }
    }
    ids.push((await trx.insertInto(t).values(values as never).returning('id').executeTakeFirstOrThrow()).id);
  }
  return ids;
}

/** A process's texts and closing time: what may still change once residents vote. */
const budgetTexts = (input: BudgetInput) => ({
  title_sv: input.title.sv,
  title_en: input.title.en || null,
  description_sv: input.description.sv,
  description_en: input.description.en || null,
  closes_at: input.closesAt ? new Date(input.closesAt).toISOString() : null,
});

/** A line's or project's texts and image: what may still change once residents vote. */
const itemTexts = (item: BudgetInput['items'][number]) => ({
  title_sv: item.title.sv,
  title_en: item.title.en || null,
  description_sv: item.description.sv,
  description_en: item.description.en || null,
  image_url: item.image?.url ?? null,
  image_alt_sv: item.image ? item.image.alt.sv : null,
  image_alt_en: item.image ? item.image.alt.en || null : null,
});

/** Writes a process's districts and items: new ones are added, kept ones updated, the rest removed. */
async function writeContents(trx: Transaction<Database>, slug: string, input: BudgetInput) {
  const districtIds = await writeRows(
    trx,
    'budget_districts',
    slug,
    input.districts.map((d, position) => ({ id: d.id, values: { budget_slug: slug, position, name_sv: d.name.sv, name_en: d.name.en || null, total: d.total } })),
  );
  await writeRows(
    trx,
    'budget_items',
    slug,
    input.items.map((item, position) => ({
      id: item.id,
      values: {
        budget_slug: slug,
        district_id: item.district === null ? null : districtIds[item.district]!,
        position,
        ...itemTexts(item),
        min: item.min,
        max: item.max,
        step: item.step,
        start: item.start,
        cost: item.cost,
        selected: null,
      },
    })),
  );
}

/** Creates a process as a draft. */
export async function saveBudget(db: Db, input: BudgetInput, now = new Date()): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if (await findBudgetRow(trx, input.slug)) throw new BudgetExistsError(input.slug);
    await trx
      .insertInto('budgets')
      .values({
        slug: input.slug,
        ...budgetTexts(input),
        mode: input.mode,
        total: input.total,
        rule: input.rule,
        tolerance: input.tolerance,
        status: 'draft',
        decision_sv: null,
        decision_en: null,
        results_json: null,
        created_at: now.toISOString(),
        opened_at: null,
        closed_at: null,
        published_at: null,
      })
      .execute();
    await writeContents(trx, input.slug, { ...input, items: input.items.map((i) => ({ ...i, id: undefined })), districts: input.districts.map((d) => ({ ...d, id: undefined })) });
    return input.slug;
  });
}

/**
 * Changes a process. While it is a draft, anything may change. Once open, residents' ballots
 * refer to its lines, so only texts, images and the closing time may change; the amounts,
 * rule, lines and districts stay as residents saw them.
 */
export async function updateBudget(db: Db, slug: string, input: BudgetInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findBudgetRow(trx, slug);
    if (!row) throw new BudgetNotFoundError(slug);
    const texts = budgetTexts(input);
    if (row.status === 'draft') {
      await trx.updateTable('budgets').set({ ...texts, mode: input.mode, total: input.total, rule: input.rule, tolerance: input.tolerance }).where('slug', '=', slug).execute();
      await writeContents(trx, slug, input);
      return;
    }
    if (row.status !== 'open') throw new BudgetStateError(row.status, 'edited');
    const current = await loadContents(trx, slug);
    const sameShape =
      input.mode === row.mode &&
      input.total === row.total &&
      input.rule === row.rule &&
      input.tolerance === row.tolerance &&
      input.districts.length === current.districts.length &&
      input.districts.every((d, i) => d.id === current.districts[i]!.id && d.total === current.districts[i]!.total) &&
      input.items.length === current.items.length &&
      input.items.every((it, i) => {
        const c = current.items[i]!;
        const district = it.district === null ? null : (current.districts[it.district]?.id ?? -1);
        return it.id === c.id && district === c.district_id && it.min === c.min && it.max === c.max && it.step === c.step && it.start === c.start && it.cost === c.cost;
      });
    if (!sameShape) throw new BudgetStateError(row.status, 'edited');
    await trx.updateTable('budgets').set(texts).where('slug', '=', slug).execute();
    for (const [i, d] of input.districts.entries()) {
      await trx.updateTable('budget_districts').set({ name_sv: d.name.sv, name_en: d.name.en || null }).where('id', '=', current.districts[i]!.id).execute();
    }
    for (const item of input.items) {
      await trx
        .updateTable('budget_items')
        .set(itemTexts(item))
        .where('id', '=', item.id!)
        .execute();
    }
  });
}

async function loadContents(db: Conn, slug: string) {
  const districts = await db.selectFrom('budget_districts').selectAll().where('budget_slug', '=', slug).orderBy('position').execute();
  const items = await db.selectFrom('budget_items').selectAll().where('budget_slug', '=', slug).orderBy('position').execute();
  return { districts, items };
}

/** Opens or closes a process, refusing steps its life does not have. */
export async function moveBudget(db: Db, slug: string, to: 'open' | 'closed', now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findBudgetRow(trx, slug);
    if (!row) throw new BudgetNotFoundError(slug);
    if (!canMoveBudget(row.status, to)) throw new BudgetStateError(row.status, to);
    if (to === 'open') {
      const { items } = await loadContents(trx, slug);
      if (items.length === 0) throw new BudgetStateError(row.status, to);
    }
    await trx
      .updateTable('budgets')
      .set({ status: to, ...(to === 'open' ? { opened_at: now.toISOString() } : { closed_at: now.toISOString() }) })
      .where('slug', '=', slug)
      .where('status', '=', row.status)
      .execute();
  });
}

/** Publishes the results of a closed process with the municipality's decision (and, for projects, which are funded). */
export async function publishBudget(db: Db, slug: string, decision: { decision: { sv: string; en: string | null }; selected: number[] }, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findBudgetRow(trx, slug);
    if (!row) throw new BudgetNotFoundError(slug);
    if (!canMoveBudget(row.status, 'published')) throw new BudgetStateError(row.status, 'published');
    await trx
      .updateTable('budgets')
      .set({ status: 'published', published_at: now.toISOString(), decision_sv: decision.decision.sv, decision_en: decision.decision.en || null })
      .where('slug', '=', slug)
      .execute();
    if (row.mode === 'projects') {
      await trx.updateTable('budget_items').set({ selected: 0 }).where('budget_slug', '=', slug).execute();
      if (decision.selected.length) {
        await trx.updateTable('budget_items').set({ selected: 1 }).where('budget_slug', '=', slug).where('id', 'in', decision.selected).execute();
      }
    }
    await trx.updateTable('budgets').set({ results_json: JSON.stringify(await computeResults(trx, slug)) }).where('slug', '=', slug).execute();
  });
}

/** Whether the process takes ballots now: open, and before its closing time if it has one. */
const takesBallots = (row: { status: BudgetStatus; closes_at: string | null }, now: Date) => row.status === 'open' && (!row.closes_at || row.closes_at > now.toISOString());

/**
 * A resident's ballot: checked against the rule, stored, and waiting for its e-mail
 * confirmation. One resident (one mailbox, however spelled) may send several; the latest
 * one they confirm is the one that counts.
 */
export async function castBallot(db: Db, slug: string, input: BallotInput, now = new Date()): Promise<{ token: string; ballotId: number; budget: PublicBudget }> {
  const row = await findBudgetRow(db, slug);
  if (!row || row.status === 'draft') throw new BudgetNotFoundError(slug);
  if (!takesBallots(row, now)) throw new BudgetStateError(row.status, 'voted');
  const { districts, items } = await loadContents(db, slug);
  let total = row.total;
  if (districts.length) {
    const district = districts.find((d) => d.id === input.districtId);
    if (!district) throw new BallotRuleError([{ path: 'districtId', message: 'Choose one of the budget’s districts.' }]);
    total = district.total;
  } else if (input.districtId !== null) {
    throw new BallotRuleError([{ path: 'districtId', message: 'This budget has no districts.' }]);
  }
  const mine = items.filter((i) => i.district_id === null || i.district_id === input.districtId).map((i) => ({ ...i, title: i.title_sv }));
  const budget = { mode: row.mode, rule: row.rule, tolerance: row.tolerance, total };
  const issues = row.mode === 'sliders' ? checkSliderBallot(budget, mine, input.allocations) : checkProjectBallot(budget, mine, input.projects);
  if (row.mode === 'sliders' && input.projects.length) issues.push({ path: 'projects', message: 'This budget is shared out with sliders, not by choosing projects.' });
  if (row.mode === 'projects' && input.allocations.length) issues.push({ path: 'allocations', message: 'This budget is shared out by choosing projects, not with amounts.' });
  if (issues.length) throw new BallotRuleError(issues);
  const allocations = row.mode === 'sliders' ? input.allocations : input.projects.map((itemId) => ({ itemId, amount: mine.find((i) => i.id === itemId)!.cost }));
  const email = canonicalEmail(input.email);
  const cast = await db.transaction().execute(async (trx) => {
    // Insert-if-absent, as signatures do: two ballots from one mailbox at once find one voter.
    await trx
      .insertInto('budget_voters')
      .values({ budget_slug: slug, email, counted_ballot_id: null, anonymised_at: null })
      .onConflict((oc) => oc.columns(['budget_slug', 'email']).doNothing())
      .execute();
    const voter = await trx.selectFrom('budget_voters').select('id').where('budget_slug', '=', slug).where('email', '=', email).executeTakeFirstOrThrow();
    const ballot = await trx
      .insertInto('budget_ballots')
      .values({ voter_id: voter.id, district_id: input.districtId, lang: input.lang, created_at: now.toISOString(), confirmed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('budget_allocations')
      .values(allocations.map((a) => ({ ballot_id: ballot.id, item_id: a.itemId, amount: a.amount })))
      .execute();
    const token = await ballotLinks.issue(trx, { ballot_id: ballot.id }, now);
    // Last, so the process's row is held for as short a time as can be.
    await trx.updateTable('budgets').set((eb) => ({ ballots_sent: eb('ballots_sent', '+', 1) })).where('slug', '=', slug).execute();
    return { token, ballotId: ballot.id };
  });
  // What the confirmation mail says, from what was read above: no second read of the process.
  return { ...cast, budget: await publicBudget(db, row, { districts, items }) };
}

/**
 * The resident's link: their ballot counts, replacing one they confirmed before, unless a
 * ballot they sent later is already counted. Only while the process is open.
 */
export async function confirmBallot(db: Db, token: string, now = new Date()): Promise<{ slug: string; counted: boolean }> {
  return db.transaction().execute(async (trx) => {
    const link = await ballotLinks.use(trx, token, now);
    const ballot = await trx
      .selectFrom('budget_ballots')
      .innerJoin('budget_voters', 'budget_voters.id', 'budget_ballots.voter_id')
      .innerJoin('budgets', 'budgets.slug', 'budget_voters.budget_slug')
      .select(['budget_ballots.id', 'budget_ballots.voter_id', 'budgets.slug', 'budgets.status', 'budgets.closes_at'])
      .where('budget_ballots.id', '=', link.ballot_id)
      .executeTakeFirstOrThrow();
    // Thrown inside the transaction, so the link is left unused.
    if (!takesBallots(ballot, now)) throw new ConfirmationError('closed');
    await trx.updateTable('budget_ballots').set({ confirmed_at: now.toISOString() }).where('id', '=', ballot.id).execute();
    await trx.updateTable('budgets').set((eb) => ({ ballots_confirmed: eb('ballots_confirmed', '+', 1) })).where('slug', '=', ballot.slug).execute();
    // The voter's row is held until the end, so two of their links confirmed at once count in turn.
    const voter = await trx
      .selectFrom('budget_voters')
      .select('counted_ballot_id')
      .where('id', '=', ballot.voter_id)
      .$if(isPostgres(trx), (q) => q.forNoKeyUpdate())
      .executeTakeFirstOrThrow();
    // Ballot ids grow with time: the latest ballot sent, once confirmed, is the one that counts.
    const before = voter.counted_ballot_id;
    if (before !== null && before >= ballot.id) return { slug: ballot.slug, counted: false };
    await trx.updateTable('budget_voters').set({ counted_ballot_id: ballot.id }).where('id', '=', ballot.voter_id).execute();
    await countInTotals(trx, ballot.slug, before, ballot.id);
    return { slug: ballot.slug, counted: true };
  });
}

/**
 * Keeps the running totals (budgets.participants, budget_districts.participants and
 * budget_tallies) right as a resident's counted ballot goes from `before` (none: null) to
 * `after`, in the transaction that counts it. Rows are changed in one order (the process,
 * its districts by id, its tallies by line and amount) so that confirmations running at once
 * on PostgreSQL wait for each other instead of deadlocking.
 */
async function countInTotals(trx: Transaction<Database>, slug: string, before: number | null, after: number) {
  const ids = before === null ? [after] : [before, after];
  const ballots = await trx.selectFrom('budget_ballots').select(['id', 'district_id']).where('id', 'in', ids).execute();
  const districtOf = (id: number) => ballots.find((b) => b.id === id)!.district_id;
  if (before === null) await trx.updateTable('budgets').set((eb) => ({ participants: eb('participants', '+', 1) })).where('slug', '=', slug).execute();
  const districts = new Map<number, number>();
  const add = (district: number | null, n: number) => district !== null && districts.set(district, (districts.get(district) ?? 0) + n);
  if (before !== null) add(districtOf(before), -1);
  add(districtOf(after), 1);
  for (const [id, n] of [...districts].filter(([, n]) => n !== 0).sort(([a], [b]) => a - b)) {
    await trx.updateTable('budget_districts').set((eb) => ({ participants: eb('participants', '+', n) })).where('id', '=', id).execute();
  }
  const allocations = await trx.selectFrom('budget_allocations').select(['ballot_id', 'item_id', 'amount']).where('ballot_id', 'in', ids).execute();
  const tallies = new Map<string, { item_id: number; amount: number; votes: number }>();
  for (const a of allocations) {
    const key = `${a.item_id} ${a.amount}`;
    const t = tallies.get(key) ?? { item_id: a.item_id, amount: a.amount, votes: 0 };
    t.votes += a.ballot_id === after ? 1 : -1;
    tallies.set(key, t);
  }
  const changes = [...tallies.values()].filter((t) => t.votes !== 0).sort((a, b) => a.item_id - b.item_id || a.amount - b.amount);
  if (!changes.length) return;
  await trx
    .insertInto('budget_tallies')
    .values(changes)
    .onConflict((oc) => oc.columns(['item_id', 'amount']).doUpdateSet((eb) => ({ votes: eb('budget_tallies.votes', '+', eb.ref('excluded.votes')) })))
    .execute();
}

const localized = (sv: string, en: string | null) => ({ sv, en });

/** A process as residents see it; undefined for drafts (unless asked, for staff's preview) and unknown slugs. */
export async function findPublicBudget(db: Db, slug: string, { includeDraft = false } = {}): Promise<PublicBudget | undefined> {
  const row = await findBudgetRow(db, slug);
  if (!row || (row.status === 'draft' && !includeDraft)) return undefined;
  return publicBudget(db, row, await loadContents(db, slug));
}

async function publicBudget(db: Db, row: NonNullable<Awaited<ReturnType<typeof findBudgetRow>>>, { districts, items }: Awaited<ReturnType<typeof loadContents>>): Promise<PublicBudget> {
  const slug = row.slug;
  return {
    slug: row.slug,
    title: localized(row.title_sv, row.title_en),
    description: localized(row.description_sv, row.description_en),
    mode: row.mode,
    total: row.total,
    rule: row.rule,
    tolerance: row.tolerance,
    // A draft is shown to staff as it will look once open.
    status: row.status === 'draft' ? 'open' : row.status,
    closesAt: row.closes_at,
    districts: districts.map((d) => ({ id: d.id, name: localized(d.name_sv, d.name_en), total: d.total })),
    items: items.map((i) => ({
      id: i.id,
      districtId: i.district_id,
      title: localized(i.title_sv, i.title_en),
      description: localized(i.description_sv, i.description_en),
      image: i.image_url ? { url: i.image_url, alt: localized(i.image_alt_sv ?? '', i.image_alt_en) } : null,
      min: i.min,
      max: i.max,
      step: i.step,
      start: i.start,
      cost: i.cost,
    })),
    // Results stored before small groups were hidden are hidden as they are read.
    results:
      row.status === 'published'
        ? row.results_json
          ? hideSmallGroups(JSON.parse(row.results_json) as BudgetResults, items.map((i) => ({ id: i.id, districtId: i.district_id })))
          : await computeResults(db, slug)
        : null,
  };
}

/**
 * Rewrites a process's running totals and counts from its ballots: for ballots written straight
 * into the tables (the bench's 100 000), not for ballots counted by confirmBallot, which keeps
 * the totals itself.
 */
export async function recountTotals(db: Db, slug: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const items = trx.selectFrom('budget_items').select('id').where('budget_slug', '=', slug);
    await trx.deleteFrom('budget_tallies').where('item_id', 'in', items).execute();
    await trx
      .insertInto('budget_tallies')
      .columns(['item_id', 'amount', 'votes'])
      .expression(
        trx
          .selectFrom('budget_voters as v')
          .innerJoin('budget_allocations as a', 'a.ballot_id', 'v.counted_ballot_id')
          .where('v.budget_slug', '=', slug)
          .select((eb) => ['a.item_id', 'a.amount', eb.cast<number>(eb.fn.countAll(), 'integer').as('votes')])
          .groupBy(['a.item_id', 'a.amount']),
      )
      .execute();
    const sent = trx.selectFrom('budget_ballots as b').innerJoin('budget_voters as v', 'v.id', 'b.voter_id').where('v.budget_slug', '=', slug);
    await trx
      .updateTable('budgets')
      .set((eb) => ({
        participants: eb
          .selectFrom('budget_voters as v')
          .where('v.budget_slug', '=', slug)
          .where('v.counted_ballot_id', 'is not', null)
          .select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n')),
        ballots_sent: sent.select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n')),
        ballots_confirmed: sent.select((e) => e.cast<number>(e.fn.count('b.confirmed_at'), 'integer').as('n')),
      }))
      .where('slug', '=', slug)
      .execute();
    await trx
      .updateTable('budget_districts')
      .set((eb) => ({
        participants: eb
          .selectFrom('budget_voters as v')
          .innerJoin('budget_ballots as b', 'b.id', 'v.counted_ballot_id')
          .whereRef('b.district_id', '=', 'budget_districts.id')
          .select((e) => e.cast<number>(e.fn.countAll(), 'integer').as('n')),
      }))
      .where('budget_slug', '=', slug)
      .execute();
  });
}

/**
 * The outcome, from the running totals kept as ballots are counted (see countInTotals): how
 * many counted ballots gave each line each amount (amounts sit on the line's steps, so that
 * is a few hundred rows however many residents took part). Votes, average and median per line
 * follow from those counts without sorting every ballot.
 */
export async function computeResults(db: Conn, slug: string): Promise<BudgetResults> {
  const row = (await findBudgetRow(db, slug))!;
  const tallies = await db
    .selectFrom('budget_tallies as t')
    .innerJoin('budget_items as i', 'i.id', 't.item_id')
    .where('i.budget_slug', '=', slug)
    .where('t.votes', '>', 0)
    .select(['t.item_id', 't.amount', 't.votes as n'])
    .execute();
  const districts = await db.selectFrom('budget_districts').select(['id as district_id', 'participants as n']).where('budget_slug', '=', slug).where('participants', '>', 0).orderBy('id').execute();
  return resultsFrom(db, row, tallies, districts, row.participants);
}

/**
 * The same outcome counted again from every counted ballot, as computeResults gave before
 * the running totals: what the totals must always equal (the tests compare the two).
 */
export async function recountResults(db: Conn, slug: string): Promise<BudgetResults> {
  const row = (await findBudgetRow(db, slug))!;
  const histogram = await db
    .selectFrom('budget_voters as v')
    .innerJoin('budget_allocations as a', 'a.ballot_id', 'v.counted_ballot_id')
    .where('v.budget_slug', '=', slug)
    .select((eb) => ['a.item_id', 'a.amount', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['a.item_id', 'a.amount'])
    .execute();
  const participants = await db
    .selectFrom('budget_voters as v')
    .innerJoin('budget_ballots as b', 'b.id', 'v.counted_ballot_id')
    .where('v.budget_slug', '=', slug)
    .select((eb) => ['b.district_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('b.district_id')
    .orderBy('b.district_id')
    .execute();
  const districts = participants.filter((p) => p.district_id !== null).map((p) => ({ district_id: p.district_id!, n: p.n }));
  return resultsFrom(db, row, histogram, districts, participants.reduce((sum, p) => sum + Number(p.n), 0));
}

async function resultsFrom(
  db: Conn,
  row: NonNullable<Awaited<ReturnType<typeof findBudgetRow>>>,
  histogram: { item_id: number; amount: number; n: number | string }[],
  districts: { district_id: number; n: number | string }[],
  participants: number,
): Promise<BudgetResults> {
  const items = await db.selectFrom('budget_items').select(['id', 'district_id', 'selected']).where('budget_slug', '=', row.slug).orderBy('position').execute();
  const counts = new Map<number, { amount: number; n: number }[]>();
  for (const h of histogram) {
    const list = counts.get(h.item_id) ?? [];
    list.push({ amount: h.amount, n: Number(h.n) });
    counts.set(h.item_id, list);
  }
  const sliders = row.mode === 'sliders';
  const results = {
    participants,
    decision: localized(row.decision_sv ?? '', row.decision_en),
    publishedAt: row.published_at ?? '',
    districts: districts.map((p) => ({ districtId: p.district_id, participants: Number(p.n) })),
    items: items.map((i) => {
      const list = (counts.get(i.id) ?? []).sort((a, b) => a.amount - b.amount);
      const votes = list.reduce((sum, c) => sum + c.n, 0);
      const sum = list.reduce((total, c) => total + c.amount * c.n, 0);
      return {
        itemId: i.id,
        average: sliders && votes ? Math.round(sum / votes) : null,
        median: sliders ? medianOfCounts(list) : null,
        votes,
        selected: i.selected === null ? null : i.selected === 1,
      };
    }),
  };
  return hideSmallGroups(results, items.map((i) => ({ id: i.id, districtId: i.district_id })));
}

/** Staff's view: drafts too, with the numbers of ballots sent, confirmed and counted so far (kept as they change). */
export async function findStaffBudget(db: Db, slug: string) {
  const row = await findBudgetRow(db, slug);
  if (!row) return undefined;
  const { districts, items } = await loadContents(db, slug);
  return { row, districts, items, ballotsSent: row.ballots_sent, ballotsConfirmed: row.ballots_confirmed, participants: row.participants };
}
