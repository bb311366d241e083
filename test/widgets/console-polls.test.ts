/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import { pollApi } from '../../widgets/console/polls/poll-api.js';
import { $, $$, announced, fill, focused, go, leaveConsole, lifecyclePage, listLoaded, navLabels, offeredTo, refusedTo, savedDraft, screen, signedIn, signOut, takeStep, text, unique } from './console-helpers.js';

/** A question no other test (or run against the same database) asks. */
const uniqueQuestion = (prefix: string) => `${unique(prefix)}?`;

const optionKeys = (page: HTMLElement) => $$(page, 'li[data-option-key]').map((li) => li.dataset.optionKey!);
const optionField = (page: HTMLElement, index: number, lang: 'sv' | 'en') => `#f-o${optionKeys(page)[index]}-${lang}`;

/** The poll's page once it has loaded. */
const pollPage = (el: MedverkaConsole, id: number) => lifecyclePage(el, 'medverka-console-poll', 'poll-id', id, 'poll');

/** Takes a step with its confirmation, as staff do. */
const step = (el: MedverkaConsole, page: HTMLElement, button: string, done: string, status: string) => takeStep(el, page, button, done, status, 'poll');

/** Answers as residents do, through the public API. */
async function answer(id: number, choices: number[]): Promise<number> {
  const res = await fetch(`/api/polls/${id}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ choices }) });
  return res.status;
}

const resultCounts = (page: HTMLElement) => $$(page, '#poll-results tbody tr').map((r) => [text(r.querySelector('th span')), text(r.querySelector('[data-count]'))]);

describe('<medverka-console> quick polls', function () {
  this.timeout(60000);

  afterEach(leaveConsole);

  it('is there for administrators and moderators, not for chat agents', async () => {
    const moderator = await offeredTo('moderator', 'Snabbfrågor', '/polls', 'medverka-console-polls');
    const list = screen(moderator);
    expect(text($(list, 'h1'))).to.equal('Snabbfrågor');
    await listLoaded(list);
    expect($(list, '#new-poll')!.getAttribute('href')).to.equal('#/polls/_ny');
    await expect(moderator).to.be.accessible();
    await signOut(moderator);
    await refusedTo('agent', '/polls', 'Snabbfrågor');
  });

  it('creates a poll, opens it, shows the answers as they come, closes, resets and deletes it', async () => {
    const question = uniqueQuestion('Vilken dag passar bäst');
    const el = await signedIn('moderator', '/polls');
    $<HTMLAnchorElement>(screen(el), '#new-poll')!.click();
    await waitUntil(() => screen(el)?.localName === 'medverka-console-poll', 'the form for a new poll', { timeout: 5000 });
    const page = screen(el);
    await waitUntil(() => focused() === $(page, 'h1'), 'focus is on the heading');
    expect(text($(page, 'h1'))).to.equal('Ny snabbfråga');
    expect($<HTMLInputElement>(page, '#f-kind-single')!.checked, 'one answer by default').to.equal(true);
    expect(optionKeys(page).length, 'two options to start with').to.equal(2);
    await expect(el).to.be.accessible();

    // Nothing filled in: said at each field before anything is sent.
    $<HTMLButtonElement>(page, '#save-poll')!.click();
    await waitUntil(() => focused() === $(page, '#poll-errors'), 'the summary takes focus');
    for (const id of ['#f-question-sv', optionField(page, 0, 'sv'), optionField(page, 1, 'sv')]) {
      expect($(page, id)!.getAttribute('aria-invalid'), id).to.equal('true');
      expect($(page, id)!.getAttribute('aria-describedby'), id).to.contain(`${id.slice(1)}-error`);
      expect(text($(page, `${id}-error`)), id).to.contain('Fyll i det här fältet.');
    }
    expect(text($(page, '#poll-errors'))).to.contain('Alternativ 1: På svenska: Fyll i det här fältet.');
    await expect(el).to.be.accessible();

    // Too long for the server: its problem comes back at the field.
    fill(page, '#f-question-sv', 'x'.repeat(301));
    fill(page, optionField(page, 0, 'sv'), 'Måndag');
    fill(page, optionField(page, 0, 'en'), 'Monday');
    fill(page, optionField(page, 1, 'sv'), 'Tisdag');
    $<HTMLButtonElement>(page, '#save-poll')!.click();
    await waitUntil(() => text($(page, '#f-question-sv-error')).includes('Skriv högst 300 tecken.'), 'the server’s problem is at its field', { timeout: 5000 });
    expect(text($(page, '#poll-errors'))).to.contain('Frågan på svenska: Skriv högst 300 tecken.');
    await waitUntil(() => focused() === $(page, '#poll-errors'), 'the summary takes focus');
    await expect(el).to.be.accessible();

    fill(page, '#f-question-sv', question);
    fill(page, '#f-question-en', 'Which day suits best?');
    // A third option, added, moved to the top by keyboard, and a fourth added and removed.
    $<HTMLButtonElement>(page, '#add-option')!.click();
    await waitUntil(() => optionKeys(page).length === 3, 'a third option');
    await waitUntil(() => focused() === $(page, optionField(page, 2, 'sv')), 'focus goes to the new option');
    await announced(el, 'Alternativ 3 har lagts till.');
    fill(page, optionField(page, 2, 'sv'), 'Onsdag');
    const third = optionKeys(page)[2]!;
    $<HTMLButtonElement>(page, `[data-option-key="${third}"] [data-action=up]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await announced(el, 'Alternativ 2: Onsdag är nu på plats 2 av 3.');
    expect(focused(), 'focus stays on the moved option’s button').to.equal($(page, `[data-option-key="${third}"] [data-action=up]`));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => optionKeys(page)[0] === third, 'moved to the top');
    expect(focused(), 'at the top, focus goes to the other direction').to.equal($(page, `[data-option-key="${third}"] [data-action=down]`));
    $<HTMLButtonElement>(page, '#add-option')!.click();
    await waitUntil(() => optionKeys(page).length === 4);
    const fourth = optionKeys(page)[3]!;
    $<HTMLButtonElement>(page, `[data-option-key="${fourth}"] [data-action=remove]`)!.click();
    await announced(el, 'Alternativ 4 har tagits bort.');
    await waitUntil(() => focused() === $(page, `#option-${optionKeys(page)[2]}-heading`), 'focus goes to the option before');
    expect(optionKeys(page).length).to.equal(3);
    await expect(el).to.be.accessible();

    const id = await savedDraft(el, page, '#save-poll', 'Snabbfrågan är sparad som utkast.', 'polls');
    let saved = await pollPage(el, id);
    expect(text($(saved, 'h1'))).to.equal(question);
    expect(text($(saved, '#status-heading'))).to.equal('Status: Utkast');
    expect(text($(saved, '[data-date=created]'))).not.to.equal('');
    expect($(saved, '#results-heading'), 'a draft has no results').to.equal(null);
    const stored = (await pollApi.polls()).polls.find((p) => p.id === id)!;
    expect(stored.options.map((o) => [o.label.sv, o.label.en])).to.deep.equal([
      ['Onsdag', null],
      ['Måndag', 'Monday'],
      ['Tisdag', null],
    ]);
    expect(stored.question.en).to.equal('Which day suits best?');
    // The presenter view and the code for a page.
    const presenter = $<HTMLAnchorElement>(saved, '#presenter-link')!;
    expect(presenter.getAttribute('href')).to.equal(`/present/poll/${id}`);
    expect(presenter.getAttribute('target')).to.equal('_blank');
    expect(text(presenter)).to.contain('(öppnas i en ny flik)');
    expect(text($(saved, '#embed-code'))).to.equal(`<medverka-poll poll="${id}"></medverka-poll>`);
    await expect(el).to.be.accessible();

    // A draft still changes.
    fill(saved, optionField(saved, 2, 'en'), 'Tuesday');
    $<HTMLButtonElement>(saved, '#save-poll')!.click();
    await announced(el, 'Snabbfrågan är sparad.');
    // Saving a draft may renumber its options: read them anew.
    const options = (await pollApi.polls()).polls.find((p) => p.id === id)!.options;
    expect(options[2]!.label.en).to.equal('Tuesday');

    expect(await answer(id, [options[0]!.id]), 'a draft takes no answers').to.equal(404);
    await step(el, saved, '#open-poll', 'Snabbfrågan är öppen. Invånarna kan svara nu.', 'Öppen för svar');
    expect($(saved, 'form'), 'an open poll cannot change').to.equal(null);
    await waitUntil(() => $(saved, '[data-total]'), 'the results');
    expect(text($(saved, '[data-total]'))).to.equal('0 svar');
    await expect(el).to.be.accessible();

    // Residents answer; the results follow (live, or when asked again).
    const [wednesday, monday, tuesday] = options.map((o) => o.id);
    for (const choice of [monday, monday, tuesday]) expect(await answer(id, [choice!])).to.equal(201);
    await waitUntil(() => text($(saved, '[data-total]')) === '3 svar', 'the answers show live', { timeout: 5000 });
    expect(resultCounts(saved)).to.deep.equal([
      ['Onsdag', '0'],
      ['Måndag', '2'],
      ['Tisdag', '1'],
    ]);
    expect(text($(saved, '#poll-results tbody tr:nth-child(2) td:last-child'))).to.equal('67 %');
    expect($(saved, '#poll-average'), 'options have no average').to.equal(null);
    expect(await answer(id, [wednesday!])).to.equal(201);
    $<HTMLButtonElement>(saved, '#refresh-results')!.click();
    await announced(el, 'Resultatet är uppdaterat.');
    await waitUntil(() => text($(saved, '[data-total]')) === '4 svar', 'four answers');
    await expect(el).to.be.accessible();

    await step(el, saved, '#close-poll', 'Snabbfrågan är stängd. Inga fler svar tas emot.', 'Stängd');
    expect(await answer(id, [monday!]), 'a closed poll takes no answers').to.equal(409);
    expect(text($(saved, '[data-date=closed]'))).not.to.equal('');
    expect(text($(saved, '[data-total]'))).to.equal('4 svar');
    await expect(el).to.be.accessible();

    // Cancelling a reset changes nothing and gives focus back.
    $<HTMLButtonElement>(saved, '#reset-poll')!.click();
    await waitUntil(() => focused() === $(saved, '#confirm-question'));
    $<HTMLButtonElement>(saved, '[data-action=cancel]')!.click();
    await waitUntil(() => focused() === $(saved, '#reset-poll'), 'focus goes back to the button');
    await step(el, saved, '#reset-poll', 'Alla svar är borttagna. Resultatet börjar om från noll.', 'Stängd');
    expect(text($(saved, '[data-total]'))).to.equal('0 svar');
    expect((await pollApi.polls()).polls.find((p) => p.id === id)!.results.total).to.equal(0);

    // Listed with its status and answers.
    const list = await go(el, '#/polls', 'medverka-console-polls');
    await waitUntil(() => $(list, `tr[data-poll="${id}"]`), 'listed', { timeout: 5000 });
    const row = $(list, `tr[data-poll="${id}"]`)!;
    expect(text(row.querySelector('a'))).to.equal(question);
    expect(text(row.querySelector('[data-status]'))).to.equal('Stängd');
    expect(text(row.querySelector('[data-answers]'))).to.equal('0');
    await expect(el).to.be.accessible();

    location.hash = `#/polls/${id}`;
    saved = await pollPage(el, id);
    $<HTMLButtonElement>(saved, '#delete-poll')!.click();
    await waitUntil(() => focused() === $(saved, '#confirm-question'));
    expect(text($(saved, '#confirm-question'))).to.contain('Det går inte att ångra.');
    $<HTMLButtonElement>(saved, '[data-action=confirm]')!.click();
    await announced(el, 'Snabbfrågan är borttagen.');
    const after = await go(el, '#/polls', 'medverka-console-polls');
    await listLoaded(after, 'the list');
    expect($(after, `tr[data-poll="${id}"]`)).to.equal(null);
  });

  it('makes a scale poll with words at its ends, and shows its results per value', async () => {
    const question = uniqueQuestion('Hur nöjd är du med mötet');
    const el = await signedIn('admin', '/polls/_ny');
    const page = screen(el);
    await waitUntil(() => $(page, '#f-kind-scale'), 'the form');
    $<HTMLInputElement>(page, '#f-kind-scale')!.click();
    await waitUntil(() => $(page, '#f-scaleLabels-low-sv'), 'the scale’s ends');
    expect($(page, '#add-option'), 'a scale has no options of its own').to.equal(null);
    fill(page, '#f-question-sv', question);
    fill(page, '#f-scaleLabels-low-sv', 'Inte alls');
    $<HTMLButtonElement>(page, '#save-poll')!.click();
    await waitUntil(() => text($(page, '#f-scaleLabels-high-sv-error')).includes('Skriv en text för båda ändarna av skalan, eller ingen av dem.'), 'both ends or none');
    await expect(el).to.be.accessible();
    fill(page, '#f-scaleLabels-high-sv', 'Mycket');
    fill(page, '#f-scaleLabels-high-en', 'Very');
    const id = await savedDraft(el, page, '#save-poll', 'Snabbfrågan är sparad som utkast.', 'polls');
    const saved = await pollPage(el, id);
    await step(el, saved, '#open-poll', 'Snabbfrågan är öppen.', 'Öppen för svar');
    for (const value of [5, 4, 5]) expect(await answer(id, [value])).to.equal(201);
    await waitUntil(() => text($(saved, '[data-total]')) === '3 svar', 'the answers', { timeout: 5000 });
    expect(resultCounts(saved)).to.deep.equal([
      ['1 – Inte alls', '0'],
      ['2', '0'],
      ['3', '0'],
      ['4', '1'],
      ['5 – Mycket', '2'],
    ]);
    // The average of the answers, (4 + 5 + 5) / 3, with how many it is taken over.
    expect(text($(saved, '#poll-average'))).to.equal('Medelvärde: 4,7 (3 svar)');
    await expect(el).to.be.accessible();

    // In English, the English texts where there are some.
    document.documentElement.lang = 'en';
    await waitUntil(() => navLabels(el).includes('Quick polls'), 'the navigation is in English');
    await waitUntil(() => text($(saved, '#status-heading')) === 'Status: Open for answers', 'the screen is in English');
    expect(resultCounts(saved)[4]).to.deep.equal(['5 – Very', '2']);
    expect(text($(saved, '[data-total]'))).to.equal('3 answers');
    expect(text($(saved, '#poll-average'))).to.equal('Average: 4.7 (3 answers)');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'sv';
    await waitUntil(() => text($(saved, '#status-heading')) === 'Status: Öppen för svar');

    await step(el, saved, '#close-poll', 'Snabbfrågan är stängd.', 'Stängd');
    await step(el, saved, '#open-poll', 'Snabbfrågan är öppen.', 'Öppen för svar');
    expect(text($(saved, '[data-total]')), 'reopened with its answers').to.equal('3 svar');
    await step(el, saved, '#close-poll', 'Snabbfrågan är stängd.', 'Stängd');
  });
});
