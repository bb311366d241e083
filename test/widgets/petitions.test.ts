/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/petitions/define.js';
import type { MedverkaPetitions } from '../../widgets/petitions/petitions.element.js';
import type { MedverkaPetitionProposedDetail } from '../../widgets/shared/events.js';
import { $, expectFits, expectLoadingOnlyWhenSlow, expectUnreachable, focusedSummary, inNarrowColumn, resetPage, root, sendTelling, settled, type } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api, hangingApi } from '/test-api.js';
import { seededPetitions } from './seeded.js';

const titles = (el: MedverkaPetitions) => [...root(el).querySelectorAll('.item-title')].map((t) => t.textContent);

// Not at "Laddar …", which a slow (busy) server shows first.
/** What the widget shows once loaded: its list, or a message. */
const ready = '[part=list], [part=message]:not([role=status])';
const settledList = <E extends LitElement>(el: E) => settled(el, ready);

async function petitions(attrs: { show?: string; lang?: string; api?: string } = {}) {
  const el = await fixture<MedverkaPetitions>(
    html`<medverka-petitions show=${attrs.show ?? 'open'} api=${attrs.api ?? (api as string)} lang=${attrs.lang ?? 'sv'}></medverka-petitions>`,
  );
  return settledList(el);
}

/** Searches as a resident does: the words, then the search button. */
function search(el: MedverkaPetitions, words: string) {
  $<HTMLInputElement>(el, '#q')!.value = words;
  $<HTMLButtonElement>(el, '.search button[type=submit]')!.click();
}

async function openForm(el: MedverkaPetitions) {
  const toggle = $<HTMLButtonElement>(el, '[aria-controls=propose]')!;
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  await el.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  return $<HTMLFormElement>(el, '[part=form]')!;
}

const submit = (el: MedverkaPetitions) => $<HTMLButtonElement>(el, '[part=form] button[type=submit]')!.click();

/** The test page's own address, without the fragment a test gave it. */
const pageAddress = location.pathname + location.search;

describe('<medverka-petitions>', () => {
  afterEach(async () => {
    history.replaceState(null, '', pageAddress);
    await resetPage();
  });

  it('lists the public petitions with status and count; open ones by default', async () => {
    const all = await petitions({ show: 'all' });
    expect(titles(all)).to.include.members([seededPetitions.open, seededPetitions.answered, seededPetitions.closed]);
    expect($(all, '[part=heading]')!.getAttribute('aria-level')).to.equal('2');
    expect($(all, '[part=list]')!.getAttribute('role')).to.equal('list');
    const item = [...root(all).querySelectorAll<HTMLButtonElement>('[part=item]')].find((b) => b.textContent!.includes(seededPetitions.open))!;
    expect(item.localName).to.equal('button');
    expect(item.textContent).to.contain('Öppet för underskrifter');
    expect(item.textContent).to.match(/\d+ av 100 underskrifter/);
    expect($<HTMLInputElement>(all, '#show-all')!.checked).to.equal(true);
    await expect(all).to.be.accessible();

    const open = await petitions();
    expect(titles(open)).to.include(seededPetitions.open);
    expect(titles(open)).not.to.include(seededPetitions.answered);
    expect(titles(open)).not.to.include(seededPetitions.closed);
    expect($<HTMLInputElement>(open, '#show-open')!.checked).to.equal(true);
  });

  it('filters: Besvarade shows only the answered petitions', async () => {
    const el = await petitions();
    $<HTMLInputElement>(el, '#show-answered')!.click();
    expect(el.show).to.equal('answered');
    await waitUntil(() => titles(el).includes(seededPetitions.answered), 'the answered petitions are listed');
    expect(titles(el)).to.include(seededPetitions.answered);
    expect(titles(el)).not.to.include(seededPetitions.open);
    expect(titles(el)).not.to.include(seededPetitions.closed);
    for (const status of root(el).querySelectorAll('[part=item] .status')) expect(status.textContent).to.equal('Besvarat');
    expect($(el, '[aria-live=polite]')!.textContent).to.match(/^\d+ förslag visas\.$/);
  });

  it('searches on submit, not per keystroke, and says when nothing matches', async () => {
    const el = await petitions({ show: 'all' });
    const before = titles(el);
    type(el, 'q', 'parkbänkar');
    await new Promise((r) => setTimeout(r, 200));
    expect(titles(el), 'typing alone does not search').to.deep.equal(before);
    search(el, 'parkbänkar');
    await waitUntil(() => titles(el).length === 1, 'the search narrows the list');
    expect(titles(el)).to.deep.equal([seededPetitions.open]);

    search(el, 'zyxxyzordsomintefinns');
    await waitUntil(() => $(el, '[part=message]'), 'nothing matches');
    expect($(el, '[part=message]')!.textContent).to.equal('Inga förslag här ännu');
    await expect(el).to.be.accessible();
  });

  it('opens a petition in place with the real petition widget; the back button and Escape return focus', async () => {
    const el = await petitions({ show: 'all' });
    const item = () => [...root(el).querySelectorAll<HTMLButtonElement>('[part=item]')].find((b) => b.textContent!.includes(seededPetitions.answered))!;
    const id = item().dataset.id;
    item().click();
    await waitUntil(() => $(el, '#panel medverka-petition'), 'the petition opens in place', { timeout: 5000 });
    const panel = $(el, '#panel')!;
    expect(root(el).activeElement).to.equal(panel);
    expect(panel.getAttribute('role')).to.equal('region');
    expect(panel.getAttribute('aria-label')).to.equal(seededPetitions.answered);
    const petition = panel.querySelector('medverka-petition')!;
    expect(petition.getAttribute('petition')).to.equal(id);
    expect(petition.getAttribute('heading-level')).to.equal('3');
    await waitUntil(() => petition.shadowRoot?.querySelector('[part=heading]'), 'the petition loads', { timeout: 5000 });
    expect(petition.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal(seededPetitions.answered);
    expect(petition.shadowRoot!.querySelector('[part=answer]')).not.to.equal(null);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => root(el).activeElement === item(), 'Escape returns focus to the petition in the list');
    expect($(el, '#panel')).to.equal(null);

    item().click();
    await waitUntil(() => root(el).activeElement?.id === 'panel', 'the petition opens again');
    $<HTMLButtonElement>(el, '#panel .back')!.click();
    await waitUntil(() => root(el).activeElement === item(), 'the back button returns focus too');
  });

  it('gives an opened petition its own address: Back returns to the list, Forward opens it again', async () => {
    const el = await petitions({ show: 'all' });
    const item = () => [...root(el).querySelectorAll<HTMLButtonElement>('[part=item]')].find((b) => b.textContent!.includes(seededPetitions.open))!;
    const id = item().dataset.id!;
    // By keyboard, as a resident would: Chrome's Back skips entries a page added without a user's action.
    item().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'panel', 'the petition opens', { timeout: 5000 });
    expect(location.hash).to.equal(`#e-forslag-${id}`);
    expect(location.pathname + location.search, 'the host page’s own address is kept').to.equal(pageAddress);
    expect($(el, '#panel medverka-petition')!.getAttribute('share-url'), 'the petition shares this address').to.equal(location.href);

    history.back();
    await waitUntil(() => !$(el, '#panel') && root(el).activeElement === item(), 'Back shows the list, with focus on the petition', { timeout: 5000 });
    expect(location.hash).to.equal('');
    history.forward();
    await waitUntil(() => root(el).activeElement?.id === 'panel', 'Forward opens it again', { timeout: 5000 });
    expect(location.hash).to.equal(`#e-forslag-${id}`);

    // The back button is the same step back (not a new entry that Back would undo into the petition).
    $<HTMLButtonElement>(el, '#panel .back')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement === item(), 'the back button returns to the list', { timeout: 5000 });
    expect(location.hash).to.equal('');
    history.forward();
    await waitUntil(() => root(el).activeElement?.id === 'panel', 'the petition is the step forward', { timeout: 5000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => root(el).activeElement === item(), 'Escape steps back too', { timeout: 5000 });
    expect(location.hash).to.equal('');
  });

  it('opens the petition an address names at once (a reload, a bookmark, a shared link), even one the filter does not list', async () => {
    const all = await petitions({ show: 'all' });
    const answered = [...root(all).querySelectorAll<HTMLButtonElement>('[part=item]')].find((b) => b.textContent!.includes(seededPetitions.answered))!.dataset.id!;
    history.replaceState(null, '', `${pageAddress}#e-forslag-${answered}`);
    const el = await fixture<MedverkaPetitions>(html`<medverka-petitions show="open" api=${api as string} lang="sv"></medverka-petitions>`);
    await waitUntil(() => $(el, '#panel medverka-petition'), 'the named petition is open', { timeout: 5000 });
    const panel = $(el, '#panel')!;
    await waitUntil(() => panel.getAttribute('aria-label') === seededPetitions.answered, 'the panel is named by the petition’s title', { timeout: 5000 });
    expect(panel.querySelector('medverka-petition')!.getAttribute('petition')).to.equal(answered);
    await expect(el).to.be.accessible();

    // Back to the list from a shared link: the address loses the fragment, and the list is there.
    $<HTMLButtonElement>(el, '#panel .back')!.click();
    await waitUntil(() => $(el, '[part=list]'), 'the list is shown', { timeout: 5000 });
    expect(location.hash).to.equal('');
    expect(location.pathname + location.search).to.equal(pageAddress);
  });

  it('prints an opened petition without the list’s buttons, and the list without its filters and form', async () => {
    const el = await petitions({ show: 'all' });
    await openForm(el);
    await emulateMedia({ media: 'print' });
    const shown = (selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)].some((n) => n.getClientRects().length > 0);
    expect(shown('[part=list]')).to.equal(true);
    for (const selector of ['[part=filters]', '[part=form]', 'button:not([part=item])']) expect(shown(selector), selector).to.equal(false);
    await emulateMedia({ media: 'screen' });
    $<HTMLButtonElement>(el, '[part=item]')!.click();
    await waitUntil(() => $(el, '#panel medverka-petition'), 'the petition opens', { timeout: 5000 });
    await emulateMedia({ media: 'print' });
    expect(shown('#panel')).to.equal(true);
    expect(shown('#panel .back')).to.equal(false);
  });

  it('says so in the panel when an address names no public petition', async () => {
    history.replaceState(null, '', `${pageAddress}#e-forslag-99999`);
    const el = await fixture<MedverkaPetitions>(html`<medverka-petitions api=${api as string} lang="sv"></medverka-petitions>`);
    await waitUntil(() => $(el, '#panel medverka-petition')?.shadowRoot?.querySelector('.message'), 'the petition widget says it is not there', { timeout: 5000 });
    expect($(el, '#panel')!.getAttribute('aria-label')).to.equal('E-förslag');
    expect($(el, '#panel medverka-petition')!.shadowRoot!.querySelector('.message')!.textContent).to.contain('Förslaget finns inte');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry button when the server cannot be reached, and tells the page', () =>
    expectUnreachable('medverka-petitions', {}, 'petitions', ready, 'Det gick inte att hämta förslagen just nu.'));

  it('shows a loading state, announced, only when loading takes a while', async () => {
    const el = await fixture<MedverkaPetitions>(html`<medverka-petitions api=${hangingApi as string}></medverka-petitions>`);
    await expectLoadingOnlyWhenSlow(el, '[part=message][role=status]');
  });

  it('reveals the proposal form, with the public-document notice; an empty submit focuses the error summary', async () => {
    const el = await petitions();
    await openForm(el);
    expect($(el, '#notice')!.textContent).to.contain('allmän handling');
    expect($(el, '#notice')!.textContent).to.contain('Din e-postadress publiceras inte');
    expect($<HTMLInputElement>(el, '#publicDocumentAccepted')!.getAttribute('aria-describedby')).to.equal('notice');
    await expect(el).to.be.accessible();

    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    // A group named by its heading: a screen reader says what the focused summary is.
    expect(focusedSummary(el)).to.deep.equal({ id: 'summary', role: 'group', name: 'Rätta det här innan du skickar' });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('#summary a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#title', '#body', '#name', '#email', '#publicDocumentAccepted']);
    expect(links[0]!.textContent).to.equal('Skriv en rubrik.');
    for (const id of ['title', 'body', 'name', 'email', 'publicDocumentAccepted']) {
      const field = $(el, `#${id}`)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      expect(field.getAttribute('aria-describedby'), id).to.contain(`${id}-error`);
    }
    await expect(el).to.be.accessible();
    links[1]!.click();
    expect(root(el).activeElement).to.equal($(el, '#body'));
  });

  it('proposes: maps the server’s field issues, re-solves the proof of work, and shows "Kolla din e-post"', async () => {
    const el = await petitions();
    await openForm(el);
    type(el, 'title', 'Fler cykelställ vid stationen');
    type(el, 'body', 'Det finns för få cykelställ vid stationen. Många ställer cykeln vid staketet.');
    type(el, 'name', 'Bo Berg');
    // Our check lets it through; the server's does not, and spends the solution.
    type(el, 'email', 'bo..berg@example.se');
    $<HTMLInputElement>(el, '#publicDocumentAccepted')!.click();
    submit(el);
    await waitUntil(() => $(el, '#email-error'), 'the server’s issue is shown at its field', { timeout: 8000 });
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect(focusedSummary(el)).to.deep.equal({ id: 'summary', role: 'group', name: 'Rätta det här innan du skickar' });
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');

    type(el, 'email', 'bo.berg@example.se');
    const detail = await sendTelling<MedverkaPetitionProposedDetail>(el, 'medverka-petition-proposed', () => submit(el), '[part=form] button[type=submit]');
    expect(detail).to.deep.equal({ lang: 'sv' });
    await waitUntil(() => root(el).activeElement?.id === 'sent-heading', 'focus moves to the heading', { timeout: 8000 });
    expect($(el, '#sent-heading')!.textContent!.trim()).to.equal('Kolla din e-post');
    expect($(el, '.sent')!.textContent).to.contain('bo.berg@example.se');
    expect($(el, '.sent')!.textContent).to.contain('sju dagar');
    expect($(el, '[part=form]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await petitions({ show: 'all', lang: 'en' });
    expect($(el, '[part=heading]')!.textContent).to.equal('E-petitions');
    expect($(el, 'label[for=show-answered]')!.textContent).to.equal('Answered');
    expect($(el, '[part=item]')!.textContent).to.match(/\d+ of 100 signatures/);
    await openForm(el);
    expect($(el, '#notice')!.textContent).to.contain('public document');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#summary a')!.textContent).to.equal('Enter a title.');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px at 200 % text with targets of at least 44 px, and keeps borders in forced colours', async () => {
    const wrap = await inNarrowColumn(html`<medverka-petitions show="all" api=${api as string}></medverka-petitions>`, { contentBox: false });
    const el = await settledList(wrap.querySelector('medverka-petitions')!);
    await openForm(el);
    expectFits(el, wrap, 'button, input, textarea, .choice', 'button, .choice');
    await executeServerCommand('forced-colors', { active: true });
    expect(getComputedStyle($(el, '[part=item]')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });
});
