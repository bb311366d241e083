/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/dialogues/define.js';
import type { MedverkaDialogues } from '../../widgets/dialogues/dialogues.element.js';
import type { MedverkaDialogueFollowedDetail } from '../../widgets/shared/events.js';
import { $, $$, expectFits, inNarrowColumn, itCopesWithAnUnreachableOrSlowServer, resetPage, root, settled, text, type } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';
import { seededPetitions } from './seeded.js';

/** What the widget shows once loaded: its lists, or a message. */
const ready = '.list, .message';

async function register(lang = 'sv', headingLevel = 2) {
  const el = await fixture<MedverkaDialogues>(html`<medverka-dialogues api=${api as string} lang=${lang} heading-level=${headingLevel}></medverka-dialogues>`);
  return settled(el, ready);
}

const titles = (el: MedverkaDialogues, list: number) => $$(el, 'section')[list]!.querySelectorAll('.toggle');
const toggle = (el: MedverkaDialogues, title: string) => $$<HTMLButtonElement>(el, '.toggle').find((b) => text(b) === title)!;
const details = (el: MedverkaDialogues, title: string) => toggle(el, title).closest('li')!.querySelector('.details');
/** A row of an opened dialogue's promise: its term and what it says. */
const promise = (el: MedverkaDialogues, title: string) =>
  Object.fromEntries([...details(el, title)!.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));

async function open(el: MedverkaDialogues, title: string) {
  toggle(el, title).click();
  await el.updateComplete;
  return details(el, title)!;
}

describe('<medverka-dialogues>', () => {
  afterEach(resetPage);

  it('lists the dialogues going on and coming up, then what came of the finished ones, under headings at the level asked for', async () => {
    const el = await register('sv', 3);
    expect(text($(el, '[part=heading]'))).to.equal('Dialoger med kommunen');
    expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('3');
    const sections = $$(el, 'section > [role=heading]');
    expect(sections.map((h) => [text(h), h.getAttribute('aria-level')])).to.deep.equal([
      ['Pågår och på gång', '4'],
      ['Vad hände sen?', '4'],
    ]);
    expect([...titles(el, 0)].map(text)).to.deep.equal(['Nya parken i centrum', 'Trafiken på Storgatan']);
    expect([...titles(el, 1)].map(text)).to.deep.equal(['Längre öppettider på biblioteket']);
    const metas = $$(el, '.meta').map(text);
    expect(metas[0]).to.match(/^Pågår till \d+ \w+ \d{4} · Centrum$/);
    expect(metas[1]).to.match(/^Startar \d+ \w+ \d{4} · Centrum$/);
    expect(metas[2]).to.equal('Avslutad, med återkoppling · Söder');
    expect(toggle(el, 'Nya parken i centrum').getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('opens a dialogue in place with its promise: what you can influence, who decides, when you hear back', async () => {
    const el = await register();
    const button = toggle(el, 'Nya parken i centrum');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(details(el, 'Nya parken i centrum')!.id);
    expect(root(el).activeElement, 'focus stays on the button').to.equal(button);
    const said = promise(el, 'Nya parken i centrum');
    expect(said['Det här kan du påverka']).to.equal('Vad parken ska innehålla: lek, träd, sittplatser, plats för evenemang.');
    expect(said['Det här kan du inte påverka']).to.equal('Var parken ligger och hur stor den blir.');
    expect(said['Så mycket påverkar du']).to.equal('Samråd: du får tycka till, och kommunen väger in det du säger.');
    expect(said['Vem beslutar']).to.equal('Samhällsbyggnadsnämnden');
    expect(said['Du får veta vad som hände senast']).to.match(/^\d+ \w+ \d{4}$/);
    expect(text(details(el, 'Nya parken i centrum')!.querySelector('.channels'))).to.contain('Promenad: Promenad på platsen med stadsträdgårdsmästaren');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(details(el, 'Nya parken i centrum')).to.equal(null);
  });

  it('shows what came of a finished dialogue: what came in, how it was used, the decision and its case number', async () => {
    const el = await register();
    const opened = await open(el, 'Längre öppettider på biblioteket');
    const outcome = opened.querySelector('.outcome')!;
    expect([...outcome.querySelectorAll('[role=heading]')].map((h) => [text(h), h.getAttribute('aria-level')])).to.deep.equal([
      ['Vad hände sen?', '5'],
      ['Det här kom in', '6'],
      ['Så här användes det', '6'],
      ['Beslutet', '6'],
    ]);
    const said = [...outcome.querySelectorAll('p')].map(text);
    expect(said[0]).to.match(/^212 svar i enkäten/);
    expect(said).to.include('Biblioteket har öppet söndagar 12–16 och torsdagar till 20 från och med januari.');
    expect(said.at(-1)).to.equal('Diarienummer: KFN 2026/15');
    expect(opened.querySelector('form'), 'nothing left to follow').to.equal(null);
    expect(text(opened.querySelector('[role=heading]'))).to.equal('Så kunde man vara med');
    await expect(el).to.be.accessible();
  });

  it('opens a channel’s process in place, as its own widget', async () => {
    const el = await register();
    const opened = await open(el, 'Nya parken i centrum');
    const show = [...opened.querySelectorAll<HTMLButtonElement>('.channels button')].find((b) => text(b).startsWith('Visa och delta'))!;
    expect(text(show)).to.equal(`Visa och delta: ${seededPetitions.open}`);
    show.click();
    await waitUntil(() => opened.querySelector('medverka-petition'), 'the petition opens in place');
    expect(show.getAttribute('aria-expanded')).to.equal('true');
    const petition = opened.querySelector('medverka-petition')!;
    await waitUntil(() => petition.shadowRoot?.querySelector('.heading, [part=heading]'), 'the petition shows');
    show.click();
    await el.updateComplete;
    expect(opened.querySelector('medverka-petition')).to.equal(null);
  });

  it('filters by theme and district when the resident presses Visa, and says how many are shown', async () => {
    const el = await register();
    const district = $<HTMLSelectElement>(el, '#district')!;
    expect([...district.options].map((o) => o.textContent?.trim())).to.deep.equal(['Alla', 'Centrum', 'Söder']);
    district.value = 'Söder';
    await el.updateComplete;
    expect($$(el, '.toggle').length, 'nothing moves while choosing').to.equal(3);
    $<HTMLButtonElement>(el, '.filters button')!.click();
    await el.updateComplete;
    expect($$(el, '.toggle').map(text)).to.deep.equal(['Längre öppettider på biblioteket']);
    expect(text($(el, '.message'))).to.equal('Just nu finns inga dialoger här.');
    expect(text($(el, '[role=status]'))).to.equal('1 dialoger visas.');
    $<HTMLSelectElement>(el, '#theme')!.value = 'Trafik';
    district.value = '';
    $<HTMLButtonElement>(el, '.filters button')!.click();
    await el.updateComplete;
    expect($$(el, '.toggle').map(text)).to.deep.equal(['Trafiken på Storgatan']);
    await expect(el).to.be.accessible();
  });

  it('follows a dialogue: a wrong address is said at the field, a right one is sent with a proof of work and says to check the e-mail', async () => {
    const el = await register();
    const opened = await open(el, 'Nya parken i centrum');
    const id = opened.id.replace('dialogue-', '');
    const submit = () => opened.querySelector<HTMLButtonElement>('.follow button[type=submit]')!.click();
    type(el, `follow-email-${id}`, 'inte en adress');
    submit();
    await waitUntil(() => root(el).activeElement?.id === `follow-email-${id}`, 'focus goes to the field');
    const input = $<HTMLInputElement>(el, `#follow-email-${id}`)!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain(`follow-email-${id}-error`);
    expect(text($(el, `#follow-email-${id}-error`))).to.equal('Skriv en e-postadress, till exempel namn@exempel.se.');
    await expect(el).to.be.accessible();

    type(el, `follow-email-${id}`, 'foljare@example.se');
    const followed = oneEvent(el, 'medverka-dialogue-followed');
    submit();
    const detail = ((await followed) as CustomEvent<MedverkaDialogueFollowedDetail>).detail;
    expect(detail).to.deep.equal({ dialogueId: Number(id) });
    await waitUntil(() => root(el).activeElement?.id === `follow-sent-${id}`, 'focus goes to what happened');
    expect(text($(el, `#follow-sent-${id}`))).to.equal('Titta i din e-post (foljare@example.se) och bekräfta med länken i mejlet.');
    expect(input.value, 'the field is emptied').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await register('en');
    expect(text($(el, '[part=heading]'))).to.equal('Dialogues with the municipality');
    expect($$(el, 'section > [role=heading]').map(text)).to.deep.equal(['Going on and coming up', 'What came of it?']);
    expect($$(el, '.meta').map(text)[2]).to.equal('Finished, with feedback · Söder');
    await open(el, 'Nya parken i centrum');
    expect(Object.keys(promise(el, 'Nya parken i centrum'))).to.include.members(['What you can influence', 'Who decides', 'You hear what came of it by']);
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px column at 200 % text, with every target at least 44 px high', async () => {
    const wrap = await inNarrowColumn(html`<medverka-dialogues api=${api as string}></medverka-dialogues>`);
    const el = await settled(wrap.querySelector<MedverkaDialogues>('medverka-dialogues')!, ready);
    await open(el, 'Nya parken i centrum');
    await open(el, 'Längre öppettider på biblioteket');
    expectFits(el, wrap, '.item, .toggle, dl, input, select, button', '.toggle, button, select, input');
  });

  itCopesWithAnUnreachableOrSlowServer('medverka-dialogues', {}, ready, 'Det gick inte att hämta dialogerna just nu.');
});
