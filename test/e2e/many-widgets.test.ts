// A municipality's page with many live widgets from one Medverka server, over HTTP/1.1 as the
// server speaks it: Chromium opens at most six connections to it, and each live stream holds
// one. Every widget still shows, and a resident can still answer (widgets/shared/live.ts).
// Before the streams shared their slots, the ninth widget on such a page never appeared.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHostedWidgets, watchProblems, type HostedWidgets } from './harness.js';

const polls = 8;

describe('end to end on sqlite: a page with many live widgets from one server', () => {
  let hosted: HostedWidgets;

  before(async () => {
    hosted = await startHostedWidgets(
      (api) =>
        `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunen</title>` +
        `<script type="module" src="${api}/widgets/medverka.js"></script></head><body>` +
        // The demo poll (SEED_DEMO), eight times: eight live streams.
        '<medverka-poll poll="1"></medverka-poll>'.repeat(polls) +
        `<medverka-tiles set="engagera-dig"></medverka-tiles><medverka-budget budget="demo-investeringar"></medverka-budget>` +
        `<medverka-petitions></medverka-petitions></body></html>`,
    );
  });

  after(() => hosted?.close());

  it('shows every widget, and takes an answer while the streams are open', async () => {
    const page = await hosted.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await page.goto(hosted.host.origin);

    await page.locator('medverka-poll').nth(polls - 1).getByRole('button', { name: 'Lekplats' }).waitFor();
    await page.locator('medverka-tiles .grid .title').first().waitFor();
    await page.locator('medverka-budget input[type=range]').first().waitFor();
    const empty: string[] = await page.evaluate(() =>
      [...document.querySelectorAll('body > *')]
        .filter((e) => e.tagName.startsWith('MEDVERKA-') && !((e.shadowRoot?.textContent ?? '').trim().length > 0))
        .map((e) => e.tagName.toLowerCase()),
    );
    assert.deepEqual(empty, [], 'every widget shows text');

    // An answer from the last poll: a request made after every stream has been asked for.
    const last = page.locator('medverka-poll').nth(polls - 1);
    await last.getByRole('button', { name: 'Lekplats' }).click();
    await last.getByText('1 svar').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
