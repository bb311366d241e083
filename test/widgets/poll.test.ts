/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/poll/define.js';
import type { MedverkaPoll } from '../../widgets/poll/poll.element.js';
import type { PublicPoll } from '../../widgets/poll/poll-api.js';
import type { MedverkaPollAnsweredDetail } from '../../widgets/shared/events.js';
import { $, $$, expectFits, expectNotFound, inNarrowColumn, itCopesWithAnUnreachableOrSlowServer, resetPage, root, settled, text } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';
import { seededPolls } from './seeded.js';

type Which = keyof typeof seededPolls;

/** The seeded polls as the server shows them, found by question among the first numbers (polls have no public list). */
let polls: Record<Which, PublicPoll>;

before(async () => {
  const found = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const res = await fetch(new URL(`api/polls/${i + 1}`, api as string));
      return res.ok ? ((await res.json()) as { poll: PublicPoll }).poll : undefined;
    }),
  );
  const byQuestion = (q: string) => found.find((p) => p?.question.sv === q)!;
  polls = Object.fromEntries(Object.entries(seededPolls).map(([which, q]) => [which, byQuestion(q)])) as Record<Which, PublicPoll>;
});

const optionId = (which: Which, label: string) => polls[which].options.find((o) => o.label.sv === label)!.id;
const storageKey = (which: Which) => `medverka-poll ${new URL(api as string).origin} ${polls[which].id}`;
const pollKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('medverka-poll '));

/** What the widget shows once loaded: its question, or a message. */
const ready = '[part=question], .message';
const loaded = <E extends LitElement>(el: E) => settled(el, ready);

async function poll(which: Which, attrs: { lang?: string; presenter?: boolean } = {}) {
  const el = await fixture<MedverkaPoll>(
    attrs.presenter
      ? html`<medverka-poll poll=${polls[which].id} api=${api as string} lang=${attrs.lang ?? 'sv'} presenter></medverka-poll>`
      : html`<medverka-poll poll=${polls[which].id} api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-poll>`,
  );
  return loaded(el);
}

/** Each row of the results: its label and its figures. */
const rows = (el: MedverkaPoll) => $$(el, '.bar-row').map((row) => [text(row.querySelector('.bar-label')), text(row.querySelector('.bar-value'))]);

/** Answers a poll through the API, as another resident's phone would. */
async function answerElsewhere(which: Which, choices: number[]) {
  const res = await fetch(new URL(`api/polls/${polls[which].id}/answers`, api as string), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ choices }),
  });
  expect(res.status).to.equal(201);
}

describe('<medverka-poll>', () => {
  afterEach(async () => {
    localStorage.clear();
    await resetPage();
  });

  it('shows an open single-choice poll as a group of buttons under the question, and stores nothing', async () => {
    const el = await poll('single');
    const question = $(el, '[part=question]')!;
    expect(question.getAttribute('role')).to.equal('heading');
    expect(question.getAttribute('aria-level')).to.equal('2');
    expect(text(question)).to.equal(seededPolls.single);
    const group = $(el, '[role=group]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('question');
    expect(group.getAttribute('aria-describedby')).to.equal('hint');
    expect(text($(el, '#hint'))).to.equal('Välj ett svar. Det skickas direkt.');
    const buttons = $$<HTMLButtonElement>(el, '[part=option]');
    expect(buttons.map((b) => text(b))).to.deep.equal(['Måndag', 'Tisdag', 'Onsdag']);
    expect(buttons.every((b) => b.type === 'button')).to.equal(true);
    expect(text($(el, '[part=note]'))).to.equal('Snabbfrågan är en fingervisning, inte en omröstning.');
    expect($(el, '[part=results]'), 'no results before answering').to.equal(null);
    expect(pollKeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('answers with one key press: counts it, shows the results and "Du har svarat", remembers it only then, and shows it again after a reload', async () => {
    const el = await poll('single');
    const before = polls.single.results;
    const buttons = $$<HTMLButtonElement>(el, '[part=option]');
    buttons[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(buttons[1]);
    expect(pollKeys(), 'nothing stored before the resident answers').to.deep.equal([]);
    const answered = oneEvent(el, 'medverka-poll-answered');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await answered) as CustomEvent<MedverkaPollAnsweredDetail>;
    const tuesday = optionId('single', 'Tisdag');
    expect(detail).to.deep.equal({ pollId: polls.single.id, choices: [tuesday] });
    await waitUntil(() => root(el).activeElement?.id === 'answered', 'focus moves to "Du har svarat"');
    expect(text($(el, '#answered'))).to.equal('Du har svarat Ditt svar: Tisdag. Resultatet nedan ändras medan frågan är öppen.');
    expect($(el, '[part=option]')).to.equal(null);
    expect(JSON.parse(localStorage.getItem(storageKey('single'))!)).to.deep.equal({ choices: [tuesday] });
    const total = before.total + 1;
    expect(text($(el, '[part=total]'))).to.equal(`Totalt ${total} svar`);
    const tuesdays = (before.counts[tuesday] ?? 0) + 1;
    const tuesdayRow = $$(el, '.bar-row')[1]!;
    expect(tuesdayRow.classList.contains('mine')).to.equal(true);
    expect(text(tuesdayRow.querySelector('.bar-label'))).to.equal('Tisdag ditt svar');
    expect(text(tuesdayRow.querySelector('.bar-value'))).to.match(new RegExp(`^${tuesdays} svar \\(\\d+ %\\)$`));
    expect(tuesdayRow.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();

    // The page is loaded again: the browser remembers, the server counts it still.
    el.remove();
    const again = await poll('single');
    expect($(again, '[part=option]')).to.equal(null);
    expect(text($(again, '.answered-title'))).to.equal('Du har svarat');
    expect(text($(again, '[part=total]'))).to.equal(`Totalt ${total} svar`);
    await expect(again).to.be.accessible();
  });

  it('takes several choices with checkboxes and one "Svara" button, and asks for at least one', async () => {
    const el = await poll('multiple');
    const fieldset = $(el, 'fieldset')!;
    expect(fieldset.getAttribute('aria-labelledby')).to.equal('question');
    expect($$(el, '.choice label').map((l) => text(l))).to.deep.equal(['Grilla', 'Spela boll', 'Sitta i skuggan', 'Lyssna på musik']);
    const submit = $<HTMLButtonElement>(el, 'button[type=submit]')!;
    expect(text(submit)).to.equal('Svara');
    submit.click();
    await waitUntil(() => $(el, '#problem'), 'the resident is told to choose');
    expect(text($(el, '#problem'))).to.equal('Välj minst ett svar.');
    expect($(el, '#problem')!.getAttribute('role')).to.equal('alert');
    expect(fieldset.getAttribute('aria-describedby')).to.equal('hint problem');
    expect(root(el).activeElement?.id).to.equal(`option-${optionId('multiple', 'Grilla')}`);
    expect(pollKeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // By keyboard: Space ticks Grilla, Tab Tab Space ticks Sitta i skuggan, Tab Tab Enter on "Svara".
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#problem'), 'choosing clears the problem').to.equal(null);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(submit);
    const answered = oneEvent(el, 'medverka-poll-answered');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await answered) as CustomEvent<MedverkaPollAnsweredDetail>;
    const chosen = [optionId('multiple', 'Grilla'), optionId('multiple', 'Sitta i skuggan')];
    expect(detail.choices).to.deep.equal(chosen);
    await waitUntil(() => root(el).activeElement?.id === 'answered', 'focus moves to "Du har svarat"');
    expect(text($(el, '#answered'))).to.contain('Dina svar: Grilla och Sitta i skuggan.');
    expect($$(el, '.bar-row.mine').length).to.equal(2);
    expect(text($(el, '[part=results] .hint'))).to.equal('Man kunde välja flera svar, så procenten blir tillsammans mer än 100.');
    expect(JSON.parse(localStorage.getItem(storageKey('multiple'))!)).to.deep.equal({ choices: chosen });
    await expect(el).to.be.accessible();
  });

  it('answers a scale with one click on 1–5, the ends explained, and shows the average', async () => {
    const el = await poll('scale');
    const buttons = $$<HTMLButtonElement>(el, '[part=option]');
    expect(buttons.map((b) => text(b))).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(text($(el, '#hint'))).to.equal('Välj en siffra från 1 till 5. Ditt svar skickas direkt.');
    expect(buttons[0]!.getAttribute('aria-describedby')).to.equal('end-1');
    expect(text($(el, '#end-1'))).to.equal('1 = Inte alls nöjd');
    expect(buttons[4]!.getAttribute('aria-describedby')).to.equal('end-5');
    expect(text($(el, '#end-5'))).to.equal('5 = Mycket nöjd');
    expect(buttons[2]!.hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
    buttons[3]!.click();
    await waitUntil(() => $(el, '[part=results]'), 'the results are shown', { timeout: 5000 });
    expect(rows(el).map(([label]) => label)).to.deep.equal(['1 – Inte alls nöjd', '2', '3', '4 ditt svar', '5 – Mycket nöjd']);
    // The average of every answer counted, with how many there are (1 × n1 + … + 5 × n5) / total.
    const counts = rows(el).map(([, figures]) => Number(/^(\d+) svar/.exec(figures ?? '')?.[1]));
    const total = counts.reduce((a, b) => a + b, 0);
    const average = counts.reduce((sum, n, i) => sum + (i + 1) * n, 0) / total;
    expect(text($(el, '.average'))).to.equal(`Medelvärde: ${new Intl.NumberFormat('sv', { maximumFractionDigits: 1 }).format(average)} (${total} svar)`);
    expect(JSON.parse(localStorage.getItem(storageKey('scale'))!)).to.deep.equal({ choices: [4] });
    await expect(el).to.be.accessible();
  });

  it('when the poll was closed meanwhile, says the answer did not count, moves focus there, shows the results and stores nothing', async () => {
    const el = await poll('single');
    // Let the live stream's first event (the poll, still open on the server) arrive before the refusal.
    await new Promise((r) => setTimeout(r, 500));
    // Staff close the poll; this page is not told, so it still offers the options.
    await executeServerCommand('poll-move', { id: polls.single.id, to: 'closed' });
    try {
      $$<HTMLButtonElement>(el, '[part=option]')[0]!.click();
      await waitUntil(() => root(el).activeElement?.id === 'problem', 'focus moves to the message');
      expect(text($(el, '#problem'))).to.equal('Frågan är stängd, så ditt svar kom inte med.');
      expect(text($(el, '[part=status]'))).to.equal('Stängd');
      expect($(el, '[part=option]')).to.equal(null);
      expect($(el, '[part=results]')).not.to.equal(null);
      expect(pollKeys()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
      await executeServerCommand('poll-move', { id: polls.single.id, to: 'open' });
    }
  });

  it('shows a closed poll’s results, with numbers and percentages as text, and no way to answer', async () => {
    const el = await poll('closed');
    expect(text($(el, '[part=status]'))).to.equal('Stängd');
    expect(text($(el, '[part=status] + .hint'))).to.equal('Frågan är stängd. Det går inte att svara längre.');
    expect($(el, '[part=option]')).to.equal(null);
    expect($(el, 'form')).to.equal(null);
    expect($(el, '#answered')).to.equal(null);
    expect(rows(el)).to.deep.equal([
      ['Ja', '3 svar (75 %)'],
      ['Nej', '1 svar (25 %)'],
      ['Vet inte', '0 svar (0 %)'],
    ]);
    expect($$(el, '.bar-fill').map((r) => r.getAttribute('width'))).to.deep.equal(['75%', '25%', '0%']);
    expect(text($(el, '[part=total]'))).to.equal('Totalt 4 svar');
    expect(root(el).querySelector('[part=results]')!.getAttribute('aria-labelledby')).to.equal('results-heading');
    expect(pollKeys()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('follows the results live: an answer from another phone shows up without a reload, on the page and the big screen, announced politely', async () => {
    const el = await poll('live');
    const screen = await poll('live', { presenter: true });
    const english = await poll('live', { lang: 'en', presenter: true });
    expect(text($(screen, '[part=total]'))).to.equal('Ingen har svarat ännu.');
    $$<HTMLButtonElement>(el, '[part=option]')[0]!.click();
    await waitUntil(() => text($(el, '[part=total]')) === 'Totalt 1 svar', 'the resident’s own answer is counted');
    await waitUntil(() => text($(screen, '[part=total]')) === 'Totalt 1 svar', 'the big screen follows', { timeout: 5000 });

    await answerElsewhere('live', [optionId('live', 'Morotskaka')]);
    await waitUntil(() => text($(el, '[part=total]')) === 'Totalt 2 svar', 'the new answer shows up without a reload', { timeout: 5000 });
    expect(rows(el)).to.deep.equal([
      ['Kanelbullar ditt svar', '1 svar (50 %)'],
      ['Morotskaka', '1 svar (50 %)'],
    ]);
    await waitUntil(() => text($(screen, '[part=total]')) === 'Totalt 2 svar', 'and on the big screen', { timeout: 5000 });
    const live = $(el, '[aria-live=polite]')!;
    await waitUntil(() => text(live) === 'Resultat: 2 svar.', 'the change is announced', { timeout: 5000 });
    await waitUntil(() => /^Results: [12] answers?\.$/.test(text($(english, '[aria-live=polite]'))), 'in the reader’s language', { timeout: 5000 });

    // Within ten seconds of the last announcement, a change is shown at once but told later.
    await answerElsewhere('live', [optionId('live', 'Morotskaka')]);
    await waitUntil(() => text($(el, '[part=total]')) === 'Totalt 3 svar', 'the third answer shows up', { timeout: 5000 });
    expect(text(live), 'not announced yet').to.equal('Resultat: 2 svar.');
  });

  it('is a big screen with `presenter`: no answering, large type filling the window, bars with numbers and the total', async () => {
    await setViewport({ width: 1280, height: 720 });
    await answerElsewhere('scale', [2]);
    const open = await poll('scale', { presenter: true });
    // A scale's average, with the number of answers it is taken over, on the big screen too.
    expect(text($(open, '.average'))).to.match(/^Medelvärde: \d(,\d)? \(\d+ svar\)$/);
    expect($(open, '[part=option]'), 'an open poll cannot be answered from the big screen').to.equal(null);
    expect($(open, '[part=results]')).not.to.equal(null);
    expect($(open, '[part=question]')!.getAttribute('aria-level')).to.equal('1');
    expect(open.getBoundingClientRect().height).to.be.at.least(720);
    expect(parseFloat(getComputedStyle($(open, '[part=question]')!).fontSize)).to.be.at.least(40);
    await expect(open).to.be.accessible();

    const closed = await poll('closed', { presenter: true });
    expect(rows(closed)).to.deep.equal([
      ['Ja', '3 svar (75 %)'],
      ['Nej', '1 svar (25 %)'],
      ['Vet inte', '0 svar (0 %)'],
    ]);
    expect(text($(closed, '[part=total]'))).to.equal('Totalt 4 svar');
    expect(text($(closed, '[part=status]'))).to.equal('Stängd');
    // Label, bar and figures side by side.
    const [label, bar, value] = [...$(closed, '.bar-row')!.children].map((c) => c.getBoundingClientRect());
    expect(bar!.left).to.be.greaterThan(label!.right - 1);
    expect(value!.left).to.be.greaterThan(bar!.right - 1);
    await expect(closed).to.be.accessible();
  });

  it('speaks English with lang="en", marking texts written only in Swedish', async () => {
    const closed = await poll('closed', { lang: 'en' });
    expect(text($(closed, '[part=question]'))).to.equal('Should the library open on Sundays?');
    expect(text($(closed, '[part=status]'))).to.equal('Closed');
    expect(rows(closed)).to.deep.equal([
      ['Yes', '3 answers (75%)'],
      ['No', '1 answer (25%)'],
      ['Don’t know', '0 answers (0%)'],
    ]);
    expect(text($(closed, '[part=total]'))).to.equal('4 answers in total');
    expect(text($(closed, '[part=note]'))).to.equal('This quick poll is an indication, not a vote.');
    await expect(closed).to.be.accessible();

    const multiple = await poll('multiple', { lang: 'en' });
    expect(text($(multiple, '#hint'))).to.equal('Choose one or more answers, then press Answer.');
    expect(text($(multiple, 'button[type=submit]'))).to.equal('Answer');
    const music = $$(multiple, '.choice label').at(-1)!;
    expect(text(music)).to.equal('Lyssna på musik');
    expect(music.querySelector('span')!.getAttribute('lang')).to.equal('sv');
    expect(music.previousElementSibling!.tagName).to.equal('INPUT');
    expect($$(multiple, '.choice label')[0]!.querySelector('span')!.hasAttribute('lang')).to.equal(false);
    await expect(multiple).to.be.accessible();
  });

  it('says so when there is no such poll, and tells the page', () =>
    expectNotFound('medverka-poll', { api: api as string, poll: '99999' }, 'poll', ready, (message) => expect(text(message)).to.equal('Frågan finns inte, eller har inte öppnats ännu.')));

  itCopesWithAnUnreachableOrSlowServer('medverka-poll', { poll: '1' }, ready, 'Det gick inte att hämta frågan just nu.');

  it('fits 320 px at 200 % text, with targets of at least 44 px', async () => {
    for (const which of ['single', 'scale', 'multiple', 'closed'] as const) {
      const wrap = await inNarrowColumn(html`<medverka-poll poll=${polls[which].id} api=${api as string}></medverka-poll>`);
      const el = await loaded(wrap.querySelector('medverka-poll')!);
      expectFits(el, wrap, 'button, .choice, .bar-row, .bar-value, .bar, p', 'button, .choice', `${which}: `);
    }
  });

  it('keeps borders and bars in forced-colours mode, and does not animate the bars with reduced motion', async () => {
    await executeServerCommand('forced-colors', { active: true });
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await poll('closed');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const track = getComputedStyle($(el, '.bar-track')!);
    expect(track.stroke).not.to.equal('none');
    expect(getComputedStyle($(el, '.bar-fill')!).transitionDuration).to.equal('0s');
    await expect(el).to.be.accessible();
    const open = await poll('single');
    expect(getComputedStyle($(open, '[part=option]')!).borderTopStyle).to.equal('solid');
    await expect(open).to.be.accessible();
  });
  /** A server page's body in this test page, with its stylesheet; its widget talks to the test server. */
  async function serverPage(path: string) {
    const res = await fetch(`/${path}`);
    expect(res.status, path).to.equal(200);
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    const wrap = await fixture<HTMLElement>(html`<div lang=${page.documentElement.lang}><link rel="stylesheet" href="/present/present.css" /></div>`);
    wrap.append(...[...page.body.children].map((node) => document.importNode(node, true)));
    const el = wrap.querySelector<MedverkaPoll>('medverka-poll')!;
    el.setAttribute('api', api as string);
    await loaded(el);
    return { wrap, el };
  }

  it('on the presenter page, shows the room a QR code named by the short address written beside it, and the address leads to the poll', async () => {
    await setViewport({ width: 1280, height: 720 });
    const { wrap, el } = await serverPage(`present/poll/${polls.closed.id}`);
    expect(el.hasAttribute('presenter')).to.equal(true);
    const join = wrap.querySelector<HTMLElement>('aside.join')!;
    expect(text(join.querySelector('h2'))).to.equal('Svara med mobilen');
    const address = text(join.querySelector('.address'));
    expect(address).to.match(new RegExp(`^[^/]+/p/${polls.closed.id}$`));
    const qr = join.querySelector('svg')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal(`QR-kod till ${address}`);
    const box = qr.getBoundingClientRect();
    expect(box.width, 'large enough to scan from a seat').to.be.at.least(150);
    expect(box.height).to.be.closeTo(box.width, 1);
    await expect(wrap).to.be.accessible();

    wrap.remove(); // One page at a time: a document has one main landmark.

    // The page the short address leads to (the server's tests follow the redirect): the poll, answerable.
    const answering = await serverPage(`snabbfraga/${polls.single.id}`);
    expect($(answering.el, '[part=question]')!.getAttribute('aria-level')).to.equal('1');
    expect($$(answering.el, '[part=option]').length).to.equal(polls.single.options.length);
    expect(text(answering.wrap.querySelector('a[hreflang=en]'))).to.equal('In English');
    await expect(answering.wrap).to.be.accessible();
  });
});
