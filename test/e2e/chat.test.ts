// The chat end to end, on each database: a resident on the demo page (phone width) and an
// agent in the console (desktop), two browser contexts on the built bundle and the real
// server process, chatting both ways, through a reload and a restart of the server.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { databaseKinds, freshDatabase, launchBrowser, startServer, watchProblems, type RunningServer } from './harness.js';

const admin = { email: 'admin@kommun.test', password: 'ett-långt-lösenord-för-e2e', name: 'Alva Agent' };

/** A page's problems, less the refused connections a page sees while the server restarts. */
const realProblems = (problems: string[]) => problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/.test(p));

for (const kind of databaseKinds) {
  describe(`end to end on ${kind}: a resident chats with the contact centre`, () => {
    let server: RunningServer;
    let browser: Browser;
    let drop: () => Promise<void>;
    let databaseUrl: string;
    let outbox: string;
    let env: Record<string, string>;

    before(async () => {
      const db = await freshDatabase(kind);
      drop = db.drop;
      databaseUrl = db.url;
      outbox = mkdtempSync(join(tmpdir(), 'medverka-e2e-outbox-'));
      env = {
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        ADMIN_NAME: admin.name,
        // Open whenever the test runs, public holidays included.
        CHAT_HOURS: 'mon-sun 00:00-24:00; holidays 00:00-24:00',
        POW_MAX_NUMBER: '1000',
        OUTBOX_DIR: outbox,
      };
      server = await startServer(databaseUrl, env);
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
      await drop?.();
      rmSync(outbox, { recursive: true, force: true });
    });

    /** The resident's log of messages, as text. */
    const residentLog = (page: Page) => page.locator('medverka-chat').getByRole('log');
    const agentLog = (page: Page) => page.locator('medverka-console').getByRole('log');

    it('both ways, live, across a reload and a server restart, until the agent ends it', async () => {
      const residentContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const resident = await residentContext.newPage();
      const residentProblems = watchProblems(resident);
      const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const agent = await agentContext.newPage();
      const agentProblems = watchProblems(agent);

      // The agent signs in and watches the inbox.
      await agent.goto(`${server.url}/admin`);
      await agent.getByLabel('E-postadress').fill(admin.email);
      await agent.getByLabel('Lösenord').fill(admin.password);
      await agent.getByRole('button', { name: 'Logga in' }).click();
      await agent.getByRole('navigation').getByRole('link', { name: /^Chatt/ }).click();
      await agent.waitForURL(/#\/chat$/);

      // The resident opens the chat from the demo page's contact column and asks.
      await resident.goto(`${server.url}/demo`);
      await resident.getByRole('button', { name: 'Chatta med oss' }).click();
      await resident.getByLabel('Namn (frivilligt)').fill('Kim');
      await resident.getByLabel('E-postadress (frivilligt)').fill('kim@kommun.test');
      await resident.getByLabel('Din fråga').fill('Hej! När töms soporna på Storgatan?');
      assert.equal(await resident.evaluate(() => sessionStorage.length), 0, 'nothing stored before the resident writes');
      await resident.getByRole('button', { name: 'Starta chatten' }).click();
      await residentLog(resident).getByText('Hej! När töms soporna på Storgatan?').waitFor();
      assert.equal(await resident.evaluate(() => sessionStorage.length), 1, 'the conversation is kept for this tab once the resident has written');

      // The new conversation reaches the agent's inbox without a reload, and is announced.
      await agent.getByRole('navigation').locator('#waiting-chat', { hasText: '1 väntar' }).waitFor({ state: 'attached' });
      assert.equal(await agent.getByRole('navigation').getByRole('link', { name: 'Chatt', exact: true }).getAttribute('aria-describedby'), 'waiting-chat', 'the link tells what waits');
      assert.match(await agent.title(), /^\(1\) /);
      await agent.getByRole('link', { name: 'Kim' }).click();
      await agentLog(agent).getByText('Hej! När töms soporna på Storgatan?').waitFor();
      await agent.getByRole('button', { name: 'Ta samtalet' }).click();
      // As an agent would: answer once the conversation is theirs (a reply typed while the
      // claim is on its way waits in the box).
      await agent.getByRole('button', { name: 'Ta samtalet' }).waitFor({ state: 'detached' });
      await agent.getByLabel('Ditt svar').fill('Hej Kim! Storgatan töms på tisdagar.');
      await agent.getByLabel('Ditt svar').press('Enter');

      // The agent's answer reaches the resident, who answers back.
      await residentLog(resident).getByText('Hej Kim! Storgatan töms på tisdagar.').waitFor();
      await residentLog(resident).getByText(`${admin.name} svarar nu`, { exact: false }).waitFor();
      await resident.getByLabel('Ditt meddelande').fill('Tack! Och min personnummer är 19811218-9876?');
      await resident.getByRole('button', { name: 'Skicka', exact: true }).click();
      await agentLog(agent).getByText(/Tack! Och min personnummer är/).waitFor();
      assert.ok(!(await agentLog(agent).textContent())!.includes('19811218-9876'), 'the personnummer never reaches the agent');

      // A reload keeps the conversation (the same tab's session storage).
      await resident.reload();
      await residentLog(resident).getByText('Hej Kim! Storgatan töms på tisdagar.').waitFor();

      // The server restarts: both pages reconnect by themselves and pick up where they were.
      await server.stop();
      server = await startServer(databaseUrl, env, server.port);
      await agent.getByLabel('Ditt svar').fill('Är du kvar efter omstarten?');
      await agent.getByLabel('Ditt svar').press('Enter');
      await residentLog(resident).getByText('Är du kvar efter omstarten?').waitFor({ timeout: 40_000 });
      await resident.getByLabel('Ditt meddelande').fill('Ja, jag är kvar.');
      await resident.getByRole('button', { name: 'Skicka', exact: true }).click();
      await agentLog(agent).getByText('Ja, jag är kvar.').waitFor({ timeout: 40_000 });
      // Nothing twice: each message once on each side.
      assert.equal(await residentLog(resident).getByText('Är du kvar efter omstarten?').count(), 1);
      assert.equal(await agentLog(agent).getByText('Ja, jag är kvar.').count(), 1);

      // The agent ends it; the resident is told, asked for a rating, and the tab forgets it.
      await agent.getByRole('button', { name: 'Avsluta', exact: true }).click();
      await agent.getByRole('button', { name: 'Avsluta samtalet' }).click();
      await residentLog(resident).getByText(`${admin.name} avslutade samtalet.`).waitFor();
      const chat = resident.locator('medverka-chat');
      // Offered to the address given at the start (the page was reloaded and the server restarted since): no other.
      await chat.getByText('Vill du ha en kopia av samtalet? Vi mejlar den till kim@kommun.test.').waitFor();
      await chat.getByRole('button', { name: 'Mejla samtalet' }).click();
      await chat.getByText('Vi har mejlat samtalet till kim@kommun.test.').waitFor();
      const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8'));
      const transcript = mails.find((m) => /^To: kim@kommun\.test/m.test(m));
      assert.ok(transcript, 'the transcript is in the outbox');
      assert.match(transcript.replace(/=\r?\n/g, ''), /Storgatan t=C3=B6ms p=C3=A5 tisdagar|Storgatan töms på tisdagar/);
      await chat.getByRole('radio', { name: '5 – Mycket nöjd' }).check();
      await chat.getByRole('button', { name: 'Skicka svaret' }).click();
      await chat.getByText('Tack för ditt svar!').waitFor();
      await agent.reload();
      await agent.locator('medverka-console').getByText('5 av 5').first().waitFor();
      assert.equal(await resident.evaluate(() => sessionStorage.length), 0, 'an ended conversation is not kept');

      assert.deepEqual(realProblems(residentProblems), []);
      assert.deepEqual(realProblems(agentProblems), []);
      await residentContext.close();
      await agentContext.close();
    });
  });
}
