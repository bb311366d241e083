/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/survey/define.js';
import type { MedverkaLoadErrorDetail, MedverkaSurveySubmittedDetail } from '../../widgets/shared/events.js';
import type { MedverkaSurvey } from '../../widgets/survey/survey.element.js';
import { $, expectFits, inNarrowColumn, itCopesWithAnUnreachableOrSlowServer, resetPage, root, settled } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';

const focused = (el: MedverkaSurvey) => root(el).activeElement as HTMLElement | null;

const t = (sv: string, en: string | null = null) => ({ sv, en });

/** Three pages with every kind of question. */
const pages = [
  {
    questions: [
      { id: 'travel', type: 'single', text: t('Hur reser du oftast till jobbet?', 'How do you usually travel to work?'), options: [t('Bil', 'Car'), t('Buss', 'Bus'), t('Cykel', 'Bicycle')], required: true },
      { id: 'activities', type: 'multiple', text: t('Vad gör du i parkerna?', 'What do you do in the parks?'), options: [t('Promenerar', 'Walk'), t('Grillar', 'Barbecue'), t('Tränar', 'Exercise')], required: false },
    ],
  },
  {
    questions: [
      { id: 'safety', type: 'scale', text: t('Hur trygg känner du dig i centrum på kvällen?', 'How safe do you feel in the centre in the evening?'), required: true },
      { id: 'ideas', type: 'text', text: t('Vad skulle göra centrum bättre?', 'What would make the centre better?'), required: false },
    ],
  },
  {
    questions: [
      {
        id: 'priorities',
        type: 'ranking',
        text: t('Vad är viktigast för kommunen att satsa på?', 'What matters most for the municipality to invest in?'),
        options: [t('Skolor', 'Schools'), t('Äldreomsorg', 'Elderly care'), t('Gator', 'Streets')],
        required: true,
      },
    ],
  },
];

const survey = (audience: 'panel' | 'open') => ({
  title: t('Trivsel i kommunen', 'Living in the municipality'),
  intro: t('Kommunen vill veta hur du trivs.\n\nDet tar ungefär fem minuter.', 'The municipality wants to know how you like it here.\n\nIt takes about five minutes.'),
  audience,
  pages,
});

let members = 0;
/** A panel survey sent to a new member, with that member's personal token. */
async function panelSurvey(options: { closed?: boolean } = {}) {
  members += 1;
  return (await executeServerCommand('survey-create', { survey: survey('panel'), member: `medlem${members}-${Date.now()}@example.se`, ...options })) as { id: number; token: string };
}

async function openSurvey(options: { closed?: boolean } = {}) {
  return (await executeServerCommand('survey-create', { survey: survey('open'), ...options })) as { id: number; token: null };
}

const storageKey = (id: number) => `medverka-survey ${new URL(api as string).origin} ${id}`;

/** What the widget shows once loaded: its page's heading, or a message. */
const ready = '#page-heading, .message';
const loaded = <E extends LitElement>(el: E) => settled(el, ready);

async function show(id: number | string, attrs: { lang?: string; hash?: string } = {}) {
  if (attrs.hash) history.replaceState(null, '', `${location.pathname}${location.search}#${attrs.hash}`);
  return loaded(await fixture<MedverkaSurvey>(html`<medverka-survey survey=${String(id)} api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-survey>`));
}

/** Presses a button by keyboard, as a resident would. */
async function press(el: MedverkaSurvey, selector: string) {
  $(el, selector)!.focus();
  await sendKeys({ press: 'Enter' });
}

const pageHeading = (el: MedverkaSurvey) => $(el, '#page-heading')!.textContent!.trim();
const rankingOrder = (el: MedverkaSurvey) => [...root(el).querySelectorAll('.ranking .item')].map((i) => i.textContent);

describe('<medverka-survey>', () => {
  afterEach(async () => {
    await resetPage();
    // Tokens kept by one test must not be sent by the next (a hanging route answers no preflight).
    for (const storage of [sessionStorage, localStorage]) {
      for (const key of Object.keys(storage)) if (key.startsWith('medverka-survey ')) storage.removeItem(key);
    }
  });

  it('answers a panel survey page by page by keyboard, survives a reload, and is sent in once', async () => {
    const { id, token } = await panelSurvey();
    let el = await show(id, { hash: token });
    // The token leaves the address bar, and is kept for this tab only.
    expect(location.hash).to.equal('');
    expect(sessionStorage.getItem(storageKey(id))).to.equal(token);
    expect(localStorage.getItem(storageKey(id))).to.equal(null);

    expect($(el, '[part=heading]')!.textContent).to.equal('Trivsel i kommunen');
    expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('2');
    expect(root(el).querySelectorAll('.intro p').length).to.equal(2);
    expect(pageHeading(el)).to.equal('Sida 1 av 3');
    const progress = $<HTMLProgressElement>(el, 'progress')!;
    expect([progress.value, progress.max]).to.deep.equal([1, 3]);
    expect(progress.getAttribute('aria-labelledby')).to.equal('page-heading');
    const legends = [...root(el).querySelectorAll('fieldset legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['Hur reser du oftast till jobbet? (obligatoriskt)', 'Vad gör du i parkerna? (frivilligt)']);
    expect($(el, 'button.secondary'), 'no "Föregående" on the first page').to.equal(null);
    await expect(el).to.be.accessible();

    // A required question left unanswered: the error at the question, and a summary.
    await press(el, 'button[type=submit]');
    await waitUntil(() => focused(el)?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#q-travel-error')!.textContent).to.equal('Välj ett svar.');
    expect($(el, '#q-travel-0')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Page 1: a radio and two check boxes, by keyboard.
    $(el, '#q-travel-0')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect($<HTMLInputElement>(el, '#q-travel-1')!.checked).to.equal(true);
    $(el, '#q-activities-0')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect([0, 1, 2].map((i) => $<HTMLInputElement>(el, `#q-activities-${i}`)!.checked)).to.deep.equal([true, false, true]);
    await press(el, 'button[type=submit]');
    await waitUntil(() => focused(el)?.id === 'page-heading', 'focus moves to the new page’s heading', { timeout: 5000 });
    expect(pageHeading(el)).to.equal('Sida 2 av 3');
    expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(2);
    expect($(el, '.intro')).to.equal(null);

    // Page 2: the scale, with its end labels, and free text.
    expect($(el, 'label[for=q-safety-1]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1 Lägst');
    expect($(el, 'label[for=q-safety-5]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('5 Högst');
    $(el, '#q-safety-1')!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect($<HTMLInputElement>(el, '#q-safety-4')!.checked).to.equal(true);
    const ideas = $<HTMLTextAreaElement>(el, '#q-ideas')!;
    expect(ideas.maxLength).to.equal(5000);
    ideas.focus();
    await sendKeys({ type: 'Fler bänkar' });
    await expect(el).to.be.accessible();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 3 av 3', 'the last page', { timeout: 5000 });

    // The tab closes mid-survey, and the resident comes back: the survey resumes on page 3.
    el.remove();
    el = await show(id);
    expect(pageHeading(el)).to.equal('Sida 3 av 3');
    expect(focused(el), 'a load does not take focus').to.equal(null);
    await press(el, 'button.secondary');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'back to page 2');
    expect(focused(el)?.id).to.equal('page-heading');
    expect($<HTMLInputElement>(el, '#q-safety-4')!.checked, 'the saved scale answer').to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#q-ideas')!.value).to.equal('Fler bänkar');
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 3 av 3', 'the last page again', { timeout: 5000 });

    // Page 3: the ranking, moved with buttons; each move is announced and focus stays with the item.
    expect(rankingOrder(el)).to.deep.equal(['Skolor', 'Äldreomsorg', 'Gator']);
    expect($<HTMLButtonElement>(el, '#q-priorities-up-0')!.disabled).to.equal(true);
    expect($(el, '#q-priorities-up-2')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Flytta upp: Gator');
    await press(el, '#q-priorities-up-2');
    await waitUntil(() => rankingOrder(el)[1] === 'Gator', 'Gator moves up');
    expect(focused(el)?.id).to.equal('q-priorities-up-2');
    expect($(el, '[aria-live=polite]')!.textContent).to.equal('Gator är nu nummer 2 av 3.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rankingOrder(el)[0] === 'Gator', 'Gator moves to the top');
    expect(focused(el)?.id, 'at the top, focus goes to the other button').to.equal('q-priorities-down-2');
    expect($(el, '[aria-live=polite]')!.textContent).to.equal('Gator är nu nummer 1 av 3.');
    expect(rankingOrder(el)).to.deep.equal(['Gator', 'Skolor', 'Äldreomsorg']);
    await expect(el).to.be.accessible();

    expect($(el, 'button[type=submit]')!.textContent!.trim()).to.equal('Skicka in');
    const submitted = oneEvent(el, 'medverka-survey-submitted');
    await press(el, 'button[type=submit]');
    const { detail } = (await submitted) as CustomEvent<MedverkaSurveySubmittedDetail>;
    expect(detail).to.deep.equal({ surveyId: String(id) });
    await waitUntil(() => focused(el)?.id === 'done-heading', 'focus moves to the thank-you', { timeout: 5000 });
    expect($(el, '#done-heading')!.textContent).to.equal('Tack för dina svar!');
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.done')!.textContent).to.contain('mejlar kommunen dig');
    await expect(el).to.be.accessible();

    // What the server keeps, and that it takes the answers once.
    const headers = { 'X-Medverka-Survey': token };
    const saved = (await (await fetch(new URL(`api/surveys/${id}`, api as string), { headers })).json()) as { response: { answers: unknown; submitted: boolean } };
    expect(saved.response).to.deep.include({ submitted: true });
    expect(saved.response.answers).to.deep.equal({ travel: 1, activities: [0, 2], safety: 4, ideas: 'Fler bänkar', priorities: [2, 0, 1] });
    const again = await fetch(new URL(`api/surveys/${id}/submit`, api as string), { method: 'POST', headers });
    expect(again.status).to.equal(409);

    // Opened again: "already sent in".
    el.remove();
    el = await show(id);
    expect($(el, '#done-heading')!.textContent).to.equal('Tack för dina svar!');
    expect($(el, '.done')!.textContent).to.contain('Du har redan skickat in');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('an open survey stores nothing until the first page is saved, then keeps its response in this browser', async () => {
    const { id } = await openSurvey();
    let el = await show(id);
    expect(pageHeading(el)).to.equal('Sida 1 av 3');
    expect(localStorage.getItem(storageKey(id))).to.equal(null);
    expect(sessionStorage.getItem(storageKey(id))).to.equal(null);
    $<HTMLInputElement>(el, '#q-travel-2')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
    const token = localStorage.getItem(storageKey(id));
    expect(token).to.match(/^[\w-]{20,}$/);
    el.remove();
    el = await show(id);
    expect(pageHeading(el), 'resumed where the resident was').to.equal('Sida 2 av 3');
    el.remove();
    localStorage.removeItem(storageKey(id));
  });

  it('completes an open survey by keyboard, its response started with a proof of work solved only once the resident starts (#20 item 14)', async () => {
    const { id } = await openSurvey();
    const calls: { url: string; pow: string | null }[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input instanceof Request ? input.url : input), pow: new Headers(init?.headers).get('X-Medverka-Pow') });
      return realFetch(input, init);
    };
    try {
      const el = await show(id);
      expect(pageHeading(el)).to.equal('Sida 1 av 3');
      expect(calls.some((c) => c.url.includes('/api/pow/challenge')), 'no challenge before the resident starts').to.equal(false);
      // The resident starts: by keyboard, on the first question.
      $(el, '#q-travel-0')!.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => calls.some((c) => c.url.includes('/api/pow/challenge')), 'the challenge is fetched once the resident starts', { timeout: 5000 });
      await press(el, 'button[type=submit]');
      await waitUntil(() => focused(el)?.id === 'page-heading' && pageHeading(el) === 'Sida 2 av 3', 'page 2, focus on its heading', { timeout: 5000 });
      const started = calls.filter((c) => c.url.endsWith(`/api/surveys/${id}/responses`));
      expect(started.length, 'one start').to.equal(1);
      expect(started[0]!.pow, 'the start carries the solution').to.match(/^[A-Za-z0-9+/=]{40,}$/);
      $(el, '#q-safety-1')!.focus();
      await sendKeys({ press: 'Space' });
      await press(el, 'button[type=submit]');
      await waitUntil(() => pageHeading(el) === 'Sida 3 av 3', 'page 3', { timeout: 5000 });
      await press(el, 'button[type=submit]');
      await waitUntil(() => focused(el)?.id === 'done-heading', 'focus moves to the thank-you', { timeout: 5000 });
      expect($(el, '.done')!.textContent).to.contain('Dina svar är inskickade.');
      expect(calls.filter((c) => c.url.includes('/api/pow/challenge')).length, 'one proof for the one response').to.equal(1);
      await expect(el).to.be.accessible();
      el.remove();
    } finally {
      window.fetch = realFetch;
      localStorage.removeItem(storageKey(id));
    }
  });

  it('solves no proof of work for a panel member’s personal link', async () => {
    const { id, token } = await panelSurvey();
    const calls: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    try {
      const el = await show(id, { hash: token });
      $(el, '#q-travel-0')!.focus();
      await sendKeys({ press: 'Space' });
      await press(el, 'button[type=submit]');
      await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
      expect(calls.filter((u) => u.includes('/api/pow/') || u.endsWith('/responses'))).to.deep.equal([]);
      el.remove();
    } finally {
      window.fetch = realFetch;
      sessionStorage.removeItem(storageKey(id));
    }
  });

  it('shows its deadline and the scale’s end labels, in the radios’ names too, and says when the deadline has passed (#20)', async () => {
    const labelled = {
      ...survey('open'),
      closesAt: '2099-03-31T10:00:00.000Z',
      pages: pages.map((p) => ({
        questions: p.questions.map((q) => (q.type === 'scale' ? { ...q, scaleLabels: { low: t('Inte alls', 'Not at all'), high: t('Helt och hållet', 'Completely') } } : q)),
      })),
    };
    const { id } = (await executeServerCommand('survey-create', { survey: labelled })) as { id: number };
    let el = await show(id);
    const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(new Date('2099-03-31T10:00:00.000Z'));
    expect($(el, '.deadline')!.textContent!.trim()).to.equal(`Svara senast ${when}.`);
    $<HTMLInputElement>(el, '#q-travel-0')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
    const name = (n: number) => $(el, `label[for=q-safety-${n}]`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect([name(1), name(3), name(5)]).to.deep.equal(['1 Inte alls', '3', '5 Helt och hållet']);
    expect($(el, '#q-safety-hint')!.textContent!.trim()).to.equal('1 betyder ”Inte alls” och 5 betyder ”Helt och hållet”.');
    // By keyboard: the chosen end is named by its label.
    $(el, '#q-safety-1')!.focus();
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#q-safety-1')!.checked).to.equal(true);
    expect(($<HTMLInputElement>(el, '#q-safety-1')!.labels![0]!.textContent ?? '').replace(/\s+/g, ' ').trim()).to.equal('1 Inte alls');
    await expect(el).to.be.accessible();
    el.remove();
    localStorage.removeItem(storageKey(id));

    el = await show(id, { lang: 'en' });
    expect($(el, '.deadline')!.textContent!.trim()).to.match(/^Answer by 31 March 2099/);
    el.remove();

    const passed = (await executeServerCommand('survey-create', { survey: { ...labelled, closesAt: '2020-01-31T22:59:00.000Z' } })) as { id: number };
    el = await show(passed.id);
    const before = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(new Date('2020-01-31T22:59:00.000Z'));
    expect([...root(el).querySelectorAll('.message p')].map((p) => p.textContent)).to.deep.equal(['Enkäten är stängd.', `Sista tid att svara var ${before}.`]);
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('prints the questions cleanly, without buttons, progress bar or save hint (#20)', async () => {
    const { id } = await openSurvey();
    const el = await show(id, { lang: 'sv' });
    $<HTMLInputElement>(el, '#q-travel-0')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
    const shown = (selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)].filter((e) => e.checkVisibility()).length;
    expect(shown('button'), 'buttons on screen').to.be.greaterThan(0);
    await emulateMedia({ media: 'print' });
    try {
      expect(matchMedia('print').matches, 'printing').to.equal(true);
      expect(shown('button'), 'no buttons on paper').to.equal(0);
      expect(shown('progress')).to.equal(0);
      expect(shown('.saved')).to.equal(0);
      expect(shown('[part=question]'), 'the questions are there').to.equal(2);
      expect($(el, '[part=heading]')!.checkVisibility(), 'the title').to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    el.remove();
    localStorage.removeItem(storageKey(id));
  });

  it('shows the server’s objection at the question it concerns', async () => {
    const { id } = await openSurvey();
    const el = await show(id);
    $<HTMLInputElement>(el, '#q-travel-0')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
    $<HTMLInputElement>(el, '#q-safety-3')!.click();
    // More than the field lets anyone type: only the server can refuse it.
    const ideas = $<HTMLTextAreaElement>(el, '#q-ideas')!;
    ideas.value = 'x'.repeat(5001);
    ideas.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press(el, 'button[type=submit]');
    await waitUntil(() => $(el, '#q-ideas-error'), 'the error is at the question', { timeout: 5000 });
    expect(pageHeading(el)).to.equal('Sida 2 av 3');
    expect($(el, '#q-ideas-error')!.textContent).to.equal('Svaret gick inte att spara. Kontrollera det och försök igen.');
    expect(ideas.getAttribute('aria-describedby')).to.equal('q-ideas-hint q-ideas-error');
    expect(focused(el)?.id).to.equal('summary');
    await expect(el).to.be.accessible();
    el.remove();
    localStorage.removeItem(storageKey(id));
  });

  it('explains a panel survey opened without its personal link, or with a link that does not work', async () => {
    const { id } = await panelSurvey();
    const failed = oneEvent(document.body, 'medverka-load-error');
    const missing = await show(id);
    expect(((await failed) as CustomEvent<MedverkaLoadErrorDetail>).detail).to.deep.equal({ what: 'survey', status: 403 });
    expect($(missing, '.message')!.textContent).to.contain('bara för medlemmarna i kommunens medborgarpanel');
    await expect(missing).to.be.accessible();
    missing.remove();

    const other = await panelSurvey();
    const wrong = await show(other.id, { hash: 'a-link-that-was-never-sent-aaaaaaaa' });
    expect($(wrong, '.message')!.textContent).to.contain('Länken till enkäten fungerar inte.');
    await expect(wrong).to.be.accessible();
    wrong.remove();
    sessionStorage.removeItem(storageKey(other.id));
  });

  it('says when a survey is closed', async () => {
    const { id, token } = await panelSurvey({ closed: true });
    const el = await show(id, { hash: token });
    expect($(el, '[part=heading]')!.textContent).to.equal('Trivsel i kommunen');
    expect($(el, '.message')!.textContent).to.contain('Enkäten är stängd.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('says when there is no such survey', async () => {
    const el = await show(999999);
    expect($(el, '.message')!.textContent).to.contain('Enkäten finns inte');
    await expect(el).to.be.accessible();
    el.remove();
  });

  itCopesWithAnUnreachableOrSlowServer('medverka-survey', { survey: '1' }, ready, 'Det gick inte att hämta enkäten just nu.');

  it('speaks English with lang="en", the survey’s own English texts included', async () => {
    const { id, token } = await panelSurvey();
    const el = await show(id, { hash: token, lang: 'en' });
    expect($(el, '[part=heading]')!.textContent).to.equal('Living in the municipality');
    expect(pageHeading(el)).to.equal('Page 1 of 3');
    expect($(el, 'legend')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('How do you usually travel to work? (required)');
    expect($(el, 'button[type=submit]')!.textContent!.trim()).to.equal('Next');
    await press(el, 'button[type=submit]');
    await waitUntil(() => focused(el)?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#q-travel-error')!.textContent).to.equal('Choose an answer.');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('fits 320 px at 200 % text, with targets of at least 44 px, the ranking included', async () => {
    const { id } = await openSurvey();
    const wrap = await inNarrowColumn(html`<medverka-survey survey=${String(id)} api=${api as string}></medverka-survey>`);
    const el = await loaded(wrap.querySelector('medverka-survey')!);
    const fits = () => expectFits(el, wrap, 'button, input, textarea, .choice, .ranking li, progress', 'button, .choice, .step');
    fits();
    $<HTMLInputElement>(el, '#q-travel-0')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 2 av 3', 'page 2', { timeout: 5000 });
    fits();
    $<HTMLInputElement>(el, '#q-safety-3')!.click();
    await press(el, 'button[type=submit]');
    await waitUntil(() => pageHeading(el) === 'Sida 3 av 3', 'page 3', { timeout: 5000 });
    fits();
    localStorage.removeItem(storageKey(id));
  });

  it('keeps visible borders in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const { id, token } = await panelSurvey();
    const el = await show(id, { hash: token });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(getComputedStyle($(el, 'form')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
    el.remove();
  });
});
