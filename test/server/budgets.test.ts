import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BudgetInput, PublicBudget } from '../../server/budgets/schemas.js';
import { demoBudgetSlug, seedDemoBudget } from '../../server/budgets/seed.js';
import { castBallot, confirmBallot, computeResults, moveBudget, publishBudget, saveBudget } from '../../server/budgets/store.js';
import { anonymiseOldBallots } from '../../server/petitions/housekeeping.js';
import { findLinks } from '../../server/mail/mailer.js';
import { budgetApp, budgetInput, district, districtProjects, sliderLine, sv } from './budget-fixtures.js';
import { readPabulib } from './budget-pabulib.js';
import { fromAddress, powPost, testApp, testDatabases, testMailbox, using } from './helpers.js';
import { signIn, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();

type App = Awaited<ReturnType<typeof testApp>>['app'];

const ballot = (app: App, slug: string, body: unknown) => powPost(app, `/api/budgets/${slug}/ballots`, body, { network: '203.0.113' });

const sliders = budgetInput({
  slug: 'investeringar-2027',
  title: { sv: 'Investeringar 2027', en: 'Investments 2027' },
  description: { sv: 'Fördela tio miljoner kronor.', en: 'Share out ten million kronor.' },
  mode: 'sliders',
  total: 10_000_000,
  items: [
    sliderLine(
      { sv: 'Lekplatser', en: 'Playgrounds' },
      { min: 0, max: 5_000_000, step: 500_000, start: 2_000_000 },
      { description: sv('Nya och upprustade.'), image: { url: 'https://kommun.test/lek.jpg', alt: { sv: 'Barn i en gunga', en: 'A child on a swing' } } },
    ),
    sliderLine({ sv: 'Cykelvägar', en: 'Cycle paths' }, { min: 1_000_000, max: 8_000_000, step: 500_000, start: 4_000_000 }),
    sliderLine({ sv: 'Belysning', en: 'Lighting' }, { min: 0, max: 3_000_000, step: 500_000, start: 1_000_000 }),
  ],
});

const projects = budgetInput({
  slug: 'stadsdelar-2027',
  title: sv('Stadsdelarnas projekt'),
  description: sv('Välj projekt i din stadsdel.'),
  mode: 'projects',
  total: 0,
  districts: [district('Norr', 1_000_000, 'North'), district('Söder', 800_000, 'South')],
  items: districtProjects,
});

for (const database of testDatabases()) {
  describe(`participatory budgets on ${database.name}`, () => {
    const setup = () => budgetApp(mailbox, database);
    const confirmFromMail = async (app: App, to: string) => {
      const { mail, link } = await mailbox.linkIn(to, /\/bekrafta\/budget\//);
      return { mail, res: await app.request(link.pathname + link.search, { method: 'POST' }) };
    };

    it('lives through draft → open → closed → published, re-checks every ballot, counts each resident’s latest confirmed one, and computes results in SQL', async () => {
      const { app, db, staff, close } = await setup();
      try {
        const created = await staff('POST', '/api/staff/budgets', sliders);
        assert.equal(created.status, 201);
        assert.equal((await app.request('/api/budgets/investeringar-2027')).status, 404, 'a draft is not public');
        assert.equal((await staff('POST', '/api/staff/budgets', sliders)).status, 409, 'names are unique');
        assert.equal((await staff('POST', '/api/staff/budgets/investeringar-2027/close')).status, 409, 'a draft cannot close');
        assert.equal((await staff('POST', '/api/staff/budgets/investeringar-2027/open')).status, 200);

        const pub = (await (await app.request('/api/budgets/investeringar-2027')).json()) as PublicBudget;
        assert.equal(pub.status, 'open');
        assert.deepEqual(pub.items.map((i) => [i.title.sv, i.min, i.max, i.step, i.start]), [
          ['Lekplatser', 0, 5_000_000, 500_000, 2_000_000],
          ['Cykelvägar', 1_000_000, 8_000_000, 500_000, 4_000_000],
          ['Belysning', 0, 3_000_000, 500_000, 1_000_000],
        ]);
        assert.deepEqual(pub.items[0]!.image, { url: 'https://kommun.test/lek.jpg', alt: { sv: 'Barn i en gunga', en: 'A child on a swing' } });
        assert.equal(pub.results, null);
        assert.ok(!JSON.stringify(pub).includes('@'), 'no personal data');
        const [lek, cykel, ljus] = pub.items.map((i) => i.id) as [number, number, number];
        const alloc = (a: number, b: number, c: number) => [
          { itemId: lek, amount: a },
          { itemId: cykel, amount: b },
          { itemId: ljus, amount: c },
        ];

        // Over the total: 400, naming the total and by how much, and nothing stored.
        const over = await ballot(app, 'investeringar-2027', { email: 'over@example.se', allocations: alloc(5_000_000, 5_000_000, 500_000) });
        assert.equal(over.status, 400);
        const body = (await over.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
        assert.equal(body.error.code, 'ballot_breaks_rule');
        assert.deepEqual(body.error.issues.map((i) => i.path), ['total']);
        assert.match(body.error.issues[0]!.message, /500,000 kronor more/);
        assert.equal((await db.selectFrom('budget_ballots').select('id').execute()).length, 0);

        // Anna sends one ballot, then changes her mind: the second one, once confirmed, counts.
        assert.equal((await ballot(app, 'investeringar-2027', { email: 'anna@example.se', allocations: alloc(5_000_000, 4_000_000, 1_000_000) })).status, 202);
        const first = await confirmFromMail(app, 'anna@example.se');
        assert.equal(first.mail.subject, 'Bekräfta din budget');
        assert.equal(first.res.status, 200);
        assert.equal((await ballot(app, 'investeringar-2027', { email: 'Anna@Example.se', allocations: alloc(1_000_000, 8_000_000, 1_000_000), lang: 'en' })).status, 202);
        const second = await confirmFromMail(app, 'Anna@Example.se');
        assert.equal(second.mail.subject, 'Confirm your budget');
        assert.equal(second.res.status, 200);
        assert.equal((await first.res.status, await app.request(new URL(findLinks(first.mail.text).find((l) => l.includes('/bekrafta/'))!).pathname, { method: 'POST' })).status, 410, 'a used link');

        // Bo confirms his first ballot after his second: the later one still counts.
        const boOld = await castBallot(db, 'investeringar-2027', { email: 'bo@example.se', districtId: null, allocations: alloc(0, 1_000_000, 0), projects: [], lang: 'sv' });
        const boNew = await castBallot(db, 'investeringar-2027', { email: 'bo@example.se', districtId: null, allocations: alloc(3_000_000, 6_000_000, 1_000_000), projects: [], lang: 'sv' });
        assert.equal((await confirmBallot(db, boNew.token)).counted, true);
        assert.equal((await confirmBallot(db, boOld.token)).counted, false, 'an older ballot confirmed later does not replace a newer one');
        // Cecilia never confirms: she does not count.
        await castBallot(db, 'investeringar-2027', { email: 'cecilia@example.se', districtId: null, allocations: alloc(5_000_000, 5_000_000, 0), projects: [], lang: 'sv' });
        const dan = await castBallot(db, 'investeringar-2027', { email: 'dan@example.se', districtId: null, allocations: alloc(2_000_000, 2_000_000, 3_000_000), projects: [], lang: 'sv' });
        await confirmBallot(db, dan.token);

        const results = async () => ((await (await staff('GET', '/api/staff/budgets/investeringar-2027/results')).json()) as { results: NonNullable<PublicBudget['results']> }).results;
        const few = await results();
        assert.equal(few.participants, 3);
        assert.ok(few.items.every((r) => r.hidden && r.average === null), 'three ballots are too few to show');
        // Eva and Fia make five: enough for figures that show no one's ballot.
        for (const [email, a] of [['eva@example.se', alloc(2_000_000, 2_000_000, 3_000_000)], ['fia@example.se', alloc(2_000_000, 4_000_000, 1_000_000)]] as const) {
          await confirmBallot(db, (await castBallot(db, 'investeringar-2027', { email, districtId: null, allocations: a, projects: [], lang: 'sv' })).token);
        }
        const preview = await results();
        assert.equal(preview.participants, 5);
        const by = Object.fromEntries(preview.items.map((r) => [r.itemId, r]));
        // Counted: Anna (1M, 8M, 1M), Bo (3M, 6M, 1M), Dan (2M, 2M, 3M), Eva (2M, 2M, 3M), Fia (2M, 4M, 1M).
        assert.deepEqual([by[lek]!.average, by[lek]!.median, by[lek]!.votes], [2_000_000, 2_000_000, 5]);
        assert.deepEqual([by[cykel]!.average, by[cykel]!.median], [4_400_000, 4_000_000]);
        assert.deepEqual([by[ljus]!.average, by[ljus]!.median], [1_800_000, 1_000_000]);

        // Closing stops ballots and confirmations.
        const late = await castBallot(db, 'investeringar-2027', { email: 'sen@example.se', districtId: null, allocations: alloc(0, 1_000_000, 0), projects: [], lang: 'sv' });
        assert.equal((await staff('POST', '/api/staff/budgets/investeringar-2027/publish', { decision: { sv: 'Fullmäktige beslutade enligt förslaget.', en: null } })).status, 409, 'publish needs closed');
        assert.equal((await staff('POST', '/api/staff/budgets/investeringar-2027/close')).status, 200);
        assert.equal((await ballot(app, 'investeringar-2027', { email: 'x@example.se', allocations: alloc(0, 1_000_000, 0) })).status, 409);
        await assert.rejects(confirmBallot(db, late.token), /closed/);

        const published = await staff('POST', '/api/staff/budgets/investeringar-2027/publish', { decision: { sv: 'Fullmäktige satsar mer på cykelvägar.', en: 'The council puts more into cycle paths.' } });
        assert.equal(published.status, 200);
        const after = (await (await app.request('/api/budgets/investeringar-2027')).json()) as PublicBudget;
        assert.equal(after.status, 'published');
        assert.equal(after.results!.participants, 5);
        assert.deepEqual(after.results!.decision, { sv: 'Fullmäktige satsar mer på cykelvägar.', en: 'The council puts more into cycle paths.' });

        // Exports: ballots without e-mail addresses, results, pabulib (cumulative).
        const ballotsCsv = await (await staff('GET', '/api/staff/budgets/investeringar-2027/ballots.csv')).text();
        assert.ok(ballotsCsv.replace(/^\uFEFF/, '').startsWith('voter,district,confirmed_at,Lekplatser,Cykelvägar,Belysning'), ballotsCsv.slice(0, 80));
        assert.equal(ballotsCsv.trim().split('\r\n').length, 6);
        assert.ok(!ballotsCsv.includes('@'), 'no e-mail addresses');
        const resultsCsv = await (await staff('GET', '/api/staff/budgets/investeringar-2027/results.csv')).text();
        assert.ok(resultsCsv.includes('Cykelvägar,,0,5,4400000,4000000,'), resultsCsv);
        const pb = await (await staff('GET', '/api/staff/budgets/investeringar-2027/pabulib')).text();
        const sections = readPabulib(pb);
        assert.equal(sections.meta.vote_type, 'cumulative');
        assert.equal(sections.meta.num_votes, '5');
        assert.equal(sections.meta.budget, '10000000');
        assert.deepEqual(sections.projects.map((p) => p.name), ['Lekplatser', 'Cykelvägar', 'Belysning']);
        assert.equal(sections.projects.find((p) => p.name === 'Cykelvägar')!.score, String(8_000_000 + 6_000_000 + 2_000_000 + 2_000_000 + 4_000_000));
        assert.equal(sections.votes.length, 5);
        assert.deepEqual(Object.keys(sections.votes[0]!), ['voter_id', 'vote', 'points']);
      } finally {
        await close();
      }
    });

    it('runs a project vote per district: the district’s total, its own and shared projects, and pabulib per district', async () => {
      const { app, db, staff, close } = await setup();
      try {
        assert.equal((await staff('POST', '/api/staff/budgets', projects)).status, 201);
        await staff('POST', '/api/staff/budgets/stadsdelar-2027/open');
        const pub = (await (await app.request('/api/budgets/stadsdelar-2027')).json()) as PublicBudget;
        const [norr, soder] = pub.districts.map((d) => d.id) as [number, number];
        const id = (title: string) => pub.items.find((i) => i.title.sv === title)!.id;

        const noDistrict = await ballot(app, 'stadsdelar-2027', { email: 'a@example.se', projects: [id('Utegym')] });
        assert.equal(((await noDistrict.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path, 'districtId');
        const otherDistrict = await ballot(app, 'stadsdelar-2027', { email: 'a@example.se', districtId: norr, projects: [id('Skatepark')] });
        assert.equal(otherDistrict.status, 400, 'a project of another district');
        const tooMuch = await ballot(app, 'stadsdelar-2027', { email: 'a@example.se', districtId: norr, projects: [id('Utegym'), id('Hundrastgård'), id('Parkbänkar'), id('Parkbänkar')] });
        assert.equal(tooMuch.status, 400);
        const amounts = await ballot(app, 'stadsdelar-2027', { email: 'a@example.se', districtId: norr, allocations: [{ itemId: id('Utegym'), amount: 1 }] });
        assert.equal(amounts.status, 400, 'amounts are for sliders');

        for (const [email, district, chosen] of [
          ['a@example.se', norr, ['Utegym', 'Hundrastgård', 'Parkbänkar']],
          ['b@example.se', norr, ['Utegym']],
          ['c@example.se', soder, ['Skatepark', 'Parkbänkar']],
        ] as const) {
          const { token } = await castBallot(db, 'stadsdelar-2027', { email, districtId: district, allocations: [], projects: chosen.map(id), lang: 'sv' });
          await confirmBallot(db, token);
        }
        // Three residents are too few for figures per project or district (see budget-small-groups.test.ts); the pabulib file below has every ballot.
        const results = await computeResults(db, 'stadsdelar-2027');
        assert.equal(results.participants, 3);
        assert.deepEqual(results.districts.sort((x, y) => x.districtId - y.districtId), [
          { districtId: norr, participants: null },
          { districtId: soder, participants: null },
        ]);
        assert.ok(results.items.every((r) => r.hidden && r.average === null && r.votes === null));

        await staff('POST', '/api/staff/budgets/stadsdelar-2027/close');
        assert.equal((await staff('POST', '/api/staff/budgets/stadsdelar-2027/publish', { decision: { sv: 'Utegym och skatepark byggs 2027.', en: null }, selected: [999] })).status, 400);
        assert.equal((await staff('POST', '/api/staff/budgets/stadsdelar-2027/publish', { decision: { sv: 'Utegym och skatepark byggs 2027.', en: null }, selected: [id('Utegym'), id('Skatepark')] })).status, 200);
        const after = (await (await app.request('/api/budgets/stadsdelar-2027')).json()) as PublicBudget;
        assert.deepEqual(after.results!.items.filter((r) => r.selected).map((r) => r.itemId).sort(), [id('Utegym'), id('Skatepark')].sort());

        assert.equal((await staff('GET', '/api/staff/budgets/stadsdelar-2027/pabulib')).status, 400, 'one district per file');
        const pb = readPabulib(await (await staff('GET', `/api/staff/budgets/stadsdelar-2027/pabulib?district=${norr}`)).text());
        assert.equal(pb.meta.vote_type, 'approval');
        assert.equal(pb.meta.district, 'Norr');
        assert.equal(pb.meta.budget, '1000000');
        assert.equal(pb.meta.max_sum_cost, '1000000');
        assert.deepEqual(pb.projects.map((p) => [p.name, p.cost, p.votes, p.selected]), [
          ['Utegym', '400000', '2', '1'],
          ['Hundrastgård', '350000', '1', '0'],
          ['Parkbänkar', '200000', '1', '0'],
        ]);
        assert.equal(pb.meta.rule, 'unknown', 'greedy would fund Hundrastgård and Parkbänkar too');
        assert.equal(pb.votes.length, 2, 'only Norr’s ballots');
      } finally {
        await close();
      }
    });

    it('refuses bad processes, bad ballots and edits that would change what residents voted on, changing nothing', using(setup, async ({ app, staff }) => {
      const bad = await staff('POST', '/api/staff/budgets', { ...sliders, items: [{ ...sliders.items[0]!, start: 6_000_000, max: 4_750_000 }] });
      assert.equal(bad.status, 400);
      const issues = ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
      assert.ok(issues.includes('items.0.start') && issues.includes('items.0.max'), issues.join());
      assert.equal((await staff('POST', '/api/staff/budgets', { ...sliders, slug: 'Inte OK' })).status, 400);
      assert.equal((await staff('POST', '/api/staff/budgets', { ...sliders, items: [] })).status, 400);
      assert.equal((await staff('POST', '/api/staff/budgets', { ...projects, items: [{ ...projects.items[0]!, district: 5 }] })).status, 400);
      assert.equal(((await (await staff('GET', '/api/staff/budgets')).json()) as { budgets: unknown[] }).budgets.length, 0, 'nothing was created');

      await staff('POST', '/api/staff/budgets', sliders);
      await staff('POST', '/api/staff/budgets/investeringar-2027/open');
      const current = ((await (await staff('GET', '/api/staff/budgets/investeringar-2027')).json()) as { budget: PublicBudget }).budget;
      const keep = (changes: Partial<BudgetInput['items'][number]> = {}) => current.items.map((i) => ({ id: i.id, district: null, title: { sv: i.title.sv, en: i.title.en }, description: { sv: i.description.sv, en: i.description.en }, image: i.image, min: i.min, max: i.max, step: i.step, start: i.start, cost: i.cost, ...changes }));
      const typo = await staff('PUT', '/api/staff/budgets/investeringar-2027', { ...sliders, title: { sv: 'Investeringar år 2027', en: 'Investments 2027' }, items: keep() });
      assert.equal(typo.status, 200, 'texts may change while open');
      assert.equal((await staff('PUT', '/api/staff/budgets/investeringar-2027', { ...sliders, items: keep({ max: 9_000_000 }) })).status, 409, 'amounts may not');
      assert.equal((await staff('PUT', '/api/staff/budgets/investeringar-2027', { ...sliders, total: 20_000_000, items: keep() })).status, 409);
      const pub = (await (await app.request('/api/budgets/investeringar-2027')).json()) as PublicBudget;
      assert.equal(pub.title.sv, 'Investeringar år 2027');
      assert.deepEqual(pub.items.map((i) => i.max), [5_000_000, 8_000_000, 3_000_000]);

      const [lek] = pub.items.map((i) => i.id);
      for (const [body, status] of [
        [{ email: 'x@example.se', allocations: [{ itemId: lek, amount: -1 }] }, 400],
        [{ email: 'x@example.se', allocations: [{ itemId: lek, amount: 1.5 }] }, 400],
        [{ email: 'x@example.se', allocations: [{ itemId: lek, amount: '100' }] }, 400],
        [{ email: 'inte-en-adress', allocations: [] }, 400],
        [{ email: 'x@example.se', allocations: [], extra: true }, 400],
        [{ allocations: [] }, 400],
      ] as const) {
        const res = await ballot(app, 'investeringar-2027', body);
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(((await res.json()) as { error: { status: number } }).error.status, status);
      }
      assert.equal((await ballot(app, 'finns-inte', { email: 'x@example.se', allocations: [] })).status, 404);
      const noPow = await app.request('/api/budgets/investeringar-2027/ballots', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, fromAddress('203.0.113.250'));
      assert.equal(noPow.status, 400);
      const staffOnly = await app.request('/api/staff/budgets');
      assert.equal(staffOnly.status, 401);
      const moderatorCookie = await signIn(app, 'chat_agent');
      assert.equal((await staffRequest(app, '/api/staff/budgets', { cookie: moderatorCookie })).status, 403, 'chat agents do not run budgets');
    }));
  });
}

describe('the demo budget', () => {
  it('is seeded open once, its starting amounts make a valid ballot, and /demo/budget holds the widget', async () => {
    const { app, db } = await testApp(null);
    try {
      assert.equal(await seedDemoBudget(db), true);
      assert.equal(await seedDemoBudget(db), false, 'once');
      const pub = (await (await app.request(`/api/budgets/${demoBudgetSlug}`)).json()) as PublicBudget;
      assert.equal(pub.status, 'open');
      assert.ok(pub.items.every((i) => i.title.en && i.description.en), 'in English too');
      const { token } = await castBallot(db, demoBudgetSlug, { email: 'demo@example.se', districtId: null, allocations: pub.items.map((i) => ({ itemId: i.id, amount: i.start })), projects: [], lang: 'sv' });
      assert.equal((await confirmBallot(db, token)).counted, true, 'the starting amounts are a ballot the rule accepts');
      const page = await (await app.request('/demo/budget?lang=en')).text();
      assert.ok(page.includes(`<medverka-budget budget="${demoBudgetSlug}"></medverka-budget>`));
      assert.match(page, /<html lang="en"/);
      // The widget shows when voting closes: the demo has a closing time, months ahead.
      assert.ok(pub.closesAt && Date.parse(pub.closesAt) > Date.now() + 30 * 86_400_000, String(pub.closesAt));
      assert.match(await (await app.request('/demo/budget')).text(), /Fördela pengarna, skicka in/);

      // Once the results are published, the page no longer asks residents to share out the money.
      await moveBudget(db, demoBudgetSlug, 'closed');
      await publishBudget(db, demoBudgetSlug, { decision: { sv: 'Fullmäktige har beslutat.', en: null }, selected: [] });
      for (const lang of ['sv', 'en']) {
        const done = await (await app.request(`/demo/budget?lang=${lang}`)).text();
        assert.doesNotMatch(done, /Fördela pengarna|Share out the money/);
        assert.match(done, lang === 'sv' ? /Här ser du vad invånarna valde och vad kommunen beslutade\./ : /Here you see what residents chose and what the municipality decided\./);
      }
    } finally {
      await db.destroy();
    }
  });
});

for (const database of testDatabases()) {
  describe(`budget ballots' personal data on ${database.name}`, () => {
    it('loses its e-mail addresses a set time after publishing, and the results stay the same', async () => {
      const { db } = await testApp(database);
      try {
        await db.deleteFrom('budgets').execute();
        await saveBudget(db, sliders);
        await moveBudget(db, sliders.slug, 'open');
        const ids = (await db.selectFrom('budget_items').select('id').where('budget_slug', '=', sliders.slug).orderBy('position').execute()).map((r) => r.id);
        for (const [email, amounts] of [['a@example.se', [1_000_000, 2_000_000, 0]], ['b@example.se', [3_000_000, 1_000_000, 500_000]]] as const) {
          const { token } = await castBallot(db, sliders.slug, { email, districtId: null, allocations: ids.map((itemId, i) => ({ itemId, amount: amounts[i]! })), projects: [], lang: 'sv' });
          await confirmBallot(db, token);
        }
        await moveBudget(db, sliders.slug, 'closed');
        await publishBudget(db, sliders.slug, { decision: { sv: 'Beslutat enligt resultatet.', en: null }, selected: [] }, new Date('2027-01-10T12:00:00Z'));
        const before = await computeResults(db, sliders.slug);
        assert.equal(await anonymiseOldBallots(db, 90, new Date('2027-04-09T12:00:00Z')), 0, 'not before its time');
        assert.equal(await anonymiseOldBallots(db, 90, new Date('2027-04-10T12:00:00Z')), 2);
        assert.deepEqual(await db.selectFrom('budget_voters').select('email').execute(), [{ email: null }, { email: null }]);
        assert.equal((await db.selectFrom('ballot_confirmations').select('id').execute()).length, 0);
        assert.deepEqual(await computeResults(db, sliders.slug), before);
        assert.equal(await anonymiseOldBallots(db, 90, new Date('2027-05-10T12:00:00Z')), 0, 'runs again harmlessly');
      } finally {
        await db.destroy();
      }
    });
  });
}
