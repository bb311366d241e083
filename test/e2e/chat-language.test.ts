// The chat's panel in each language, as the built bundle: a chat shown in English fetches the
// panel built with its English strings in the code (no Swedish), a Swedish chat the Swedish
// one (no English), and either switches language while shown by fetching the other language's
// strings, values in their right places (scripts/compiled-locale.js).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startHostedWidgets, watchProblems, type HostedWidgets, type HostPage } from './harness.js';

/** The widget chunks a page has fetched, by their names without the hash: 'chat-panel-en', 'lit', … */
const chunksFetched = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => /\/widgets\/chunks\/(.+)-[\w-]{8}\.js$/.exec(e.name)?.[1])
      .filter((name): name is string => !!name),
  );

describe('end to end on sqlite: the chat panel in English and in Swedish', () => {
  let hosted: HostedWidgets;
  let browser: Browser;
  let host: HostPage;

  before(async () => {
    // Closed now, so that the panel says when it opens again: a text with two values.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'Europe/Stockholm' });
    hosted = await startHostedWidgets(
      (api, lang) =>
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Kommunen</title>` +
        `<script type="module" src="${api}/widgets/medverka.js"></script></head>` +
        `<body><h1>Kontakt</h1><medverka-chat prompt-delay="-1"></medverka-chat></body></html>`,
      { CHAT_HOURS: `${inTwoDays.toLowerCase()} 09:00-10:00` },
    );
    ({ browser, host } = hosted);
  });

  after(() => hosted?.close());

  async function openChat(lang: 'sv' | 'en') {
    host.paste(lang);
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);
    await page.goto(host.origin);
    await page
      .locator('medverka-chat')
      .getByRole('button', { name: lang === 'en' ? 'Chat with us' : 'Chatta med oss' })
      .click();
    return { page, problems, chat: page.locator('medverka-chat') };
  }

  it('in English: fetches the English panel and no Swedish, and turns Swedish when the page does', async () => {
    const { page, problems, chat } = await openChat('en');
    await chat.getByRole('heading', { name: 'Chat with the municipality' }).waitFor();
    await chat.getByText(/It opens again on \w+day \d{1,2} \w+ at \d\d:\d\d\.$/).waitFor();
    await chat.getByRole('button', { name: 'Send the message' }).waitFor();
    const fetched = await chunksFetched(page);
    assert.ok(fetched.includes('chat-panel-en'), `the English panel: ${fetched.join(', ')}`);
    for (const chunk of ['chat-panel', 'chat-sv', 'chat-en']) assert.ok(!fetched.includes(chunk), `no ${chunk}: ${fetched.join(', ')}`);

    await page.evaluate(() => (document.documentElement.lang = 'sv'));
    await chat.getByRole('heading', { name: 'Chatta med kommunen' }).waitFor();
    // Swedish puts the day and the time in the same order; both are still there, in Swedish.
    await chat.getByText(/Den öppnar igen \p{L}+dag \d{1,2} \p{L}+ klockan \d\d:\d\d\.$/u).waitFor();
    await chat.getByRole('button', { name: 'Skicka meddelandet' }).waitFor();
    assert.ok((await chunksFetched(page)).includes('chat-sv'), 'the Swedish strings, once asked for');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('in Swedish: fetches the Swedish panel and no English, and turns English when the page does', async () => {
    const { page, problems, chat } = await openChat('sv');
    await chat.getByRole('heading', { name: 'Chatta med kommunen' }).waitFor();
    await chat.getByText(/Den öppnar igen \p{L}+dag \d{1,2} \p{L}+ klockan \d\d:\d\d\.$/u).waitFor();
    const fetched = await chunksFetched(page);
    assert.ok(fetched.includes('chat-panel'), `the Swedish panel: ${fetched.join(', ')}`);
    for (const chunk of ['chat-panel-en', 'chat-sv', 'chat-en']) assert.ok(!fetched.includes(chunk), `no ${chunk}: ${fetched.join(', ')}`);

    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await chat.getByRole('heading', { name: 'Chat with the municipality' }).waitFor();
    await chat.getByText(/It opens again on \w+day \d{1,2} \w+ at \d\d:\d\d\.$/).waitFor();
    assert.ok((await chunksFetched(page)).includes('chat-en'), 'the English strings, once asked for');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
