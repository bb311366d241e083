// The iframe embeds (/embed/<widget>/<id>) on a municipality's page on another origin, as a
// CMS that allows no scripts would show them: links leave the frame for the whole window,
// the page inside the frame holds its widget in a landmark, and the list of all petitions
// shows them all.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { createDatabase, migrateToLatest } from '../../server/db/index.js';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { startHostPage, watchProblems, type HostPage, type RunningServer, startServedBrowser } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const petitions = { open: 'Fler cykelställ vid stationen', answered: 'Längre öppettider i simhallen', closed: 'Ny lekplats i Norr' };

describe('end to end on sqlite: the iframe embeds on a page of another origin', () => {
  let host: HostPage;
  let server: RunningServer;
  let browser: Browser;
  let smtp: TestSmtpServer;
  let close: () => Promise<void>;
  const ids: Record<string, number> = {};

  before(async () => {
    host = await startHostPage((pasted) => ({
      html: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunen</title></head><body><h1>Kommunen</h1>${pasted}</body></html>`,
    }));
    // An easy proof of work keeps the test quick; the difficulty is a setting.
    ({ server, browser, smtp, close } = await startServedBrowser('sqlite', { ALLOWED_ORIGINS: host.origin, POW_MAX_NUMBER: '1000' }, {
      mail: true,
      seed: async (url) => {
        const db = createDatabase({ kind: 'sqlite', file: url });
        await migrateToLatest(db);
        for (const [status, title] of Object.entries(petitions)) {
          const { petitionId, token } = await proposePetition(db, { title, body: 'Ett förslag.', name: 'Anna Andersson', email: 'anna@example.se' }, 100);
          await confirmProposal(db, token);
          await movePetition(db, petitionId, 'open');
          ids[status] = petitionId;
          if (status === 'answered') await movePetition(db, petitionId, 'answered', { answer: 'Tack för förslaget.' });
          if (status === 'closed') await movePetition(db, petitionId, 'closed');
        }
        await db.destroy();
      },
    }));
  });
  after(async () => {
    await close?.();
    await host?.close();
  });

  /** The host page with the iframe as the embed builder writes it; the frame once its widget has drawn. */
  async function open(embed: string, page: Page): Promise<Frame> {
    host.paste(`<iframe src="${server.url}/embed/${embed}" title="Medverka" style="width:100%;border:0" height="600"></iframe>`);
    await page.goto(`${host.origin}/sidor/engagera-dig`);
    const frame = page.frames().find((f) => f.url().startsWith(`${server.url}/embed/`));
    assert.ok(frame, 'the embed page is in the frame');
    return frame;
  }

  it('opens a link tile in the whole window, and a relative address on the host page’s site', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    try {
      const frame = await open('tiles/engagera-dig', page);
      // The page the link leads to, on the host's site.
      host.paste('<p>Politik</p>');
      await frame.getByRole('link', { name: /Jag vill engagera mig politiskt/ }).click();
      // The seeded tile leads to /demo#politik: on the site that shows the frame, not in the frame.
      await page.waitForURL(`${host.origin}/demo#politik`, { timeout: 10_000 });
      assert.equal(await page.locator('p').textContent(), 'Politik', 'the host’s page, in the whole window');
      assert.equal(page.frames().length, 1, 'the frame went with the page it was on');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('tells the host page its height only once the content is drawn, not while a slow first load says "Laddar …"', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const heights: number[] = [];
    await page.exposeFunction('heightPosted', (h: number) => heights.push(h));
    await page.addInitScript((server) => {
      addEventListener('message', (e: MessageEvent<{ type?: string; height?: number }>) => {
        if (e.origin === server && e.data?.type === 'medverka:height') (window as unknown as { heightPosted: (h: number) => void }).heightPosted(e.data.height!);
      });
    }, server.url);
    // A slow server: the tiles show "Laddar …" for a while before the tiles.
    await page.route(`${server.url}/api/tile-sets/**`, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    try {
      const frame = await open('tiles/engagera-dig', page);
      await frame.getByRole('link', { name: /Jag vill engagera mig politiskt/ }).waitFor();
      const drawn = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      // The drawn tiles' height reaches the host page …
      for (const deadline = Date.now() + 10_000; !heights.includes(drawn); ) {
        assert.ok(Date.now() < deadline, `the drawn height ${drawn} is posted; posted: ${heights.join(' → ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      // … and nothing smaller came before it (the loading message is about 60 px).
      assert.deepEqual(heights.filter((h) => h < drawn / 2), [], `heights posted: ${heights.join(' → ')}`);
    } finally {
      await page.close();
    }
  });

  it('holds the widget in a named main landmark, and the page inside the frame passes axe', async () => {
    // bypassCSP: to add axe to the embed page, whose policy allows only its own scripts.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      const frame = await open('tiles/engagera-dig?lang=en', page);
      await frame.getByRole('link', { name: /I want to get involved in politics/ }).waitFor();
      assert.equal(await frame.getByRole('main', { name: 'Ways to take part' }).locator('medverka-tiles').count(), 1);
      assert.equal(await frame.title(), 'Ways to take part – Medverka');
      await frame.addScriptTag({ path: axePath });
      const violations = await frame.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          // An embed page is part of the host's page, whose own heading comes first.
          rules: { 'page-has-heading-one': { enabled: false } },
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      assert.deepEqual(violations, []);
    } finally {
      await context.close();
    }
  });

  it('leads a resident who signed in the frame back to the host’s site from the mailed link, not to the embed page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchProblems(page);
    try {
      const frame = await open(`petition/${ids.open}`, page);
      await frame.getByLabel('Namn', { exact: true }).fill('Sam Svensson');
      await frame.getByLabel('E-postadress', { exact: true }).fill('sam@example.se');
      await frame.getByLabel('Jag bor i kommunen').check();
      await frame.getByRole('button', { name: 'Skriv under' }).click();
      await frame.getByRole('heading', { name: 'Kolla din e-post' }).waitFor({ timeout: 15_000 });
      const mail = await smtp.waitFor((m) => m.envelope.to.includes('sam@example.se'), 10_000);
      const link = new URL(findLinks(mail.text).find((l) => l.includes('/bekrafta/underskrift/'))!);
      // The host page sends the frame its origin only (the browser's default referrer policy
      // between origins), so that is where back leads: the site, never the embed page.
      assert.equal(link.searchParams.get('tillbaka'), `${host.origin}/`);
      await page.goto(link.href);
      await page.getByRole('button', { name: 'Bekräfta' }).click();
      await page.getByText('Tack! Din underskrift är räknad.').waitFor();
      host.paste('<p>Startsidan</p>');
      await page.getByRole('link', { name: /^Tillbaka till/ }).click();
      await page.waitForURL(`${host.origin}/`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('lists every public petition at /embed/petitions/alla: open, answered and closed', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    try {
      const frame = await open('petitions/alla', page);
      for (const title of Object.values(petitions)) await frame.getByText(title).waitFor({ timeout: 10_000 });
      assert.equal(await frame.getByRole('radio', { name: 'Alla' }).isChecked(), true, 'the filter says what is shown');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
