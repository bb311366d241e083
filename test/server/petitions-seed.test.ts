import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoPetitions, seedDemoPetitions } from '../../server/petitions/seed.js';
import type { PetitionSummary, PublicPetition } from '../../server/petitions/schemas.js';
import { testApp, testDatabases } from './helpers.js';

for (const database of testDatabases()) {
  describe(`the demo petitions on ${database.name}`, () => {
    it('are seeded once: one open with confirmed signatures, one answered, both public', async () => {
      const { app, db } = await testApp(database);
      try {
        assert.equal(await seedDemoPetitions(db, 100), 2);
        assert.equal(await seedDemoPetitions(db, 100), 0, 'once');
        const list = (await (await app.request('/api/petitions')).json()) as { petitions: PetitionSummary[] };
        assert.equal(list.petitions.length, 2);
        const open = list.petitions.find((p) => p.title === demoPetitions.open.title)!;
        assert.equal(open.status, 'open');
        assert.ok(open.signatureCount > 0 && open.signatureCount < open.threshold, 'signatures counted, the threshold not yet reached');
        const shown = (await (await app.request(`/api/petitions/${open.id}`)).json()) as PublicPetition;
        assert.ok(shown.publicSigners.length > 0, 'some signers chose to show their name');
        const confirmed = await db.selectFrom('signatures').select('id').where('petition_id', '=', open.id).where('confirmed_at', 'is not', null).execute();
        assert.equal(confirmed.length, open.signatureCount, 'the count is the confirmed signatures');

        const answered = list.petitions.find((p) => p.title === demoPetitions.answered.title)!;
        assert.equal(answered.status, 'answered');
        assert.ok(answered.answeredAt);
        const withAnswer = (await (await app.request(`/api/petitions/${answered.id}`)).json()) as PublicPetition;
        assert.ok(withAnswer.answer && withAnswer.answer.length > 20);
        assert.equal(withAnswer.answerCommittee, demoPetitions.answered.committee);
        assert.equal(withAnswer.signatureCount, demoPetitions.answered.signatures);

        const page = await (await app.request('/demo/e-forslag')).text();
        assert.ok(page.includes('<medverka-petitions></medverka-petitions>'));
      } finally {
        await db.destroy();
      }
    });
  });
}
