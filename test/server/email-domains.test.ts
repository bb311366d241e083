import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEmailDomain } from '../../server/abuse/email-domains.js';
import { moveBudget, saveBudget } from '../../server/budgets/store.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { powPost, testApp, testConfig } from './helpers.js';
import { budgetInput, projectLine, sv } from './budget-fixtures.js';


describe('the e-mail domain policy', () => {
  const defaults = testConfig().emailDomains;

  it('refuses throwaway-mailbox domains by default, subdomains of wildcard ones too, and lets ordinary mail through', () => {
    assert.deepEqual(defaults, { allowed: [], blocked: [], blockDisposable: true });
    for (const email of ['anna@gmail.com', 'bo@telia.com', 'c@kommun.se', 'D@Outlook.com']) assert.equal(checkEmailDomain(email, defaults), null, email);
    for (const email of ['x@mailinator.com', 'x@MAILINATOR.COM', 'x@yopmail.com']) assert.equal(checkEmailDomain(email, defaults), 'blocked', email);
    assert.equal(checkEmailDomain('x@anything.33mail.com', defaults), 'blocked', 'a subdomain of a wildcard domain');
    assert.equal(checkEmailDomain('x@mailinator.com', { ...defaults, blockDisposable: false }), null, 'BLOCK_DISPOSABLE_EMAIL=false');
  });

  it('blocks the listed domains with their subdomains, and with an allow list accepts only those', () => {
    const config = testConfig({ EMAIL_DOMAINS_BLOCKED: 'Spam.example, konkurrent.se', EMAIL_DOMAINS_ALLOWED: '' }).emailDomains;
    assert.deepEqual(config.blocked, ['spam.example', 'konkurrent.se']);
    assert.equal(checkEmailDomain('a@spam.example', config), 'blocked');
    assert.equal(checkEmailDomain('a@mail.spam.example', config), 'blocked');
    assert.equal(checkEmailDomain('a@notspam.example', config), null, 'only whole labels match');
    const only = testConfig({ EMAIL_DOMAINS_ALLOWED: 'kommun.se' }).emailDomains;
    assert.equal(checkEmailDomain('a@kommun.se', only), null);
    assert.equal(checkEmailDomain('a@skola.kommun.se', only), null);
    assert.equal(checkEmailDomain('a@gmail.com', only), 'not_allowed');
    assert.equal(checkEmailDomain('a@kommun.se.evil.example', only), 'not_allowed');
  });

  it('refuses a malformed list at start, naming the variable', () => {
    assert.throws(() => testConfig({ EMAIL_DOMAINS_BLOCKED: 'ok.se, inte en domän' }), /EMAIL_DOMAINS_BLOCKED.*"inte en domän" is not a domain/);
    assert.throws(() => testConfig({ BLOCK_DISPOSABLE_EMAIL: 'kanske' }), /BLOCK_DISPOSABLE_EMAIL/);
  });

  it('answers a refused domain with 400 at the e-mail field, and stores nothing, for signatures, proposals and ballots', async () => {
    const { app, db } = await testApp(null, { POW_MAX_NUMBER: '1000', EMAIL_DOMAINS_BLOCKED: 'spam.example' });
    try {
      const { petitionId, token } = await proposePetition(db, { title: 'Fler bänkar', body: 'Det behövs fler bänkar att vila på.', name: 'G', email: 'g@example.se' }, 10);
      await confirmProposal(db, token);
      await movePetition(db, petitionId, 'open');
      await saveBudget(db, budgetInput({ slug: 'b', title: sv('B'), mode: 'projects', total: 100, items: [projectLine(null, 'P', 50)] }));
      await moveBudget(db, 'b', 'open');
      const itemId = (await db.selectFrom('budget_items').select('id').executeTakeFirstOrThrow()).id;
      const post = (path: string, body: unknown) => powPost(app, path, body);
      const refused = [
        await post(`/api/petitions/${petitionId}/signatures`, { name: 'S', email: 's@mailinator.com', connection: 'resident' }),
        await post(`/api/petitions/${petitionId}/signatures`, { name: 'S', email: 's@mail.spam.example', connection: 'resident' }),
        await post('/api/petitions', { title: 'Ett förslag', body: 'Ett förslag med tillräckligt lång text.', name: 'P', email: 'p@yopmail.com', publicDocumentAccepted: true }),
        await post('/api/budgets/b/ballots', { email: 'v@mailinator.com', projects: [itemId] }),
      ];
      for (const res of refused) {
        assert.equal(res.status, 400);
        const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
        assert.equal(body.error.code, 'email_domain_refused');
        assert.deepEqual(body.error.issues.map((i) => i.path), ['email']);
      }
      assert.equal((await db.selectFrom('signatures').select('id').execute()).length, 0);
      assert.equal((await db.selectFrom('petitions').select('id').execute()).length, 1);
      assert.equal((await db.selectFrom('budget_ballots').select('id').execute()).length, 0);
      assert.equal((await post(`/api/petitions/${petitionId}/signatures`, { name: 'S', email: 's@example.se', connection: 'resident' })).status, 202);
    } finally {
      await db.destroy();
    }
  });
});
