import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { budgetInput, budgetStaff, districtProjects, sliderLine, sv, twoDistrictBudget } from './budget-fixtures.js';
import { readPabulib } from './budget-pabulib.js';
import { testApp, testDatabases, using } from './helpers.js';

const realFiles = [new URL('../fixtures/pabulib/', import.meta.url), new URL('file:///work/shared/data/pabulib/')].flatMap((dir) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.pb')).map((f) => new URL(f, dir));
  } catch {
    return [];
  }
});

describe('the strict pabulib reader', () => {
  it('accepts real pabulib files', () => {
    assert.ok(realFiles.length >= 2, 'the real sample files are there');
    for (const file of realFiles) {
      const pb = readPabulib(readFileSync(file, 'utf8'));
      assert.equal(pb.projects.length, Number(pb.meta.num_projects), file.pathname);
      assert.equal(pb.votes.length, Number(pb.meta.num_votes), file.pathname);
    }
  });

  it('refuses what breaks the format', () => {
    const cumulative = readFileSync(new URL('../fixtures/pabulib/sample-cumulative.pb', import.meta.url), 'utf8');
    const approval = readFileSync(new URL('../fixtures/pabulib/sample-approval.pb', import.meta.url), 'utf8');
    for (const [text, why] of [
      [cumulative.replace('1513;1,2;3,2', '1513;2,1;2,3'), /decreasing order/],
      [cumulative.replace('1513;1,2;3,2', '1513;1,2;5,0'), /above 0/],
      [cumulative.replace('1;149000;125;498', '1;149000;126;498'), /has votes 126/],
      [approval.replace('rule;greedy', 'rule;'), /lacks rule/],
      [approval.replace('rule;greedy', 'rule;egen'), /rule "egen"/],
      [approval.replace('people with disabilities;1\n', 'people with disabilities;\n'), /selected ""/],
      [approval.replace('people with disabilities;1\n', 'people with disabilities;0\n'), /rule is greedy, but project 1623 is not selected/],
      [approval.replace('num_votes;27', 'num_votes;28'), /num_votes 28/],
      [approval.replace('date_end;24.06.2016', 'date_end;'), /lacks date_end/],
      [approval.replace('\nPROJECTS', '\n\nPROJECTS'), /empty line/],
    ] as const) {
      assert.notEqual(text, cumulative);
      assert.notEqual(text, approval);
      assert.throws(() => readPabulib(text), why);
    }
  });
});

const sliders = budgetInput({
  slug: 'gator-2027',
  title: sv('Gator och torg 2027'),
  mode: 'sliders',
  total: 1_000,
  items: ['Träd', 'Bänkar', 'Lampor'].map((title) => sliderLine(title, { min: 0, max: 600, step: 100, start: 0 })),
});

const projects = twoDistrictBudget;

for (const database of testDatabases()) {
  describe(`the pabulib export on ${database.name}`, () => {
    const setup = async () => budgetStaff(await testApp(database, { MUNICIPALITY_NAME: 'Exempelby kommun' }));

    it('writes sliders as a valid cumulative vote: zero amounts left out everywhere, points most first, the municipality as unit, no selected flag while open', using(setup, async ({ staff, load, vote }) => {
      assert.equal((await staff('POST', '/api/staff/budgets', sliders)).status, 201);
      await staff('POST', '/api/staff/budgets/gator-2027/open');
      const budget = await load('gator-2027');
      const [trad, bank, lampa] = budget.items.map((i) => i.id) as [number, number, number];
      const give = (a: number, b: number, c: number) => [
        { itemId: trad, amount: a },
        { itemId: bank, amount: b },
        { itemId: lampa, amount: c },
      ];
      await vote('gator-2027', 'a@example.se', { allocations: give(100, 600, 300) });
      await vote('gator-2027', 'b@example.se', { allocations: give(0, 400, 600) });
      await vote('gator-2027', 'c@example.se', { allocations: give(500, 0, 0) });

      const text = await (await staff('GET', '/api/staff/budgets/gator-2027/pabulib')).text();
      const pb = readPabulib(text);
      assert.equal(pb.meta.unit, 'Exempelby kommun');
      assert.equal(pb.meta.vote_type, 'cumulative');
      assert.equal(pb.meta.rule, 'unknown', 'no rule picks lines from sliders');
      assert.deepEqual(
        pb.projects.map((p) => [p.name, p.votes, p.score]),
        [
          ['Träd', '2', '600'],
          ['Bänkar', '2', '1000'],
          ['Lampor', '2', '900'],
        ],
        'a line given 0 kr is no vote for it',
      );
      assert.ok(!('selected' in pb.projects[0]!), 'no selected column while open');
      const points = pb.votes.map((v) => v.points);
      assert.deepEqual(points, ['600,300,100', '600,400', '500']);
      assert.deepEqual(pb.votes.map((v) => v.vote), [`${bank},${lampa},${trad}`, `${lampa},${bank}`, `${trad}`]);
    }));

    it('names the rule the published selection followed: greedy when it is the greedy outcome, otherwise unknown; selected is 0 or 1', using(setup, async ({ staff, load, vote }) => {
      assert.equal((await staff('POST', '/api/staff/budgets', projects)).status, 201);
      await staff('POST', '/api/staff/budgets/omraden-2027/open');
      const budget = await load('omraden-2027');
      const [norr, soder] = budget.districts.map((d) => d.id) as [number, number];
      const id = (title: string) => budget.items.find((i) => i.title.sv === title)!.id;
      await vote('omraden-2027', 'a@example.se', { districtId: norr, projects: [id('Utegym'), id('Hundrastgård'), id('Parkbänkar')] });
      await vote('omraden-2027', 'b@example.se', { districtId: norr, projects: [id('Utegym')] });
      await vote('omraden-2027', 'c@example.se', { districtId: soder, projects: [id('Skatepark'), id('Parkbänkar')] });

      const open = readPabulib(await (await staff('GET', `/api/staff/budgets/omraden-2027/pabulib?district=${norr}`)).text());
      assert.ok(!('selected' in open.projects[0]!), 'no selected column while open');
      assert.equal(open.meta.rule, 'unknown');
      assert.deepEqual(open.projects.map((p) => [p.name, p.votes]), [['Utegym', '2'], ['Hundrastgård', '1'], ['Parkbänkar', '1']], 'the shared project counts this district’s votes only');

      await staff('POST', '/api/staff/budgets/omraden-2027/close');
      // Norr funds Utegym only, although Parkbänkar and Hundrastgård would fit: not the greedy outcome.
      assert.equal((await staff('POST', '/api/staff/budgets/omraden-2027/publish', { decision: { sv: 'Utegym och skatepark byggs 2027.', en: null }, selected: [id('Utegym'), id('Skatepark')] })).status, 200);
      const north = readPabulib(await (await staff('GET', `/api/staff/budgets/omraden-2027/pabulib?district=${norr}`)).text());
      assert.equal(north.meta.rule, 'unknown');
      assert.deepEqual(north.projects.map((p) => [p.name, p.selected]), [['Utegym', '1'], ['Hundrastgård', '0'], ['Parkbänkar', '0']]);
      // Söder: Skatepark (1 vote, 600 000) then Parkbänkar (1 vote, 200 000) both fit 800 000; only Skatepark funded.
      const south = readPabulib(await (await staff('GET', `/api/staff/budgets/omraden-2027/pabulib?district=${soder}`)).text());
      assert.equal(south.meta.rule, 'unknown');
      assert.equal(south.meta.unit, 'Exempelby kommun');
      assert.equal(south.meta.district, 'Söder');
    }));

    it('writes greedy when the published selection is what greedy picks', using(setup, async ({ staff, load, vote }) => {
      const one = { ...projects, slug: 'en-2027', districts: [], total: 1_000_000, items: districtProjects.map((i) => ({ ...i, district: null })) };
      assert.equal((await staff('POST', '/api/staff/budgets', one)).status, 201);
      await staff('POST', '/api/staff/budgets/en-2027/open');
      const budget = await load('en-2027');
      const id = (title: string) => budget.items.find((i) => i.title.sv === title)!.id;
      // Votes: Skatepark 3, Utegym 2, Parkbänkar 1, Hundrastgård 0. Greedy: Skatepark (600 000), Utegym (400 000), and nothing else fits.
      await vote('en-2027', 'a@example.se', { projects: [id('Skatepark'), id('Utegym')] });
      await vote('en-2027', 'b@example.se', { projects: [id('Skatepark'), id('Utegym')] });
      await vote('en-2027', 'c@example.se', { projects: [id('Skatepark'), id('Parkbänkar')] });
      await staff('POST', '/api/staff/budgets/en-2027/close');
      assert.equal((await staff('POST', '/api/staff/budgets/en-2027/publish', { decision: { sv: 'Skatepark och utegym byggs.', en: null }, selected: [id('Skatepark'), id('Utegym')] })).status, 200);
      const pb = readPabulib(await (await staff('GET', '/api/staff/budgets/en-2027/pabulib')).text());
      assert.equal(pb.meta.rule, 'greedy');
      assert.deepEqual(pb.projects.map((p) => [p.name, p.votes, p.selected]), [['Utegym', '2', '1'], ['Hundrastgård', '0', '0'], ['Skatepark', '3', '1'], ['Parkbänkar', '1', '0']]);
    }));
  });
}
