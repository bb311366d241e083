/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { staffApi } from '../../widgets/console/kit/api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import { panelApi } from '../../widgets/console/panel/panel-api.js';
import { $, $$, announced, choose, fill, focused, leaveConsole, lifecyclePage, offeredTo, refusedTo, savedDraft, screen, signedIn, signOut, solvedPow, staff, takeStep, text, unique } from './console-helpers.js';

// The test page's /api has the panel members test/widgets/seed.ts made (six aged 30–49, two
// aged 65+), shared by every widget test file.

const questionKeys = (page: HTMLElement) => $$(page, 'li[data-question-key]').map((li) => li.dataset.questionKey!);
const pageKeys = (page: HTMLElement) => $$(page, 'li[data-page]').map((li) => li.dataset.page!);
const optionKeys = (page: HTMLElement, q: string) => $$(page, `li[data-question-key="${q}"] li[data-option-key]`).map((li) => li.dataset.optionKey!);

const surveyPage = (el: MedverkaConsole, id: number) => lifecyclePage(el, 'medverka-console-survey', 'survey-id', id, 'survey');

/** Takes a step with its confirmation, as staff do. */
const step = (el: MedverkaConsole, page: HTMLElement, button: string, done: string, status: string) => takeStep(el, page, button, done, status, 'survey');

/** The date shown for a step in the timeline ('' when it has none). */
const stepDate = (page: HTMLElement, key: string) => $(page, `.timeline li[data-step="${key}"] time`)?.getAttribute('datetime') ?? '';

describe('<medverka-console> citizen panel', function () {
  this.timeout(90000);

  afterEach(leaveConsole);

  it('counts the members by age band, hiding a small group and any group that would give it away, and never lists who', async () => {
    const el = await offeredTo('admin', 'Medborgarpanel', '/panel', 'medverka-console-panel');
    const page = screen(el);
    await waitUntil(() => $(page, '#members'), 'the counts have loaded', { timeout: 5000 });
    const counts = await panelApi.counts();
    expect(counts.members).to.be.at.least(8);
    expect(Number($(page, '#members')!.dataset.members)).to.equal(counts.members);
    expect(text($(page, '#members'))).to.equal(`${counts.members} medlemmar`);
    const rows = $$(page, '#by-age tbody tr');
    expect(rows.map((r) => text(r.querySelector('th')))).to.deep.equal(counts.byAgeBand.map((b) => b.band ?? 'Har inte angett'));
    expect(rows.map((r) => text(r.querySelector('td')))).to.deep.equal(counts.byAgeBand.map((b) => (b.count === null ? 'visas inte' : String(b.count))));
    expect(text($(page, '#by-age tr[data-group="65+"] td')), 'two members aged 65+').to.equal('visas inte');
    // Six aged 30–49 beside two aged 65+: everyone minus the six would give the two away.
    expect(text($(page, '#by-age tr[data-group="30–49"] td')), 'the group that would give the small one away').to.equal('visas inte');
    const shown = rows.map((r) => text(r.querySelector('td'))).filter((t) => t !== 'visas inte').reduce((sum, t) => sum + Number(t), 0);
    const rest = counts.members - shown;
    expect(rest === 0 || rest >= counts.minGroup, `${rest} members could be worked out`).to.equal(true);
    expect(text($(page, '#small-groups'))).to.equal(
      'En grupp med färre än 5 medlemmar visas inte, och inte heller en grupp som skulle gå att räkna fram ur summan, så att ingen kan pekas ut. Konsolen visar aldrig vilka som är med.',
    );
    expect(text($(page, '#no-districts'))).to.equal('Panelen frågar inte efter område.');
    expect(text(page.shadowRoot), 'no one’s address is shown').not.to.contain('@');
    await waitUntil(() => $(page, '#surveys, .none'), 'the surveys have loaded', { timeout: 5000 });
    expect($(page, '#new-survey')!.getAttribute('href')).to.equal('#/panel/_ny');
    await expect(el).to.be.accessible();
    await signOut(el);
    await refusedTo('agent', '/panel', 'Medborgarpanel');
  });

  it('takes a panel survey from draft through approval, sending, reminder and closing to feedback and decision, each step dated', async () => {
    const title = unique('Trygghet i parkerna');
    const { user } = await staffApi.signIn(staff.moderator.email, staff.moderator.password);
    await staffApi.signOut();
    let el = await signedIn('moderator', '/panel');
    await waitUntil(() => $(screen(el), '#new-survey'), 'the panel screen');
    $<HTMLAnchorElement>(screen(el), '#new-survey')!.click();
    await waitUntil(() => screen(el)?.localName === 'medverka-console-survey', 'the form for a new survey', { timeout: 5000 });
    const form = screen(el);
    await waitUntil(() => focused() === $(form, 'h1'), 'focus is on the heading');
    expect(text($(form, 'h1'))).to.equal('Ny enkät');
    expect($<HTMLInputElement>(form, '#f-audience-panel')!.checked, 'for the panel by default').to.equal(true);
    await expect(el).to.be.accessible();

    // Nothing filled in: said at each field.
    $<HTMLButtonElement>(form, '#save-survey')!.click();
    await waitUntil(() => focused() === $(form, '#survey-errors'), 'the summary takes focus');
    const [q1] = questionKeys(form);
    for (const id of ['#f-title-sv', `#f-q${q1}-text-sv`]) {
      expect($(form, id)!.getAttribute('aria-invalid'), id).to.equal('true');
      expect(text($(form, `${id}-error`)), id).to.contain('Fyll i det här fältet.');
    }
    expect(text($(form, '#survey-errors'))).to.contain('Fråga 1.1: Frågan på svenska: Fyll i det här fältet.');
    await expect(el).to.be.accessible();

    // The preview beside the form is the real survey widget, following the draft as it is typed.
    const preview = $<HTMLElement>(form, '#preview-heading ~ .preview-box medverka-survey')!;
    expect(preview, 'the survey widget in the preview').to.not.equal(null);
    fill(form, '#f-title-sv', title);
    await waitUntil(() => preview.shadowRoot?.querySelector('[part=heading]')?.textContent === title, 'the preview shows the title', { timeout: 5000 });
    fill(form, '#f-intro-sv', 'Kommunen vill veta var du känner dig trygg.');
    fill(form, `#f-q${q1}-text-sv`, 'Hur ofta går du i parken?');
    const [o1, o2] = optionKeys(form, q1!);
    fill(form, `#f-q${q1}-o${o1}-sv`, 'Varje dag');
    fill(form, `#f-q${q1}-o${o2}-sv`, 'Någon gång i veckan');
    $<HTMLButtonElement>(form, `#add-option-${q1}`)!.click();
    await waitUntil(() => optionKeys(form, q1!).length === 3);
    const o3 = optionKeys(form, q1!)[2]!;
    await waitUntil(() => focused() === $(form, `#f-q${q1}-o${o3}-sv`), 'focus goes to the new option');
    fill(form, `#f-q${q1}-o${o3}-sv`, 'Sällan');
    await waitUntil(() => (preview.shadowRoot?.querySelector('label[for=q-fraga-1-2]')?.textContent ?? '') === 'Sällan', 'the preview shows the new option', { timeout: 5000 });
    // Moved by keyboard to the top.
    $<HTMLButtonElement>(form, `li[data-option-key="${o3}"] [data-action=up]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => optionKeys(form, q1!)[0] === o3, 'moved to the top');
    await announced(el, 'Alternativ 1: Sällan är nu på plats 1 av 3.');
    expect(focused()).to.equal($(form, `li[data-option-key="${o3}"] [data-action=down]`));
    $<HTMLInputElement>(form, `#f-q${q1}-required`)!.click();

    // A second question, in free text; a second page, added and removed.
    const [p1] = pageKeys(form);
    $<HTMLButtonElement>(form, `#add-question-${p1}`)!.click();
    await waitUntil(() => questionKeys(form).length === 2);
    const q2 = questionKeys(form)[1]!;
    await announced(el, 'Fråga 1.2 har lagts till.');
    // A scale first, with its ends named; then free text after all.
    choose(form, `#f-q${q2}-type`, 'scale');
    await waitUntil(() => $(form, `#f-q${q2}-low-sv`), 'a scale asks what its ends mean');
    fill(form, `#f-q${q2}-low-sv`, 'Inte alls');
    $<HTMLButtonElement>(form, '#save-survey')!.click();
    await waitUntil(() => focused() === $(form, '#survey-errors'), 'the summary takes focus');
    expect(text($(form, `#f-q${q2}-high-sv-error`)), 'one end alone is not enough').to.contain('Fyll i det här fältet.');
    fill(form, `#f-q${q2}-high-sv`, 'Helt och hållet');
    fill(form, `#f-q${q2}-text-sv`, 'Hur trygg känner du dig?');
    await expect(el).to.be.accessible();
    choose(form, `#f-q${q2}-type`, 'text');
    await waitUntil(() => !$(form, `#add-option-${q2}`) && !$(form, `#f-q${q2}-low-sv`), 'free text has no options or ends');
    fill(form, `#f-q${q2}-text-sv`, 'Vad skulle göra parken tryggare?');
    fill(form, '#f-closesAt', '2099-06-30T18:00');
    $<HTMLButtonElement>(form, '#add-page')!.click();
    await waitUntil(() => pageKeys(form).length === 2);
    await announced(el, 'Sida 2 har lagts till.');
    $<HTMLButtonElement>(form, `li[data-page="${pageKeys(form)[1]}"] > .actions [data-action=remove]`)!.click();
    await announced(el, 'Sida 2 har tagits bort.');
    await waitUntil(() => focused() === $(form, `#page-${p1}-heading`), 'focus goes to the page before');
    await expect(el).to.be.accessible();

    const id = await savedDraft(el, form, '#save-survey', 'Enkäten är sparad som utkast.', 'panel');
    let page = await surveyPage(el, id);
    expect(text($(page, 'h1'))).to.equal(title);
    expect(text($(page, '#status-heading'))).to.equal('Status: Utkast');
    expect(stepDate(page, 'created')).not.to.equal('');
    expect($(page, '.timeline li[aria-current=step]')!.dataset.step).to.equal('approved');
    const stored = (await panelApi.survey(id)).survey;
    expect(stored.pages[0]!.questions.map((q) => [q.type, q.text.sv, q.required, q.options?.map((o) => o.sv) ?? null])).to.deep.equal([
      ['single', 'Hur ofta går du i parken?', true, ['Sällan', 'Varje dag', 'Någon gång i veckan']],
      ['text', 'Vad skulle göra parken tryggare?', false, null],
    ]);
    await expect(el).to.be.accessible();

    expect(stored.closesAt).to.equal(new Date('2099-06-30T18:00').toISOString());
    expect($(page, '[data-deadline] time')!.getAttribute('datetime')).to.equal(stored.closesAt);

    // Its author does not approve it: the console says why, and offers no button for it.
    expect($(page, '#approve-survey')).to.equal(null);
    expect(text($(page, '.timeline + p'))).to.equal(
      'Du har skrivit enkäten, så någon annan godkänner den: två personer har sett den innan den når invånarna.',
    );
    await signOut(el);
    const admin = await signedIn('admin', `/panel/${id}`);
    const adminUser = (await staffApi.me()).user;
    const approving = await surveyPage(admin, id);
    await step(admin, approving, '#approve-survey', `Enkäten är godkänd av ${adminUser.name}.`, 'Godkänd, inte skickad');
    expect(text($(approving, '.timeline li[data-step=approved] .what'))).to.equal(`Godkänd av ${adminUser.name}`);
    expect(user.name).not.to.equal(adminUser.name);
    await signOut(admin);
    el = await signedIn('moderator', `/panel/${id}`);
    page = await surveyPage(el, id);
    expect(stepDate(page, 'approved')).not.to.equal('');
    expect($(page, '#save-survey'), 'an approved survey no longer changes').to.equal(null);
    expect(text($(page, '#contents-heading'))).to.equal('Innehåll');

    await step(el, page, '#send-survey', 'Enkäten är skickad till panelen:', 'Skickad till panelen');
    expect(stepDate(page, 'sent')).not.to.equal('');
    expect(Number(text($(page, '[data-count=invited]')))).to.be.at.least(8);
    await waitUntil(() => $(page, '[data-respondents]'), 'the results so far');
    await expect(el).to.be.accessible();

    // Nobody to remind (as when everyone has answered): said so, and nothing recorded.
    const realRemind = panelApi.remind;
    panelApi.remind = async (survey: number) => ({ survey: (await panelApi.survey(survey)).survey, mailed: 0 });
    try {
      await step(el, page, '#remind-survey', 'Ingen påminnelse skickades: ingen behövde den, alla som fick enkäten har redan skickat in sina svar.', 'Skickad till panelen');
      expect(stepDate(page, 'reminded')).to.equal('');
    } finally {
      panelApi.remind = realRemind;
    }
    await step(el, page, '#remind-survey', 'Påminnelsen är skickad:', 'Skickad till panelen');
    expect(stepDate(page, 'reminded')).not.to.equal('');

    await step(el, page, '#close-survey', 'Enkäten är stängd. Inga fler svar tas emot.', 'Stängd');
    expect(stepDate(page, 'closed')).not.to.equal('');
    await waitUntil(() => $(page, '[data-respondents]'), 'the results');
    expect(text($(page, '[data-respondents]'))).to.equal('0 svar');
    expect($$(page, '.question-result').length).to.equal(2);
    const csv = $<HTMLAnchorElement>(page, '#download-csv')!;
    expect(text(csv)).to.equal('Ladda ner svar (CSV)');
    expect((await fetch(csv.getAttribute('href')!)).status).to.equal(200);
    await expect(el).to.be.accessible();

    // Feedback: nothing written is said at the field, then sent after a confirmation.
    $<HTMLButtonElement>(page, '#feedback-submit')!.click();
    await waitUntil(() => focused() === $(page, '#send-errors'), 'the summary takes focus');
    expect(text($(page, '#f-text-sv-error'))).to.contain('Fyll i det här fältet.');
    await expect(el).to.be.accessible();
    fill(page, '#f-text-sv', 'Tack för era svar. De flesta vill ha mer belysning.');
    fill(page, '#f-text-en', 'Thank you. Most want more lighting.');
    // The step is over when focus goes to the new status, once the results are loaded again
    // (a second request): until then the screen is busy and would not take the decision's "yes".
    await step(el, page, '#feedback-submit', 'Återkopplingen är skickad:', 'Stängd, återkopplingen skickad');
    expect(stepDate(page, 'feedback')).not.to.equal('');
    expect(text($(page, '.text.feedback'))).to.equal('Tack för era svar. De flesta vill ha mer belysning.');

    // The decision: who decided, and what.
    await waitUntil(() => $(page, '#decision-submit'), 'the decision form');
    fill(page, '#f-text-sv', 'Belysningen byggs ut under 2027.');
    $<HTMLButtonElement>(page, '#decision-submit')!.click();
    await waitUntil(() => text($(page, '#f-committee-error')).includes('Fyll i'), 'who decided is needed');
    fill(page, '#f-committee', 'Tekniska nämnden');
    await step(el, page, '#decision-submit', 'Beslutet är skickat:', 'Stängd, beslutet skickat');
    expect(text($(page, '.committee'))).to.equal('Tekniska nämnden');
    for (const key of ['created', 'approved', 'sent', 'reminded', 'closed', 'feedback', 'decision']) expect(stepDate(page, key), key).not.to.equal('');
    expect($(page, '.timeline li[aria-current]'), 'no step left').to.equal(null);
    await expect(el).to.be.accessible();

    // Listed with its step.
    location.hash = '#/panel';
    await waitUntil(() => screen(el)?.localName === 'medverka-console-panel');
    const list = screen(el);
    await waitUntil(() => $(list, `tr[data-survey="${id}"]`), 'listed', { timeout: 5000 });
    expect(text($(list, `tr[data-survey="${id}"] [data-step]`))).to.equal('Stängd, beslutet skickat');
  });

  it('shows an open survey’s answers: bars and table, free text as a list, a ranking’s mean places, and small groups hidden', async () => {
    const title = unique('Öppen enkät om biblioteket');
    const { user } = await staffApi.signIn(staff.admin.email, staff.admin.password);
    expect(user.role).to.equal('admin');
    const { survey } = await panelApi.create({
      title: { sv: title, en: null },
      intro: { sv: '', en: null },
      audience: 'open',
      pages: [
        {
          questions: [
            { id: 'besok', type: 'single', text: { sv: 'Hur ofta besöker du biblioteket?', en: null }, options: [{ sv: 'Ofta', en: null }, { sv: 'Sällan', en: null }], required: true },
            { id: 'onskan', type: 'text', text: { sv: 'Vad saknar du?', en: null }, required: false },
            { id: 'nojd', type: 'scale', text: { sv: 'Hur nöjd är du?', en: null }, scaleLabels: { low: { sv: 'Inte alls', en: null }, high: { sv: 'Mycket', en: null } }, required: false },
            {
              id: 'viktigast',
              type: 'ranking',
              text: { sv: 'Vad är viktigast?', en: null },
              options: [{ sv: 'Öppettider', en: null }, { sv: 'Böcker', en: null }, { sv: 'Studieplatser', en: null }],
              required: true,
            },
          ],
        },
      ],
    });
    await staffApi.signOut();
    // Approved by someone other than its author.
    await staffApi.signIn(staff.moderator.email, staff.moderator.password);
    await panelApi.approve(survey.id);
    await panelApi.send(survey.id);
    await staffApi.signOut();
    // Three residents answer, through the public API as the survey widget does.
    const answers = [
      { besok: 0, onskan: 'Fler <b>serier</b>', nojd: 5, viktigast: [0, 1, 2] },
      { besok: 0, onskan: '', nojd: 4, viktigast: [1, 0, 2] },
      { besok: 1, onskan: 'Längre öppet\npå söndagar', viktigast: [0, 2, 1] },
    ];
    for (const a of answers) {
      const started = await fetch(`/api/surveys/${survey.id}/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': await solvedPow() }, body: '{}' });
      expect(started.status, await started.clone().text()).to.equal(201);
      const { token } = (await started.json()) as { token: string };
      const headers = { 'Content-Type': 'application/json', 'X-Medverka-Survey': token };
      const saved = await fetch(`/api/surveys/${survey.id}/pages/0`, { method: 'PUT', headers, body: JSON.stringify({ answers: a }) });
      expect(saved.status, await saved.clone().text()).to.equal(200);
      expect((await fetch(`/api/surveys/${survey.id}/submit`, { method: 'POST', headers, body: '{}' })).status).to.equal(200);
    }

    const el = await signedIn('moderator', `/panel/${survey.id}`);
    const page = await surveyPage(el, survey.id);
    expect(text($(page, '#status-heading'))).to.equal('Status: Öppen för alla');
    expect($(page, '.timeline li[data-step=reminded]'), 'open surveys are not reminded').to.equal(null);
    expect(text($(page, '.timeline li[data-step=sent] .what'))).to.equal('Öppnad för alla');
    await waitUntil(() => text($(page, '[data-respondents]')) === '3 svar', 'three answers', { timeout: 5000 });
    const single = $(page, '.question-result[data-question=besok]')!;
    expect($$<HTMLTableRowElement>(page, '#all-besok tbody tr').map((r) => [text(r.querySelector('th span')), text(r.cells[1])])).to.deep.equal([
      ['Ofta', '2'],
      ['Sällan', '1'],
    ]);
    expect(single.querySelectorAll('.bar').length, 'a bar per option').to.equal(2);
    // Free text as text, a line per answer; the empty one is left out.
    const texts = $$(page, '#all-onskan-answers li');
    expect(texts.map((li) => li.textContent)).to.deep.equal(['Fler <b>serier</b>', 'Längre öppet\npå söndagar']);
    expect($(page, '#all-onskan-answers b')).to.equal(null);
    // A scale: its average, with how many answered it, and its ends named (#20).
    expect(text($(page, '.question-result[data-question=nojd] [data-mean]'))).to.equal('Medelvärde: 4,5 av 5 (2 svar)');
    expect($$<HTMLTableRowElement>(page, '#all-nojd tbody tr').map((r) => text(r.querySelector('th span')))).to.deep.equal(['1 Inte alls', '2', '3', '4', '5 Mycket']);
    // Ranking: the mean place, most important first.
    expect($$<HTMLTableRowElement>(page, '#all-viktigast tbody tr').map((r) => [text(r.querySelector('th')), text(r.cells[1])])).to.deep.equal([
      ['Öppettider', '1,3'],
      ['Böcker', '2,0'],
      ['Studieplatser', '2,7'],
    ]);
    await expect(el).to.be.accessible();

    // By age band: no respondent said, and three is fewer than five.
    choose(page, '#breakdown', 'ageBand');
    await waitUntil(() => $(page, '.group [data-hidden]'), 'the groups', { timeout: 5000 });
    const groups = $$(page, 'section.group');
    expect(groups.length).to.be.greaterThan(0);
    for (const g of groups) {
      expect(text(g.querySelector('[data-hidden]'))).to.equal(
        'Gruppen visas inte, så att ingen kan pekas ut: färre än 5 har svarat i den, eller så skulle en sådan grupp gå att räkna fram ur summan.',
      );
    }
    expect(text(groups.at(-1)!.querySelector('h3'))).to.equal('Har inte angett');
    await expect(el).to.be.accessible();

    await step(el, page, '#close-survey', 'Enkäten är stängd.', 'Stängd');
    expect(stepDate(page, 'closed')).not.to.equal('');
  });
});
