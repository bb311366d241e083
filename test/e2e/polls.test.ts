// A quick poll end to end, on each database: the presenter view on the big screen in one
// browser context, residents answering on the demo page in others; the big screen follows
// the answers live. Built bundle, real server process.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { databaseKinds, watchProblems, type RunningServer, startServedBrowser } from './harness.js';

for (const kind of databaseKinds) {
  describe(`end to end on ${kind}: a quick poll in a meeting`, () => {
    let server: RunningServer;
    let browser: Browser;
    let close: () => Promise<void>;

    before(async () => {
      ({ server, browser, close } = await startServedBrowser(kind, { SEED_DEMO: 'true' }));
    });
    after(async () => {
      await close?.();
    });

    it('residents answer on the demo page and the presenter view counts them live', async () => {
      const residentContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      const resident = await residentContext.newPage();
      const residentProblems = watchProblems(resident);
      await resident.goto(`${server.url}/demo/snabbfraga`);
      const poll = resident.locator('medverka-poll');
      await poll.getByText('Vad ska den nya parken i centrum ha mest av?').waitFor();
      await poll.getByText('Snabbfrågan är en fingervisning, inte en omröstning.').waitFor();

      // The big screen, opened from the demo page's link.
      const [presenter] = await Promise.all([
        resident.context().waitForEvent('page'),
        resident.getByRole('link', { name: 'Öppna presentationsvyn för storbildsskärmen' }).click(),
      ]);
      await presenter.setViewportSize({ width: 1280, height: 720 });
      const screen = presenter.locator('medverka-poll');
      await screen.getByText('Ingen har svarat ännu.').waitFor();
      assert.equal(await screen.getByRole('button').count(), 0, 'nobody answers on the big screen');

      // One click answers; the resident sees the results at once.
      await poll.getByRole('button', { name: 'Lekplats' }).click();
      await poll.getByText('Du har svarat').waitFor();
      await screen.getByText('Totalt 1 svar').waitFor();

      // A second resident, in a browser of their own.
      const otherContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const other = await otherContext.newPage();
      await other.goto(`${server.url}/demo/snabbfraga?lang=en`);
      await other.locator('medverka-poll').getByRole('button', { name: 'A playground' }).click();
      await screen.getByText('Totalt 2 svar').waitFor();
      await poll.getByText('Totalt 2 svar').waitFor();

      // The first resident's answer is remembered in their browser, and only there.
      await resident.reload();
      await poll.getByText('Du har svarat').waitFor();
      assert.equal(await poll.getByRole('button', { name: 'Lekplats' }).count(), 0);

      assert.deepEqual(residentProblems, []);
      await otherContext.close();
      await residentContext.close();
    });
  });
}
