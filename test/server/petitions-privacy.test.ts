import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anonymiseOldSignatures, closeDuePetitions } from '../../server/petitions/housekeeping.js';
import { confirmProposal, confirmSignature, findPetition, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import { testApp, testDatabases } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

for (const database of testDatabases()) {
  describe(`personal data in e-petitions on ${database.name}`, () => {
    async function openPetitionWithSigners(db: Awaited<ReturnType<typeof testApp>>['db'], opened: Date) {
      const { petitionId, token } = await proposePetition(db, { title: 'Bättre belysning', body: 'Gångvägen till skolan är mörk på vintern.', name: 'Greta Gran', email: 'greta@example.se' }, 10, opened);
      await confirmProposal(db, token, opened);
      await movePetition(db, petitionId, 'open', { openMonths: 3 }, opened);
      for (const [email, showName] of [['anna@example.se', true], ['bo@example.se', false], ['cecilia@gmail.com', true]] as const) {
        const s = await signPetition(db, petitionId, { name: email.split('@')[0]!, email, showName, hearBack: true, connection: 'other', connectionText: 'Arbetar här' }, opened);
        await confirmSignature(db, s.token, opened);
      }
      return petitionId;
    }

    it('closes petitions on time and anonymises signers after the retention period, keeping the count', async () => {
      const { app, db } = await testApp(database);
      try {
        await db.deleteFrom('petitions').execute();
        const id = await openPetitionWithSigners(db, new Date('2026-01-10T12:00:00Z'));
        assert.deepEqual(await closeDuePetitions(db, new Date('2026-04-10T11:59:00Z')), [], 'not before its time');
        assert.equal((await closeDuePetitions(db, new Date('2026-04-10T12:00:00Z'))).length, 1);
        assert.equal((await findPetition(db, id))!.status, 'closed');
        assert.deepEqual(await closeDuePetitions(db, new Date('2026-04-11T12:00:00Z')), [], 'runs again harmlessly');

        assert.equal(await anonymiseOldSignatures(db, 90, new Date('2026-07-08T12:00:00Z')), 0, 'kept for 90 days after closing');
        assert.equal(await anonymiseOldSignatures(db, 90, new Date('2026-07-09T12:00:01Z')), 1);
        const rows = await db.selectFrom('signatures').selectAll().where('petition_id', '=', id).execute();
        assert.equal(rows.length, 3);
        for (const r of rows) assert.deepEqual([r.email, r.name, r.connection_text, r.show_name], [null, null, null, 0]);
        const petition = (await findPetition(db, id))!;
        assert.deepEqual([petition.signature_count, petition.proposer_email, petition.proposer_name], [3, null, 'Greta Gran']);
        const pub = (await (await app.request(`/api/petitions/${id}`)).json()) as { signatureCount: number; publicSigners: string[] };
        assert.deepEqual([pub.signatureCount, pub.publicSigners], [3, []]);
        const dump = JSON.stringify(await db.selectFrom('signatures').selectAll().execute()) + JSON.stringify(await db.selectFrom('petitions').selectAll().execute());
        for (const secret of ['anna@', 'bo@', 'cecilia', 'greta@', 'Arbetar här']) assert.ok(!dump.includes(secret), secret);
      } finally {
        await db.destroy();
      }
    });

    it('erases a signer on request, however the address is spelled, keeping the count and not logging whose', async () => {
      const { app, db } = await testApp(database);
      try {
        await db.deleteFrom('petitions').execute();
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const id = await openPetitionWithSigners(db, new Date());
        const mod = await signIn(app, 'moderator');
        const res = await staffRequest(app, '/api/staff/petitions/erase-signer', { method: 'POST', cookie: mod, body: { email: 'Cecilia+x@GoogleMail.com' } });
        assert.deepEqual(await res.json(), { erased: 1 });
        const pub = (await (await app.request(`/api/petitions/${id}`)).json()) as { signatureCount: number; publicSigners: string[] };
        assert.deepEqual([pub.signatureCount, pub.publicSigners], [3, ['anna']]);
        assert.equal((await db.selectFrom('signatures').select('id').where('email', 'like', '%cecilia%').execute()).length, 0);
        const log = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute());
        assert.ok(log.includes('petition.erase-signer') && !log.toLowerCase().includes('cecilia'));
        assert.equal((await staffRequest(app, '/api/staff/petitions/erase-signer', { method: 'POST', cookie: await signIn(app, 'chat_agent'), body: { email: 'anna@example.se' } })).status, 403);
      } finally {
        await db.destroy();
      }
    });
  });
}
