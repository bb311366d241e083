// A server past its capacity answers 503 with Retry-After (server/limits.ts). A widget that
// reads its data then comes back by itself (widgets/shared/api.ts): the resident sees the
// content a second or two later instead of an error, and the error only if the server stays
// busy. Here the server may answer one request at once, and a resident's slow upload holds
// that one, as a real page's widgets meet a server at its limit.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSurvey, openSurveyQuestion, signInStaff } from './api.js';
import { startHostedWidgets, watchProblems, type HostedWidgets } from './harness.js';

const admin = { email: 'admin@example.se', password: 'ett långt lösenord' };

/**
 * Holds the server's only slot: a request whose body never finishes arriving, which the server
 * is busy answering until the socket closes. Resolves once other requests are turned away.
 */
async function holdTheOnlySlot(url: string): Promise<() => Promise<void>> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  // A staff sign-in from the console's own origin: refused at once from any other.
  socket.write(`POST /api/staff/sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${url}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":`);
  for (const deadline = Date.now() + 5000; ; await new Promise((r) => setTimeout(r, 50))) {
    const res = await fetch(`${url}/api/tile-sets/engagera-dig`);
    await res.arrayBuffer();
    if (res.status === 503) {
      assert.equal(res.headers.get('retry-after'), '1');
      break;
    }
    assert.ok(Date.now() < deadline, 'the slow upload holds the server');
  }
  return async () => {
    socket.destroy();
    // Free again once the server has seen the upload go.
    for (const deadline = Date.now() + 5000; (await fetch(`${url}/api/tile-sets/engagera-dig`)).status === 503; await new Promise((r) => setTimeout(r, 50))) {
      assert.ok(Date.now() < deadline, 'the server is free again');
    }
  };
}

describe('end to end on sqlite: widgets on a page when the server is at its limit', () => {
  let hosted: HostedWidgets;
  let surveyId = 0;

  before(async () => {
    hosted = await startHostedWidgets(
      (api) =>
        `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunen</title>` +
        `<script type="module" src="${api}/widgets/medverka.js"></script></head><body>` +
        `<medverka-tiles set="engagera-dig"></medverka-tiles><medverka-survey survey="${surveyId}"></medverka-survey></body></html>`,
      { MAX_CONCURRENT_REQUESTS: '1', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ADMIN_NAME: 'Admin' },
    );
    surveyId = await openSurvey(await signInStaff(hosted.server.url, admin));
  });

  after(() => hosted?.close());

  /**
   * The page with its widgets shown, so their code is in the browser (as on a second visit,
   * from its cache: the code is cached, the data is not); then `add` puts more of them on it.
   */
  async function openPage(): Promise<{ page: Page; problems: string[]; refused: string[] }> {
    const page = await hosted.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 503) refused.push(new URL(r.url()).pathname);
    });
    await page.goto(hosted.host.origin);
    await page.locator('medverka-tiles .grid .title').first().waitFor();
    await page.getByText(openSurveyQuestion).waitFor();
    return { page, problems, refused };
  }

  const addWidgets = (page: Page) =>
    page.evaluate((id) => {
      const more = document.createElement('section');
      more.id = 'more';
      more.innerHTML = `<medverka-tiles set="engagera-dig"></medverka-tiles><medverka-survey survey="${id}"></medverka-survey>`;
      document.body.append(more);
    }, surveyId);

  const errorsShown = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('#more > *')].flatMap((w) => [...(w.shadowRoot?.querySelectorAll('[role=alert]') ?? [])].map((a) => a.textContent?.trim())));

  it('reads again after the server’s Retry-After, and shows the content without an error', async () => {
    const { page, problems, refused } = await openPage();
    const release = await holdTheOnlySlot(hosted.server.url);
    await addWidgets(page);
    // Both widgets were turned away…
    for (const deadline = Date.now() + 5000; !(refused.includes('/api/tile-sets/engagera-dig') && refused.includes(`/api/surveys/${surveyId}`)); await page.waitForTimeout(20)) {
      assert.ok(Date.now() < deadline, `both widgets' reads are refused (refused: ${refused.join(', ')})`);
    }
    assert.deepEqual(await errorsShown(page), [], 'no error is shown while the widgets wait');
    await release();
    // … and come back by themselves.
    await page.locator('#more medverka-tiles .grid .title').first().waitFor();
    await page.locator('#more medverka-survey').getByText(openSurveyQuestion).waitFor();
    assert.deepEqual(await errorsShown(page), []);
    // Chromium logs each refused request; nothing else went wrong.
    assert.deepEqual(
      problems.filter((p) => !/status of 503/.test(p)),
      [],
    );
    await page.close();
  });

  it('shows the error after three refusals, and reads again when the resident asks', async () => {
    const { page, refused } = await openPage();
    const release = await holdTheOnlySlot(hosted.server.url);
    refused.length = 0;
    await addWidgets(page);
    const tilesError = page.locator('#more medverka-tiles [role=alert]');
    const surveyError = page.locator('#more medverka-survey [role=alert]');
    await tilesError.waitFor();
    await surveyError.waitFor();
    assert.equal(refused.filter((p) => p === '/api/tile-sets/engagera-dig').length, 3, 'the tiles asked three times');
    assert.equal(refused.filter((p) => p === `/api/surveys/${surveyId}`).length, 3, 'the survey asked three times');
    await release();
    await page.locator('#more medverka-survey').getByRole('button', { name: 'Försök igen' }).click();
    await page.locator('#more medverka-survey').getByText(openSurveyQuestion).waitFor();
    await page.close();
  });
});
