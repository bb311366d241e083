// The pages residents reach from a mail (confirming, leaving the panel, a petition's own page),
// in real Chromium at a phone's and a desktop's width, in both languages: axe finds nothing,
// every button is a real target of at least 44 × 44 px, nothing scrolls sideways, and the
// buttons work by keyboard.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoBudgetSlug, seedDemoBudget } from '../../server/budgets/seed.js';
import { castBallot, findPublicBudget } from '../../server/budgets/store.js';
import { createDatabase, migrateToLatest } from '../../server/db/index.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { watchProblems, type RunningServer, startServedBrowser } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const site = 'https://www.exempelby.se';

describe('end to end on sqlite: the pages a mailed link opens', () => {
  let server: RunningServer;
  let browser: Browser;
  let close: () => Promise<void>;
  let petitionId = 0;
  let ballotToken = '';

  before(async () => {
    ({ server, browser, close } = await startServedBrowser('sqlite', { MUNICIPALITY_NAME: 'Exempelby kommun', BRAND_COLOR: '#7a1f5c', ALLOWED_ORIGINS: site }, {
      seed: async (url) => {
        const db = createDatabase({ kind: 'sqlite', file: url });
        await migrateToLatest(db);
        const proposed = await proposePetition(db, { title: 'Fler cykelställ vid stationen', body: 'Cyklarna står i buskarna varje morgon.', name: 'Anna Andersson', email: 'anna@example.se' }, 100);
        await confirmProposal(db, proposed.token);
        petitionId = (await movePetition(db, proposed.petitionId, 'open')).id;
        await seedDemoBudget(db);
        const budget = (await findPublicBudget(db, demoBudgetSlug))!;
        ballotToken = (await castBallot(db, demoBudgetSlug, { email: 'bo@example.se', districtId: null, allocations: budget.items.map((i) => ({ itemId: i.id, amount: i.start })), projects: [], lang: 'sv' })).token;
        await db.destroy();
      },
    }));
  });
  after(async () => {
    await close?.();
  });

  /** axe's WCAG 2.2 AA and best-practice findings on the page, widgets' shadow roots included. */
  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    return page.evaluate(async () => {
      const run = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await run.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
  }

  /** The size of every button and button-styled link on the page (outside widgets). */
  const targets = (page: Page) =>
    page.$$eval('button, a.button', (els) => els.map((e) => ({ text: e.textContent!.trim(), w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height })));

  for (const width of [320, 1280]) {
    for (const lang of ['sv', 'en'] as const) {
      it(`at ${width} px in ${lang === 'sv' ? 'Swedish' : 'English'}: the question, the answer and the petition's page pass axe, with targets of 44 px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
        const page = await context.newPage();
        try {
          const pages = [
            `/bekrafta/underskrift/okand?lang=${lang}`,
            `/bekrafta/forslag/okand?lang=${lang}`,
            `/bekrafta/budget/${ballotToken}?lang=${lang}`,
            `/bekrafta/panel/okand?lang=${lang}`,
            `/lamna-panelen/okand?lang=${lang}`,
          ];
          for (const path of pages) {
            await page.goto(`${server.url}${path}&tillbaka=${encodeURIComponent(`${site}/delta`)}`);
            assert.equal(await page.locator('.municipality').textContent(), 'Exempelby kommun', path);
            assert.equal(await page.locator('html').getAttribute('lang'), lang, path);
            assert.deepEqual(await axe(page), [], path);
            const [button] = await targets(page);
            assert.ok(button && button.w >= 44 && button.h >= 44, `${path}: ${JSON.stringify(button)}`);
            assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}: nothing scrolls sideways`);

            // The button by keyboard: Tab reaches it first, Enter presses it. An unknown link
            // says so, with a way back to the municipality's site.
            if (path.includes('okand')) {
              await page.keyboard.press('Tab');
              assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BUTTON', path);
              await page.keyboard.press('Enter');
              await page.locator('a.button.secondary').waitFor();
              assert.deepEqual(await axe(page), [], `${path}, answered`);
              const back = (await targets(page)).find((t) => t.text.startsWith(lang === 'sv' ? 'Tillbaka till' : 'Back to'));
              assert.ok(back && back.w >= 44 && back.h >= 44, `${path}: ${JSON.stringify(back)}`);
              assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path}, answered: nothing scrolls sideways`);
              assert.equal(await page.locator('a.button.secondary').getAttribute('href'), path.startsWith('/lamna-panelen') ? `${site}/` : `${site}/delta`, path);
            }
          }

          // An unknown link is answered 404, which the browser logs; the petition's page must log nothing.
          const problems = watchProblems(page);
          await page.goto(`${server.url}/e-forslag/${petitionId}?lang=${lang}`);
          await page.locator('medverka-petition').getByRole('heading', { level: 1, name: 'Fler cykelställ vid stationen' }).waitFor();
          assert.deepEqual(await axe(page), [], 'the petition’s page');
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the petition’s page: nothing scrolls sideways');
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
