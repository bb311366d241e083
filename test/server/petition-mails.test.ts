import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLinks, type Mail, type Mailer } from '../../server/mail/mailer.js';
import { moderationMail, proposalConfirmationMail } from '../../server/petitions/mails.js';
import { confirmProposal, proposePetition } from '../../server/petitions/store.js';
import { powPost, testApp, testDatabases } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

/** A mailer that keeps what it is given. */
function keptMail(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return { sent, send: async (mail) => (sent.push(mail), { id: String(sent.length) }), close: async () => {} };
}

// A title written to carry links: as an address, a bare domain and a domain a mail client
// would turn into a link anyway.
const linkyTitle = 'Vinn pris på https://bluff.example/vinst eller www.bluff.example och bluff.example.com';

describe('the proposer’s confirmation mail', () => {
  it('carries no text the resident wrote: the address given is not confirmed yet', () => {
    for (const lang of ['sv', 'en'] as const) {
      const link = `http://dialog.test/bekrafta/forslag/abc?lang=${lang}`;
      const mail = proposalConfirmationMail(lang, 'vem-som-helst@example.se', link);
      assert.deepEqual(findLinks(mail.text), [link], `${lang}: the confirmation link is the only link`);
      assert.doesNotMatch(`${mail.subject}\n${mail.text}`, /bluff|www\./);
      assert.match(mail.text, lang === 'en' ? /e-petition/ : /e-förslag/);
    }
  });
});

describe('the “published” mail to the proposer', () => {
  it('tells the threshold, the closing date and how to share the petition’s address', () => {
    const link = 'http://dialog.test/e-forslag/42';
    const sv = moderationMail('sv', 'greta@example.se', 'Fler bänkar', { published: true, link, threshold: 500, closesAt: '2026-09-01T09:00:00.000Z', timeZone: 'Europe/Stockholm' });
    assert.match(sv.text, /500 underskrifter/);
    assert.match(sv.text, /1 september 2026 kl\. 11:00/);
    assert.match(sv.text, /[Dd]ela/);
    assert.deepEqual(findLinks(sv.text), [link]);
    const en = moderationMail('en', 'greta@example.se', 'More benches', { published: true, link, threshold: 500, closesAt: '2026-09-01T09:00:00.000Z', timeZone: 'Europe/Stockholm' });
    assert.match(en.text, /500 signatures/);
    assert.match(en.text, /11:00 on 1 September 2026/);
    assert.match(en.text, /[Ss]hare/);
    assert.deepEqual(findLinks(en.text), [link]);
  });
});

for (const database of testDatabases()) {
  describe(`petition mails over HTTP on ${database.name}`, () => {
    it('sends a proposal’s confirmation with its link only, and the published mail with threshold, date and address', async () => {
      const mailer = keptMail();
      const { app, db } = await testApp(database, { POW_MAX_NUMBER: '1000', PETITION_THRESHOLD: '250', PETITION_OPEN_MONTHS: '3' }, { mailer });
      try {
        await db.deleteFrom('staff_users').execute();
        await seedStaff(db);
        const res = await powPost(app, '/api/petitions', { title: linkyTitle, body: 'Ett förslag vars rubrik försöker skicka länkar till främlingar.', name: 'Bluff Bluffsson', email: 'framling@example.se', publicDocumentAccepted: true });
        assert.equal(res.status, 202);
        const confirmation = mailer.sent.find((m) => m.to === 'framling@example.se')!;
        assert.equal(findLinks(confirmation.text).length, 1);
        assert.match(findLinks(confirmation.text)[0]!, /^http:\/\/dialog\.test\/bekrafta\/forslag\//);
        assert.doesNotMatch(confirmation.text, /bluff/i);

        const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar i parken', body: 'Äldre behöver kunna vila på promenaden i parken.', name: 'Greta', email: 'greta@example.se' }, 250);
        await confirmProposal(db, token);
        const approved = await staffRequest(app, `/api/staff/petitions/${petitionId}/approve`, { method: 'POST', cookie: await signIn(app, 'moderator') });
        const { petition } = (await approved.json()) as { petition: { closesAt: string } };
        const published = mailer.sent.find((m) => m.to === 'greta@example.se' && m.subject === 'Ditt e-förslag är publicerat')!;
        assert.match(published.text, /250 underskrifter/);
        const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(petition.closesAt));
        assert.ok(published.text.includes(day), `the closing date ${day}`);
        assert.deepEqual(findLinks(published.text), [`http://dialog.test/e-forslag/${petitionId}`]);
      } finally {
        await db.destroy();
      }
    });
  });
}
