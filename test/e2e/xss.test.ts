// Hostile text in every field a resident or staff member can write, through the real API into
// the real server, shown by the built widgets and the console in headless Chromium: nothing may
// run, nothing may become markup, and every payload must be on the screen as the text it is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { injectedSelector, xssCorpus } from '../xss-corpus.js';
import { approver, confirmLink, mailedLink, residentPost, signInStaff, type StaffApi } from './api.js';
import { startHostPage, watchProblems, type HostPage, type RunningServer, startServedBrowser } from './harness.js';

/** Every payload after a marker saying which field it is in, so a field that is not shown is missed. */
const all = (tag: string) => `${tag} ${xssCorpus.join(' ')}`;

/** The corpus spread over as few values of at most `max` characters as it takes, each marked. */
function pack(tag: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const payload of xssCorpus) {
    const longer = current ? `${current} ${payload}` : `${tag}${out.length + 1} ${payload}`;
    if (longer.length <= max) current = longer;
    else {
      out.push(current);
      current = `${tag}${out.length + 1} ${payload}`;
    }
  }
  return [...out, current];
}

const staffName = pack('Hndl', 100)[0]!;
const admin = { email: 'admin@kommun.test', password: 'ett-långt-lösenord-för-e2e' };
// Short enough to be chosen when joining (an age band is at most 50 characters).
const ageBands = xssCorpus.filter((p) => p.length <= 50);

const text = {
  tileTitles: pack('Ruta', 200),
  tileDescriptions: pack('Rutbeskrivning', 500),
  petitionTitles: pack('Rubrik', 150),
  proposerNames: pack('Från', 100),
  signerNames: pack('Sign', 100),
  connections: pack('Koppling', 200),
  answer: all('Kommunens svar'),
  rejection: all('Avslag'),
  budgetTitles: pack('Budget', 200),
  budgetDescription: all('Budgetbeskrivning'),
  lineTitles: pack('Post', 150),
  imageAlts: pack('Bildtext', 300),
  districtNames: pack('Omr', 100),
  projectTitles: pack('Projekt', 150),
  decision: all('Budgetbeslut'),
  pollQuestions: pack('Snabbfråga', 300),
  pollOptions: pack('Alternativ', 200),
  scaleLabels: pack('Skal', 100),
  visitorNames: pack('Gäst', 100),
  firstQuestion: all('Chattfråga1'),
  staffReply: all('Kommunen svarar'),
  cannedTitles: pack('Svar', 100),
  cannedBody: all('Snabbsvarstext'),
  surveyTitle: pack('Enkät', 200)[0]!,
  surveyIntro: all('Inledning'),
  freeText: all('Fritextsvar'),
  feedback: all('Återkoppling'),
  committee: pack('Nämnd', 200)[0]!,
  panelDecision: all('Nämndens beslut'),
  memberName: pack('Medl', 100)[0]!,
  userNames: pack('Anv', 100),
};
const questions = [
  { id: 'ett-val', type: 'single', text: { sv: all('Envalsfråga') }, options: [{ sv: all('Val-a') }, { sv: all('Val-b') }], required: false },
  { id: 'flera-val', type: 'multiple', text: { sv: all('Flervalsfråga') }, options: [{ sv: all('Val-c') }, { sv: all('Val-d') }], required: false },
  { id: 'skala', type: 'scale', text: { sv: all('Skalfråga') }, required: false },
  { id: 'fritext', type: 'text', text: { sv: all('Fritextfråga') }, required: false },
  { id: 'rangordning', type: 'ranking', text: { sv: all('Rangordningsfråga') }, options: [{ sv: all('Val-e') }, { sv: all('Val-f') }], required: false },
] as const;
const questionTexts = questions.flatMap((q) => [q.text.sv, ...('options' in q ? q.options.map((o) => o.sv) : [])]);

/**
 * Looks through the page and every shadow root in it (as a string: a function handed to the
 * page would carry the tsx build's helpers, which the page does not have). Gives the text there
 * is to read (text, form values and image texts), what the payloads would have created, and
 * whether any of them ran.
 */
const inspect = `(({ selector, image }) => {
  const texts = [document.title, document.body.textContent];
  const injected = [];
  const visit = (root, inShadow) => {
    for (const el of root.querySelectorAll('*')) {
      if (inShadow && el.matches(selector) && !(el.localName === 'img' && el.getAttribute('src') === image)) injected.push(el.outerHTML.slice(0, 120));
      if (!inShadow && el.matches('img, iframe, svg[onload], details, b[onmouseover], a[href^="javascript"]')) injected.push(el.outerHTML.slice(0, 120));
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) texts.push(el.value);
      if (el instanceof HTMLImageElement) texts.push(el.alt);
      if (el.shadowRoot) {
        texts.push(el.shadowRoot.textContent);
        visit(el.shadowRoot, true);
      }
    }
  };
  visit(document, false);
  return { text: texts.join('\\n'), injected, xss: window.__xss ?? null };
})`;

describe('end to end on sqlite: hostile text in every field stays text in every widget and the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let staffContext: BrowserContext;
  let smtp: TestSmtpServer;
  let staff: StaffApi;
  let close: () => Promise<void>;
  let host: HostPage;
  let image: string;
  const problems: string[] = [];
  const ids = { petitions: [] as number[], rejected: 0, polls: [] as number[], survey: 0, conversations: [] as number[] };

  /** Waits until the page shows every expected text, then checks that nothing was injected or ran. */
  async function assertInert(page: Page, expected: string[], where: string) {
    let seen = { text: '', injected: [] as string[], xss: null as unknown };
    const deadline = Date.now() + 10_000;
    for (;;) {
      seen = await page.evaluate(`${inspect}(${JSON.stringify({ selector: injectedSelector, image })})`);
      if (expected.every((e) => seen.text.includes(e)) || Date.now() > deadline) break;
      await page.waitForTimeout(150);
    }
    const missing = expected.filter((e) => !seen.text.includes(e));
    assert.deepEqual(missing, [], `${where}: shown as text (the page shows:\n${seen.text.replace(/\s+/g, ' ').slice(0, 3000)})`);
    assert.deepEqual(seen.injected, [], `${where}: nothing injected`);
    assert.equal(seen.xss, null, `${where}: no payload ran`);
  }

  /** A new page at `url`, whose console errors are collected in `problems`. */
  async function open(context: BrowserContext, url: string): Promise<Page> {
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const seen = watchProblems(page);
    page.on('close', () => problems.push(...seen.map((p) => `${url}: ${p}`)));
    await page.goto(url);
    return page;
  }

  before(async () => {
    host = await startHostPage((pasted) => ({
      html: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens sida</title></head><body>${pasted}</body></html>`,
    }));
    ({ server, browser, smtp, close } = await startServedBrowser('sqlite', {
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ADMIN_NAME: staffName,
      ALLOWED_ORIGINS: host.origin,
      CHAT_HOURS: 'mon-sun 00:00-24:00; holidays 00:00-24:00',
      POW_MAX_NUMBER: '1000',
      PETITION_THRESHOLD: '1000',
      // The test's residents write from many addresses through this "proxy", under the per-address limits.
      TRUSTED_PROXIES: '127.0.0.1',
      // Settings are staff's text too: the panel's choices are shown to residents and counted in the console.
      PANEL_AGE_BANDS: ageBands.join(','),
      PANEL_DISTRICTS: xssCorpus.join(','),
      PANEL_MIN_GROUP: '1',
    }, { mail: true }));
    image = `${server.url}/favicon.svg`;
    staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signedIn = await staffContext.request.post(`${server.url}/api/staff/sign-in`, { headers: { Origin: server.url, 'Content-Type': 'application/json' }, data: admin });
    assert.equal(signedIn.status(), 200);
    staff = await signInStaff(server.url, admin);
    const base = server.url;
    let ip = 0;
    const nextIp = () => `10.0.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;

    // Tiles, and more staff.
    const tilesAndUsers = async () => {
      for (const [i, title] of text.tileTitles.entries()) {
        await staff.call('POST', '/api/staff/tile-sets/engagera-dig/tiles', { titleSv: title, descriptionSv: text.tileDescriptions[i % text.tileDescriptions.length], icon: 'info', targetKind: 'link', href: '/demo' });
      }
      await Promise.all(
        text.userNames.map((name, i) => staff.call('POST', '/api/staff/users', { email: `anvandare${i}@kommun.test`, name, role: 'moderator', password: 'ett-långt-lösenord-123' })),
      );
    };

    // Petitions: proposed and confirmed by residents, published (one rejected), signed, answered.
    const petitionsFlow = async () => {
      const proposals = Math.max(text.petitionTitles.length, text.proposerNames.length) + 1;
      // One after another, so that their numbers are in the order of the texts.
      for (let i = 0; i < proposals; i++) {
        const email = `forslag${i}@example.se`;
        await residentPost(base, '/api/petitions', { title: text.petitionTitles[i % text.petitionTitles.length], body: all(`Förslagstext${i + 1}`), name: text.proposerNames[i % text.proposerNames.length], email, publicDocumentAccepted: true, lang: 'sv' }, nextIp());
        await confirmLink(await mailedLink(smtp, email, /\/bekrafta\/forslag\//));
      }
      const { petitions } = await staff.call<{ petitions: { id: number }[] }>('GET', '/api/staff/petitions?status=awaiting_moderation');
      const waiting = petitions.map((p) => p.id).sort((a, b) => a - b);
      assert.equal(waiting.length, proposals);
      ids.rejected = waiting.pop()!;
      ids.petitions = waiting;
      for (const id of ids.petitions) await staff.call('POST', `/api/staff/petitions/${id}/approve`);
      await staff.call('POST', `/api/staff/petitions/${ids.rejected}/reject`, { reason: text.rejection });
      const signed = ids.petitions[0]!;
      await Promise.all(
        text.signerNames.map(async (name, i) => {
          const email = `undertecknare${i}@example.se`;
          const connectionText = text.connections[i % text.connections.length];
          await residentPost(base, `/api/petitions/${signed}/signatures`, { name, email, showName: true, hearBack: true, connection: 'other', connectionText, lang: 'sv' }, nextIp());
          await confirmLink(await mailedLink(smtp, email, /\/bekrafta\/underskrift\//));
        }),
      );
      await staff.call('POST', `/api/staff/petitions/${signed}/answer`, { answer: text.answer });
    };

    // Budgets: one with sliders, open; one with projects in districts, decided and published.
    const budgets = async () => {
      await staff.call('POST', '/api/staff/budgets', {
        slug: 'xss-reglage',
        title: { sv: text.budgetTitles[0] },
        description: { sv: text.budgetDescription },
        mode: 'sliders',
        total: 1000,
        items: text.lineTitles.map((title, i) => ({
          title: { sv: title },
          description: { sv: all(`Postbeskrivning${i + 1}`) },
          image: i < text.imageAlts.length ? { url: image, alt: { sv: text.imageAlts[i] } } : null,
          min: 0,
          max: 1000,
          step: 100,
        })),
      });
      await staff.call('POST', '/api/staff/budgets/xss-reglage/open');
      const projects = await staff.call<{ budget: { items: { id: number }[] } }>('POST', '/api/staff/budgets', {
        slug: 'xss-projekt',
        title: { sv: text.budgetTitles[1] },
        description: { sv: all('Projektbudgetens beskrivning') },
        mode: 'projects',
        total: 1000,
        districts: text.districtNames.map((name) => ({ name: { sv: name }, total: 1000 })),
        items: text.districtNames.flatMap((_, d) => text.projectTitles.map((title, i) => ({ district: d, title: { sv: title }, description: { sv: all(`Projektbeskrivning${i + 1}`) }, cost: 100 }))),
      });
      await staff.call('POST', '/api/staff/budgets/xss-projekt/open');
      await staff.call('POST', '/api/staff/budgets/xss-projekt/close');
      await staff.call('POST', '/api/staff/budgets/xss-projekt/publish', { decision: { sv: text.decision }, selected: [projects.budget.items[0]!.id] });
      // The other titles on drafts, which only the console lists.
      for (const [i, title] of text.budgetTitles.slice(2).entries()) {
        await staff.call('POST', '/api/staff/budgets', { slug: `xss-utkast-${i + 1}`, title: { sv: title }, description: { sv: '' }, mode: 'projects', total: 1000, items: [{ title: { sv: 'Ett projekt' }, description: { sv: '' }, cost: 100 }] });
      }
    };

    // Quick polls, open: one per question text, the second a scale, the others single choice.
    const polls = async () => {
      const scales = Math.ceil(text.scaleLabels.length / 2);
      const questionTexts = [...text.pollQuestions, ...Array.from({ length: Math.max(0, scales - 1) }, (_, k) => `Skalfråga ${k + 2}`)];
      for (const [i, question] of questionTexts.entries()) {
        // Poll 1 and the ones after the question texts are scales, labelled two texts at a time.
        const k = i === 1 ? 0 : i - text.pollQuestions.length + 1;
        const labels = { low: { sv: text.scaleLabels[2 * k] }, high: { sv: text.scaleLabels[2 * k + 1] ?? 'Högst' } };
        const poll = i === 1 || k > 0 ? { kind: 'scale', scaleLabels: labels } : { kind: 'single', options: text.pollOptions.map((sv) => ({ sv })) };
        const { poll: created } = await staff.call<{ poll: { id: number } }>('POST', '/api/staff/polls', { question: { sv: question }, ...poll });
        await staff.call('POST', `/api/staff/polls/${created.id}/open`);
        ids.polls.push(created.id);
      }
    };

    // Chat: conversations started by residents (the first one in the widget, by the test), canned answers.
    const chat = async () => {
      for (const [i, name] of text.visitorNames.slice(1).entries()) {
        const started = await residentPost<{ conversation: { id: number } }>(base, '/api/chat/conversations', { name, message: all(`Chattfråga${i + 2}`), lang: 'sv' }, nextIp());
        ids.conversations.push(started.conversation.id);
      }
      for (const title of text.cannedTitles) await staff.call('POST', '/api/staff/chat/canned-answers', { title, body: text.cannedBody });
    };

    // The citizen panel: a member joins, and is sent a survey.
    const panel = async () => {
      await residentPost(base, '/api/panel/members', { name: text.memberName, email: 'medlem@example.se', ageBand: ageBands[0], district: xssCorpus[0], consent: true, lang: 'sv' }, nextIp());
      await confirmLink(await mailedLink(smtp, 'medlem@example.se', /\/bekrafta\/panel\//));
      const survey = await staff.call<{ survey: { id: number } }>('POST', '/api/staff/surveys', {
        title: { sv: text.surveyTitle },
        intro: { sv: text.surveyIntro },
        audience: 'panel',
        pages: [{ questions }],
      });
      ids.survey = survey.survey.id;
      await (await approver(staff)).call('POST', `/api/staff/surveys/${ids.survey}/approve`);
      await staff.call('POST', `/api/staff/surveys/${ids.survey}/send`);
    };
    await Promise.all([tilesAndUsers(), petitionsFlow(), budgets(), polls(), chat(), panel()]);
  });

  after(async () => {
    await close?.();
    await host?.close();
  });

  it('shows residents every text as text: tiles, petitions, budgets, polls, panel', async () => {
    const resident = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const base = server.url;

    let page = await open(resident, `${base}/demo`);
    await assertInert(page, [...text.tileTitles, ...text.tileDescriptions], '/demo (tiles)');
    await page.close();

    page = await open(resident, `${base}/demo/e-forslag`);
    await assertInert(page, text.petitionTitles, '/demo/e-forslag (list)');
    // A petition opened from the list, with its signers and the answer.
    await page.locator('medverka-petitions').getByRole('button', { name: /Rubrik1/ }).first().click();
    await assertInert(page, [text.petitionTitles[0]!, xssCorpus.join(' ')], '/demo/e-forslag (a petition)');
    await page.close();

    // The page mails link to: the answered petition, with its signers.
    page = await open(resident, `${base}/e-forslag/${ids.petitions[0]}`);
    await assertInert(page, [text.petitionTitles[0]!, all('Förslagstext1'), text.proposerNames[0]!, ...text.signerNames, text.answer], `/e-forslag/${ids.petitions[0]}`);
    await page.close();
    // The petition whose title would close the page's <title>: the server writes it there as text.
    const titled = text.petitionTitles.findIndex((t) => t.includes('</title>'));
    page = await open(resident, `${base}/e-forslag/${ids.petitions[titled]}`);
    await assertInert(page, [text.petitionTitles[titled]!], `/e-forslag/${ids.petitions[titled]}`);
    // The title as text, then the municipality's name (here the server's host: no MUNICIPALITY_NAME).
    assert.equal(await page.title(), `${text.petitionTitles[titled]} – ${new URL(base).hostname}`);
    await page.close();

    page = await open(resident, `${base}/embed/budget/xss-reglage`);
    await assertInert(
      page,
      [text.budgetTitles[0]!, text.budgetDescription, ...text.lineTitles, ...text.lineTitles.map((_, i) => all(`Postbeskrivning${i + 1}`)), ...text.imageAlts],
      '/embed/budget/xss-reglage',
    );
    // A slider moved: the amounts and the tally are rendered again.
    await page.locator('medverka-budget input[type=range]').first().press('ArrowRight');
    await assertInert(page, [text.lineTitles[0]!], '/embed/budget/xss-reglage after a slider moved');
    await page.close();

    page = await open(resident, `${base}/embed/budget/xss-projekt`);
    await assertInert(page, [text.decision, text.projectTitles[0]!], '/embed/budget/xss-projekt (published)');
    await page.close();

    // The server's own pages send a policy with Trusted Types, which would stop much of this on
    // its own; a municipality's page on another origin may send none, so the widgets alone must hold.
    host.paste(
      `<script type="module" src="${base}/widgets/medverka.js"></script>` +
        ids.polls.map((id) => `<medverka-poll poll="${id}"></medverka-poll>`).join('') +
        `<medverka-tiles set="engagera-dig"></medverka-tiles><medverka-budget budget="xss-reglage"></medverka-budget>` +
        `<medverka-budget budget="xss-projekt"></medverka-budget><medverka-panel></medverka-panel>` +
        ids.petitions.map((id) => `<medverka-petition petition="${id}"></medverka-petition>`).join(''),
    );
    page = await open(resident, host.origin);
    await assertInert(
      page,
      [
        ...text.pollQuestions,
        ...text.pollOptions,
        ...text.scaleLabels,
        text.decision,
        ...text.tileTitles,
        ...text.lineTitles,
        ...text.imageAlts,
        ...ageBands,
        ...text.petitionTitles,
        ...text.proposerNames,
        ...ids.petitions.map((_, i) => all(`Förslagstext${i + 1}`)),
      ],
      'a host page on another origin',
    );
    // Answering shows the results, with every option's text again.
    const poll = page.locator('medverka-poll').first();
    await poll.getByRole('button', { name: /Alternativ1/ }).click();
    await poll.getByText('Du har svarat').waitFor();
    await assertInert(page, [...text.pollOptions], 'the poll, answered');
    await page.close();

    page = await open(resident, `${base}/present/poll/${ids.polls[0]}`);
    await assertInert(page, [text.pollQuestions[0]!, ...text.pollOptions], 'the presenter view');
    await page.close();

    page = await open(resident, `${base}/demo/panel`);
    await assertInert(page, [...xssCorpus, ...ageBands], '/demo/panel (choices of district and age)');
    await page.close();

    // The survey, from the link in the invitation, answered in free text.
    const link = await mailedLink(smtp, 'medlem@example.se', /\/enkat\/\d+/);
    page = await open(resident, link);
    await assertInert(page, [text.surveyTitle, text.surveyIntro, ...questionTexts], 'the survey');
    await page.locator('medverka-survey textarea').fill(text.freeText);
    await page.locator('medverka-survey').getByRole('button', { name: 'Skicka in' }).click();
    await page.locator('medverka-survey').getByText('Tack för dina svar!').waitFor();
    await assertInert(page, [], 'the survey, sent in');
    await page.close();
    await resident.close();
    assert.deepEqual(problems.splice(0), []);
  });

  it('keeps chat messages text both ways, with the visitor’s and the agent’s names', async () => {
    const resident = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await open(resident, `${server.url}/demo`);
    await page.getByRole('button', { name: 'Chatta med oss' }).click();
    await page.getByLabel('Namn (frivilligt)').fill(text.visitorNames[0]!);
    await page.getByLabel('Din fråga').fill(text.firstQuestion);
    await page.getByRole('button', { name: 'Starta chatten' }).click();
    await assertInert(page, [text.firstQuestion], 'the chat, asked');
    // The widget shows the question while it is still being sent: wait for the server to have it.
    let conversations: { id: number; name: string | null }[] = [];
    let mine: { id: number } | undefined;
    for (const deadline = Date.now() + 10_000; !mine && Date.now() < deadline; await page.waitForTimeout(200)) {
      ({ conversations } = await staff.call<{ conversations: { id: number; name: string | null }[] }>('GET', '/api/staff/chat/conversations'));
      mine = conversations.find((c) => c.name === text.visitorNames[0]);
    }
    assert.ok(mine, `the conversation reaches the inbox, with the visitor's name (there: ${JSON.stringify(conversations.map((c) => c.name))})`);
    ids.conversations.unshift(mine.id);
    await staff.call('POST', `/api/staff/chat/conversations/${mine.id}/claim`);
    await staff.call('POST', `/api/staff/chat/conversations/${mine.id}/messages`, { body: text.staffReply });
    await assertInert(page, [text.firstQuestion, text.staffReply, staffName], 'the chat, answered');
    await page.close();
    await resident.close();
    assert.deepEqual(problems.splice(0), []);
  });

  /** Lists the petitions with one status in the console. */
  async function showPetitions(page: Page, status: string) {
    const list = page.locator('medverka-console-petitions');
    await list.locator('select').selectOption(status);
    await list.getByRole('button', { name: 'Visa' }).click();
  }

  it('keeps every text inert in the console', async () => {
    // The survey is closed and the panel told what came of it.
    await staff.call('POST', `/api/staff/surveys/${ids.survey}/close`);
    await staff.call('POST', `/api/staff/surveys/${ids.survey}/feedback`, { text: { sv: text.feedback } });
    await staff.call('POST', `/api/staff/surveys/${ids.survey}/decision`, { committee: text.committee, text: { sv: text.panelDecision } });

    const screens: [string, string[], ((page: Page) => Promise<void>)?][] = [
      ['#/tiles/engagera-dig', [...text.tileTitles, ...text.tileDescriptions]],
      ['#/users', [staffName, ...text.userNames]],
      ['#/petitions', text.petitionTitles, (page) => showPetitions(page, 'open')],
      // The rejected one was proposed last, after ids.petitions (numbers start after the demo petitions, if seeded).
      ['#/petitions', [text.petitionTitles[ids.petitions.length % text.petitionTitles.length]!], (page) => showPetitions(page, 'rejected')],
      ...ids.petitions.slice(0, 2).map((id, i): [string, string[]] => [`#/petitions/${id}`, [text.petitionTitles[i]!, all(`Förslagstext${i + 1}`), text.proposerNames[i]!, ...(i === 0 ? [text.answer] : [])]]),
      [`#/petitions/${ids.rejected}`, [text.rejection]],
      ['#/budgets', text.budgetTitles],
      ['#/budgets/xss-reglage', [text.budgetTitles[0]!, text.budgetDescription, ...text.lineTitles, ...text.imageAlts]],
      ['#/budgets/xss-projekt', [...text.districtNames, ...text.projectTitles, text.decision]],
      ['#/polls', [text.pollQuestions[0]!]],
      [`#/polls/${ids.polls[0]}`, [text.pollQuestions[0]!, ...text.pollOptions]],
      [`#/polls/${ids.polls[1]}`, [text.scaleLabels[0]!, text.scaleLabels[1]!]],
      ['#/panel', [text.surveyTitle, ...ageBands]],
      [`#/panel/${ids.survey}`, [text.surveyTitle, text.surveyIntro, ...questionTexts, text.freeText, text.feedback, text.committee, text.panelDecision, staffName]],
      ['#/chat', text.visitorNames],
      [`#/chat/${ids.conversations[0]}`, [text.visitorNames[0]!, text.firstQuestion, text.staffReply, staffName]],
      [`#/chat/${ids.conversations[1]}`, [text.visitorNames[1]!, all('Chattfråga2')]],
      ['#/chat/svar', [...text.cannedTitles, text.cannedBody]],
      ['#/audit', []],
    ];
    const page = await open(staffContext, `${server.url}/admin`);
    for (const [hash, expected, action] of screens) {
      await page.goto(`${server.url}/admin${hash}`);
      await action?.(page);
      await assertInert(page, expected, `the console at ${hash}`);
    }
    await page.close();
    assert.deepEqual(problems.splice(0), []);
  });
});
