// What a page shows and says when a widget cannot work: its code does not come (a 404 during
// an upgrade, a blocked request), or the server does not allow the page's origin
// (ALLOWED_ORIGINS), which a browser does not tell the page.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startHostedWidgets, startHostPage, type HostedWidgets, type HostPage } from './harness.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const cmsPage = (api: string, pasted: string) =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunen</title>` +
  `<script type="module" src="${api}/widgets/medverka.js"></script></head><body><main><h1>Kommunen</h1>${pasted}</main></body></html>`;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe('end to end on sqlite: the loader when a widget cannot work', () => {
  let hosted: HostedWidgets;
  /** A second site, which the server does not allow. */
  let stranger: HostPage;

  before(async () => {
    hosted = await startHostedWidgets(cmsPage);
    stranger = await startHostPage((pasted) => ({ html: cmsPage(hosted.server.url, pasted) }));
  });
  after(async () => {
    await stranger?.close();
    await hosted?.close();
  });

  it('leaves a short message in each element whose code does not come, in its language; fallback links stay', async () => {
    hosted.host.paste(
      '<medverka-petitions></medverka-petitions>' +
        '<div lang="en"><medverka-poll poll="1"></medverka-poll></div>' +
        '<medverka-tiles set="engagera-dig"><a href="/synpunkter"><strong>Lämna en synpunkt</strong></a></medverka-tiles>',
    );
    const page = await hosted.browser.newPage();
    try {
      // An upgrade under way: the loader is there, the widgets' code is not.
      await page.route(`${hosted.server.url}/widgets/chunks/**`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      await page.goto(hosted.host.origin);
      await page.waitForFunction(() => document.querySelector('medverka-poll')?.textContent);
      assert.equal(await page.locator('medverka-petitions').textContent(), 'Kan inte visas just nu.');
      assert.equal(await page.locator('medverka-poll').textContent(), 'Cannot be shown just now.');
      assert.equal(await page.locator('medverka-tiles').getByRole('link', { name: 'Lämna en synpunkt' }).count(), 1, 'the fallback link is kept');
      assert.equal(await page.locator('medverka-tiles').textContent(), 'Lämna en synpunkt');
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });

  it('says once in the console, naming ALLOWED_ORIGINS, when the server does not allow the page’s origin', async () => {
    stranger.paste('<medverka-tiles set="engagera-dig"></medverka-tiles><medverka-petitions></medverka-petitions><medverka-poll poll="1"></medverka-poll>');
    const page = await hosted.browser.newPage();
    const said: string[] = [];
    let asked = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/origin') asked++;
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().startsWith('Medverka:')) said.push(m.text());
    });
    try {
      const told = page.waitForEvent('console', { predicate: (m) => m.text().includes('ALLOWED_ORIGINS'), timeout: 15_000 });
      await page.goto(stranger.origin);
      await told;
      // Every widget has failed by now, and asked as it failed (before showing its error):
      // the server was asked once, and the console told once.
      await page.locator('medverka-tiles').getByRole('alert').waitFor();
      await page.locator('medverka-petitions').getByRole('button', { name: 'Försök igen' }).waitFor();
      await page.locator('medverka-poll').getByRole('button', { name: 'Försök igen' }).waitFor();
      assert.equal(asked, 1, 'one question to the server');
      assert.equal(said.length, 1, said.join('\n'));
      assert.match(said[0]!, new RegExp(`add ${stranger.origin.replace(/[.]/g, '\\.')} to ALLOWED_ORIGINS`));
      assert.ok(said[0]!.includes(hosted.server.url), 'names the server');
    } finally {
      await page.close();
    }
  });
});
