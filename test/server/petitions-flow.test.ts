import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import { movePetition } from '../../server/petitions/store.js';
import type { PublicPetition } from '../../server/petitions/schemas.js';
import { fromAddress, pow, powPost, testDatabases, testMailbox, type Requester, using } from './helpers.js';

const mailbox = testMailbox();
const { linkIn } = mailbox;
const post = (app: Requester, path: string, body: unknown, raw?: string) => powPost(app, path, body, { raw });

const proposal = {
  title: 'Fler bänkar i Stadsparken',
  body: 'Många äldre vill gå till parken men behöver kunna vila på vägen.',
  name: 'Greta Gran',
  email: 'greta@example.se',
  publicDocumentAccepted: true,
};

for (const database of testDatabases()) {
  describe(`e-petitions over HTTP, with real mail, on ${database.name}`, () => {
    async function setup() {
      // An easy proof of work keeps the test quick; the difficulty is a setting.
      const t = await mailbox.app(database, { PETITION_THRESHOLD: '2', POW_MAX_NUMBER: '1000' });
      await t.db.deleteFrom('petitions').execute();
      return t;
    }

    it('runs a petition’s life: propose, confirm by mail, moderate, sign, confirm, count', using(setup, async ({ app, db }) => {
      const unsolved = await app.request('/api/petitions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(proposal) });
      assert.equal(unsolved.status, 400);
      assert.equal(((await unsolved.json()) as { error: { code: string } }).error.code, 'pow_missing');
      const solved = await pow(app);
      const send = () => app.request('/api/petitions', { method: 'POST', headers: { 'Content-Type': 'application/json', [powHeader]: solved }, body: JSON.stringify(proposal) });
      const proposed = await send();
      const replayed = await send();
      assert.equal(((await replayed.json()) as { error: { code: string } }).error.code, 'pow_replayed', 'a solution works once');
      assert.equal(proposed.status, 202);
      assert.deepEqual(await proposed.json(), { status: 'check_email' });
      const { mail, link } = await linkIn('greta@example.se', /\/bekrafta\/forslag\//);
      assert.equal(mail.subject, 'Bekräfta ditt e-förslag');
      assert.match(mail.text, /allmän handling/);
      assert.match(mail.from, /medverka@kommun\.test/);

      const page = await app.request(link.pathname + link.search);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post"/, 'opening the link alone confirms nothing');
      const [petition] = await db.selectFrom('petitions').selectAll().execute();
      assert.equal(petition!.status, 'draft');
      const confirmed = await app.request(link.pathname + link.search, { method: 'POST' });
      assert.equal(confirmed.status, 200);
      assert.match(await confirmed.text(), /skickat till granskning/);
      const again = await app.request(link.pathname, { method: 'POST' });
      assert.equal(again.status, 410);
      assert.match(await again.text(), /redan använts/);

      assert.equal((await app.request(`/api/petitions/${petition!.id}`)).status, 404, 'not public before moderation');
      const early = await post(app, `/api/petitions/${petition!.id}/signatures`, { name: 'Sven Svensson', email: 'tidig@example.se', connection: 'resident' });
      assert.equal(early.status, 409);
      assert.equal(((await early.json()) as { error: { code: string } }).error.code, 'petition_not_open');
      assert.equal((await db.selectFrom('signatures').selectAll().execute()).length, 0, 'a refused signature stores nothing');
      await movePetition(db, petition!.id, 'open');

      const sign = (email: string, extra: Record<string, unknown> = {}) =>
        post(app, `/api/petitions/${petition!.id}/signatures`, { name: 'Sven Svensson', email, connection: 'resident', hearBack: true, ...extra });
      assert.equal((await sign('sven@example.se')).status, 202);
      assert.equal((await sign('Sven+igen@Example.se', { lang: 'en' })).status, 202);
      const first = await linkIn('sven@example.se', /\/bekrafta\/underskrift\//);
      const second = await linkIn('Sven+igen@Example.se', /\/bekrafta\/underskrift\//);
      assert.equal(second.mail.subject, 'Confirm your signature');

      const counted = await app.request(first.link.pathname + first.link.search, { method: 'POST' });
      assert.match(await counted.text(), /Din underskrift är räknad[\s\S]*1 av 2/);
      const twice = await app.request(second.link.pathname + second.link.search, { method: 'POST' });
      assert.match(await twice.text(), /already counted/, 'the same mailbox, spelled otherwise, counts once');
      const pub = (await (await app.request(`/api/petitions/${petition!.id}`)).json()) as PublicPetition;
      assert.equal(pub.signatureCount, 1);

      assert.equal((await sign('tredje@example.se', { connection: 'other' })).status, 400, 'another connection must be stated');
      assert.equal((await sign('tredje@example.se', { connection: 'other', connectionText: 'Jag arbetar i kommunen' })).status, 202);
      const third = await linkIn('tredje@example.se', /\/bekrafta\/underskrift\//);
      await app.request(third.link.pathname, { method: 'POST' });
      const done = (await (await app.request(`/api/petitions/${petition!.id}`)).json()) as PublicPetition;
      assert.equal(done.signatureCount, 2);
      assert.ok((await db.selectFrom('petitions').select('threshold_reached_at').where('id', '=', petition!.id).executeTakeFirstOrThrow()).threshold_reached_at);
    }));

    it('answers bad bodies with 4xx and changes nothing', using(setup, async ({ app, db }) => {
      const bad: unknown[] = [
        {},
        { ...proposal, publicDocumentAccepted: false },
        { ...proposal, email: 'inte-en-adress' },
        { ...proposal, email: 'a@b.se\r\nBcc: x@y.se' },
        { ...proposal, title: 'x' },
        { ...proposal, body: 'x'.repeat(5001) },
        { ...proposal, extra: 1 },
        { ...proposal, title: 42 },
        [proposal],
        'text',
      ];
      for (const body of bad) {
        const res = await post(app, '/api/petitions', body);
        assert.ok(res.status >= 400 && res.status < 500, `${JSON.stringify(body)} → ${res.status}`);
        assert.ok(((await res.json()) as { error?: unknown }).error, 'the error shape');
      }
      const broken = await post(app, '/api/petitions', null, '{"title":');
      assert.equal(broken.status, 400);
      const huge = await post(app, '/api/petitions', { ...proposal, body: 'x'.repeat(200_000) });
      assert.equal(huge.status, 413);
      assert.equal((await post(app, '/api/petitions/999999/signatures', { name: 'A', email: 'a@example.se', connection: 'resident' })).status, 404);
      assert.equal((await db.selectFrom('petitions').selectAll().execute()).length, 0);
      assert.equal((await app.request('/bekrafta/underskrift/forfalskad', { method: 'POST' })).status, 404);

      // One address that keeps writing is told to wait.
      const statuses = [];
      for (let i = 0; i < 12; i++) {
        const res = await app.request('/api/petitions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, fromAddress('203.0.113.50'));
        statuses.push(res.status);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(400));
      assert.deepEqual(statuses.slice(10), [429, 429]);
    }));
  });
}
