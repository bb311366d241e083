import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import { databaseKinds, watchProblems, type RunningServer, startServedBrowser } from './harness.js';

const admin = { email: 'budget@kommun.test', password: 'ett-långt-lösenord-för-e2e' };
const resident = 'rut.resident@example.se';

for (const kind of databaseKinds) {
  describe(`end to end on ${kind}: the demo budget from ballot to published results`, () => {
    let server: RunningServer;
    let browser: Browser;
    let smtp: TestSmtpServer;
    let close: () => Promise<void>;

    before(async () => {
      // The demo budget is seeded open at first start (SEED_DEMO is on by default).
      ({ server, browser, smtp, close } = await startServedBrowser(kind, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, POW_MAX_NUMBER: '1000' }, { mail: true }));
    });
    after(() => close?.());

    it('a resident shares out the budget by keyboard on a phone, confirms by mail; staff close and publish; the widget shows the results', async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.url}/demo/budget`);
      const widget = page.locator('medverka-budget');

      // Starting amounts: 2.5 + 2.5 + 1.5 + 2 = 8.5 of 10 million. Two steps up on playgrounds (250 000 each).
      const playgrounds = widget.getByRole('slider', { name: /Lekplatser/ });
      await playgrounds.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal(await playgrounds.inputValue(), '3000000');
      assert.match((await playgrounds.getAttribute('aria-valuetext'))!, /3 miljoner kronor/);
      // Home on cycle paths: 0 kronor.
      const cycling = widget.getByRole('slider', { name: /Cykelvägar/ });
      await cycling.focus();
      await page.keyboard.press('Home');
      assert.equal(await cycling.inputValue(), '0');
      // 3 + 0 + 1.5 + 2 = 6.5 million given out, 3.5 million left.
      await widget.locator('[part=tally]').getByText(/3,5 miljoner kronor/).first().waitFor();

      await widget.getByLabel('E-postadress', { exact: true }).fill(resident);
      await widget.getByRole('button', { name: 'Skicka min budget' }).click();
      await widget.getByRole('heading', { name: 'Kolla din e-post' }).waitFor({ timeout: 15_000 });

      const mail = await smtp.waitFor((m) => m.envelope.to.includes(resident) && findLinks(m.text).some((l) => l.includes('/bekrafta/budget/')), 10_000);
      assert.equal(mail.subject, 'Bekräfta din budget');
      assert.match(mail.text, /- Lekplatser: 3\u00a0000\u00a0000 kr\n- Cykelvägar: 0 kr/, 'the mail says what is being confirmed');
      const link = findLinks(mail.text).find((l) => l.includes('/bekrafta/budget/'))!;
      const confirmPage = await context.newPage();
      await confirmPage.goto(link);
      await confirmPage.getByText(/Lekplatser: 3\s000\s000 kr/).waitFor();
      await confirmPage.getByRole('button', { name: 'Bekräfta' }).click();
      await confirmPage.getByText(/Din budget är räknad/).waitFor();

      // Staff close the process and publish the results with the decision, in the console.
      const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const signedIn = await staff.request.post(`${server.url}/api/staff/sign-in`, { headers: { Origin: server.url, 'Content-Type': 'application/json' }, data: admin });
      assert.equal(signedIn.status(), 200);
      const consolePage = await staff.newPage();
      const consoleProblems = watchProblems(consolePage);
      await consolePage.goto(`${server.url}/admin#/budgets/demo-investeringar`);
      await consolePage.getByRole('button', { name: 'Stäng för röster' }).click();
      await consolePage.getByRole('button', { name: 'Ja, stäng budgeten' }).click();
      await consolePage.getByLabel('Kommunens beslut på svenska').fill('Kommunfullmäktige beslutade att satsa mest på lekplatser.');
      await consolePage.getByRole('button', { name: 'Publicera resultatet' }).click();
      await consolePage.getByRole('button', { name: 'Ja, publicera' }).click();
      await consolePage.getByText('Resultatet och kommunens beslut är publicerade.').first().waitFor();

      // The resident's page shows the outcome: participants and decision. One resident is too
      // few for figures (they would be that resident's ballot): the widget says so instead.
      await page.reload();
      await widget.getByText('Kommunfullmäktige beslutade att satsa mest på lekplatser.').waitFor();
      await widget.getByText('1 person var med.').waitFor();
      await widget.getByText(/Färre än 5 personer var med här/).waitFor();
      assert.equal(await widget.locator('table').count(), 0, 'no table of one resident’s amounts');
      assert.doesNotMatch((await widget.locator('[part=results]').textContent())!.replace(/\s+/g, ' '), /3 000 000|3 miljoner/);
      // A published process's page fetches its results view, and neither the ballot form nor the proof of work.
      const chunks: string[] = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.includes('/widgets/chunks/')),
      );
      assert.ok(chunks.some((n) => n.includes('/budget-results-')), `the results view: ${chunks.join(', ')}`);
      assert.deepEqual(chunks.filter((n) => /\/budget-form-|proof-of-work/.test(n)), [], 'no form, no proof of work');

      assert.deepEqual([...problems, ...consoleProblems], []);
      await context.close();
      await staff.close();
    });
  });
}
