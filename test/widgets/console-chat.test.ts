/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { staffApi } from '../../widgets/console/kit/api.js';
import { chatApi } from '../../widgets/console/chat/chat-api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import { $, $$, announced, focused, go, leaveConsole, navLabels, offeredTo, refusedTo, region, screen, signedIn as signIn, signOut, solvedPow, staff, text, type Who } from './console-helpers.js';

// Residents start chats through the public API, with a proof of work, as the chat widget does.

/** Signs in, or goes on with the session the browser has (actAs switches it behind the console's back). */
const signedIn = (who: Who, hash = '') => signIn(who, hash, { orAlready: true });

const chatLink = (el: MedverkaConsole) => $$<HTMLAnchorElement>(el, 'nav a').find((a) => a.getAttribute('href') === '#/chat')!;
/** How the chat's link tells what waits: its name, its description in words, and the figure beside it. */
const chatWaits = (el: MedverkaConsole) => {
  const link = chatLink(el);
  const described = link.getAttribute('aria-describedby');
  return [text(link), described ? text($(el, `#${described}`)) : '', link.dataset.count];
};
/** Where every link of the navigation is on the screen. */
const navGeometry = (el: MedverkaConsole) => [$(el, 'nav')!, ...$$(el, 'nav a')].map((e) => JSON.stringify(e.getBoundingClientRect()));

/** The inbox, once the server's first news has come. */
async function inbox(el: MedverkaConsole): Promise<HTMLElement> {
  const list = await go(el, '#/chat', 'medverka-console-chat-inbox');
  await waitUntil(() => $(list, '#waiting') && $(list, '#ongoing'), 'the inbox has its lists', { timeout: 8000 });
  return list;
}

const waitingNames = (list: HTMLElement) => $$(list, '#waiting li .conversation-name').map((a) => text(a));

/** Switches the browser's session to someone else without the console noticing (another agent at another desk). */
async function actAs<T>(who: Who, action: () => Promise<T>, back?: Who): Promise<T> {
  await staffApi.signIn(staff[who].email, staff[who].password);
  try {
    return await action();
  } finally {
    if (back) await staffApi.signIn(staff[back].email, staff[back].password);
  }
}

/** Ends every open conversation, so each test starts with an empty inbox. */
async function closeAll() {
  await actAs('admin', async () => {
    for (const c of (await chatApi.conversations('open')).conversations) await chatApi.close(c.id);
  });
  await staffApi.signOut().catch(() => undefined);
}

interface Resident {
  id: number;
  token: string;
}

/**
 * A resident starts a chat through the public API, as the chat widget does: a proof of work,
 * then the first message. Every test page shares one address, so a burst may be refused for a
 * while (429): wait as the server says, and try again.
 */
async function startChat(message: string, name: string | null = null, email: string | null = null): Promise<Resident> {
  for (;;) {
    const res = await fetch('/api/chat/conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': await solvedPow() },
      body: JSON.stringify({ name, email, message, lang: 'sv' }),
    });
    if (res.status === 429) {
      const wait = Number(res.headers.get('Retry-After')) || 5;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 65) * 1000));
      continue;
    }
    expect(res.status, await res.clone().text()).to.equal(201);
    const body = (await res.json()) as { conversation: { id: number }; token: string };
    return { id: body.conversation.id, token: body.token };
  }
}

async function residentPost(r: Resident, path: string, body: unknown): Promise<Response> {
  return fetch(`/api/chat/conversations/${r.id}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Medverka-Chat': r.token },
    body: JSON.stringify(body),
  });
}

/** The conversation's page, once loaded and following the conversation. */
async function conversation(el: MedverkaConsole, id: number): Promise<HTMLElement> {
  const page = await go(el, `#/chat/${id}`, 'medverka-console-chat-conversation');
  await waitUntil(() => $(page, '#status-heading') && $$(page, '.log li').length > 0, 'the conversation has loaded', { timeout: 8000 });
  return page;
}

const logTexts = (page: HTMLElement) => $$(page, '.log li').map((li) => text(li));
const status = (page: HTMLElement) => text($(page, '#status-heading'));

async function logHas(page: HTMLElement, expected: string) {
  await waitUntil(() => logTexts(page).some((t) => t.includes(expected)), `the log shows “${expected}” (it has ${JSON.stringify(logTexts(page))})`, {
    timeout: 8000,
  });
}

describe('<medverka-console> chat inbox', function () {
  this.timeout(180000);

  before(closeAll);

  afterEach(async () => {
    await closeAll();
    await leaveConsole();
    document.title = '';
  });

  it('comes first for chat agents, is there for administrators, and not for moderators', async () => {
    const agent = await signedIn('agent');
    expect(navLabels(agent)).to.deep.equal(['Chatt', 'Bädda in', 'Mitt konto']);
    expect(location.hash).to.equal('#/chat');
    const list = await inbox(agent);
    expect(text($(list, 'h1'))).to.equal('Chatt');
    expect(text($(list, '#waiting'))).to.equal('Ingen väntar just nu.');
    expect(text($(list, '#ongoing'))).to.equal('Inga samtal pågår.');
    expect(document.title).to.equal('Chatt – Medverka – personal');
    await expect(agent).to.be.accessible();
    await signOut(agent);

    const admin = await offeredTo('admin', 'Chatt');
    expect(location.hash, 'administrators start with the daily work, the e-petitions').to.equal('#/petitions');
    await signOut(admin);
    await refusedTo('moderator', '/chat', 'Chatt');
  });

  it('shows new chats live, says each once in the live region, and counts them in the navigation and the title', async () => {
    const el = await signedIn('agent', '/chat');
    const list = await inbox(el);
    // Everything the live region says, to count how often a chat is announced.
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region(el)));
    observer.observe($(el, '[role=status]')!, { childList: true, characterData: true, subtree: true });

    await waitUntil(() => chatLink(el).dataset.count === '0', 'nothing waits: a muted 0 holds the place');
    expect(chatWaits(el)).to.deep.equal(['Chatt', '', '0']);
    const navBefore = navGeometry(el);
    const kim = await startChat('Hej! Jag undrar hur jag söker bygglov för ett uterum.', 'Kim Invånare', 'kim@example.se');
    await waitUntil(() => waitingNames(list).includes('Kim Invånare'), 'the new chat is in the inbox', { timeout: 8000 });
    await announced(el, 'Ny chatt väntar: Kim Invånare');
    expect($(el, '[role=status]')!.getAttribute('aria-live')).to.equal('polite');
    const item = $(list, `#waiting li[data-id="${kim.id}"]`)!;
    expect(text(item)).to.contain('Hej! Jag undrar hur jag söker bygglov');
    expect(text(item)).to.contain('Har väntat under en minut');
    expect(item.querySelector('a')!.getAttribute('href')).to.equal(`#/chat/${kim.id}`);
    await waitUntil(() => chatWaits(el).join('|') === 'Chatt|1 väntar|1', 'the navigation counts one waiting chat');
    expect(navGeometry(el), 'the count arriving moves nothing in the navigation').to.deep.equal(navBefore);
    expect(document.title).to.equal('(1) Chatt – Medverka – personal');
    await expect(el).to.be.accessible();

    await startChat('Vem ska jag ringa om snöröjningen?');
    await announced(el, 'Ny chatt väntar: Anonym invånare');
    await waitUntil(() => chatWaits(el).join('|') === 'Chatt|2 väntar|2', 'the navigation counts two waiting chats');
    expect(navGeometry(el)).to.deep.equal(navBefore);
    expect(document.title).to.equal('(2) Chatt – Medverka – personal');
    expect(waitingNames(list), 'the longest wait first').to.deep.equal(['Kim Invånare', 'Anonym invånare']);
    expect(text($(list, '#waiting-heading'))).to.equal('Väntar (2)');

    // A new message in a waiting chat changes its preview, but it is not announced again.
    const saidBefore = said.filter((s) => s.includes('Kim Invånare')).length;
    expect((await residentPost(kim, '/messages', { body: 'Det gäller ett uterum på 15 kvadratmeter.' })).status).to.equal(201);
    await waitUntil(() => text($(list, `#waiting li[data-id="${kim.id}"] .preview`)).includes('15 kvadratmeter'), 'the preview follows');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(said.filter((s) => s.includes('Kim Invånare')).length, 'Kim’s chat is announced once').to.equal(saidBefore);
    observer.disconnect();

    // The count is in the navigation wherever the agent is, and in English too.
    await go(el, '#/account', 'medverka-console-account');
    expect(chatWaits(el)).to.deep.equal(['Chatt', '2 väntar', '2']);
    expect(document.title.startsWith('(2) ')).to.equal(true);
    document.documentElement.lang = 'en';
    await waitUntil(() => chatWaits(el).join('|') === 'Chat|2 waiting|2', 'the count is in English');
    await startChat('Where do I report a broken street light?', 'Sam');
    await announced(el, 'New chat waiting: Sam');
    expect(document.title.startsWith('(3) ')).to.equal(true);
  });

  it('lets an agent take a chat, reply, insert a canned answer and hand it over, by keyboard alone', async () => {
    const kim = await startChat('Hej! Mitt personnummer är 19121212-1212, kan ni se min ansökan?', 'Kim Invånare', 'kim@example.se');
    const el = await signedIn('agent', '/chat');
    const list = await inbox(el);
    await waitUntil(() => waitingNames(list).includes('Kim Invånare'), 'the chat waits', { timeout: 8000 });

    // Open it from the inbox with the keyboard: focus goes to the conversation's heading.
    $<HTMLAnchorElement>(list, `#waiting li[data-id="${kim.id}"] a`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => screen(el)?.localName === 'medverka-console-chat-conversation', 'the conversation opens');
    const page = screen(el);
    await waitUntil(() => $(page, '#status-heading'), 'the conversation has loaded', { timeout: 8000 });
    await waitUntil(() => focused() === $(page, 'h1'), 'focus is on the heading');
    expect(text($(page, 'h1'))).to.equal('Chatt med Kim Invånare');
    expect(status(page)).to.equal('Status: Väntar');
    expect(text($(page, '.facts'))).to.contain('kim@example.se');
    expect($(page, '.log')!.getAttribute('role')).to.equal('log');
    await logHas(page, 'Mitt personnummer');
    const first = $$(page, '.log li')[0]!;
    expect(text(first)).not.to.contain('19121212-1212');
    expect(text(first)).to.contain('Ett personnummer doldes i meddelandet');
    await expect(el).to.be.accessible();

    // Tab from the heading reaches "Ta samtalet"; Enter takes it, and focus goes to the reply box.
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal($(page, '#claim'));
    expect(text(focused())).to.equal('Ta samtalet');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(page) === 'Status: Pågår – du har samtalet', 'the agent has the chat', { timeout: 5000 });
    await announced(el, 'Du har tagit samtalet.');
    await waitUntil(() => focused() === $(page, '#reply'), 'focus is in the reply box');
    await logHas(page, 'Chris Chatt tog samtalet.');
    expect($(page, '#claim'), 'no claim button once it is mine').to.equal(null);

    // Shift+Enter makes a new line; Enter sends.
    await sendKeys({ type: 'Hej Kim!' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Jag tittar på det.' });
    expect($<HTMLTextAreaElement>(page, '#reply')!.value).to.equal('Hej Kim!\nJag tittar på det.');
    await sendKeys({ press: 'Enter' });
    await logHas(page, 'Hej Kim! Jag tittar på det.');
    const mine = $$(page, '.log li.staff').at(-1)!;
    expect(mine.querySelector('.body')!.textContent).to.equal('Hej Kim!\nJag tittar på det.');
    expect(text(mine.querySelector('.from'))).to.contain('Du (Chris Chatt)');
    await waitUntil(() => $<HTMLTextAreaElement>(page, '#reply')!.value === '', 'the box is empty again once sent');
    expect(focused()).to.equal($(page, '#reply'));

    // The resident's reply comes in live.
    expect((await residentPost(kim, '/messages', { body: 'Tack, jag väntar.' })).status).to.equal(201);
    await logHas(page, 'Tack, jag väntar.');

    // A canned answer goes into the reply box and is not sent by itself.
    const { answers } = await chatApi.answers();
    const greeting = answers.find((a) => a.title === 'Hälsning')!;
    expect(greeting, 'the migration seeds “Hälsning”').to.not.equal(undefined);
    const sent = $$(page, '.log li').length;
    const shiftTab = async () => {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    };
    await shiftTab();
    expect(focused()).to.equal($(page, '#insert-answer'));
    await shiftTab();
    expect(focused()).to.equal($(page, '#canned'));
    const select = $<HTMLSelectElement>(page, '#canned')!;
    while (select.value !== String(greeting.id)) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLTextAreaElement>(page, '#reply')!.value === greeting.body, 'the answer is in the reply box');
    expect(focused()).to.equal($(page, '#reply'));
    await announced(el, 'Svarsmallen ”Hälsning” står i svarsrutan.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect($$(page, '.log li').length, 'nothing was sent').to.equal(sent);
    await expect(el).to.be.accessible();
    $<HTMLTextAreaElement>(page, '#reply')!.value = '';

    // Hand it over to Anna Admin: the step asks first.
    $<HTMLButtonElement>(page, '#transfer')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === $(page, '#transfer-to'), 'focus goes to the choice of agent', { timeout: 5000 });
    const options = [...$<HTMLSelectElement>(page, '#transfer-to')!.options].map((o) => text(o));
    expect(options).to.include('Anna Admin');
    expect(options.join(' '), 'not to the agent who has it').not.to.contain('Chris Chatt');
    await expect(el).to.be.accessible();
    const admin = options.indexOf('Anna Admin');
    while ($<HTMLSelectElement>(page, '#transfer-to')!.selectedIndex !== admin) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused())).to.equal('Lämna över');
    await sendKeys({ press: 'Enter' });
    await announced(el, 'Samtalet är överlämnat till Anna Admin.');
    await waitUntil(() => status(page) === 'Status: Pågår – Anna Admin har samtalet', 'Anna has it now');
    expect(focused()).to.equal($(page, '#status-heading'));
    await logHas(page, 'Samtalet lämnades över till Anna Admin.');

    // Someone else's now: no reply box, and "Ta samtalet" says why it does nothing.
    expect($(page, '#reply')).to.equal(null);
    const claim = $<HTMLButtonElement>(page, '#claim')!;
    expect(claim.getAttribute('aria-disabled')).to.equal('true');
    expect(text($(page, `#${claim.getAttribute('aria-describedby')}`))).to.contain('Anna Admin har samtalet.');
    await expect(el).to.be.accessible();

    // In the inbox it is Anna's, ongoing.
    const back = await inbox(el);
    await waitUntil(() => text($(back, `#ongoing li[data-id="${kim.id}"]`)).includes('Handläggare: Anna Admin'), 'the inbox shows Anna as the agent');
  });

  it('says plainly when another agent took the chat first', async () => {
    const r = await startChat('Hur lång tid tar en ansökan om färdtjänst?', 'Kim');
    const el = await signedIn('agent', `/chat/${r.id}`);
    const page = screen(el);
    await waitUntil(() => status(page) === 'Status: Väntar', 'the chat waits', { timeout: 8000 });
    // Anna takes it at her desk just before Chris presses the button.
    const real = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith(`/api/staff/chat/conversations/${r.id}/claim`)) {
        window.fetch = real;
        await actAs('admin', () => chatApi.claim(r.id), 'agent');
      }
      return real(input, init);
    };
    try {
      $<HTMLButtonElement>(page, '#claim')!.click();
      await waitUntil(() => $(page, '#status-problem'), 'the problem is shown', { timeout: 8000 });
    } finally {
      window.fetch = real;
    }
    expect(text($(page, '#status-problem'))).to.equal('Fel: Anna Admin har redan tagit samtalet.');
    expect(focused()).to.equal($(page, '#status-problem'));
    expect(status(page)).to.equal('Status: Pågår – Anna Admin har samtalet');
    await expect(el).to.be.accessible();
  });

  it('closes a chat after asking, and shows how the resident rated it', async () => {
    const r = await startChat('Tack för hjälpen förra veckan!', null, null);
    const el = await signedIn('admin', `/chat/${r.id}`);
    const page = await conversation(el, r.id);
    expect(text($(page, 'h1'))).to.equal('Chatt med Anonym invånare');
    $<HTMLButtonElement>(page, '#close')!.click();
    await waitUntil(() => $(page, '#close-heading'), 'the step asks first');
    expect(text($(page, '#close-heading'))).to.equal('Avsluta samtalet?');
    expect($$(page, '.log li').length, 'nothing happened yet').to.equal(1);
    await expect(el).to.be.accessible();
    // Cancel puts focus back on the button.
    [...$$<HTMLButtonElement>(page, 'form.confirm button')].find((b) => text(b) === 'Avbryt')!.click();
    await waitUntil(() => focused() === $(page, '#close'), 'focus back on Avsluta');

    $<HTMLButtonElement>(page, '#close')!.click();
    await waitUntil(() => $(page, '#close-heading'), 'the step asks again');
    $<HTMLButtonElement>(page, 'form.confirm button[type=submit]')!.click();
    await announced(el, 'Samtalet är avslutat.');
    await waitUntil(() => status(page) === 'Status: Avslutat', 'the chat is closed');
    await logHas(page, 'Anna Admin avslutade samtalet.');
    expect($(page, '#reply'), 'no reply box').to.equal(null);
    expect($(page, '#close'), 'nothing more to close').to.equal(null);
    await expect(el).to.be.accessible();

    // The resident rates it; the conversation shows the rating when opened again.
    expect((await residentPost(r, '/rating', { rating: 4 })).status).to.equal(200);
    await go(el, '#/chat', 'medverka-console-chat-inbox');
    const again = await conversation(el, r.id);
    await waitUntil(() => text($(again, '.facts')).includes('4 av 5'), 'the rating is shown');
    expect(text($(again, '.notice'))).to.contain('Invånaren gav betyget 4 av 5.');

    // And in the list of ended conversations.
    const list = await go(el, '#/chat', 'medverka-console-chat-inbox');
    $<HTMLButtonElement>(list, '#show-closed')!.click();
    await waitUntil(() => $(list, `#closed li[data-id="${r.id}"]`), 'the ended chat is listed', { timeout: 5000 });
    expect(text($(list, `#closed li[data-id="${r.id}"]`))).to.contain('betyg 4 av 5');
    await expect(el).to.be.accessible();
  });

  it('shows live when the resident ends the chat', async () => {
    const r = await startChat('Jag har en fråga om sophämtningen.', 'Robin');
    const el = await signedIn('agent', `/chat/${r.id}`);
    const page = await conversation(el, r.id);
    expect((await residentPost(r, '/end', {})).status).to.equal(200);
    await logHas(page, 'Invånaren avslutade samtalet.');
    await waitUntil(() => status(page) === 'Status: Avslutat', 'the status follows', { timeout: 8000 });
    expect($(page, '#reply')).to.equal(null);
  });

  it('manages canned answers: add, change and remove', async () => {
    const el = await signedIn('agent', '/chat');
    await inbox(el);
    const list = screen(el);
    $<HTMLAnchorElement>(list, 'a[href="#/chat/svar"]')!.click();
    const page = await go(el, '#/chat/svar', 'medverka-console-chat-answers');
    await waitUntil(() => $(page, 'ul.answers'), 'the answers have loaded', { timeout: 5000 });
    expect(text($(page, 'h1'))).to.equal('Svarsmallar');
    expect($$(page, 'ul.answers h3').map((h) => text(h))).to.include.members(['Hälsning', 'Avslutning']);
    await expect(el).to.be.accessible();

    // An empty form says what is missing, in the summary and beside the fields.
    $<HTMLButtonElement>(page, 'form[aria-label="Ny svarsmall"] button[type=submit]')!.click();
    await waitUntil(() => focused() === $(page, '#errors-new'), 'the summary takes focus');
    expect(text($(page, '#errors-new'))).to.contain('Rubrik: Fyll i det här fältet.');
    expect($(page, '#title-new')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(page, '#title-new')!.value = 'Öppettider <b>';
    $<HTMLTextAreaElement>(page, '#body-new')!.value = 'Kontaktcenter har öppet måndag–torsdag 8–16.30 och fredag 8–15.';
    $<HTMLButtonElement>(page, 'form[aria-label="Ny svarsmall"] button[type=submit]')!.click();
    await announced(el, 'Svarsmallen ”Öppettider <b>” är tillagd.');
    const added = $$(page, 'ul.answers > li').find((li) => text(li.querySelector('h3')) === 'Öppettider <b>')!;
    expect(added, 'shown as text').to.not.equal(undefined);
    expect(added.querySelector('b')).to.equal(null);
    const id = Number(added.id.replace('answer-', ''));

    $<HTMLButtonElement>(page, `#edit-${id}`)!.click();
    await waitUntil(() => focused() === $(page, `#title-${id}`), 'the form opens with focus in it');
    $<HTMLInputElement>(page, `#title-${id}`)!.value = 'Öppettider';
    $<HTMLButtonElement>(page, `#answer-${id} button[type=submit]`)!.click();
    await announced(el, 'Svarsmallen ”Öppettider” är sparad.');
    await waitUntil(() => focused() === $(page, `#edit-${id}`), 'focus back on Ändra');
    expect((await chatApi.answers()).answers.find((a) => a.id === id)?.title).to.equal('Öppettider');

    $<HTMLButtonElement>(page, `#delete-${id}`)!.click();
    await waitUntil(() => focused() === $(page, `#confirm-delete-${id}`), 'asks first');
    expect(text($(page, `#confirm-delete-${id}`))).to.contain('Ta bort svarsmallen ”Öppettider”?');
    await expect(el).to.be.accessible();
    [...$$<HTMLButtonElement>(page, `#answer-${id} button`)].find((b) => text(b) === 'Ta bort')!.click();
    await announced(el, 'Svarsmallen ”Öppettider” är borttagen.');
    expect($(page, `#answer-${id}`)).to.equal(null);
    expect((await chatApi.answers()).answers.some((a) => a.id === id)).to.equal(false);
  });
});
