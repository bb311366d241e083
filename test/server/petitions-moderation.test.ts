import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../server/mail/mailer.js';
import { csvCell } from '../../server/csv.js';
import { confirmProposal, proposePetition, signPetition } from '../../server/petitions/store.js';
import { testApp, testDatabases, testMailbox } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();
const { mailsTo } = mailbox;

describe('CSV cells', () => {
  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil","klicka")'), `"'=HYPERLINK(""http://evil"",""klicka"")"`);
    assert.equal(csvCell('+46 70 123'), `'+46 70 123`);
    assert.equal(csvCell('-2+3'), `'-2+3`);
    assert.equal(csvCell('@SUM(A1)'), `'@SUM(A1)`);
    assert.equal(csvCell('Åsa Öberg'), 'Åsa Öberg');
    assert.equal(csvCell('rad 1\nrad 2'), '"rad 1\nrad 2"');
    assert.equal(csvCell(null), '');
  });
});

for (const database of testDatabases()) {
  describe(`moderating e-petitions on ${database.name}`, () => {
    it('approves, corrects, notifies staff at the threshold, answers and exports, mailing who should hear', async () => {
      mailbox.smtp.messages.length = 0;
      const { app, db, close } = await mailbox.app(database, { PETITION_OPEN_MONTHS: '3' }, 'Kommunen <medverka@kommun.test>');
      try {
        await db.deleteFrom('petitions').execute();
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const mod = await signIn(app, 'moderator');
        const agent = await signIn(app, 'chat_agent');
        const req = (method: string, path: string, body?: unknown, cookie = mod) => staffRequest(app, path, { method, cookie, body });

        const older = await proposePetition(db, { title: 'Bänkar vid stadsparkens damm', body: 'Parken behöver fler bänkar för äldre besökare.', name: 'A', email: 'a@example.se' }, 2);
        await confirmProposal(db, older.token);
        await req('POST', `/api/staff/petitions/${older.petitionId}/approve`);
        const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar i stadsparken', body: 'Äldre besökare behöver vila: ställ ut fler bänkar i parken.', name: 'Greta Gran', email: 'greta@example.se' }, 2);
        await confirmProposal(db, token);

        assert.equal((await req('GET', '/api/staff/petitions?status=awaiting_moderation', undefined, agent)).status, 403, 'chat agents do not moderate');
        const waiting = (await (await req('GET', '/api/staff/petitions?status=awaiting_moderation')).json()) as { petitions: { id: number; proposerEmail: string }[] };
        assert.deepEqual(waiting.petitions.map((p) => p.id), [petitionId]);
        assert.equal(waiting.petitions[0]!.proposerEmail, 'greta@example.se');
        const detail = (await (await req('GET', `/api/staff/petitions/${petitionId}`)).json()) as { similar: { id: number; sharedWords: number }[] };
        assert.equal(detail.similar[0]?.id, older.petitionId, 'the similar petition is found');

        const corrected = await req('PATCH', `/api/staff/petitions/${petitionId}`, { title: 'Fler bänkar i Stadsparken' });
        assert.equal(((await corrected.json()) as { petition: { title: string } }).petition.title, 'Fler bänkar i Stadsparken');
        assert.equal((await req('POST', `/api/staff/petitions/${petitionId}/answer`, { answer: 'För tidigt att svara.' })).status, 409, 'no answer before it is open');
        const approved = await req('POST', `/api/staff/petitions/${petitionId}/approve`);
        assert.equal(approved.status, 200);
        assert.equal(((await approved.json()) as { petition: { status: string } }).petition.status, 'open');
        await mailbox.smtp.waitFor((m) => m.subject === 'Ditt e-förslag är publicerat' && m.envelope.to.includes('greta@example.se'));

        const hearing = await signPetition(db, petitionId, { name: '=HYPERLINK("http://evil","x")', email: 'hor@example.se', showName: false, hearBack: true, connection: 'resident', lang: 'en' });
        const silent = await signPetition(db, petitionId, { name: 'Tyst Person', email: 'tyst@example.se', showName: false, hearBack: false, connection: 'other', connectionText: 'Pendlar hit' });
        await app.request(`/bekrafta/underskrift/${hearing.token}`, { method: 'POST' });
        assert.equal(mailsTo('moderator@kommun.test').filter((m) => /nått gränsen/.test(m.subject)).length, 0);
        await app.request(`/bekrafta/underskrift/${silent.token}`, { method: 'POST' });
        for (const staff of ['moderator@kommun.test', 'admin@kommun.test']) {
          await mailbox.smtp.waitFor((m) => /nått gränsen/.test(m.subject) && m.envelope.to.includes(staff));
        }
        assert.equal(mailsTo('agent@kommun.test').length, 0, 'chat agents are not told');

        const csv = await req('GET', `/api/staff/petitions/${petitionId}/signatures.csv`);
        assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
        const bytes = new Uint8Array(await csv.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
        const text = new TextDecoder().decode(bytes);
        assert.ok(text.startsWith('confirmed_at,name,email'));
        assert.ok(text.includes(`"'=HYPERLINK(""http://evil"",""x"")"`), 'the formula is neutralised');
        assert.ok(text.includes('tyst@example.se'));
        assert.equal((await req('GET', `/api/staff/petitions/${petitionId}/signatures.csv`, undefined, agent)).status, 403);

        await req('POST', `/api/staff/petitions/${petitionId}/close`);
        const answered = await req('POST', `/api/staff/petitions/${petitionId}/answer`, { answer: 'Nämnden har beslutat att ställa ut tio nya bänkar i vår.' });
        assert.equal(((await answered.json()) as { mailed: number }).mailed, 2);
        const toProposer = await mailbox.smtp.waitFor((m) => /^Svar på e-förslaget/.test(m.subject) && m.envelope.to.includes('greta@example.se'));
        assert.match(toProposer.text, /tio nya bänkar/);
        assert.ok(findLinks(toProposer.text).some((l) => l === `http://dialog.test/e-forslag/${petitionId}`), 'links to the petition’s page, not to the API');
        const toSigner = await mailbox.smtp.waitFor((m) => m.envelope.to.includes('hor@example.se') && /answer/i.test(m.subject));
        assert.match(toSigner.subject, /^Answer to the e-petition/, 'in the language the signer signed in');
        assert.match(toSigner.text, /tio nya bänkar/);
        assert.equal(mailsTo('tyst@example.se').length, 0, 'only those who asked hear back');
        const pub = (await (await app.request(`/api/petitions/${petitionId}`)).json()) as { status: string; answer: string };
        assert.deepEqual([pub.status, pub.answer], ['answered', 'Nämnden har beslutat att ställa ut tio nya bänkar i vår.']);

        const actions = ((await (await staffRequest(app, '/api/staff/audit', { cookie: await signIn(app, 'admin') })).json()) as { entries: { action: string }[] }).entries.map((e) => e.action);
        for (const a of ['petition.correct', 'petition.approve', 'petition.export-signatures', 'petition.close', 'petition.answer']) assert.ok(actions.includes(a), a);
      } finally {
        await close();
      }
    });

    it('takes an empty correction as a change of nothing: 200, the petition as it was, nothing logged', async () => {
      const { app, db } = await testApp(database);
      try {
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const mod = await signIn(app, 'moderator');
        const { petitionId, token } = await proposePetition(db, { title: 'Tomma rättelser', body: 'En rättelse utan något att rätta ändrar ingenting.', name: 'T', email: 't@example.se' }, 10);
        await confirmProposal(db, token);
        const res = await staffRequest(app, `/api/staff/petitions/${petitionId}`, { method: 'PATCH', cookie: mod, body: {} });
        assert.equal(res.status, 200, await res.clone().text());
        const { petition } = (await res.json()) as { petition: { title: string; body: string; status: string } };
        assert.deepEqual([petition.title, petition.body, petition.status], ['Tomma rättelser', 'En rättelse utan något att rätta ändrar ingenting.', 'awaiting_moderation']);
        const logged = await db.selectFrom('audit_log').select('action').where('action', '=', 'petition.correct').where('target', '=', `petition ${petitionId}`).execute();
        assert.deepEqual(logged, [], 'nothing changed, so nothing to log');
        assert.equal((await staffRequest(app, `/api/staff/petitions/${petitionId + 1000}`, { method: 'PATCH', cookie: mod, body: {} })).status, 404);
      } finally {
        await db.destroy();
      }
    });

    it('refuses on the confirmation page, in plain words, a signature confirmed after staff closed the petition early', async () => {
      const { app, db } = await testApp(database);
      try {
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const mod = await signIn(app, 'moderator');
        const { petitionId, token } = await proposePetition(db, { title: 'Stängt i förtid', body: 'Ett förslag som personalen stänger innan tiden är ute.', name: 'S', email: 's@example.se' }, 10);
        await confirmProposal(db, token);
        await staffRequest(app, `/api/staff/petitions/${petitionId}/approve`, { method: 'POST', cookie: mod });
        const late = await signPetition(db, petitionId, { name: 'Sen Signerare', email: 'sen@example.se', showName: false, hearBack: false, connection: 'resident' });
        const lateEn = await signPetition(db, petitionId, { name: 'Late Signer', email: 'late@example.se', showName: false, hearBack: false, connection: 'resident', lang: 'en' });
        assert.equal((await staffRequest(app, `/api/staff/petitions/${petitionId}/close`, { method: 'POST', cookie: mod })).status, 200);
        const res = await app.request(`/bekrafta/underskrift/${late.token}`, { method: 'POST' });
        assert.equal(res.status, 409);
        const page = await res.text();
        assert.match(page, /Förslaget är stängt för underskrifter, så din underskrift kunde inte räknas\./);
        assert.doesNotMatch(page, /Tack|budget/);
        const en = await app.request(`/bekrafta/underskrift/${lateEn.token}?lang=en`, { method: 'POST' });
        assert.equal(en.status, 409);
        assert.match(await en.text(), /The petition is closed for signatures, so your signature could not be counted\./);
        const pub = (await (await app.request(`/api/petitions/${petitionId}`)).json()) as { signatureCount: number; status: string };
        assert.deepEqual([pub.status, pub.signatureCount], ['closed', 0]);
      } finally {
        await db.destroy();
      }
    });

    it('rejects with a reason the proposer is told', async () => {
      mailbox.smtp.messages.length = 0;
      const { app, db, close } = await mailbox.app(database, {}, 'Kommunen <medverka@kommun.test>');
      try {
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const mod = await signIn(app, 'moderator');
        const { petitionId, token } = await proposePetition(db, { title: 'Förbjud allt roligt', body: 'Ett förslag som bryter mot riktlinjerna för e-förslag.', name: 'X', email: 'x@example.se' }, 10);
        await confirmProposal(db, token);
        assert.equal((await staffRequest(app, `/api/staff/petitions/${petitionId}/reject`, { method: 'POST', cookie: mod, body: { reason: 'kort' } })).status, 400);
        const rejected = await staffRequest(app, `/api/staff/petitions/${petitionId}/reject`, { method: 'POST', cookie: mod, body: { reason: 'Förslaget gäller inte något som kommunen beslutar om.' } });
        assert.equal(rejected.status, 200);
        const mail = await mailbox.smtp.waitFor((m) => m.subject === 'Ditt e-förslag publicerades inte');
        assert.match(mail.text, /inte något som kommunen beslutar om/);
        assert.equal((await staffRequest(app, `/api/staff/petitions/${petitionId}/approve`, { method: 'POST', cookie: mod })).status, 409);
        assert.equal((await app.request(`/api/petitions/${petitionId}`)).status, 404);
      } finally {
        await close();
      }
    });
  });
}
