/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/chat/define.js';
import { resetPage } from './resident.js';
import type { MedverkaChat } from '../../widgets/chat/chat.element.js';
import type { MedverkaChatPanel } from '../../widgets/chat/panel.element.js';
import type { MedverkaChatEndedDetail, MedverkaChatOpenedDetail, MedverkaChatStartedDetail } from '../../widgets/shared/events.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';

const apiBase = api as string;
const storageKey = `medverka-chat ${new URL(apiBase).origin}`;
/** Opening hours that are open at any time, on Swedish public holidays too. */
const alwaysOpen = 'mon-sun 00:00-24:00; holidays 00:00-24:00';
const agent = 'Chris Chatt';

interface Conversation {
  id: number;
  token: string;
}

const hours = (text: string) => executeServerCommand('chat-hours', { hours: text });
/** A conversation started on the server, as the widget's form would start it. */
const startOnServer = (message = 'Hej! Jag undrar över sophämtningen.', lang = 'sv') => executeServerCommand('chat-start', { message, lang }) as Promise<Conversation>;
const staffReply = (c: Conversation, body: string) => executeServerCommand('chat-staff-reply', { conversationId: c.id, body, staffName: agent });
const staffClose = (c: Conversation, quiet = false) => executeServerCommand('chat-staff-close', { conversationId: c.id, staffName: agent, quiet });

const launcherRoot = (el: MedverkaChat) => el.shadowRoot!;
const button = (el: MedverkaChat) => launcherRoot(el).querySelector<HTMLButtonElement>('.open')!;
const prompt = (el: MedverkaChat) => launcherRoot(el).querySelector<HTMLElement>('.prompt')!;
const panelOf = (el: MedverkaChat) => launcherRoot(el).querySelector('medverka-chat-panel') as MedverkaChatPanel | null;
const $ = <T extends Element = HTMLElement>(el: MedverkaChat, selector: string) => panelOf(el)?.shadowRoot?.querySelector<T>(selector) ?? null;
const $$ = (el: MedverkaChat, selector: string) => [...(panelOf(el)?.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
const dialog = (el: MedverkaChat) => $<HTMLDialogElement>(el, 'dialog');
/** Where focus is, looking through both shadow roots. */
const focused = (el: MedverkaChat): Element | null => {
  const inLauncher = launcherRoot(el).activeElement;
  return inLauncher?.localName === 'medverka-chat-panel' ? (panelOf(el)!.shadowRoot!.activeElement ?? inLauncher) : inLauncher;
};
const texts = (el: MedverkaChat, selector: string) => $$(el, selector).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

async function launcher(attrs: { delay?: string; lang?: string; api?: string } = {}) {
  return fixture<MedverkaChat>(
    html`<medverka-chat api=${attrs.api ?? apiBase} prompt-delay=${attrs.delay ?? 'none'} lang=${attrs.lang ?? 'sv'}></medverka-chat>`,
  );
}

/** Waits for the panel's opening animation to end: axe and measurements need it at rest. */
async function settled(el: MedverkaChat) {
  await panelOf(el)?.updateComplete;
  const d = dialog(el);
  if (d) await Promise.all(d.getAnimations({ subtree: true }).map((a) => a.finished));
  return el;
}

async function opened(el: MedverkaChat, ready = '#name') {
  button(el).click();
  await waitUntil(() => dialog(el)?.open, 'the panel opens', { timeout: 8000 });
  await waitUntil(() => $(el, ready), `${ready} is shown`, { timeout: 8000 });
  return settled(el);
}

/** A page (re)loaded while a conversation is stored: the element restores it. */
async function restored(c: Conversation, attrs: { open?: boolean; lang?: string; api?: string; messages?: number } = {}) {
  const key = attrs.api ? `medverka-chat ${new URL(attrs.api).origin}` : storageKey;
  sessionStorage.setItem(key, JSON.stringify({ id: c.id, token: c.token, open: attrs.open ?? true }));
  const el = await launcher(attrs);
  await waitUntil(() => panelOf(el), 'the panel is loaded at once for a stored conversation', { timeout: 8000 });
  if (attrs.messages !== 0) await waitUntil(() => $$(el, '[part=message]').length >= (attrs.messages ?? 1), 'the messages are restored', { timeout: 8000 });
  return settled(el);
}

function type(el: MedverkaChat, id: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function send(el: MedverkaChat, text: string) {
  type(el, 'draft', text);
  $<HTMLButtonElement>(el, '.composer button[type=submit]')!.click();
}

const stored = () => JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as { id: number; token: string; lastSeen?: number; open?: boolean } | null;

describe('<medverka-chat>', () => {
  before(() => hours(alwaysOpen));

  afterEach(async () => {
    sessionStorage.clear();
    await resetPage();
    await hours(alwaysOpen);
  });

  it('fetches none of the panel’s code until the launcher is opened', async () => {
    const panelRequests = () => performance.getEntriesByType('resource').filter((e) => /\/widgets\/chat\/panel/.test(e.name));
    const el = await launcher();
    await new Promise((r) => setTimeout(r, 300));
    expect(panelRequests(), 'not on load').to.deep.equal([]);
    expect(customElements.get('medverka-chat-panel')).to.equal(undefined);
    await opened(el);
    expect(panelRequests().length, 'on opening').to.be.greaterThan(0);
  });

  it('shows a launcher button, and its prompt only after the delay; stores nothing', async () => {
    const el = await launcher({ delay: '0.3' });
    const b = button(el);
    expect(b.textContent).to.equal('Chatta med oss');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(b.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(getComputedStyle(prompt(el)).visibility, 'not before the delay').to.equal('hidden');
    await expect(el).to.be.accessible();
    await waitUntil(() => prompt(el).classList.contains('shown'), 'the prompt appears', { timeout: 2000 });
    // Checked for contrast once it has faded in: half-way, its text is still faint by design.
    // (Waiting for the computed opacity to read 1 was not enough: axe still once saw it faint.)
    await Promise.all(prompt(el).getAnimations().map((a) => a.finished));
    await waitUntil(() => getComputedStyle(prompt(el)).opacity === '1', 'the prompt has faded in', { timeout: 2000 });
    expect(prompt(el).querySelector('p')!.textContent).to.equal('Hej! Har du en fråga till kommunen?');
    expect(prompt(el).querySelector('button')!.getAttribute('aria-label')).to.equal('Dölj hälsningen');
    await expect(el).to.be.accessible();
    expect(panelOf(el)).to.equal(null);
    expect(sessionStorage.length + localStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('hides the prompt for good when dismissed, and gives focus to the button', async () => {
    const el = await launcher({ delay: '0' });
    await waitUntil(() => prompt(el).classList.contains('shown'), 'the prompt appears at once');
    prompt(el).querySelector('button')!.click();
    expect(getComputedStyle(prompt(el)).display).to.equal('none');
    expect(focused(el)).to.equal(button(el));
    await expect(el).to.be.accessible();
  });

  it('never shows the prompt when prompt-delay is "none" or negative', async () => {
    for (const delay of ['none', '-1']) {
      const el = await launcher({ delay });
      await new Promise((r) => setTimeout(r, 100));
      expect(getComputedStyle(prompt(el)).display, delay).to.equal('none');
    }
  });

  it('opens on a click: focus moves to the first field of the start form, the page is told, nothing is stored', async () => {
    const el = await launcher({ delay: '0' });
    const event = oneEvent(el, 'medverka-chat-opened');
    await opened(el);
    expect(((await event) as CustomEvent<MedverkaChatOpenedDetail>).detail).to.deep.equal({ ongoing: false });
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(prompt(el)).display, 'the prompt goes').to.equal('none');
    const d = dialog(el)!;
    expect(d.getAttribute('aria-labelledby')).to.equal('title');
    expect($(el, '#title')!.textContent).to.equal('Chatta med kommunen');
    await waitUntil(() => focused(el)?.id === 'name', 'focus moves to the name field');
    expect([...$$(el, 'label')].map((l) => l.textContent)).to.deep.equal(['Namn (frivilligt)', 'E-postadress (frivilligt)', 'Din fråga']);
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-hint');
    expect(sessionStorage.length, 'nothing stored before the first message').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('works by keyboard: Enter opens, Escape closes and gives focus back to the launcher', async () => {
    const el = await launcher();
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'name', 'focus moves into the panel', { timeout: 8000 });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('email');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el)!.open, 'Escape closes the panel');
    await waitUntil(() => focused(el) === button(el), 'focus returns to the launcher');
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    // And the close button does the same.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el)!.open && focused(el)?.id === 'name', 'opened again');
    $<HTMLButtonElement>(el, '.close')!.click();
    await waitUntil(() => focused(el) === button(el), 'the close button gives focus back too');
  });

  it('checks the start form: a question is needed, and an e-mail address must look like one', async () => {
    const el = await opened(await launcher());
    type(el, 'email', 'inte-en-adress');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'email', 'focus moves to the first field with a problem');
    expect(texts(el, '.field-error')).to.deep.equal(['Skriv e-postadressen så här: namn@exempel.se.', 'Skriv din fråga.']);
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect($(el, '#message')!.getAttribute('aria-describedby')).to.equal('message-error');
    expect(sessionStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('starts a conversation with the first message, stores it only then, and survives a reload; at the end offers the transcript and a rating', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    const el = await opened(await launcher());
    type(el, 'name', 'Bo Berg');
    type(el, 'email', 'bo.berg@example.se');
    type(el, 'message', 'Hej! När hämtas soporna på Storgatan?');
    expect(sessionStorage.length, 'nothing stored while writing').to.equal(0);
    const started = oneEvent(el, 'medverka-chat-started');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    const { detail } = (await started) as CustomEvent<MedverkaChatStartedDetail>;
    const saved = stored()!;
    expect(saved.id).to.equal(detail.conversationId);
    expect(saved.token).to.match(/^[\w-]{20,}$/);
    expect(saved.open).to.equal(true);
    await waitUntil(() => focused(el)?.id === 'draft', 'focus moves to the message box');
    expect($(el, '[role=log]')).not.to.equal(null);
    expect(texts(el, '[part=message] .text')).to.deep.equal(['Hej! När hämtas soporna på Storgatan?']);
    expect(texts(el, '[part=message] .who')).to.deep.equal(['Du']);
    await waitUntil(() => $(el, '.state')?.textContent?.includes('Du är i kö'), 'waiting for someone to answer');
    await expect(el).to.be.accessible();

    // The page is loaded again: the conversation comes back, open, with its messages.
    const conversation = { id: saved.id, token: saved.token };
    await staffReply(conversation, 'Hej Bo! På tisdagar.');
    el.remove();
    const again = await restored(conversation, { messages: 3 });
    expect(button(again).textContent).to.equal('Pågående chatt');
    await waitUntil(() => dialog(again)?.open, 'reopened, as it was open');
    expect(texts(again, '[part=message] .text')).to.deep.equal(['Hej! När hämtas soporna på Storgatan?', 'Hej Bo! På tisdagar.']);
    expect(texts(again, '.system')[0]).to.match(/^Chris Chatt svarar nu\. \d\d:\d\d$/);

    // The resident ends it: the transcript is offered to the address given at the start (the
    // server keeps it, so a reload does not lose it), and the rating.
    const ended = oneEvent(again, 'medverka-chat-ended');
    $<HTMLButtonElement>(again, '.composer .link')!.click();
    expect(((await ended) as CustomEvent<MedverkaChatEndedDetail>).detail).to.deep.equal({ conversationId: conversation.id, by: 'resident' });
    await waitUntil(() => focused(again)?.id === 'ended-heading', 'focus moves to the end');
    expect(texts(again, '.transcript p')).to.deep.equal(['Vill du ha en kopia av samtalet? Vi mejlar den till bo.berg@example.se.']);
    expect($(again, '#transcript'), 'no address to type: it goes only to the one given at the start').to.equal(null);
    $<HTMLButtonElement>(again, '.transcript button[type=submit]')!.click();
    await waitUntil(() => focused(again)?.id === 'transcript-done', 'the transcript is sent', { timeout: 8000 });
    expect($(again, '#transcript-done')!.textContent).to.equal('Vi har mejlat samtalet till bo.berg@example.se.');
    expect(sessionStorage.length, 'forgotten once ended').to.equal(0);
    expect($(again, '.composer')).to.equal(null);
    expect($(again, 'fieldset legend')!.textContent).to.equal('Hur nöjd är du med hjälpen du fick?');
    expect($$(again, 'fieldset input[type=radio]').length).to.equal(5);
    await waitUntil(() => texts(again, '.system').some((t) => t.startsWith('Du avslutade samtalet.')), 'the end is in the log');
    await expect(again).to.be.accessible();
  });

  it('ends a conversation started in this page: the transcript goes to the address given at the start, the rating is sent', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    const el = await opened(await launcher());
    type(el, 'email', 'cecilia@example.se');
    type(el, 'message', 'En kort fråga.');
    const started = oneEvent(el, 'medverka-chat-started');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await started;
    await waitUntil(() => $(el, '.composer .link'), 'the conversation is shown');
    $<HTMLButtonElement>(el, '.composer .link')!.click();
    await waitUntil(() => focused(el)?.id === 'ended-heading', 'focus moves to the end');
    expect(texts(el, '.transcript p')).to.deep.equal(['Vill du ha en kopia av samtalet? Vi mejlar den till cecilia@example.se.']);
    // The rating needs an answer chosen.
    $<HTMLButtonElement>(el, 'fieldset + button, fieldset ~ button')!.click();
    await waitUntil(() => focused(el)?.id === 'rating-1', 'focus moves to the first choice');
    expect(texts(el, '#rating-error')).to.deep.equal(['Välj ett av svaren.']);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#rating-4')!.click();
    $<HTMLButtonElement>(el, 'fieldset ~ button')!.click();
    await waitUntil(() => focused(el)?.id === 'rating-done', 'thanked for the answer');
    expect($(el, '#rating-done')!.textContent).to.equal('Tack för ditt svar!');
    $<HTMLButtonElement>(el, '.transcript button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'transcript-done', 'the transcript is sent', { timeout: 8000 });
    expect($(el, '#transcript-done')!.textContent).to.equal('Vi har mejlat samtalet till cecilia@example.se.');
    await expect(el).to.be.accessible();
    // And a new conversation can be started.
    [...$$(el, '.ended > button')].at(-1)!.click();
    await waitUntil(() => focused(el)?.id === 'name', 'the start form again');
    expect($<HTMLInputElement>(el, '#message')!.value).to.equal('');
  });

  it('shows a staff reply live, announces it politely, and says who answers', async () => {
    const c = await startOnServer();
    const el = await restored(c);
    expect($(el, '[role=log]')!.getAttribute('aria-label')).to.equal('Meddelanden');
    await waitUntil(() => $(el, '.state')?.textContent?.includes('Du är i kö'), 'waiting');
    await staffReply(c, 'Hej! Vad kan jag hjälpa dig med?');
    await waitUntil(() => texts(el, '[part=message] .text').includes('Hej! Vad kan jag hjälpa dig med?'), 'the reply arrives', { timeout: 8000 });
    expect(texts(el, '.theirs .who')).to.deep.equal([agent]);
    await waitUntil(() => $(el, '.state')?.textContent?.trim() === 'Du chattar med Chris Chatt.', 'the status names the agent');
    const live = $(el, '[aria-live=polite]')!;
    expect(live.textContent).to.contain('Chris Chatt svarar nu.');
    expect(live.textContent).to.contain('Chris Chatt: Hej! Vad kan jag hjälpa dig med?');
    await expect(el).to.be.accessible();
  });

  it('shows a reply that came while the panel was closed as a new message on the launcher', async () => {
    const c = await startOnServer();
    const el = await restored(c, { open: false });
    expect(dialog(el)!.open).to.equal(false);
    expect(button(el).textContent).to.equal('Pågående chatt');
    await staffReply(c, 'Hej!');
    await waitUntil(() => launcherRoot(el).querySelector('.badge')!.textContent === '2', 'joined and the reply are unread', { timeout: 8000 });
    expect(button(el).textContent).to.equal('Pågående chatt2, 2 nya meddelanden');
    await waitUntil(() => launcherRoot(el).querySelector('[aria-live]')!.textContent === 'Nytt meddelande i chatten.', 'said politely');
    await expect(el).to.be.accessible();
    button(el).click();
    await waitUntil(() => launcherRoot(el).querySelector('.badge')!.textContent === '', 'read once opened');
    expect(stored()!.lastSeen).to.be.greaterThan(0);
  });

  it('notes a masked personnummer, and tells the resident never to write one', async () => {
    const c = await startOnServer('Mitt personnummer är 811228-9874.');
    const el = await restored(c);
    expect(texts(el, '[part=message] .text')).to.deep.equal(['Mitt personnummer är XXXXXX-XXXX.']);
    expect(texts(el, '.masked')).to.deep.equal(['Vi dolde ett personnummer i ditt meddelande. Skriv aldrig ditt personnummer i chatten.']);
    await expect(el).to.be.accessible();
  });

  it('renders text as text', async () => {
    const c = await startOnServer('<img src=x onerror="window.__xss=1"> <b>fet</b>');
    const el = await restored(c);
    expect(texts(el, '[part=message] .text')).to.deep.equal(['<img src=x onerror="window.__xss=1"> <b>fet</b>']);
    expect($(el, '[part=message] img, [part=message] b')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('is closed by staff: the status event ends it, storage is cleared, the page is told', async () => {
    const c = await startOnServer();
    const el = await restored(c);
    $<HTMLTextAreaElement>(el, '#draft')!.focus();
    const ended = oneEvent(el, 'medverka-chat-ended');
    await staffClose(c);
    expect(((await ended) as CustomEvent<MedverkaChatEndedDetail>).detail).to.deep.equal({ conversationId: c.id, by: 'staff' });
    await waitUntil(() => focused(el)?.id === 'ended-heading', 'focus moves from the message box to the end');
    expect(sessionStorage.length).to.equal(0);
    await waitUntil(() => texts(el, '.system').some((t) => t.startsWith('Chris Chatt avslutade samtalet.')), 'said in words');
    expect(texts(el, '.transcript')).to.deep.equal(['Du skrev ingen e-postadress när samtalet började, så vi kan inte mejla samtalet till dig.']);
    expect($(el, '.transcript button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says plainly when writing in a conversation that has already ended (409)', async () => {
    const c = await startOnServer();
    const el = await restored(c);
    await staffClose(c, true);
    await send(el, 'Hallå?');
    await waitUntil(() => $(el, '.problem'), 'the refusal is said', { timeout: 8000 });
    expect($(el, '.problem')!.textContent).to.equal('Samtalet hade redan avslutats, så ditt meddelande skickades inte.');
    expect($(el, '#ended-heading')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks the resident to wait when they write too fast (429)', async () => {
    const c = await startOnServer();
    const el = await restored(c);
    for (let i = 0; i < 12; i++) {
      await fetch(new URL(`api/chat/conversations/${c.id}/messages`, apiBase), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Medverka-Chat': c.token },
        body: JSON.stringify({ body: `Meddelande ${i}` }),
      });
    }
    await send(el, 'Ett till');
    await waitUntil(() => $(el, '.problem'), 'the refusal is said', { timeout: 8000 });
    expect($(el, '.problem')!.textContent).to.match(/^Det har kommit många meddelanden härifrån på kort tid\. Vänta \d+ sekunder och försök sedan igen\.$/);
    expect($(el, '.problem')!.getAttribute('role')).to.equal('alert');
    expect($<HTMLTextAreaElement>(el, '#draft')!.value, 'the message is kept').to.equal('Ett till');
    await expect(el).to.be.accessible();
  });

  it('says so when the chat cannot be reached, and when the connection is lost', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    const down = await opened(await launcher({ api: 'http://127.0.0.1:9/' }), '.notice');
    expect($(down, '[role=alert]')!.textContent).to.contain('Det går inte att nå chatten just nu.');
    await expect(down).to.be.accessible();
    down.remove();

    // A stored conversation on a server that is not there: the stream is lost, writing fails.
    const el = await restored({ id: 1, token: 'x'.repeat(43) }, { api: 'http://127.0.0.1:9/', messages: 0 });
    await waitUntil(() => $(el, '.connection')?.textContent === 'Anslutningen bröts. Vi försöker ansluta igen …', 'the lost connection is said', { timeout: 8000 });
    await send(el, 'Hallå?');
    await waitUntil(() => $(el, '.problem'), 'the failure is said');
    expect($(el, '.problem')!.textContent).to.equal('Det gick inte att nå kommunen. Kontrollera din internetanslutning och försök igen.');
    await expect(el).to.be.accessible();
  });

  it('gives up a stored conversation the server does not know', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    const el = await restored({ id: 999_999, token: 'x'.repeat(43) }, { messages: 0 });
    await waitUntil(() => $(el, '.notice')?.textContent?.includes('Samtalet finns inte längre.'), 'says so', { timeout: 15000 });
    expect(sessionStorage.length).to.equal(0);
    expect(button(el).textContent).to.equal('Chatta med oss');
    await expect(el).to.be.accessible();
  });

  it('when closed, says when the chat opens again and takes a message to answer by e-mail', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    // Closed now; open only on the day after tomorrow (in Stockholm), from 08:00.
    const weekday = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'Europe/Stockholm' }).toLowerCase();
    await hours(`${weekday} 08:00-16:30`);
    const el = await opened(await launcher());
    expect($(el, '.notice')!.textContent).to.contain('Chatten är stängd just nu.');
    expect($(el, '.notice')!.textContent).to.match(/Den öppnar igen \p{L}+dag \d{1,2} \p{L}+ klockan 08:00\./u);
    expect($$(el, 'label').map((l) => l.textContent)).to.deep.equal(['Namn (frivilligt)', 'E-postadress', 'Ditt meddelande']);
    await expect(el).to.be.accessible();

    // The address is needed, and the server's domain policy is said at the field.
    type(el, 'message', 'Jag vill anmäla en trasig gatlykta.');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'email', 'the e-mail address is needed');
    expect(texts(el, '#email-error')).to.deep.equal(['Skriv din e-postadress, så att vi kan svara dig.']);
    type(el, 'email', 'tillfallig@mailinator.com');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#email-error')?.textContent?.includes('e-postdomänen'), 'the domain is refused', { timeout: 8000 });
    await expect(el).to.be.accessible();

    type(el, 'email', 'dagny@example.se');
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'left-heading', 'thanked', { timeout: 8000 });
    expect($(el, '#left-heading')!.textContent).to.equal('Tack för ditt meddelande!');
    expect($(el, '.notice')!.textContent).to.contain('Vi har skickat en bekräftelse till dagny@example.se.');
    expect(sessionStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('says so when it is not known when the chat opens again', async () => {
    await hours('');
    const el = await opened(await launcher());
    expect($(el, '.notice')!.textContent).to.contain('Vi vet inte ännu när den öppnar igen.');
  });

  it('speaks English where the page does', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    const el = await launcher({ lang: 'en', delay: '0' });
    await waitUntil(() => prompt(el).classList.contains('shown'));
    expect(prompt(el).querySelector('p')!.textContent).to.equal('Hi! Do you have a question for the municipality?');
    expect(button(el).textContent).to.equal('Chat with us');
    await opened(el);
    expect($(el, '#title')!.textContent).to.equal('Chat with the municipality');
    expect($$(el, 'label').map((l) => l.textContent)).to.deep.equal(['Name (optional)', 'E-mail address (optional)', 'Your question']);
    await expect(el).to.be.accessible();
    el.remove();

    const c = await startOnServer('Hello', 'en');
    await staffReply(c, 'Hi!');
    const chat = await restored(c, { lang: 'en', messages: 3 });
    expect(texts(chat, '.system')[0]).to.match(/^Chris Chatt is answering now\. \d\d:\d\d$/);
    expect(texts(chat, '.mine .who')).to.deep.equal(['You']);
    expect($(chat, '.composer .link')!.textContent!.trim()).to.equal('End the conversation');
    await expect(chat).to.be.accessible();
  });

  it('sits in the page’s flow on a 320 px screen, covering nothing, and opens full screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const before = document.createElement('p');
    before.textContent = 'Text före';
    document.body.prepend(before);
    const el = await launcher({ delay: '0' });
    const launcherBox = launcherRoot(el).querySelector<HTMLElement>('.launcher')!;
    expect(getComputedStyle(launcherBox).position).to.equal('static');
    expect(el.getBoundingClientRect().height, 'space is reserved where the tag is').to.be.greaterThan(40);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
    await opened(el);
    const d = dialog(el)!;
    expect(d.matches(':modal'), 'modal on a narrow screen').to.equal(true);
    const box = d.getBoundingClientRect();
    expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 320, 640]);
    const form = $(el, 'form')!;
    expect(form.scrollWidth).to.be.at.most(form.clientWidth);
    await expect(el).to.be.accessible();
    // The launcher is inert behind the modal panel until it has closed; then focus goes back to it.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el) === button(el), 'focus returns to the launcher');
    expect(d.open).to.equal(false);
    before.remove();
  });

  it('prints nothing: neither the launcher nor an open panel, on a narrow or a wide page', async () => {
    for (const width of [320, 1280]) {
      await setViewport({ width, height: 800 });
      const el = await opened(await launcher({ delay: '0' }));
      const d = dialog(el)!;
      expect(d.checkVisibility(), `${width} px: shown on screen`).to.equal(true);
      await emulateMedia({ media: 'print' });
      try {
        expect(button(el).checkVisibility(), `${width} px: the launcher does not print`).to.equal(false);
        expect(prompt(el).checkVisibility(), `${width} px: nor the greeting`).to.equal(false);
        expect(d.checkVisibility(), `${width} px: nor the panel (${d.matches(':modal') ? 'modal' : 'beside the page'})`).to.equal(false);
        expect(d.getClientRects().length).to.equal(0);
      } finally {
        await emulateMedia({ media: 'screen' });
      }
      expect(d.checkVisibility(), 'back on screen').to.equal(true);
      el.remove();
    }
  });

  it('does not move when the resident asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await launcher({ delay: '0' });
      expect(getComputedStyle(prompt(el)).transitionDuration).to.equal('0s');
      await opened(el);
      expect(getComputedStyle(dialog(el)!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('floats in the bottom right corner on a wide screen, with the panel beside the page', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await launcher({ delay: '0' });
    const launcherBox = launcherRoot(el).querySelector<HTMLElement>('.launcher')!;
    expect(getComputedStyle(launcherBox).position).to.equal('fixed');
    const b = button(el).getBoundingClientRect();
    expect(1280 - b.right).to.be.closeTo(16, 2);
    expect(800 - b.bottom).to.be.closeTo(16, 2);
    await waitUntil(() => prompt(el).classList.contains('shown'));
    expect(prompt(el).getBoundingClientRect().right, 'the prompt is beside the button').to.be.at.most(b.left);
    await opened(el);
    expect(dialog(el)!.matches(':modal')).to.equal(false);
    expect(dialog(el)!.getBoundingClientRect().bottom).to.be.at.most(b.top);
    await expect(el).to.be.accessible();
  });

  it('works in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await launcher({ delay: '0' });
    expect(getComputedStyle(button(el)).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
    const c = await startOnServer();
    el.remove();
    const chat = await restored(c);
    expect(getComputedStyle($(chat, '.mine .text')!).borderTopStyle).to.equal('solid');
    await expect(chat).to.be.accessible();
  });
});

describe('<medverka-chat> as built, on a page with a strict Content-Security-Policy and Trusted Types', () => {
  it('loads only the launcher with the loader, the panel and Lit when opened, and breaks no policy', async function () {
    // Several requests, a proof of work and waits: more than the default 10 s on a busy machine.
    this.timeout(30_000);
    await hours(alwaysOpen);
    const frame = document.createElement('iframe');
    const origin = new URL(apiBase).origin;
    frame.srcdoc = `<!doctype html><html lang="sv"><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${origin}; connect-src ${origin}; worker-src blob:; style-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html medverka-pow">
      </head><body><p>Sidan</p><medverka-chat api="${apiBase}" prompt-delay="0"></medverka-chat>
      <script type="module" src="${apiBase}widgets/medverka.js"></script></body></html>`;
    frame.style.width = '800px';
    frame.style.height = '600px';
    document.body.append(frame);
    await waitUntil(() => frame.contentDocument?.querySelector('medverka-chat')?.shadowRoot?.querySelector('.open'), 'the launcher is defined', { timeout: 8000 });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow!;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const chunks = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/widgets/'))
        .map((p) => p.replace(/^\/widgets\/(chunks\/)?/, '').replace(/-[\w-]{8}\.js$/, ''));
    await new Promise((r) => setTimeout(r, 300));
    expect(chunks().sort()).to.deep.equal(['chat', 'medverka.js']);
    const chat = doc.querySelector('medverka-chat')!;
    expect(chat.shadowRoot!.querySelector('.prompt')!.classList.contains('shown')).to.equal(true);
    chat.shadowRoot!.querySelector<HTMLButtonElement>('.open')!.click();
    const panel = () => chat.shadowRoot!.querySelector('medverka-chat-panel')?.shadowRoot;
    await waitUntil(() => panel()?.querySelector('#name'), 'the panel opens with its form', { timeout: 8000 });
    expect(chunks().filter((c) => c.startsWith('chat-panel') || c.startsWith('lit')).sort()).to.deep.equal(['chat-panel', 'lit']);
    expect(getComputedStyle(panel()!.querySelector('dialog')!).borderTopStyle, 'the panel is styled').to.equal('solid');
    expect(violations).to.deep.equal([]);
    frame.remove();
  });
});
