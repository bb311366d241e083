import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Mail, Mailer } from '../../server/mail/mailer.js';
import type { PublicPetition } from '../../server/petitions/schemas.js';
import { confirmProposal, confirmSignature, findPetition, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import { testApp, testDatabases, using } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

/** A mailer that keeps what it is given. */
function keptMail(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return { sent, send: async (mail) => (sent.push(mail), { id: String(sent.length) }), close: async () => {} };
}

interface Preview {
  recipients: number;
  mails: { lang: 'sv' | 'en'; recipients: number; subject: string; text: string }[];
}

const answer = 'Tekniska nämnden har beslutat att ställa ut tio nya bänkar i parken under våren.';
const committee = 'Tekniska nämnden';

for (const database of testDatabases()) {
  describe(`answering an e-petition on ${database.name}`, () => {
    async function setup() {
      const mailer = keptMail();
      const t = await testApp(database, {}, { mailer });
      await t.db.deleteFrom('staff_users').execute();
      await seedStaff(t.db);
      const cookie = await signIn(t.app, 'moderator');
      const req = (method: string, path: string, body?: unknown) => staffRequest(t.app, path, { method, cookie, body });
      const { petitionId, token } = await proposePetition(t.db, { title: 'Fler bänkar i parken', body: 'Äldre behöver kunna vila på promenaden i parken.', name: 'Greta', email: 'greta@example.se' }, 100);
      await confirmProposal(t.db, token);
      await movePetition(t.db, petitionId, 'open');
      for (const [email, lang, hearBack] of [['sv@example.se', 'sv', true], ['en@example.se', 'en', true], ['tyst@example.se', 'sv', false]] as const) {
        const s = await signPetition(t.db, petitionId, { name: 'N', email, showName: false, hearBack, connection: 'resident', lang });
        await confirmSignature(t.db, s.token);
      }
      mailer.sent.length = 0;
      return { ...t, mailer, req, petitionId };
    }

    it('previews the mails an answer would send, per language, sending and changing nothing', using(setup, async ({ db, mailer, req, petitionId }) => {
      const res = await req('POST', `/api/staff/petitions/${petitionId}/answer/preview`, { answer, committee });
      assert.equal(res.status, 200, await res.clone().text());
      const preview = (await res.json()) as Preview;
      assert.equal(preview.recipients, 3, 'the proposer and two signers who asked to hear back');
      assert.deepEqual(preview.mails.map((m) => [m.lang, m.recipients]), [['sv', 2], ['en', 1]]);
      const sv = preview.mails[0]!;
      assert.equal(sv.subject, 'Svar på e-förslaget ”Fler bänkar i parken”');
      assert.ok(sv.text.includes(answer));
      assert.ok(sv.text.includes(committee));
      assert.ok(!JSON.stringify(preview).includes('@example.se'), 'no addresses in the preview');
      assert.equal(mailer.sent.length, 0, 'nothing sent');
      assert.equal((await findPetition(db, petitionId))!.status, 'open', 'nothing changed');
      assert.equal((await req('POST', `/api/staff/petitions/${petitionId}/answer/preview`, { answer: 'kort' })).status, 400);
      assert.equal((await req('POST', `/api/staff/petitions/${petitionId + 1000}/answer/preview`, { answer })).status, 404);
    }));

    it('records the committee and the date with the answer, and the public API returns them', using(setup, async ({ app, mailer, req, petitionId }) => {
      const res = await req('POST', `/api/staff/petitions/${petitionId}/answer`, { answer, committee });
      assert.equal(res.status, 200, await res.clone().text());
      const { petition, mailed } = (await res.json()) as { petition: { answerCommittee: string; answeredAt: string; answerCorrectedAt: string | null }; mailed: number };
      assert.equal(mailed, 3);
      assert.equal(petition.answerCommittee, committee);
      assert.equal(petition.answerCorrectedAt, null);
      assert.ok(mailer.sent.every((m) => m.text.includes(committee)), 'the mails name the committee');
      const pub = (await (await app.request(`/api/petitions/${petitionId}`)).json()) as PublicPetition;
      assert.deepEqual([pub.answer, pub.answerCommittee, pub.answeredAt, pub.answerCorrectedAt], [answer, committee, petition.answeredAt, null]);
      type Schema = { properties?: Record<string, unknown>; allOf?: Schema[]; $ref?: string };
      const { components } = (await (await app.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, Schema> } };
      const fields = (s: Schema): string[] =>
        s.$ref ? fields(components.schemas[s.$ref.split('/').at(-1)!]!) : [...Object.keys(s.properties ?? {}), ...(s.allOf ?? []).flatMap(fields)];
      for (const field of ['answeredAt', 'answerCommittee', 'answerCorrectedAt']) assert.ok(fields(components.schemas.PublicPetition!).includes(field), `${field} is documented`);
      assert.equal((await req('POST', `/api/staff/petitions/${petitionId}/answer/preview`, { answer })).status, 409, 'answered: nothing more to preview');
    }));

    it('corrects a published answer without mailing again, and shows it as corrected with the date', using(setup, async ({ app, db, mailer, req, petitionId }) => {
      assert.equal((await req('PATCH', `/api/staff/petitions/${petitionId}/answer`, { answer })).status, 409, 'no correction before there is an answer');
      await req('POST', `/api/staff/petitions/${petitionId}/answer`, { answer: answer.replace('tio', 'tiio'), committee: 'Teknska nämnden' });
      const answeredAt = (await findPetition(db, petitionId))!.answered_at;
      const sent = mailer.sent.length;

      const empty = await req('PATCH', `/api/staff/petitions/${petitionId}/answer`, {});
      assert.equal(empty.status, 200, 'an empty correction changes nothing');
      assert.equal(((await empty.json()) as { petition: { answerCorrectedAt: string | null } }).petition.answerCorrectedAt, null);

      const res = await req('PATCH', `/api/staff/petitions/${petitionId}/answer`, { answer, committee });
      assert.equal(res.status, 200, await res.clone().text());
      const { petition } = (await res.json()) as { petition: { answer: string; answerCommittee: string; answeredAt: string; answerCorrectedAt: string | null } };
      assert.deepEqual([petition.answer, petition.answerCommittee, petition.answeredAt], [answer, committee, answeredAt]);
      assert.ok(petition.answerCorrectedAt && petition.answerCorrectedAt >= answeredAt!);
      assert.equal(mailer.sent.length, sent, 'a correction is not mailed');
      const pub = (await (await app.request(`/api/petitions/${petitionId}`)).json()) as PublicPetition;
      assert.deepEqual([pub.answer, pub.answerCommittee, pub.answerCorrectedAt], [answer, committee, petition.answerCorrectedAt]);
      assert.equal((await req('PATCH', `/api/staff/petitions/${petitionId}/answer`, { answer: 'kort' })).status, 400);
      const logged = await db.selectFrom('audit_log').select('action').where('target', '=', `petition ${petitionId}`).where('action', '=', 'petition.correct-answer').execute();
      assert.equal(logged.length, 1);
    }));
  });
}
