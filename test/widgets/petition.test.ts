/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/petition/define.js';
import type { MedverkaPetition } from '../../widgets/petition/petition.element.js';
import { encodeSolution, solve } from '../../widgets/forms/proof-of-work.js';
import type { MedverkaSignedDetail } from '../../widgets/shared/events.js';
import { $, expectChallengeOnlyOnceStarted, expectFits, expectNotFound, focusedSummary, inNarrowColumn, itCopesWithAnUnreachableOrSlowServer, resetPage, root, sendTelling, settled, type } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';
import { seededPetitions } from './seeded.js';

/** The seeded petitions' numbers, looked up by title. */
let ids: Record<keyof typeof seededPetitions, string>;

before(async () => {
  const { petitions } = (await (await fetch(new URL('api/petitions', api as string))).json()) as { petitions: { id: number; title: string }[] };
  const idOf = (title: string) => String(petitions.find((p) => p.title === title)!.id);
  ids = { open: idOf(seededPetitions.open), answered: idOf(seededPetitions.answered), closed: idOf(seededPetitions.closed), live: idOf(seededPetitions.live) };
});

// Not at "Laddar …", which a slow (busy) server shows first.
/** What the widget shows once loaded: its heading, or a message. */
const ready = '[part=heading], .message:not([role=status])';
const loaded = <E extends LitElement>(el: E) => settled(el, ready);

async function petition(which: keyof typeof seededPetitions | string, attrs: { lang?: string } = {}) {
  const id = which in seededPetitions ? ids[which as keyof typeof seededPetitions] : which;
  const el = await fixture<MedverkaPetition>(html`<medverka-petition petition=${id} api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-petition>`);
  return loaded(el);
}

function check(el: MedverkaPetition, id: string) {
  $<HTMLInputElement>(el, `#${id}`)!.click();
}

const submit = (el: MedverkaPetition) => $<HTMLButtonElement>(el, 'button[type=submit]')!.click();

describe('<medverka-petition>', () => {
  afterEach(resetPage);

  it('renders an open petition: title, status, text in paragraphs, count and progress, days left, signers', async () => {
    const el = await petition('open');
    const heading = $(el, '[part=heading]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent).to.equal(seededPetitions.open);
    expect($(el, '[part=status]')!.textContent).to.equal('Öppet för underskrifter');
    expect(root(el).querySelectorAll('[part=body] p').length).to.equal(2);
    expect($(el, '.proposer')!.textContent).to.contain('Anna Andersson');
    expect($(el, '.count-text')!.textContent!.trim()).to.equal('12 av 100 underskrifter');
    const progress = $<HTMLProgressElement>(el, 'progress')!;
    expect(progress.value).to.equal(12);
    expect(progress.max).to.equal(100);
    expect(progress.getAttribute('aria-labelledby')).to.equal('count-text');
    expect($(el, '.days')!.textContent).to.match(/^\d+ dagar kvar att skriva under\.$/);
    // Eleven chose to show their name; ten are shown until the resident asks for all.
    expect(root(el).querySelectorAll('.signer-list li').length).to.equal(10);
    const more = $<HTMLButtonElement>(el, '.signers button')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.signer-list li').length).to.equal(11);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, 'form')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an answered petition with the municipality’s answer under its own heading, and no form', async () => {
    const el = await petition('answered');
    expect($(el, '[part=status]')!.textContent).to.equal('Besvarat');
    const answer = $(el, '[part=answer]')!;
    expect(answer.querySelector('[role=heading]')!.textContent).to.equal('Kommunens svar');
    expect(answer.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('3');
    expect([...answer.querySelectorAll('p:not(.answered)')].map((p) => p.textContent)).to.deep.equal(['Tack för förslaget.', 'Belysningen sätts upp under hösten.']);
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.days')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows when the petition was published, and when and by which committee it was answered', async () => {
    const el = await petition('answered');
    const { openedAt, answeredAt } = (await (await fetch(new URL(`api/petitions/${ids.answered}`, api as string))).json()) as { openedAt: string; answeredAt: string };
    const day = (iso: string, locale = 'sv-SE') => new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });
    expect($(el, '.published')!.textContent!.trim()).to.equal(`Publicerat ${day(openedAt)}.`);
    expect($(el, '[part=answer] .answered')!.textContent!.trim()).to.equal(`Besvarat ${day(answeredAt)}.`);
    await expect(el).to.be.accessible();

    // With the committee that answered, and corrected later (staff fixed a typo).
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith(`api/petitions/${ids.answered}`)) return res;
      return Response.json({ ...(await res.json()), answerCommittee: 'Tekniska nämnden', answerCorrectedAt: answeredAt });
    };
    try {
      const withCommittee = await petition('answered');
      const said = (el: Awaited<ReturnType<typeof petition>>) => $(el, '[part=answer] .answered')?.textContent?.replace(/\s+/g, ' ').trim();
      expect(said(withCommittee), root(withCommittee).textContent!).to.equal(`Besvarat ${day(answeredAt)} av Tekniska nämnden. Rättat ${day(answeredAt)}.`);
      const english = await petition('answered', { lang: 'en' });
      expect($(english, '.published')!.textContent!.trim()).to.equal(`Published ${day(openedAt, 'en-GB')}.`);
      expect(said(english)).to.equal(`Answered ${day(answeredAt, 'en-GB')} by Tekniska nämnden. Corrected ${day(answeredAt, 'en-GB')}.`);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows the count over time as a table of days, fetched only when asked for', async () => {
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.name)));
    observer.observe({ type: 'resource' });
    const el = await petition('open');
    const toggle = $<HTMLButtonElement>(el, '[aria-controls=days]')!;
    expect(toggle.textContent!.trim()).to.equal('Visa underskrifter per dag');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(seen.some((u) => u.includes('signatures-per-day') || u.includes('signature-days')), 'nothing fetched before it is asked for').to.equal(false);

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#days table'), 'the table is shown', { timeout: 5000 });
    observer.disconnect();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const table = $(el, '#days table')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Bekräftade underskrifter per dag');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Dag', 'Nya underskrifter', 'Totalt']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.be.at.least(1);
    for (const row of rows) expect(row.querySelector('th')!.getAttribute('scope')).to.equal('row');
    // The last day's running total is the count shown.
    expect(rows.at(-1)!.querySelector('td:last-child')!.textContent!.trim()).to.equal('12');
    await expect(el).to.be.accessible();

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#days')!.hidden).to.equal(true);
  });

  it('shows a closed petition without a form', async () => {
    const el = await petition('closed');
    expect($(el, '[part=status]')!.textContent).to.equal('Stängt');
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.closed-note')!.textContent).to.equal('Förslaget går inte att skriva under längre.');
    await expect(el).to.be.accessible();
  });

  it('says so when there is no such petition, and tells the page', () =>
    expectNotFound('medverka-petition', { api: api as string, petition: '99999' }, 'petition', ready, (message) => expect(message.textContent).to.contain('Förslaget finns inte')));

  itCopesWithAnUnreachableOrSlowServer('medverka-petition', { petition: '1' }, ready, 'Det gick inte att hämta förslaget just nu.');

  it('validates on submit: focuses an error summary linking to each field, and marks the fields', async () => {
    const el = await petition('open');
    $<HTMLInputElement>(el, '#name')!.focus();
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    // A group named by its heading: a screen reader says what the focused summary is.
    expect(focusedSummary(el)).to.deep.equal({ id: 'summary', role: 'group', name: 'Rätta det här innan du skickar' });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('#summary a')];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Skriv ditt namn.',
      'Skriv din e-postadress.',
      'Välj om du bor i kommunen eller har en annan koppling.',
    ]);
    for (const id of ['name', 'email']) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain(`${id}-error`);
    }
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect($(el, '#connection-resident')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    links[1]!.click();
    expect(root(el).activeElement).to.equal($(el, '#email'));
    type(el, 'email', 'inte en adress');
    submit(el);
    await waitUntil(() => $(el, '#email-error')?.textContent === 'Skriv e-postadressen så här: namn@exempel.se.', 'a malformed address is named');
  });

  it('asks for the other connection in words when that is chosen', async () => {
    const el = await petition('open');
    expect($(el, '#connectionText')).to.equal(null);
    type(el, 'name', 'Bo Berg');
    type(el, 'email', 'bo@example.se');
    check(el, 'connection-other');
    await el.updateComplete;
    expect($(el, '#connectionText')).not.to.equal(null);
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect([...root(el).querySelectorAll('#summary a')].map((a) => a.textContent)).to.deep.equal(['Skriv vilken koppling du har till kommunen.']);
    expect($(el, '#summary a')!.getAttribute('href')).to.equal('#connectionText');
    expect($(el, '#connectionText')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('signs: solves the proof of work, maps the server’s field issues, re-solves, and shows "check your e-mail"', async () => {
    const el = await petition('open');
    type(el, 'name', 'Cecilia Carlsson');
    // Our check lets it through; the server's does not, and spends the solution.
    type(el, 'email', 'cecilia..carlsson@example.se');
    check(el, 'connection-resident');
    check(el, 'showName');
    submit(el);
    await waitUntil(() => $(el, '#email-error'), 'the server’s issue is shown at its field', { timeout: 8000 });
    expect(root(el).activeElement?.id).to.equal('summary');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');

    type(el, 'email', 'cecilia.carlsson@example.se');
    const detail = await sendTelling<MedverkaSignedDetail>(el, 'medverka-signed', () => submit(el));
    expect(detail).to.deep.equal({ petitionId: Number(ids.open) });
    await waitUntil(() => root(el).activeElement?.id === 'sent-heading', 'focus moves to the heading', { timeout: 8000 });
    expect($(el, '#sent-heading')!.textContent).to.equal('Kolla din e-post');
    expect($(el, '.sent')!.textContent).to.contain('cecilia.carlsson@example.se');
    expect($(el, '.sent')!.textContent).to.contain('tre dagar');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows the count live: a signature confirmed from the mail raises it on every open page, announced politely', async () => {
    const signer = await petition('live');
    const reader = await petition('live');
    const englishReader = await petition('live', { lang: 'en' });
    const count = (el: MedverkaPetition) => $(el, '[part=count]')!.textContent!.replace(/\s+/g, ' ');
    expect(count(reader)).to.match(/\b0 av 100\b/);
    type(signer, 'name', 'Doris Dahl');
    type(signer, 'email', 'doris.dahl@example.se');
    check(signer, 'connection-resident');
    submit(signer);
    await waitUntil(() => $(signer, '#sent-heading'), 'check your e-mail', { timeout: 8000 });
    expect(count(reader), 'not counted before the link is followed').to.match(/\b0 av 100\b/);

    const { status } = (await executeServerCommand('follow-mailed-link', { to: 'doris.dahl@example.se' })) as { status: number };
    expect(status).to.equal(200);
    await waitUntil(() => /\b1 av 100\b/.test(count(reader)), 'the reader sees the new count without reloading', { timeout: 5000 });
    const live = $(reader, '[aria-live=polite]')!;
    await waitUntil(() => live.textContent!.includes('Underskrifter hittills: 1.'), 'the new count is announced', { timeout: 5000 });
    const englishLive = $(englishReader, '[aria-live=polite]')!;
    await waitUntil(() => englishLive.textContent!.includes('Signatures so far: 1.'), 'in the reader’s own language', { timeout: 5000 });
  });

  it('says at the e-mail field when the server does not accept the address’s domain (a throwaway mailbox)', async () => {
    const el = await petition('open');
    type(el, 'name', 'Tillfällig Person');
    type(el, 'email', 'tillfallig@mailinator.com');
    check(el, 'connection-resident');
    submit(el);
    await waitUntil(() => $(el, '#email-error'), 'the refusal is shown at the field', { timeout: 8000 });
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect(focusedSummary(el)).to.deep.equal({ id: 'summary', role: 'group', name: 'Rätta det här innan du skickar' });
    expect($(el, '#email-error')!.textContent).to.contain('Adresser från den här e-postdomänen tas inte emot');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement?.id).to.equal('summary');
    await expect(el).to.be.accessible();
  });

  it('shares: a copy-link button that says the link is copied, and plain share links to the petition’s page', async () => {
    const scripts = document.scripts.length;
    const el = await petition('answered');
    const page = new URL(`e-forslag/${ids.answered}`, api as string).href;
    const share = $(el, '[part=share]')!;
    expect(share.querySelector('[role=heading]')!.textContent!.trim()).to.equal('Dela förslaget');
    const links = Object.fromEntries([...share.querySelectorAll<HTMLAnchorElement>('a')].map((a) => [a.textContent!.trim(), a.href]));
    const title = seededPetitions.answered;
    expect(links).to.deep.equal({
      'E-post': `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(page)}`,
      Facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(page)}`,
      X: `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${encodeURIComponent(page)}`,
      WhatsApp: `https://wa.me/?text=${encodeURIComponent(`${title} ${page}`)}`,
    });
    expect(document.scripts.length, 'no third-party script is added').to.equal(scripts);

    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    try {
      $<HTMLButtonElement>(el, '[part=share] button')!.focus();
      await sendKeys({ press: 'Enter' });
      const status = $(el, '[part=share] [role=status]')!;
      await waitUntil(() => status.textContent!.trim() === 'Länken är kopierad.', 'the copy is announced politely');
      expect(copied).to.deep.equal([page]);
      await expect(el).to.be.accessible();

      // Where copying is not allowed, the link is there to copy by hand.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('not allowed')) } });
      $<HTMLButtonElement>(el, '[part=share] button')!.click();
      await waitUntil(() => $<HTMLInputElement>(el, '[part=share] input')?.value === page, 'the link is shown to copy');
      expect(status.textContent!.trim()).to.equal('Det gick inte att kopiera. Markera länken och kopiera den.');
      expect(root(el).activeElement).to.equal($(el, '[part=share] input'));
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('shares the address it is given (the page the list opened it on) instead of its own page', async () => {
    const el = await fixture<MedverkaPetition>(
      html`<medverka-petition petition=${ids.open} api=${api as string} share-url="https://www.kommun.se/e-forslag#e-forslag-${ids.open}"></medverka-petition>`,
    );
    await loaded(el);
    const facebook = [...root(el).querySelectorAll<HTMLAnchorElement>('[part=share] a')].find((a) => a.textContent!.trim() === 'Facebook')!;
    expect(facebook.href).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`https://www.kommun.se/e-forslag#e-forslag-${ids.open}`)}`);
  });

  it('solves a challenge on the main thread too, when no worker may be made', async () => {
    const challenge = (await (await fetch(new URL('api/pow/challenge', api as string))).json()) as Parameters<typeof encodeSolution>[0];
    const inWorker = await solve(challenge);
    const onMain = await solve(challenge, { worker: false });
    expect(inWorker).to.be.at.least(0);
    expect(onMain).to.equal(inWorker);
    expect(JSON.parse(atob(encodeSolution(challenge, onMain)))).to.include({ number: onMain, algorithm: 'SHA-256' });
  });

  it('does not fetch a challenge until the resident starts the form', async () => {
    await expectChallengeOnlyOnceStarted(() => petition('open'), '#name');
  });

  it('speaks English with lang="en"', async () => {
    const el = await petition('open', { lang: 'en' });
    expect($(el, '[part=status]')!.textContent).to.equal('Open for signatures');
    expect($(el, '.count-text')!.textContent!.trim()).to.equal('12 of 100 signatures');
    expect($(el, 'label[for=connection-resident]')!.textContent).to.equal('I live in the municipality');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#summary a')!.textContent).to.equal('Enter your name.');
    await expect(el).to.be.accessible();
    const answered = await petition('answered', { lang: 'en' });
    expect($(answered, '[part=answer] [role=heading]')!.textContent).to.equal('The municipality’s answer');
  });

  it('is operated by keyboard, with targets of at least 44 px, and fits 320 px at 200 % text', async () => {
    const wrap = await inNarrowColumn(html`<medverka-petition petition=${ids.open} api=${api as string}></medverka-petition>`);
    const el = await loaded(wrap.querySelector('medverka-petition')!);
    expectFits(el, (node) => node.closest('form') ?? wrap, 'button, input, .choice', 'button, .choice');
    $<HTMLInputElement>(el, '#name')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('email');
  });

  it('prints just the petition, its count and its answer: no form, no buttons, no share links', async () => {
    const open = await petition('open');
    const answered = await petition('answered');
    await emulateMedia({ media: 'print' });
    const shown = (el: MedverkaPetition, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)].some((n) => n.offsetParent !== null || n.getClientRects().length > 0);
    for (const selector of ['[part=heading]', '[part=body]', '[part=count]', '[part=status]']) expect(shown(open, selector), selector).to.equal(true);
    for (const selector of ['form', '[part=share]', 'button']) expect(shown(open, selector), selector).to.equal(false);
    expect(shown(answered, '[part=answer]')).to.equal(true);
    expect(shown(answered, 'button, [part=share]')).to.equal(false);
    // The printed count is text, and the answer is not a grey box that may not print.
    expect(getComputedStyle($(answered, '[part=answer]')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    await emulateMedia({ media: 'screen' });
    expect(shown(open, 'form'), 'on screen, the form is there').to.equal(true);
  });

  it('keeps visible borders in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await petition('answered');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(getComputedStyle($(el, '[part=answer]')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });
});
