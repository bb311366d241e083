import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import { databaseKinds, watchProblems, type RunningServer, startServedBrowser } from './harness.js';

const admin = { email: 'moderator@kommun.test', password: 'ett-långt-lösenord-för-e2e' };
const proposer = { name: 'Greta Gran', email: 'greta.gran@example.se' };
const signer = { name: 'Sam Svensson', email: 'sam.svensson@example.se' };
const title = 'Fler sittplatser vid busshållplatsen på Storgatan';


for (const kind of databaseKinds) {
  describe(`end to end on ${kind}: an e-petition from proposal to answer`, () => {
    let server: RunningServer;
    let browser: Browser;
    let smtp: TestSmtpServer;
    let close: () => Promise<void>;

    before(async () => {
      ({ server, browser, smtp, close } = await startServedBrowser(
        kind,
        {
          ADMIN_EMAIL: admin.email,
          ADMIN_PASSWORD: admin.password,
          PETITION_THRESHOLD: '2',
          // An easy proof of work keeps the test quick; the difficulty is a setting.
          POW_MAX_NUMBER: '1000',
        },
        { mail: true },
      ));
    });
    after(() => close?.());

    /** The link in the newest mail to `to` whose path matches, and that mail. */
    async function mailedLink(to: string, path: RegExp) {
      const mail = await smtp.waitFor((m) => m.envelope.to.includes(to) && findLinks(m.text).some((l) => path.test(l)), 10_000);
      smtp.messages.splice(smtp.messages.indexOf(mail), 1);
      return { mail, link: findLinks(mail.text).find((l) => path.test(l))! };
    }

    /** Opens a mailed confirmation link and presses its button, as a resident would. */
    async function confirm(page: Page, link: string, done: RegExp) {
      await page.goto(link);
      await page.getByRole('button', { name: 'Bekräfta' }).click();
      await page.getByText(done).waitFor();
    }

    it('a resident proposes on the demo page, staff publish it, others sign and follow the count, and the answer reaches everyone', async () => {
      // A resident on a phone proposes a petition on the demo page of the municipality's site.
      const resident = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await resident.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.url}/demo/e-forslag`);
      await page.getByRole('button', { name: 'Skriv ett e-förslag' }).click();
      await page.getByLabel('Rubrik', { exact: true }).fill(title);
      await page.getByLabel('Ditt förslag', { exact: true }).fill('Många äldre väntar länge på bussen och behöver kunna sitta ner. Sätt upp bänkar vid hållplatsen.');
      await page.getByLabel('Ditt namn', { exact: true }).fill(proposer.name);
      await page.getByLabel('E-postadress', { exact: true }).fill(proposer.email);
      await page.getByLabel(/allmän handling/).check();
      await page.getByRole('button', { name: 'Skicka förslaget' }).click();
      await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor({ timeout: 15_000 });

      // ... and confirms it from the mail.
      const proposal = await mailedLink(proposer.email, /\/bekrafta\/forslag\//);
      assert.equal(proposal.mail.subject, 'Bekräfta ditt e-förslag');
      await confirm(page, proposal.link, /skickat till granskning/);

      // A moderator publishes it in the console.
      const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const signedIn = await staff.request.post(`${server.url}/api/staff/sign-in`, { headers: { Origin: server.url, 'Content-Type': 'application/json' }, data: admin });
      assert.equal(signedIn.status(), 200);
      const consolePage = await staff.newPage();
      const consoleProblems = watchProblems(consolePage);
      await consolePage.goto(`${server.url}/admin#/petitions`);
      await consolePage.getByRole('link', { name: title }).click();
      await consolePage.getByRole('button', { name: 'Publicera', exact: true }).click();
      await consolePage.getByText('Förslaget är publicerat och förslagsställaren har fått e-post.').first().waitFor();
      const published = await mailedLink(proposer.email, /\/e-forslag\/\d+$/);
      assert.equal(published.mail.subject, 'Ditt e-förslag är publicerat');
      const petitionId = Number(/\/e-forslag\/(\d+)$/.exec(published.link)![1]);

      // Someone has the petition's page open (the page mails link to) and watches the count.
      const watcher = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const watching = await watcher.newPage();
      const watchingProblems = watchProblems(watching);
      await watching.goto(published.link);
      const count = watching.locator('medverka-petition [part=count]');
      await count.getByText('0 av 2').waitFor();

      // A resident signs it in the list on the demo page.
      await page.goto(`${server.url}/demo/e-forslag`);
      await page.getByRole('button', { name: new RegExp(title) }).click();
      await page.getByLabel('Namn', { exact: true }).fill(signer.name);
      await page.getByLabel('E-postadress', { exact: true }).fill(signer.email);
      await page.getByLabel('Jag bor i kommunen').check();
      await page.getByLabel(/Jag vill få veta/).check();
      await page.getByRole('button', { name: 'Skriv under' }).click();
      await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor({ timeout: 15_000 });
      assert.equal(await count.textContent().then((t) => /0 av 2/.test(t!)), true, 'not counted before the link is followed');

      // The signer confirms from the mail; the open page's count rises without a reload.
      const signature = await mailedLink(signer.email, /\/bekrafta\/underskrift\//);
      assert.equal(signature.mail.subject, 'Bekräfta din underskrift');
      const mailPage = await resident.newPage();
      await confirm(mailPage, signature.link, /Din underskrift är räknad/);
      // The confirmed page leads back to the page the signer signed on, with the petition open.
      await mailPage.getByRole('link', { name: /^Tillbaka till/ }).click();
      await mailPage.waitForURL(`${server.url}/demo/e-forslag#e-forslag-${petitionId}`);
      await mailPage.locator('medverka-petitions').getByRole('heading', { name: title }).waitFor();
      await count.getByText('1 av 2').waitFor({ timeout: 10_000 });

      // Staff answer; the answer appears on the open page and is mailed to proposer and signer.
      await consolePage.reload();
      // Staff are asked first and see the mail that will be sent; nothing is published until they say yes.
      await consolePage.getByLabel('Kommunens svar').fill('Nämnden har beslutat att sätta upp två bänkar vid hållplatsen i vår.');
      await consolePage.getByLabel('Nämnd som har beslutat').fill('Tekniska nämnden');
      await consolePage.getByRole('button', { name: 'Publicera svar' }).click();
      const question = consolePage.getByRole('group', { name: /Vill du publicera svaret\?/ });
      await question.getByText(/Svaret är beslutat av: Tekniska nämnden\./).waitFor();
      await question.getByText(/två bänkar vid hållplatsen/).first().waitFor();
      assert.equal(smtp.messages.filter((m) => /^Svar på e-förslaget/.test(m.subject)).length, 0, 'nothing mailed before the answer is confirmed');
      await question.getByRole('button', { name: 'Ja, publicera svaret' }).click();
      await consolePage.getByText('Svaret är publicerat och skickat till 2 personer.').first().waitFor();
      await consolePage.locator('medverka-console-petition').getByText('Besvarat', { exact: true }).first().waitFor();
      await watching.locator('medverka-petition [part=answer]').getByText(/två bänkar/).waitFor({ timeout: 10_000 });
      for (const to of [proposer.email, signer.email]) {
        const answer = await smtp.waitFor((m) => m.envelope.to.includes(to) && /^Svar på e-förslaget/.test(m.subject), 10_000);
        assert.match(answer.text, /två bänkar/);
        assert.ok(findLinks(answer.text).includes(`${server.url}/e-forslag/${petitionId}`));
      }

      // The open data agrees, and holds no personal data.
      const open = (await (await fetch(`${server.url}/api/petitions/${petitionId}`)).json()) as Record<string, unknown>;
      assert.equal(open.status, 'answered');
      assert.equal(open.signatureCount, 1);
      assert.ok(!JSON.stringify(open).includes('@'), 'no e-mail address');

      assert.deepEqual([...problems, ...consoleProblems, ...watchingProblems], []);
      await resident.close();
      await staff.close();
      await watcher.close();
    });
  });
}
