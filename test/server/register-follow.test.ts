import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { StaffDialogue } from '../../server/register/schemas.js';
import { swedishDate } from '../../server/register/rules.js';
import { notifyAllFeedback } from '../../server/register/notify.js';
import { erasePerson } from '../../server/privacy/erasure.js';
import { confirmProposal, confirmSignature, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import { powPost, testDatabases, testMailbox } from './helpers.js';
import { seedStaff, signIn, staffAccounts, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();
const inDays = (days: number) => swedishDate(new Date(Date.now() + days * 86_400_000));
const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

for (const database of testDatabases()) {
  describe(`following a dialogue, and hearing back once, on ${database.name}`, () => {
    const closing: (() => Promise<void>)[] = [];
    after(() => Promise.all(closing.map((close) => close())));

    async function setup() {
      const t = await mailbox.app(database, { DIARIUM_URL: 'https://diarium.kommun.test/arende?dnr={case}' });
      closing.push(t.close);
      await t.db.deleteFrom('dialogues').execute();
      if (!(await t.db.selectFrom('staff_users').select('id').executeTakeFirst())) await seedStaff(t.db);
      const moderatorId = (await t.db.selectFrom('staff_users').select('id').where('email', '=', staffAccounts.moderator.email).executeTakeFirstOrThrow()).id;
      const cookie = await signIn(t.app, 'moderator');
      const staff = async (method: string, path: string, body?: unknown) => {
        const res = await staffRequest(t.app, `/api/staff/dialogues${path}`, { method, body, cookie });
        return { status: res.status, dialogue: ((await res.json()) as { dialogue: StaffDialogue }).dialogue };
      };
      const dialogue = async (publish = true) => {
        const { dialogue: d } = await staff('POST', '', {
          title: { sv: 'Nytt bibliotek i Söder', en: 'A new library in Söder' },
          question: { sv: 'Vad ska det nya biblioteket ha?', en: null },
          purpose: { sv: 'Biblioteket byggs 2028.', en: null },
          questionOpen: true,
          decisionMakersOpen: true,
          committee: 'Kulturnämnden',
          contactId: moderatorId,
          ladder: 'consult',
          canChange: { sv: 'Vad som finns inne i huset.', en: null },
          opensOn: inDays(-10),
          closesOn: inDays(10),
          feedbackBy: inDays(60),
        });
        if (publish) assert.equal((await staff('POST', `/${d.id}/publish`)).status, 200);
        return d.id;
      };
      const follow = (id: number, body: unknown) => powPost(t.app, `/api/dialogues/${id}/followers`, body);
      return { ...t, staff, dialogue, follow };
    }

    it('follows by double opt-in, says the same to one already following, and leaves in one click', async () => {
      const { app, dialogue, follow, db } = await setup();
      const id = await dialogue();
      assert.equal((await follow(id, { email: 'anna@example.se', lang: 'sv', returnTo: 'http://dialog.test/dialoger' })).status, 202);
      const { mail, link } = await mailbox.linkIn('anna@example.se', /\/bekrafta\/dialog\//);
      assert.equal(mail.subject, 'Bekräfta att du vill följa ”Nytt bibliotek i Söder”');
      const shown = await app.request(link.pathname + link.search);
      assert.equal(shown.status, 200);
      assert.match(await shown.text(), /<button class="button" type="submit">Bekräfta<\/button>/);
      assert.equal((await db.selectFrom('dialogue_followers').select('confirmed_at').executeTakeFirstOrThrow()).confirmed_at, null, 'opening the link confirms nothing');

      const confirmed = await app.request(link.pathname + link.search, { method: 'POST' });
      assert.equal(confirmed.status, 200);
      const page = await confirmed.text();
      assert.match(page, /Du följer nu dialogen/);
      assert.match(page, /href="http:\/\/dialog.test\/dialoger"/, 'back to the page the resident came from');
      assert.equal((await app.request(link.pathname + link.search, { method: 'POST' })).status, 410, 'a link works once');

      // Asking again, spelled otherwise: the same answer, and a mail saying so with a way out.
      assert.equal((await follow(id, { email: 'Anna@Example.se', lang: 'en' })).status, 202);
      const again = await mailbox.linkIn('Anna@Example.se', /\/sluta-folja\//);
      assert.equal(again.mail.subject, 'You already follow “A new library in Söder”');
      assert.equal((await db.selectFrom('dialogue_followers').select('id').execute()).length, 1);
      const left = await app.request(again.link.pathname + again.link.search, { method: 'POST' });
      assert.equal(left.status, 200);
      assert.match(await left.text(), /You no longer follow the dialogue/);
      assert.deepEqual(await db.selectFrom('dialogue_followers').select('id').execute(), [], 'the address is deleted');
      assert.equal((await app.request(again.link.pathname + again.link.search, { method: 'POST' })).status, 404);
    });

    it('refuses what it cannot follow with a clear 4xx and stores nothing', async () => {
      const { dialogue, follow, db } = await setup();
      const draft = await dialogue(false);
      const published = await dialogue();
      assert.equal((await follow(draft, { email: 'bo@example.se', lang: 'sv' })).status, 404);
      assert.equal((await follow(published, { email: 'inte-en-adress', lang: 'sv' })).status, 400);
      assert.equal((await follow(published, { email: 'bo@example.se', lang: 'de' })).status, 400);
      assert.equal((await follow(published, { email: 'bo@example.se', lang: 'sv', extra: 1 })).status, 400);
      assert.equal((await follow(999_999, { email: 'bo@example.se', lang: 'sv' })).status, 404);
      assert.deepEqual(await db.selectFrom('dialogue_followers').select('id').execute(), []);
      assert.deepEqual(mailbox.mailsTo('bo@example.se'), []);
    });

    it('tells followers and participants who asked to hear back, once each whatever the channel, and asks one anonymous question', async () => {
      const { app, db, staff, dialogue, follow, deps } = await (async () => {
        const t = await setup();
        return { ...t, deps: { db: t.db, mailer: t.mailer, config: t.config, log: t.log } };
      })();
      const id = await dialogue();
      // A petition in the dialogue: its proposer, a signer who asked to hear back (and also follows), one who did not.
      const { petitionId, token } = await proposePetition(db, { title: 'Längre öppettider', body: 'Biblioteket bör ha öppet på söndagar för alla som arbetar.', name: 'Pia Förslag', email: 'pia@example.se', lang: 'sv' }, 50);
      await confirmProposal(db, token);
      await movePetition(db, petitionId, 'open', { openMonths: 6 });
      for (const [email, hearBack] of [['sam@example.se', true], ['tyst@example.se', false]] as const) {
        const signed = await signPetition(db, petitionId, { name: 'Någon', email, hearBack, connection: 'resident', lang: 'sv' });
        await confirmSignature(db, signed.token);
      }
      assert.equal((await staff('POST', `/${id}/channels`, { kind: 'petition', ref: String(petitionId) })).status, 201);
      await follow(id, { email: 'SAM@example.se', lang: 'en' });
      const { link } = await mailbox.linkIn('SAM@example.se', /\/bekrafta\/dialog\//);
      await app.request(link.pathname, { method: 'POST' });

      await staff('PUT', `/${id}/outcome`, {
        summary: { sv: '300 förslag och synpunkter.', en: '300 proposals and views.' },
        use: { sv: 'Söndagsöppet prövas ett år.', en: 'Sunday opening is tried for a year.' },
        decision: { sv: 'Kulturnämnden beslutade om söndagsöppet.', en: null },
        caseNumber: 'KN 2027/15',
        decidedOn: inDays(-1),
      });
      assert.equal((await staff('POST', `/${id}/feedback`)).status, 200);

      const toSam = await mailbox.mailTo('SAM@example.se', (m) => m.subject.startsWith('What came of'));
      assert.equal(toSam.subject, 'What came of “A new library in Söder”');
      assert.match(toSam.text, /Sunday opening is tried for a year\./);
      assert.match(toSam.text, /Kulturnämnden beslutade om söndagsöppet\./, 'Swedish where no English was written');
      assert.match(toSam.text, /Case number: KN 2027\/15\nhttps:\/\/diarium\.kommun\.test\/arende\?dnr=KN%202027%2F15/);
      assert.match(toSam.text, /\/sluta-folja\//, 'a follower can stop following');
      const toPia = await mailbox.mailTo('pia@example.se', (m) => m.subject.startsWith('Det här blev det av'));
      assert.match(toPia.text, /Du får det en gång\./);
      assert.doesNotMatch(toPia.text, /sluta-folja/);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(mailbox.mailsTo('tyst@example.se').filter((m) => m.subject.includes('blev det av')), [], 'not to one who did not ask');
      assert.deepEqual(mailbox.mailsTo('sam@example.se'), [], 'once, though a signer and a follower');

      assert.equal(await notifyAllFeedback(deps), 0, 'a later run tells nobody again');

      // The question, through the link in the mail: once, anonymous.
      const rating = new URL(/http:\/\/dialog\.test\/dialog-betyg\/\S+/.exec(toPia.text)![0]);
      const formPage = await (await app.request(rating.pathname + rating.search)).text();
      assert.match(formPage, /<fieldset class="scale"><legend>Togs dina synpunkter till vara\?<\/legend>/);
      assert.equal((await app.request(rating.pathname + rating.search, form({ score: '6' }))).status, 400);
      assert.equal((await app.request(rating.pathname + rating.search, form({ score: '4' }))).status, 200);
      assert.equal((await app.request(rating.pathname + rating.search, form({ score: '1' }))).status, 409, 'one answer per person');
      const samRating = new URL(/http:\/\/dialog\.test\/dialog-betyg\/\S+/.exec(toSam.text)![0]);
      assert.equal((await app.request(samRating.pathname, form({ score: '5' }))).status, 200);
      const { dialogue: d } = await staff('GET', `/${id}`);
      assert.deepEqual(d.rating, { count: 2, average: 4.5 });
      assert.equal(d.followers, 1);
      const rows = await db.selectFrom('dialogue_ratings').selectAll().execute();
      assert.deepEqual(
        rows.map((r) => Object.keys(r).sort()),
        [
          ['created_at', 'dialogue_id', 'id', 'score'],
          ['created_at', 'dialogue_id', 'id', 'score'],
        ],
        'nothing about who answered',
      );
      const notices = JSON.stringify(await db.selectFrom('dialogue_notices').selectAll().execute());
      for (const address of ['pia@example.se', 'sam@example.se']) assert.ok(!notices.includes(address), 'who was told is kept as a hash, not an address');

      // Erasure on request takes the follower's address too.
      assert.equal((await erasePerson(db, 'Sam@Example.se')).dialogueFollows, 1);
      assert.deepEqual(await db.selectFrom('dialogue_followers').select('id').execute(), []);
    });
  });
}
