import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmProposal, confirmSignature, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import type { PetitionSummary, PublicPetition } from '../../server/petitions/schemas.js';
import { testApp, testDatabases } from './helpers.js';

for (const database of testDatabases()) {
  describe(`the public petitions API on ${database.name}`, () => {
    it('publishes open, closed and answered petitions with counts and no personal data', async () => {
      const { app, db } = await testApp(database);
      try {
        await db.deleteFrom('petitions').execute();
        const make = async (title: string, body: string, to: ('open' | 'closed' | 'answered')[]) => {
          const { petitionId, token } = await proposePetition(db, { title, body, name: 'Greta Gran', email: 'greta@example.se' }, 2);
          await confirmProposal(db, token);
          for (const status of to) await movePetition(db, petitionId, status, status === 'answered' ? { answer: 'Beslutat.' } : {});
          return petitionId;
        };
        const open = await make('Fler bänkar i parken', 'Äldre vill vila.', ['open']);
        await make('Belysning på cykelvägen', 'Mörkt på vintern.', ['open', 'closed']);
        await make('Ny lekplats', 'Barnen saknar gungor.', ['open', 'answered']);
        const { petitionId: draft } = await proposePetition(db, { title: 'Hemligt utkast', body: 'x', name: 'A', email: 'a@example.se' }, 2);
        const waiting = await make('Väntar på granskning', 'x', []);

        const shown = await signPetition(db, open, { name: 'Visa Mig', email: 'visa@example.se', showName: true, hearBack: false, connection: 'resident' });
        const hidden = await signPetition(db, open, { name: 'Dold Person', email: 'dold@example.se', showName: false, hearBack: true, connection: 'other', connectionText: 'Arbetar här' });
        await confirmSignature(db, shown.token);
        await confirmSignature(db, hidden.token);

        const list = (await (await app.request('/api/petitions')).json()) as { petitions: PetitionSummary[] };
        assert.deepEqual(list.petitions.map((p) => p.title).sort(), ['Belysning på cykelvägen', 'Fler bänkar i parken', 'Ny lekplats']);
        const onlyOpen = (await (await app.request('/api/petitions?status=open')).json()) as { petitions: PetitionSummary[] };
        assert.deepEqual(onlyOpen.petitions.map((p) => [p.title, p.signatureCount, p.threshold]), [['Fler bänkar i parken', 2, 2]]);
        const found = (await (await app.request('/api/petitions?q=CYKELVÄGEN')).json()) as { petitions: PetitionSummary[] };
        assert.deepEqual(found.petitions.map((p) => p.title), ['Belysning på cykelvägen']);
        assert.equal(((await (await app.request('/api/petitions?q=%25')).json()) as { petitions: unknown[] }).petitions.length, 3, 'a typed wildcard is just dropped');

        const res = await app.request(`/api/petitions/${open}`);
        const petition = (await res.json()) as PublicPetition;
        assert.equal(petition.proposerName, 'Greta Gran');
        assert.deepEqual(petition.publicSigners, ['Visa Mig']);
        const raw = JSON.stringify(petition) + JSON.stringify(list);
        for (const secret of ['greta@example.se', 'visa@example.se', 'dold@example.se', 'Dold Person', 'Arbetar här']) assert.ok(!raw.includes(secret), secret);

        for (const hiddenId of [draft, waiting]) assert.equal((await app.request(`/api/petitions/${hiddenId}`)).status, 404);
        assert.equal((await app.request('/api/petitions/abc')).status, 400);
        assert.equal((await app.request('/api/petitions?status=draft')).status, 400);
      } finally {
        await db.destroy();
      }
    });
  });
}

for (const database of testDatabases()) {
  describe(`confirmed signatures per day on ${database.name}`, () => {
    it('counts confirmed signatures per day in Swedish time, for public petitions only', async () => {
      const { app, db } = await testApp(database);
      try {
        const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar i parken', body: 'Äldre vill vila.', name: 'Greta Gran', email: 'greta@example.se' }, 100);
        assert.equal((await app.request(`/api/petitions/${petitionId}/signatures-per-day`)).status, 404, 'a draft is not public');
        await confirmProposal(db, token);
        await movePetition(db, petitionId, 'open');
        const empty = await app.request(`/api/petitions/${petitionId}/signatures-per-day`);
        assert.equal(empty.status, 200);
        assert.deepEqual(await empty.json(), { days: [] });

        const at = ['2026-03-01T10:00:00.000Z', '2026-03-01T22:30:00.000Z', '2026-03-01T23:30:00.000Z', '2026-07-01T21:59:00.000Z', '2026-07-01T22:01:00.000Z'];
        for (const [i, when] of at.entries()) {
          const signed = await signPetition(db, petitionId, { name: `Signer ${i}`, email: `signer${i}@example.se`, showName: false, hearBack: false, connection: 'resident' });
          await confirmSignature(db, signed.token);
          await db.updateTable('signatures').set({ confirmed_at: when }).where('email', '=', `signer${i}@example.se`).execute();
        }
        // Not confirmed: not counted.
        await signPetition(db, petitionId, { name: 'Ej bekräftad', email: 'unconfirmed@example.se', showName: false, hearBack: false, connection: 'resident' });

        const res = await app.request(`/api/petitions/${petitionId}/signatures-per-day`);
        assert.equal(res.status, 200);
        assert.ok(res.headers.get('etag'));
        // 23:30 UTC on 1 March is 00:30 on 2 March in Sweden (winter time); 21:59 UTC on 1 July is 23:59 (summer time).
        assert.deepEqual(await res.json(), {
          days: [
            { date: '2026-03-01', count: 2 },
            { date: '2026-03-02', count: 1 },
            { date: '2026-07-01', count: 1 },
            { date: '2026-07-02', count: 1 },
          ],
        });
        assert.equal((await app.request('/api/petitions/abc/signatures-per-day')).status, 400);
        assert.equal((await app.request('/api/petitions/99999999/signatures-per-day')).status, 404);
      } finally {
        await db.destroy();
      }
    });
  });
}

describe('the petition page mails link to', () => {
  it('carries a link preview (Open Graph and twitter:card): title, a short description, its address and the site', async () => {
    const { app, db, config } = await testApp(null);
    try {
      const body = `Vi vill ha "fler" bänkar <längs> ån.\n\nÄldre behöver kunna vila. ${'Och mer text. '.repeat(40)}`;
      const { petitionId, token } = await proposePetition(db, { title: 'Bänkar & bord <vid> ån', body, name: 'Greta', email: 'greta@example.se' }, 2);
      await confirmProposal(db, token);
      await movePetition(db, petitionId, 'open');
      const html = await (await app.request(`/e-forslag/${petitionId}`)).text();
      const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
      const page = `${config.publicUrl.href.replace(/\/$/, '')}/e-forslag/${petitionId}`;
      assert.equal(meta('og:type'), 'website');
      assert.equal(meta('og:title'), 'Bänkar &#38; bord &#60;vid&#62; ån', 'escaped');
      assert.equal(meta('og:url'), page);
      assert.equal(meta('og:site_name'), config.publicUrl.host);
      assert.equal(meta('og:locale'), 'sv_SE');
      assert.equal(meta('twitter:card'), 'summary');
      assert.equal(meta('twitter:title'), meta('og:title'));
      const description = meta('og:description')!;
      assert.ok(description.startsWith('Vi vill ha &#34;fler&#34; bänkar &#60;längs&#62; ån. Äldre behöver kunna vila.'), description);
      assert.ok(description.endsWith('…') && description.length < 260, 'shortened at a word, with an ellipsis');
      assert.equal(meta('description'), description);
      assert.equal(meta('twitter:description'), description);
      const english = await (await app.request(`/e-forslag/${petitionId}?lang=en`)).text();
      assert.match(english, /<meta property="og:locale" content="en_GB">/);
    } finally {
      await db.destroy();
    }
  });

  it('holds the petition widget for a public petition, and a page that lets the widget say "not found" otherwise', async () => {
    const { app, db } = await testApp(null);
    try {
      const { petitionId, token } = await proposePetition(db, { title: 'Bänkar <vid> ån', body: 'Fler bänkar.', name: 'Greta', email: 'greta@example.se', lang: 'en' }, 2);
      const draftPage = await (await app.request(`/e-forslag/${petitionId}`)).text();
      assert.ok(!draftPage.includes('Bänkar'), 'a draft’s title is not shown');
      await confirmProposal(db, token);
      await movePetition(db, petitionId, 'open');
      const res = await app.request(`/e-forslag/${petitionId}?lang=en`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-security-policy')!, /worker-src blob:/);
      const html = await res.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<title>Bänkar &#60;vid&#62; ån – dialog\.test<\/title>/, 'escaped, then the municipality (here the host: no MUNICIPALITY_NAME)');
      assert.ok(html.includes(`<medverka-petition petition="${petitionId}" heading-level="1"></medverka-petition>`));
      assert.ok(html.includes('<script type="module" src="/widgets/medverka.js"></script>'));
      for (const bad of ['0', 'abc', '-1', '1e3', '99999999999']) assert.equal((await app.request(`/e-forslag/${bad}`)).status, 404, bad);
      assert.ok(!draftPage.includes('og:'), 'a draft has no link preview');
      const row = await db.selectFrom('petitions').select('lang').where('id', '=', petitionId).executeTakeFirstOrThrow();
      assert.equal(row.lang, 'en', 'the proposer’s language is kept for later mails');
    } finally {
      await db.destroy();
    }
  });
});
