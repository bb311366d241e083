import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Migrator } from 'kysely';
import type { BudgetInput } from '../../server/budgets/schemas.js';
import { castBallot, computeResults, confirmBallot, findStaffBudget, moveBudget, publishBudget, recountResults, recountTotals, saveBudget } from '../../server/budgets/store.js';
import { createDatabase, migrateToLatest, type Db } from '../../server/db/index.js';
import { migrations } from '../../server/db/migrations.js';
import { anonymiseOldBallots } from '../../server/petitions/housekeeping.js';
import { budgetInput, district, districtProjects, sliderLine, sv } from './budget-fixtures.js';
import { openDatabase, testDatabases, withDatabase } from './helpers.js';

/*
 * Results come from running totals kept as ballots are counted (budget_tallies and the
 * participants columns). Whatever residents do, they must equal a full recount of every
 * counted ballot, on both databases, and with several servers confirming at once.
 */

const sliders = budgetInput({
  slug: 'totals-sliders',
  title: sv('Summor'),
  mode: 'sliders',
  total: 10_000_000,
  items: ['Lekplatser', 'Cykelvägar', 'Belysning'].map((title) => sliderLine(title, { min: 0, max: 3_000_000, step: 500_000, start: 1_000_000 })),
});

const projects = budgetInput({
  slug: 'totals-projects',
  title: sv('Projekt'),
  mode: 'projects',
  total: 0,
  districts: [district('Norr', 1_000_000), district('Söder', 1_000_000)],
  items: districtProjects,
});

/** A deterministic spread of choices, so a failure can be replayed. */
function* choices(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

async function open(db: Db, input: BudgetInput) {
  await saveBudget(db, input);
  await moveBudget(db, input.slug, 'open');
  const items = await db.selectFrom('budget_items').select(['id', 'district_id', 'cost']).where('budget_slug', '=', input.slug).orderBy('position').execute();
  const districts = (await db.selectFrom('budget_districts').select('id').where('budget_slug', '=', input.slug).orderBy('position').execute()).map((d) => d.id);
  return { items, districts };
}

/** Sends (not yet confirms) a ballot the rule accepts, drawn from `random`. */
async function sendBallot(db: Db, input: BudgetInput, shape: Awaited<ReturnType<typeof open>>, email: string, random: Generator<number>) {
  if (input.mode === 'sliders') {
    // Three lines of at most 3 000 000 each, within 10 000 000.
    const allocations = shape.items.map((i) => ({ itemId: i.id, amount: (random.next().value! % 7) * 500_000 }));
    return castBallot(db, input.slug, { email, districtId: null, allocations, projects: [], lang: 'sv' });
  }
  const district = shape.districts[random.next().value! % 2]!;
  // One project of the district (or the shared one), within the district's 1 000 000.
  const mine = shape.items.filter((i) => i.district_id === null || i.district_id === district);
  const chosen = mine[random.next().value! % mine.length]!;
  return castBallot(db, input.slug, { email, districtId: district, allocations: [], projects: [chosen.id], lang: 'sv' });
}

async function assertTotalsRight(db: Db, slug: string, where: string) {
  const results = await computeResults(db, slug);
  const recount = await recountResults(db, slug);
  assert.deepEqual(results, recount, `${where}: the running totals of ${slug} differ from a full recount`);
  // Staff's screen: ballots sent and confirmed, and residents counted, kept as they change.
  const counted = await db
    .selectFrom('budget_ballots as b')
    .innerJoin('budget_voters as v', 'v.id', 'b.voter_id')
    .where('v.budget_slug', '=', slug)
    .select((eb) => [eb.fn.countAll<number | string>().as('sent'), eb.fn.count<number | string>('b.confirmed_at').as('confirmed')])
    .executeTakeFirstOrThrow();
  const staff = (await findStaffBudget(db, slug))!;
  assert.deepEqual(
    { sent: staff.ballotsSent, confirmed: staff.ballotsConfirmed, participants: staff.participants },
    { sent: Number(counted.sent), confirmed: Number(counted.confirmed), participants: recount.participants },
    `${where}: staff's counts of ${slug}`,
  );
  return results;
}

for (const database of testDatabases()) {
  describe(`budget running totals on ${database.name}`, () => {
    it('equal a full recount after ballots, replacements, late confirmations of older ballots, publishing and anonymisation', withDatabase(database, async (db) => {
      await db.deleteFrom('budgets').execute();
      for (const input of [sliders, projects]) {
        const shape = await open(db, input);
        const random = choices(input.mode === 'sliders' ? 3 : 5);
        const waiting: { token: string; email: string }[] = [];
        let counted = 0;
        for (let n = 0; n < 60; n++) {
          // 25 residents; some send several ballots, spelled differently, and confirm them in any order.
          const resident = random.next().value! % 25;
          const email = random.next().value! % 2 ? `Boende${resident}@Example.se` : `boende${resident}@example.se`;
          waiting.push({ email, token: (await sendBallot(db, input, shape, email, random)).token });
          if (random.next().value! % 3 === 0) continue;
          const pick = waiting.splice(random.next().value! % waiting.length, 1)[0]!;
          if ((await confirmBallot(db, pick.token)).counted) counted++;
          // Right at once, as the resident's "thank you" and staff's screen expect.
          await assertTotalsRight(db, input.slug, `after confirmation ${n}`);
        }
        assert.ok(counted > 25, `${input.slug}: ballots counted, some replacing others (${counted})`);
        // An older ballot confirmed after a newer one counted does not count, and changes nothing.
        const results = await assertTotalsRight(db, input.slug, 'before the late ones');
        for (const late of waiting) await confirmBallot(db, late.token);
        const residents = await db.selectFrom('budget_voters').select('id').where('budget_slug', '=', input.slug).where('counted_ballot_id', 'is not', null).execute();
        const after = await assertTotalsRight(db, input.slug, 'after the late ones');
        assert.equal(after.participants, residents.length);
        assert.ok(after.participants >= results.participants);
        if (input.mode === 'projects') assert.equal(after.districts.reduce((sum, d) => sum + d.participants!, 0), after.participants, 'every resident in one district');
        await moveBudget(db, input.slug, 'closed');
        await publishBudget(db, input.slug, { decision: { sv: 'Beslutat.', en: null }, selected: input.mode === 'projects' ? [shape.items[0]!.id] : [] }, new Date('2027-01-10T12:00:00Z'));
        await assertTotalsRight(db, input.slug, 'after publishing');
      }
      assert.ok((await anonymiseOldBallots(db, 90, new Date('2027-05-10T12:00:00Z'))) > 0);
      for (const input of [sliders, projects]) await assertTotalsRight(db, input.slug, 'after anonymisation');
      // Rewriting the totals from the ballots (the bench's way in) gives the same.
      for (const input of [sliders, projects]) {
        const kept = await computeResults(db, input.slug);
        await recountTotals(db, input.slug);
        assert.deepEqual(await computeResults(db, input.slug), kept);
      }
    }));

    it('stay right when two servers confirm many ballots at once, several by the same resident', async () => {
      const db = await openDatabase(database);
      // A second server on the same database (PostgreSQL), with its own connections.
      const other = database.database.kind === 'postgres' ? createDatabase(database.database) : db;
      try {
        await db.deleteFrom('budgets').execute();
        for (const input of [sliders, projects]) {
          const shape = await open(db, input);
          const random = choices(input.mode === 'sliders' ? 13 : 17);
          const tokens: string[] = [];
          for (let n = 0; n < 40; n++) tokens.push((await sendBallot(db, input, shape, `samtidig${n % 15}@example.se`, random)).token);
          await Promise.all(tokens.map((token, i) => confirmBallot(i % 2 ? other : db, token)));
          const results = await assertTotalsRight(db, input.slug, 'after confirmations at once');
          assert.equal(results.participants, 15);
          // Each resident's latest ballot is the one that counts, whatever order the links were followed in.
          const voters = await db
            .selectFrom('budget_voters as v')
            .innerJoin('budget_ballots as b', 'b.voter_id', 'v.id')
            .where('v.budget_slug', '=', input.slug)
            .groupBy(['v.id', 'v.counted_ballot_id'])
            .select((eb) => ['v.counted_ballot_id', eb.fn.max('b.id').as('latest')])
            .execute();
          assert.deepEqual(voters.filter((v) => v.counted_ballot_id !== Number(v.latest)), []);
        }
      } finally {
        if (other !== db) await other.destroy();
        await db.destroy();
      }
    });
  });
}

for (const database of testDatabases()) {
  describe(`the running totals migration on ${database.name}`, () => {
    it('counts the ballots counted before it', async () => {
      const db = createDatabase(database.database);
      try {
        const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
        const before = await migrator.migrateTo('0012_panel');
        assert.equal(before.error, undefined);
        for (const input of [sliders, projects]) {
          const shape = await open(db, input);
          const random = choices(23);
          for (let n = 0; n < 30; n++) {
            // Ballots as the code before the totals wrote them; every fifth is left unconfirmed.
            const email = `tidig${n % 12}@example.se`;
            await db.insertInto('budget_voters').values({ budget_slug: input.slug, email, counted_ballot_id: null, anonymised_at: null }).onConflict((oc) => oc.doNothing()).execute();
            const voter = await db.selectFrom('budget_voters').select('id').where('budget_slug', '=', input.slug).where('email', '=', email).executeTakeFirstOrThrow();
            const district = input.mode === 'projects' ? shape.districts[n % 2]! : null;
            const confirmed = n % 5 === 4 ? null : '2027-01-01T12:00:00.000Z';
            const ballot = await db
              .insertInto('budget_ballots')
              .values({ voter_id: voter.id, district_id: district, lang: 'sv', created_at: '2027-01-01T12:00:00.000Z', confirmed_at: confirmed })
              .returning('id')
              .executeTakeFirstOrThrow();
            const items = shape.items.filter((i) => i.district_id === null || i.district_id === district);
            const chosen = items[random.next().value! % items.length]!;
            const allocations = input.mode === 'sliders' ? items.map((i) => ({ ballot_id: ballot.id, item_id: i.id, amount: (random.next().value! % 7) * 500_000 })) : [{ ballot_id: ballot.id, item_id: chosen.id, amount: chosen.cost }];
            await db.insertInto('budget_allocations').values(allocations).execute();
            if (confirmed) await db.updateTable('budget_voters').set({ counted_ballot_id: ballot.id }).where('id', '=', voter.id).execute();
          }
        }
        await migrateToLatest(db);
        for (const input of [sliders, projects]) {
          const results = await assertTotalsRight(db, input.slug, 'after the migration');
          assert.equal(results.participants, 12);
        }
      } finally {
        await db.destroy();
      }
    });
  });
}
