import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BudgetInput } from '../../server/budgets/schemas.js';
import { budgetApp, budgetInput, district, sliderLine, twoDistrictBudget } from './budget-fixtures.js';
import { powPost, testDatabases, testMailbox, using } from './helpers.js';

const mailbox = testMailbox();

const sliders = budgetInput({
  slug: 'torg-2027',
  title: { sv: 'Torget <2027>', en: 'The square <2027>' },
  mode: 'sliders',
  total: 3_000_000,
  items: [
    sliderLine({ sv: 'Träd & buskar', en: 'Trees & bushes' }, { min: 0, max: 2_000_000, step: 500_000, start: 0 }),
    sliderLine({ sv: 'Bänkar', en: 'Benches' }, { min: 0, max: 2_000_000, step: 500_000, start: 0 }),
  ],
});

// With the districts' English names, for the English mail.
const projects: BudgetInput = { ...twoDistrictBudget, districts: [district('Norr', 1_000_000, 'North'), district('Söder', 800_000, 'South')] };

for (const database of testDatabases()) {
  describe(`a budget's confirmation on ${database.name}`, () => {
    async function setup() {
      const t = await budgetApp(mailbox, database);
      const { staff } = t;
      const open = async (input: BudgetInput) => {
        assert.equal((await staff('POST', '/api/staff/budgets', input)).status, 201);
        await staff('POST', `/api/staff/budgets/${input.slug}/open`);
        return t.load(input.slug);
      };
      const send = async (slug: string, body: unknown) => {
        const res = await powPost(t.app, `/api/budgets/${slug}/ballots`, body);
        assert.equal(res.status, 202);
      };
      const mailTo = async (to: string) => {
        const { mail, link } = await mailbox.linkIn(to, /\/bekrafta\/budget\//);
        return { text: mail.text, link };
      };
      return { ...t, open, send, mailTo };
    }

    it('mails and shows the amounts being confirmed, before and after the button, in the resident’s language, as text', using(setup, async ({ app, open, send, mailTo }) => {
      const budget = await open(sliders);
      const [trees, benches] = budget.items.map((i) => i.id) as [number, number];
      await send('torg-2027', { email: 'anna@example.se', allocations: [{ itemId: trees, amount: 1_500_000 }, { itemId: benches, amount: 0 }] });
      const { text, link } = await mailTo('anna@example.se');
      assert.match(text, /Så här fördelade du pengarna:\n- Träd & buskar: 1\u00a0500\u00a0000 kr\n- Bänkar: 0 kr\nSammanlagt 1\u00a0500\u00a0000 kr av 3\u00a0000\u00a0000 kr\./);

      const page = await (await app.request(link.pathname + link.search)).text();
      assert.ok(page.includes('<h2>Torget &#60;2027&#62;</h2>'), 'the title as text');
      assert.ok(page.includes('<li>Träd &#38; buskar: 1\u00a0500\u00a0000 kr</li>'), page);
      assert.ok(page.includes('<li>Bänkar: 0 kr</li>'));
      const done = await (await app.request(link.pathname + link.search, { method: 'POST' })).text();
      assert.ok(done.includes('Din budget är räknad'), done);
      assert.ok(done.includes('<li>Träd &#38; buskar: 1\u00a0500\u00a0000 kr</li>'), 'the counted page says what was counted');

      await send('torg-2027', { email: 'bo@example.se', allocations: [{ itemId: trees, amount: 500_000 }, { itemId: benches, amount: 2_000_000 }], lang: 'en' });
      const english = await mailTo('bo@example.se');
      assert.match(english.text, /This is how you shared out the money:\n- Trees & bushes: 500,000 kronor\n- Benches: 2,000,000 kronor\n2,500,000 kronor in all, of 3,000,000 kronor\./);
      const englishPage = await (await app.request(english.link.pathname + english.link.search)).text();
      assert.ok(englishPage.includes('<li>Benches: 2,000,000 kronor</li>'));

      assert.ok(!(await (await app.request('/bekrafta/budget/finns-inte')).text()).includes('ballot-summary'), 'an unknown link shows no summary');
    }));

    it('names the district and the chosen projects with their costs', using(setup, async ({ app, open, send, mailTo }) => {
      const budget = await open(projects);
      const norr = budget.districts[0]!.id;
      const id = (title: string) => budget.items.find((i) => i.title.sv === title)!.id;
      await send('omraden-2027', { email: 'cecilia@example.se', districtId: norr, projects: [id('Utegym'), id('Parkbänkar')] });
      const { text, link } = await mailTo('cecilia@example.se');
      assert.match(text, /Område: Norr\n\nDu valde de här projekten:\n- Utegym: 400\u00a0000 kr\n- Parkbänkar: 200\u00a0000 kr\nSammanlagt 600\u00a0000 kr av 1\u00a0000\u00a0000 kr\./);
      const page = await (await app.request(link.pathname + link.search)).text();
      assert.ok(page.includes('<p>Område: Norr</p>'));
      assert.ok(page.includes('<li>Utegym: 400\u00a0000 kr</li>'));
      assert.ok(!page.includes('Hundrastgård'), 'projects not chosen are not listed');
    }));
  });
}
