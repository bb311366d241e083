import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { databaseKinds, freePort, watchProblems, type RunningServer, startServedBrowser } from './harness.js';

const admin = { email: 'admin@kommun.test', password: 'ett-långt-lösenord-för-e2e' };

/** A municipality's own page on another origin, holding whatever the editor pasted. */
async function hostPage(): Promise<{ origin: string; paste: (html: string) => void; close: () => Promise<void> }> {
  let body = '';
  const port = await freePort();
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title></head><body><h1>Engagera dig</h1>${body}</body></html>`);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${port}`,
    paste: (html) => (body = html),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}


for (const kind of databaseKinds) {
  describe(`end to end on ${kind}: an administrator runs the console`, () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let host: Awaited<ReturnType<typeof hostPage>>;
    let close: () => Promise<void>;

    before(async () => {
      host = await hostPage();
      ({ server, browser, close } = await startServedBrowser(kind, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ALLOWED_ORIGINS: host.origin }));
      // A context already signed in, for the tests that are not about signing in.
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const signedIn = await context.request.post(`${server.url}/api/staff/sign-in`, {
        headers: { Origin: server.url, 'Content-Type': 'application/json' },
        data: admin,
      });
      assert.equal(signedIn.status(), 200);
    });
    after(async () => {
      await close?.();
      await host?.close();
    });

    it('signs in, renames a tile, and the demo page shows the new title', async () => {
      const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await fresh.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.url}/admin`);
      await page.getByLabel('E-postadress').fill(admin.email);
      await page.getByLabel('Lösenord').fill('fel-lösenord-helt-klart');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByText('E-postadressen eller lösenordet stämmer inte.').first().waitFor();
      await page.getByLabel('Lösenord').fill(admin.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Rutor' }).waitFor();

      await page.goto(`${server.url}/admin#/tiles/engagera-dig`);
      const fourth = page.locator('medverka-console-tile-set .tiles > li').nth(3);
      await fourth.locator('[data-action=edit]').click();
      const title = page.locator('#tile-title-sv');
      assert.equal(await title.inputValue(), 'Jag vill engagera mig ideellt');
      await title.fill('Jag vill bli volontär');
      await page.locator('medverka-console-tile-form button[type=submit]').click();
      await page.locator('medverka-console-tile-form').waitFor({ state: 'detached' });

      const demo = await fresh.newPage();
      await demo.goto(`${server.url}/demo`);
      await demo.locator('medverka-tiles .grid .title').nth(3).waitFor();
      assert.equal(await demo.locator('medverka-tiles .grid .title').nth(3).textContent(), 'Jag vill bli volontär');
      await demo.close();

      await page.goto(`${server.url}/admin#/audit`);
      await page.getByText('tile.update').first().waitFor();
      assert.deepEqual(problems, []);
      await fresh.close();
    });

    it('builds a snippet that works when pasted into a page on an allowed origin', async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}/admin#/embed`);
      await page.locator('medverka-console-embed medverka-tiles .grid').waitFor();
      await page.locator('#lang-en').check();
      await page.locator('[data-copy=script]').click();
      await page.getByText('Kopierat').first().waitFor();
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(snippet, new RegExp(`<script type="module" src="${server.url}/widgets/medverka\\.js"`));
      assert.match(snippet, /<medverka-tiles set="engagera-dig" lang="en"><\/medverka-tiles>/);
      await page.close();

      host.paste(snippet);
      const pasted = await context.newPage();
      const problems = watchProblems(pasted);
      await pasted.goto(host.origin);
      await pasted.locator("medverka-tiles .grid .title").first().waitFor({ timeout: 5000 }).catch(() => { throw new Error(`nothing rendered; snippet:\n${snippet}\nproblems: ${problems.join("\n")}`); });
      assert.equal(await pasted.locator('medverka-tiles .grid .title').nth(1).textContent(), 'I want to get involved in politics');
      assert.deepEqual(problems, [], 'no CORS, SRI or script errors');
      await pasted.close();
    });

    it('gives a page on an origin that is not allowed no tiles', async () => {
      const elsewhere = await hostPage();
      try {
        elsewhere.paste(`<script type="module" src="${server.url}/widgets/medverka.js"></script><medverka-tiles set="engagera-dig"></medverka-tiles>`);
        const page = await context.newPage();
        await page.goto(elsewhere.origin);
        await page.locator('medverka-tiles [role=alert]').waitFor();
        assert.equal(await page.locator('medverka-tiles .grid').count(), 0);
        await page.close();
      } finally {
        await elsewhere.close();
      }
    });
  });
}
