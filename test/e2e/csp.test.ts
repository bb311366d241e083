// Every widget embedded, as the built bundle, in a municipality's page on another origin that
// sends a strict Content-Security-Policy with Trusted Types: each renders, does its main thing
// (proof of work in a blob worker included), and breaks no rule of the policy.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoBudgetSlug } from '../../server/budgets/seed.js';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { confirmLink, mailedLink, openSurvey, openSurveyQuestion, residentPost, signInStaff } from './api.js';
import { startHostPage, watchProblems, type HostPage, type RunningServer, startServedBrowser } from './harness.js';

const admin = { email: 'admin@kommun.test', password: 'ett-långt-lösenord-för-e2e' };
const tags = ['medverka-tiles', 'medverka-petition', 'medverka-petitions', 'medverka-budget', 'medverka-chat', 'medverka-poll', 'medverka-panel', 'medverka-survey'];

describe('end to end on sqlite: every widget on a host page with a strict Content-Security-Policy and Trusted Types', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;
  let host: HostPage;
  let policy = '';

  before(async () => {
    // A fresh nonce for every page, as a CMS that uses nonces sends it.
    host = await startHostPage((pasted) => {
      const nonce = randomBytes(16).toString('base64');
      return { headers: { 'Content-Security-Policy': policy.replace('{nonce}', nonce) }, html: pasted.replaceAll('{nonce}', nonce) };
    });
    ({ server, browser, smtp, close } = await startServedBrowser('sqlite', {
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ALLOWED_ORIGINS: host.origin,
      CHAT_HOURS: 'mon-sun 00:00-24:00; holidays 00:00-24:00',
      // An easy proof of work keeps the test quick; it is still solved in the blob worker.
      POW_MAX_NUMBER: '1000',
    }, { mail: true }));
    const api = server.url;
    policy =
      `default-src 'none'; script-src 'nonce-{nonce}' ${api}; connect-src ${api}; worker-src blob:; style-src 'none'; ` +
      `img-src ${api} data:; require-trusted-types-for 'script'; trusted-types lit-html medverka-pow`;

    // Something to show in every widget: a published petition, an open poll, an open survey.
    const staff = await signInStaff(api, admin);
    await residentPost(api, '/api/petitions', {
      title: 'Fler papperskorgar i parken',
      body: 'Parken skräpas ner på helgerna. Sätt upp fler papperskorgar vid grillplatserna.',
      name: 'Greta Gran',
      email: 'greta@example.se',
      publicDocumentAccepted: true,
      lang: 'sv',
    });
    await confirmLink(await mailedLink(smtp, 'greta@example.se', /\/bekrafta\/forslag\//));
    const { petitions } = await staff.call<{ petitions: { id: number }[] }>('GET', '/api/staff/petitions?status=awaiting_moderation');
    const petition = petitions[0]!.id;
    await staff.call('POST', `/api/staff/petitions/${petition}/approve`);
    const { poll } = await staff.call<{ poll: { id: number } }>('POST', '/api/staff/polls', {
      question: { sv: 'Hur tar du dig till jobbet?' },
      kind: 'single',
      options: [{ sv: 'Cykel' }, { sv: 'Buss' }, { sv: 'Bil' }],
    });
    await staff.call('POST', `/api/staff/polls/${poll.id}/open`);
    const survey = await openSurvey(staff);

    host.paste(
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title>` +
      // Registered before anything of ours loads, so that no violation is missed.
      `<script nonce="{nonce}">window.violations=[];document.addEventListener('securitypolicyviolation',function(e){window.violations.push(e.violatedDirective+' '+e.blockedURI+' '+e.sample)},true)</script>` +
      `<script type="module" nonce="{nonce}" src="${api}/widgets/medverka.js"></script></head><body><h1>Engagera dig</h1>` +
      `<medverka-tiles set="engagera-dig"></medverka-tiles>` +
      `<medverka-petition petition="${petition}"></medverka-petition>` +
      `<medverka-petitions></medverka-petitions>` +
      `<medverka-budget budget="${demoBudgetSlug}"></medverka-budget>` +
      `<medverka-poll poll="${poll.id}"></medverka-poll>` +
      `<medverka-panel></medverka-panel>` +
      `<medverka-survey survey="${survey}"></medverka-survey>` +
      `<medverka-chat prompt-delay="0"></medverka-chat>` +
      `</body></html>`,
    );
  });

  after(async () => {
    await close?.();
    await host?.close();
  });

  it('renders each widget, drives its main form, and breaks no rule', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(host.origin);
    assert.match(response!.headers()['content-security-policy']!, /require-trusted-types-for 'script'/);

    // Each widget rendered something of its own.
    await page.locator('medverka-tiles .grid .title').first().waitFor();
    await page.locator('medverka-poll').getByRole('button', { name: 'Cykel' }).waitFor();
    await page.locator('medverka-budget input[type=range]').first().waitFor();
    await page.locator('medverka-petitions').getByRole('button', { name: /Fler papperskorgar/ }).waitFor();
    await page.locator('medverka-survey').getByText(openSurveyQuestion).waitFor();
    await page.locator('medverka-panel').getByRole('button', { name: 'Gå med i panelen' }).waitFor();
    await page.locator('medverka-chat').getByRole('button', { name: 'Chatta med oss' }).waitFor();
    const rendered = await page.evaluate(
      `${JSON.stringify(tags)}.filter((t) => !((document.querySelector(t)?.shadowRoot?.textContent ?? '').trim().length > 0))`,
    );
    assert.deepEqual(rendered, [], 'every widget shows text');

    // A resident signs the petition: the proof of work runs in the blob worker.
    const petition = page.locator('body > medverka-petition');
    await petition.getByLabel('Namn', { exact: true }).fill('Sam Svensson');
    await petition.getByLabel('E-postadress', { exact: true }).fill('sam@example.se');
    await petition.getByLabel('Jag bor i kommunen').check();
    await petition.getByRole('button', { name: 'Skriv under' }).click();
    await petition.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
    await smtp.waitFor((m) => m.envelope.to.includes('sam@example.se'), 10_000);

    // Opens the petition from the list.
    await page.locator('medverka-petitions').getByRole('button', { name: /Fler papperskorgar/ }).click();
    await page.locator('medverka-petitions').getByText('Tillbaka till alla förslag').waitFor();

    // Moves a slider of the budget.
    const slider = page.locator('medverka-budget input[type=range]').first();
    const before = await slider.inputValue();
    await slider.focus();
    await slider.press('ArrowRight');
    assert.notEqual(await slider.inputValue(), before, 'the slider moved');

    // Answers the poll.
    await page.locator('medverka-poll').getByRole('button', { name: 'Cykel' }).click();
    await page.locator('medverka-poll').getByText('Du har svarat').waitFor();

    // Joins the panel (a second proof of work).
    const panel = page.locator('medverka-panel');
    await panel.getByLabel('E-postadress', { exact: false }).fill('panel@example.se');
    await panel.getByLabel('Vill inte svara').first().check();
    await panel.getByLabel(/Jag har läst texten ovan/).check();
    await panel.getByRole('button', { name: 'Gå med i panelen' }).click();
    await smtp.waitFor((m) => m.envelope.to.includes('panel@example.se'), 10_000);

    // Answers the survey.
    const survey = page.locator('medverka-survey');
    await survey.locator('textarea').fill('Fler ljudböcker.');
    await survey.getByRole('button', { name: 'Skicka in' }).click();
    await survey.getByText('Tack för dina svar!').waitFor();

    // Opens the chat (its panel is loaded only now) and sends a message.
    const chat = page.locator('medverka-chat');
    await chat.getByRole('button', { name: 'Chatta med oss' }).click();
    await chat.getByLabel('Din fråga').fill('Hej! När öppnar simhallen?');
    await chat.getByRole('button', { name: 'Starta chatten' }).click();
    await chat.getByRole('log').getByText('Hej! När öppnar simhallen?').waitFor();

    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate('window.violations'), [], 'no violation of the policy');
    assert.deepEqual(problems, [], 'no console errors');
    await context.close();
  });
});
