import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublicBudget } from '../../server/budgets/schemas.js';
import { demoBudgetSlug, seedDemoBudget } from '../../server/budgets/seed.js';
import { proposePetition, confirmProposal, movePetition } from '../../server/petitions/store.js';
import { powPost, testDatabases, testMailbox, type Requester, using } from './helpers.js';

const mailbox = testMailbox();
const post = (app: Requester, path: string, body: unknown) => powPost(app, path, body, { network: '192.0.2' });

/** The link back on a page: the secondary button after what was confirmed. */
const onward = (html: string) => /<a class="button secondary" href="([^"]*)">/.exec(html)?.[1];

for (const database of testDatabases()) {
  describe(`the mailed link leads back to the page the form was sent from, on ${database.name}`, () => {
    async function setup() {
      const t = await mailbox.app(database, { POW_MAX_NUMBER: '1000', ALLOWED_ORIGINS: 'https://www.exempelby.se', PANEL_DISTRICTS: 'Norr, Söder' });
      await t.db.deleteFrom('petitions').execute();
      await t.db.deleteFrom('panel_members').execute();
      await t.db.deleteFrom('budgets').execute();
      return t;
    }
    const linkTo = async (to: string, path: RegExp) => (await mailbox.linkIn(to, path)).link;

    it('for a signature, a proposal, a ballot and joining the panel: the mail carries the page, and the confirmed page links to it', using(setup, async ({ app, db }) => {
      const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar i Stadsparken', body: 'Många äldre vill vila på vägen till parken.', name: 'Greta Gran', email: 'greta@example.se' }, 50);
      await confirmProposal(db, token);
      await movePetition(db, petitionId, 'open');
      await seedDemoBudget(db);
      const budget = (await (await app.request(`/api/budgets/${demoBudgetSlug}`)).json()) as PublicBudget;
      const run = ['underskrift', 'forslag', 'budget', 'panel'] as const;
      const send = (kind: (typeof run)[number], email: string, returnTo: unknown) => {
        const page = { returnTo };
        if (kind === 'underskrift') return post(app, `/api/petitions/${petitionId}/signatures`, { name: 'Sven', email, connection: 'resident', ...page });
        if (kind === 'forslag') return post(app, '/api/petitions', { title: 'Belysning på gångvägen', body: 'Gångvägen vid skolan är mörk hela vintern.', name: 'Sven', email, publicDocumentAccepted: true, ...page });
        if (kind === 'budget') return post(app, `/api/budgets/${demoBudgetSlug}/ballots`, { email, allocations: budget.items.map((i) => ({ itemId: i.id, amount: i.start })), ...page });
        return post(app, '/api/panel/members', { email, consent: true, lang: 'sv', ...page });
      };
      for (const kind of run) {
        const from = `https://www.exempelby.se/bo-och-leva/${kind}?flik=2#e-forslag-${petitionId}`;
        const sent = await send(kind, `${kind}@example.se`, from);
        assert.equal(sent.status, 202, `${kind}: ${await sent.clone().text()}`);
        const link = await linkTo(`${kind}@example.se`, new RegExp(`/bekrafta/${kind}/`));
        assert.equal(link.searchParams.get('tillbaka'), from, `${kind}: the mail's link carries the page`);
        const form = await (await app.request(link.pathname + link.search)).text();
        assert.match(form, /tillbaka=https%3A%2F%2Fwww\.exempelby\.se%2Fbo-och-leva/, `${kind}: the button's form keeps it`);
        const done = await app.request(link.pathname + link.search, { method: 'POST' });
        assert.equal(done.status, 200, kind);
        assert.equal(onward(await done.text()), from, `${kind}: the confirmed page leads back to it`);
      }

      // A page that is not one of the municipality's sites is left out of the mail: the
      // confirmed page then leads to the municipality's site, never to the stranger's.
      for (const kind of run) {
        const email = `annan-${kind}@example.se`;
        assert.equal((await send(kind, email, 'https://evil.example/phish')).status, 202, kind);
        const link = await linkTo(email, new RegExp(`/bekrafta/${kind}/`));
        assert.equal(link.searchParams.get('tillbaka'), null, kind);
        const done = await app.request(link.pathname + link.search, { method: 'POST' });
        assert.equal(onward(await done.text()), 'https://www.exempelby.se/', kind);
      }

      // Not an address as a string: refused before anything is stored or mailed.
      const before = await db.selectFrom('panel_members').select('id').execute();
      for (const bad of [42, 'x'.repeat(2001), { href: 'https://www.exempelby.se/' }]) {
        const res = await send('panel', 'fel@example.se', bad);
        assert.equal(res.status, 400, JSON.stringify(bad).slice(0, 40));
      }
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, before.length);
    }));
  });
}
