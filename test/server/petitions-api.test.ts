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
