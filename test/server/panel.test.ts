import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks } from '../../server/mail/mailer.js';
import { confirmMember, deleteUnconfirmedMembers, joinPanel } from '../../server/panel/store.js';
import { powPost, testDatabases, testMailbox, type Requester, using } from './helpers.js';
import { seedStaffOnce, signIn, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();
const { mailTo } = mailbox;

for (const database of testDatabases()) {
  describe(`citizen panel on ${database.name}`, () => {
    async function setup() {
      const t = await mailbox.app(database, { POW_MAX_NUMBER: '1000', PANEL_DISTRICTS: 'Norr, Söder', PANEL_MIN_GROUP: '3' });
      await t.db.deleteFrom('panel_members').execute();
      await seedStaffOnce(t.db);
      return t;
    }
    const join = (app: Requester, body: unknown) => powPost(app, '/api/panel/members', body);
    const path = (link: string) => {
      const u = new URL(link);
      return u.pathname + u.search;
    };

    it('joins by proof of work and the mailed link, tells an existing member so with the same answer, and refuses bad input without storing it', using(setup, async ({ app, db }) => {
      const info = (await (await app.request('/api/panel')).json()) as { ageBands: string[]; districts: string[]; consent: { sv: string; en: string } };
      assert.deepEqual(info.ageBands, ['16–29', '30–49', '50–64', '65+']);
      assert.deepEqual(info.districts, ['Norr', 'Söder']);
      assert.match(info.consent.sv, /lämna/);

      const who = `${database.name}-anna@example.se`;
      const noPow = await app.request('/api/panel/members', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: who, consent: true, lang: 'sv' }) });
      assert.equal(noPow.status, 400, 'proof of work is required');

      for (const bad of [
        { email: who, ageBand: '10–15', consent: true, lang: 'sv' },
        { email: who, district: 'Väster', consent: true, lang: 'sv' },
        { email: who, consent: false, lang: 'sv' },
        { email: 'not-an-address', consent: true, lang: 'sv' },
        { email: who, consent: true, lang: 'de' },
      ]) {
        const res = await join(app, bad);
        assert.equal(res.status, 400, JSON.stringify(bad));
      }
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, 0, 'nothing stored');

      const res = await join(app, { name: 'Anna', email: who, ageBand: '30–49', district: 'Norr', consent: true, lang: 'sv' });
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { status: 'check_your_email' });
      const mail = await mailTo(who);
      assert.equal(mail.subject, 'Bekräfta att du vill vara med i medborgarpanelen');
      // The address is not confirmed yet: nothing the resident wrote goes into the mail.
      assert.ok(!mail.text.includes('Anna'), 'the joining mail does not greet by the name given');
      assert.equal(mail.text.split('\n')[0], 'Hej!');
      const links = findLinks(mail.text);
      const confirm = links.find((l) => l.includes('/bekrafta/panel/'))!;
      assert.ok(links.at(-1)!.includes('/lamna-panelen/'), 'the mail ends with the leave link');
      assert.match(mail.headers['list-unsubscribe'] ?? '', /lamna-panelen/);
      assert.equal((await db.selectFrom('panel_members').select('status').executeTakeFirstOrThrow()).status, 'pending');

      const page = await app.request(path(confirm));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post"/);
      assert.equal((await db.selectFrom('panel_members').select('status').executeTakeFirstOrThrow()).status, 'pending', 'opening the link confirms nothing');
      assert.equal((await app.request(path(confirm), { method: 'POST' })).status, 200);
      assert.equal((await db.selectFrom('panel_members').select('status').executeTakeFirstOrThrow()).status, 'member');
      assert.equal((await app.request(path(confirm), { method: 'POST' })).status, 410, 'a used link');

      const again = await join(app, { email: who.toUpperCase(), consent: true, lang: 'en' });
      assert.equal(again.status, 202);
      assert.deepEqual(await again.json(), { status: 'check_your_email' });
      const told = await mailTo(who.toUpperCase());
      assert.equal(told.subject, 'You are already in the citizen panel');
      assert.equal(told.text.split('\n')[0], 'Hello Anna,', 'a member is greeted by the name they gave');
      assert.ok(!findLinks(told.text).some((l) => l.includes('/bekrafta/')));
      assert.ok(findLinks(told.text).at(-1)!.includes('/lamna-panelen/'));
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, 1);
    }));

    it('counts members per group for staff, hiding groups smaller than PANEL_MIN_GROUP and those that would give them away, never listing anyone; chat agents may not look', using(setup, async ({ app, db }) => {
      let n = 0;
      const add = async (count: number, ageBand: string | null, district: string | null) => {
        for (let i = 0; i < count; i++) {
          const joined = await joinPanel(db, { email: `${database.name}-member-${++n}@example.se`, ageBand, district, lang: 'sv' });
          if (!joined.alreadyMember) await confirmMember(db, joined.token);
        }
      };
      await add(3, '30–49', 'Norr');
      await add(2, '65+', 'Söder');
      await add(1, null, 'Norr');
      await joinPanel(db, { email: `${database.name}-pending@example.se`, ageBand: '30–49', lang: 'sv' });

      assert.equal((await staffRequest(app, '/api/staff/panel')).status, 401);
      assert.equal((await staffRequest(app, '/api/staff/panel', { cookie: await signIn(app, 'chat_agent') })).status, 403);
      assert.equal((await staffRequest(app, '/api/staff/panel', { cookie: await signIn(app, 'admin') })).status, 200);
      const res = await staffRequest(app, '/api/staff/panel', { cookie: await signIn(app, 'moderator') });
      assert.equal(res.status, 200);
      const counts = await res.json();
      assert.deepEqual(counts, {
        members: 6,
        byAgeBand: [
          { band: '16–29', count: null },
          { band: '30–49', count: 3 },
          { band: '50–64', count: null },
          { band: '65+', count: null },
          { band: null, count: null },
        ],
        byDistrict: [
          // Norr's 4 would give Söder's 2 away (6 − 4): hidden too.
          { district: 'Norr', count: null },
          { district: 'Söder', count: null },
          { district: null, count: null },
        ],
        minGroup: 3,
      });
      assert.ok(!JSON.stringify(counts).includes('@'));

      // A sign-up never confirmed is deleted a week on; members stay.
      assert.equal(await deleteUnconfirmedMembers(db, new Date(Date.now() + 6 * 86_400_000)), 0);
      assert.equal(await deleteUnconfirmedMembers(db, new Date(Date.now() + 8 * 86_400_000)), 1);
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, 6);
    }));

    it('leaves by the link in any panel mail: one button, then name and e-mail are gone and no more mail comes', using(setup, async ({ app, db }) => {
      const who = `${database.name}-bo@example.se`;
      assert.equal((await join(app, { name: 'Bo', email: who, ageBand: '65+', consent: true, lang: 'en' })).status, 202);
      const mail = await mailTo(who);
      assert.equal(mail.subject, 'Confirm that you want to join the citizen panel');
      await app.request(path(findLinks(mail.text).find((l) => l.includes('/bekrafta/panel/'))!), { method: 'POST' });
      const leave = path(findLinks(mail.text).find((l) => l.includes('/lamna-panelen/'))!);
      assert.match(leave, /\?lang=en$/);

      const page = await app.request(leave);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.equal(html.match(/<button/g)?.length, 1);
      assert.match(html, /Leave the panel/);
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, 1, 'opening the page changes nothing');

      const left = await app.request(leave, { method: 'POST' });
      assert.equal(left.status, 200);
      assert.match(await left.text(), /You have left/);
      assert.equal((await db.selectFrom('panel_members').select('id').execute()).length, 0, 'name and e-mail deleted with the membership');
      assert.equal((await db.selectFrom('panel_leave_tokens').select('token_hash').execute()).length, 0);
      assert.equal((await app.request(leave, { method: 'POST' })).status, 404, 'the link is spent');
      assert.equal((await app.request('/lamna-panelen/nonsense', { method: 'POST' })).status, 404);
    }));
  });
}
