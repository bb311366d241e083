import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BudgetResults, PublicBudget } from '../../server/budgets/schemas.js';
import { budgetInput, budgetStaff, sliderLine, sv, twoDistrictBudget } from './budget-fixtures.js';
import { testApp, testDatabases, using } from './helpers.js';

const lone = budgetInput({
  slug: 'ensam-2027',
  title: sv('Ensam 2027'),
  mode: 'sliders',
  total: 1_000,
  items: ['Träd', 'Bänkar'].map((title) => sliderLine(title, { min: 0, max: 1_000, step: 100, start: 0 })),
});

const districts = twoDistrictBudget;

for (const database of testDatabases()) {
  describe(`budget results from few residents on ${database.name}`, () => {
    async function setup() {
      const t = await budgetStaff(await testApp(database));
      const { staff } = t;
      const publish = async (slug: string, selected: number[] = []) => {
        assert.equal((await staff('POST', `/api/staff/budgets/${slug}/close`)).status, 200);
        assert.equal((await staff('POST', `/api/staff/budgets/${slug}/publish`, { decision: { sv: 'Fullmäktige har beslutat.', en: null }, selected })).status, 200);
      };
      return { ...t, publish };
    }

    it('shows no figure from one resident’s ballot: not in the public results, the console’s results or the results CSV', using(setup, async ({ app, staff, vote, load, publish }) => {
      assert.equal((await staff('POST', '/api/staff/budgets', lone)).status, 201);
      await staff('POST', '/api/staff/budgets/ensam-2027/open');
      const [trad, bank] = (await load('ensam-2027')).items.map((i) => i.id) as [number, number];
      await vote('ensam-2027', 'ensam@example.se', { allocations: [{ itemId: trad, amount: 700 }, { itemId: bank, amount: 300 }] });

      const staffResults = ((await (await staff('GET', '/api/staff/budgets/ensam-2027/results')).json()) as { results: BudgetResults }).results;
      await publish('ensam-2027');
      const pub = ((await (await app.request('/api/budgets/ensam-2027')).json()) as PublicBudget).results!;
      for (const results of [staffResults, pub]) {
        assert.equal(results.participants, 1, 'how many took part is no ballot');
        assert.equal(results.minGroup, 5);
        assert.deepEqual(
          results.items.map((r) => [r.hidden, r.average, r.median, r.votes]),
          [
            [true, null, null, null],
            [true, null, null, null],
          ],
        );
      }
      const csv = await (await staff('GET', '/api/staff/budgets/ensam-2027/results.csv')).text();
      assert.ok(!/700|300/.test(csv), csv);
      // Staff's raw ballots stay for staff.
      assert.match(await (await staff('GET', '/api/staff/budgets/ensam-2027/ballots.csv')).text(), /,700,300/);
    }));

    it('hides a district of fewer than five, and its own projects, but shows the others and the projects shared by all', using(setup, async ({ app, staff, vote, load, publish }) => {
      assert.equal((await staff('POST', '/api/staff/budgets', districts)).status, 201);
      await staff('POST', '/api/staff/budgets/omraden-2027/open');
      const budget = await load('omraden-2027');
      const [norr, soder] = budget.districts.map((d) => d.id) as [number, number];
      const id = (title: string) => budget.items.find((i) => i.title.sv === title)!.id;
      for (const n of [1, 2, 3, 4, 5]) await vote('omraden-2027', `norr${n}@example.se`, { districtId: norr, projects: n <= 3 ? [id('Utegym'), id('Parkbänkar')] : [id('Hundrastgård')] });
      await vote('omraden-2027', 'soder@example.se', { districtId: soder, projects: [id('Skatepark'), id('Parkbänkar')] });
      await publish('omraden-2027', [id('Utegym'), id('Skatepark')]);

      const results = ((await (await app.request('/api/budgets/omraden-2027')).json()) as PublicBudget).results!;
      assert.equal(results.participants, 6);
      assert.deepEqual(
        results.districts.sort((a, b) => a.districtId - b.districtId),
        [
          { districtId: norr, participants: 5 },
          { districtId: soder, participants: null },
        ],
      );
      const by = (title: string) => results.items.find((r) => r.itemId === id(title))!;
      assert.deepEqual([by('Utegym').hidden, by('Utegym').votes], [false, 3]);
      assert.deepEqual([by('Hundrastgård').hidden, by('Hundrastgård').votes], [false, 2]);
      assert.deepEqual([by('Parkbänkar').hidden, by('Parkbänkar').votes], [false, 4], 'shared by all six');
      assert.deepEqual(by('Skatepark'), { itemId: id('Skatepark'), hidden: true, average: null, median: null, votes: null, selected: true }, 'the decision is shown, the lone ballot is not');
      const csv = await (await staff('GET', '/api/staff/budgets/omraden-2027/results.csv')).text();
      assert.match(csv, /Skatepark,Söder,600000,,,,1/);
    }));
  });
}
