/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { staffApi } from '../../widgets/console/kit/api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';

import { $, $$, announced, fakeApi as fakeBudgetApi, fill as fillField, focused, go, leaveConsole, lifecyclePage, listLoaded, navLabels, offeredTo, refusedTo, reply, screen, signedIn, signOut, solvedPow, takeStep, text, uniqueSlug } from './console-helpers.js';

// Every budget made here has a name of its own (the database is shared by all the widget test
// files, and other files seed budgets of their own).

/** The budget's page once it has loaded. */
const budgetPage = (el: MedverkaConsole, slug: string) => lifecyclePage(el, 'medverka-console-budget', 'slug', slug, 'budget');

/** The list once loaded, as its rows by budget name. */
async function listedRow(list: HTMLElement, slug: string): Promise<HTMLTableRowElement | undefined> {
  await listLoaded(list, 'the list has loaded', { orNotice: true });
  return $<HTMLTableRowElement>(list, `tbody tr[data-slug="${slug}"]`) ?? undefined;
}

/** Types into a field as a person would: input events, then change once left. */
const fill = (page: HTMLElement, selector: string, value: string) => fillField(page, selector, value, { leave: true });

/** The form's items (lines or projects) in order, by the key their fields' ids carry. */
const itemKeys = (page: HTMLElement) => $$(page, 'li[data-item]').map((li) => li.dataset.item!);
const districtKeys = (page: HTMLElement) => $$(page, 'li[data-district]').map((li) => li.dataset.district!);
const itemField = (page: HTMLElement, index: number, field: string) => `#f-i${itemKeys(page)[index]}-${field}`;

async function submitForm(page: HTMLElement) {
  $<HTMLButtonElement>(page, '#save-budget')!.click();
}

/** Opens the form for a new budget from the list, as staff do. */
async function newBudgetForm(el: MedverkaConsole): Promise<HTMLElement> {
  const list = await go(el, '#/budgets', 'medverka-console-budgets');
  $<HTMLAnchorElement>(list, '#new-budget')!.click();
  await waitUntil(() => screen(el)?.localName === 'medverka-console-budget', 'the form for a new budget', { timeout: 5000 });
  const page = screen(el);
  await waitUntil(() => focused() === $(page, 'h1'), 'focus is on the heading');
  expect(text($(page, 'h1'))).to.equal('Ny budget');
  return page;
}

/** Sends a ballot as the budget widget does (with a solved proof of work) and confirms it by its mailed link. */
async function vote(slug: string, email: string, ballot: { districtId?: number | null; projects?: number[]; allocations?: { itemId: number; amount: number }[] }) {
  const res = await fetch(`/api/budgets/${slug}/ballots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': await solvedPow() },
    body: JSON.stringify({ email, districtId: null, ...ballot }),
  });
  expect(res.status, await res.clone().text()).to.equal(202);
  const { status } = (await executeServerCommand('follow-mailed-link', { to: email })) as { status: number };
  expect(status).to.equal(200);
}

/** Steps a budget through a phase with its confirmation, as staff do. */
const step = (el: MedverkaConsole, page: HTMLElement, button: string, done: string, status: string) => takeStep(el, page, button, done, status, 'budget');

describe('<medverka-console> participatory budgets', function () {
  this.timeout(60000);

  afterEach(leaveConsole);

  it('is there for administrators and moderators, not for chat agents', async () => {
    const moderator = await offeredTo('moderator', 'Budgetar', '/budgets', 'medverka-console-budgets');
    expect(navLabels(moderator)[0], 'e-petitions still come first for moderators').to.equal('E-förslag');
    const list = screen(moderator);
    expect(text($(list, 'h1'))).to.equal('Budgetar');
    await listLoaded(list);
    await expect(moderator).to.be.accessible();
    await signOut(moderator);
    await signOut(await offeredTo('admin', 'Budgetar'));
    await refusedTo('agent', '/budgets', 'Budgetar');
  });

  it('shows the list loading, empty and failing, each accessibly (API stand-in)', async () => {
    let answer: () => Promise<Response> = () => new Promise<Response>(() => {});
    const restoreFetch = fakeBudgetApi(/^\/api\/staff\/budgets$/, () => answer());
    const el = await signedIn('moderator', '/budgets');
    const list = screen(el);
    await waitUntil(() => text(list.shadowRoot).includes('Laddar …'), 'loading');
    await expect(el).to.be.accessible();

    answer = () => reply(200, { budgets: [] });
    let again = await go(el, '#/petitions', 'medverka-console-petitions');
    again = await go(el, '#/budgets', 'medverka-console-budgets');
    await waitUntil(() => $(again, '.none'), 'the empty list');
    expect(text($(again, '.none'))).to.equal('Det finns inga budgetar än.');
    expect($(again, 'table')).to.equal(null);
    expect($(again, '#new-budget')!.getAttribute('href')).to.equal('#/budgets/_ny');
    await expect(el).to.be.accessible();

    answer = () => reply(500, { error: { status: 500, code: 'internal', message: 'boom' } });
    await go(el, '#/petitions', 'medverka-console-petitions');
    again = await go(el, '#/budgets', 'medverka-console-budgets');
    await waitUntil(() => $(again, '.notice.problem'), 'the problem is shown');
    expect(text($(again, '.notice.problem'))).to.contain('Något gick fel på servern.');
    await expect(el).to.be.accessible();

    // Trying again reaches the real server.
    restoreFetch();
    $$<HTMLButtonElement>(again, '.notice.problem button')[0]!.click();
    await listLoaded(again, 'the list after trying again');
  });

  it('shows a budget loading, and one that does not exist, accessibly', async () => {
    const restoreFetch = fakeBudgetApi(/^\/api\/staff\/budgets\/laddas-/, () => new Promise<Response>(() => {}));
    const el = await signedIn('admin', '/budgets/laddas-for-evigt');
    const page = screen(el);
    await waitUntil(() => text(page.shadowRoot).includes('Laddar …'), 'loading');
    expect(text($(page, 'h1'))).to.equal('laddas-for-evigt');
    await expect(el).to.be.accessible();
    restoreFetch();

    const unknown = uniqueSlug('finns-inte');
    location.hash = `#/budgets/${unknown}`;
    await waitUntil(() => screen(el)?.getAttribute('slug') === unknown, 'shows the unknown budget', { timeout: 5000 });
    const missing = screen(el);
    await waitUntil(() => $(missing, '.notice.problem'), 'the problem is shown', { timeout: 5000 });
    expect(text($(missing, '.notice.problem'))).to.contain('Det finns inte längre.');
    expect($(missing, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('creates a slider budget with two lines, showing first a problem the server found at its field, and opens it', async () => {
    const slug = uniqueSlug('reglage');
    const title = `Investeringar ${slug}`;
    const el = await signedIn('admin');
    const page = await newBudgetForm(el);
    expect(text($(page, '#preview-pending'))).to.contain('Förhandsvisningen visas när budgeten är sparad');
    expect($<HTMLInputElement>(page, '#f-mode-sliders')!.checked, 'sliders by default').to.equal(true);
    expect(itemKeys(page).length, 'one line to start with').to.equal(1);
    await expect(el).to.be.accessible();

    // Nothing filled in: what is missing is said at each field, before anything is sent.
    await submitForm(page);
    await waitUntil(() => focused() === $(page, '#budget-errors'), 'the summary takes focus');
    for (const id of ['#f-slug', '#f-title-sv', '#f-total', itemField(page, 0, 'title-sv'), itemField(page, 0, 'max'), itemField(page, 0, 'step')]) {
      const field = $<HTMLInputElement>(page, id)!;
      expect(field.getAttribute('aria-invalid'), id).to.equal('true');
      expect(field.getAttribute('aria-describedby'), id).to.contain(`${id.slice(1)}-error`);
      expect(text($(page, `${id}-error`)), id).to.contain('Fyll i det här fältet.');
    }
    expect($(page, '#f-title-en')!.getAttribute('aria-invalid')).to.equal('false');
    expect(text($(page, '#budget-errors'))).to.contain('Rad 1: Största belopp (kr): Fyll i det här fältet.');
    // The summary's links lead to the fields.
    $$<HTMLAnchorElement>(page, '#budget-errors a').find((a) => a.getAttribute('href') === '#f-total')!.click();
    expect(focused()).to.equal($(page, '#f-total'));
    await expect(el).to.be.accessible();

    fill(page, '#f-slug', slug);
    fill(page, '#f-title-sv', title);
    fill(page, '#f-title-en', 'Investments');
    fill(page, '#f-description-sv', 'Fördela tio miljoner kronor.');
    fill(page, '#f-total', '10000000');
    await waitUntil(() => $<HTMLInputElement>(page, '#f-total')!.value === '10\u00a0000\u00a0000', 'the amount is written the Swedish way');
    fill(page, '#f-total', '12,5');
    await submitForm(page);
    await waitUntil(() => text($(page, '#f-total-error')).includes('Skriv ett helt antal kronor'), 'a decimal comma is not whole kronor');
    fill(page, '#f-total', '10 000 000 kr');
    fill(page, itemField(page, 0, 'title-sv'), 'Lekplatser');
    fill(page, itemField(page, 0, 'title-en'), 'Playgrounds');
    fill(page, itemField(page, 0, 'image-url'), 'https://kommun.test/lek.jpg');
    fill(page, itemField(page, 0, 'image-alt-sv'), 'Barn i en gunga');
    fill(page, itemField(page, 0, 'max'), '5 000 000');
    fill(page, itemField(page, 0, 'step'), '500 000');
    // Above the maximum: for the server to find.
    fill(page, itemField(page, 0, 'start'), '6 000 000');
    $<HTMLButtonElement>(page, '#add-item')!.click();
    await waitUntil(() => itemKeys(page).length === 2, 'a second line');
    await waitUntil(() => focused() === $(page, itemField(page, 1, 'title-sv')), 'focus goes to the new line');
    await announced(el, 'Rad 2 har lagts till.');
    fill(page, itemField(page, 1, 'title-sv'), 'Belysning');
    fill(page, itemField(page, 1, 'max'), '3 000 000');
    fill(page, itemField(page, 1, 'step'), '500 000');
    fill(page, itemField(page, 1, 'start'), '1 000 000');

    await submitForm(page);
    const start = itemField(page, 0, 'start');
    await waitUntil(() => $(page, `${start}-error`), 'the server’s problem is shown at its field', { timeout: 5000 });
    await waitUntil(() => focused() === $(page, '#budget-errors'), 'the summary takes focus');
    expect(text($(page, `${start}-error`))).to.contain('Startbeloppet måste ligga mellan minimi- och maxbeloppet.');
    expect($(page, start)!.getAttribute('aria-invalid')).to.equal('true');
    const link = $$<HTMLAnchorElement>(page, '#budget-errors a');
    expect(link.map((a) => text(a))).to.deep.equal(['Rad 1: Lekplatser: Startbelopp (kr): Startbeloppet måste ligga mellan minimi- och maxbeloppet.']);
    expect(link[0]!.getAttribute('href')).to.equal(start);
    expect((await staffApi.budgets()).budgets.some((b) => b.slug === slug), 'nothing was saved').to.equal(false);
    await expect(el).to.be.accessible();

    fill(page, start, '2 000 000');
    await submitForm(page);
    await announced(el, `Budgeten ”${title}” är skapad som utkast.`);
    expect(location.hash).to.equal(`#/budgets/${slug}`);
    const saved = await budgetPage(el, slug);
    expect(text($(saved, 'h1'))).to.equal(title);
    expect(text($(saved, '#status-heading'))).to.equal('Status: Utkast');
    // A draft is previewed from the staff API, as residents will see it once open; nothing can be sent from it.
    const draftPreview = $(saved, '.preview-box medverka-budget')!;
    expect(text($(saved, '.preview .hint'))).to.contain('Invånarna ser ingenting av ett utkast');
    await waitUntil(() => draftPreview.shadowRoot?.querySelector('[part=heading]')?.textContent === title, 'the draft is shown in the real widget', { timeout: 8000 });
    expect((await fetch(`/api/budgets/${slug}`)).status, 'residents still see nothing').to.equal(404);
    const previewRoot = draftPreview.shadowRoot!;
    const previewEmail = previewRoot.querySelector<HTMLInputElement>('input[type=email]')!;
    previewEmail.value = 'forhandsvisning@example.se';
    previewEmail.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    previewRoot.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => (previewRoot.textContent ?? '').includes('Det här är en förhandsvisning: inget skickas.'), 'a preview sends nothing', { timeout: 5000 });
    expect($(saved, '[data-download]'), 'a draft has nothing to download').to.equal(null);
    expect($<HTMLInputElement>(saved, '#f-slug'), 'the name is set once').to.equal(null);
    expect(text($(saved, '.facts'))).to.contain(slug);
    expect(text($(saved, '.facts'))).to.contain('10 000 000 kr');
    await expect(el).to.be.accessible();

    const stored = (await staffApi.budget(slug)).budget;
    expect(stored.status).to.equal('draft');
    expect(stored.items.map((i) => [i.title.sv, i.title.en, i.min, i.max, i.step, i.start])).to.deep.equal([
      ['Lekplatser', 'Playgrounds', 0, 5_000_000, 500_000, 2_000_000],
      ['Belysning', null, 0, 3_000_000, 500_000, 1_000_000],
    ]);
    expect(stored.items[0]!.image).to.deep.equal({ url: 'https://kommun.test/lek.jpg', alt: { sv: 'Barn i en gunga', en: null } });

    // A draft may change in every way: a third line, saved.
    $<HTMLButtonElement>(saved, '#add-item')!.click();
    await waitUntil(() => itemKeys(saved).length === 3);
    fill(saved, itemField(saved, 2, 'title-sv'), 'Cykelvägar');
    fill(saved, itemField(saved, 2, 'min'), '1 000 000');
    fill(saved, itemField(saved, 2, 'max'), '2 000 000');
    fill(saved, itemField(saved, 2, 'step'), '500 000');
    fill(saved, itemField(saved, 2, 'start'), '1 000 000');
    await submitForm(saved);
    await announced(el, 'Budgeten är sparad.');
    expect((await staffApi.budget(slug)).budget.items.map((i) => i.title.sv)).to.deep.equal(['Lekplatser', 'Belysning', 'Cykelvägar']);

    await step(el, saved, '#open-budget', 'Budgeten är öppen. Invånarna kan rösta nu.', 'Öppen för röster');
    expect(text($(saved, '#locked-notice'))).to.contain('bara texter, bilder och sluttiden');
    expect($<HTMLInputElement>(saved, itemField(saved, 0, 'max'))!.readOnly, 'amounts stay as residents see them').to.equal(true);
    expect($<HTMLInputElement>(saved, '#f-total')!.readOnly).to.equal(true);
    expect($<HTMLInputElement>(saved, '#f-mode-projects')!.disabled).to.equal(true);
    expect($(saved, '#add-item'), 'no lines are added to an open budget').to.equal(null);
    expect($(saved, '[data-item] [data-action=remove]')).to.equal(null);
    // The preview is the real widget, showing the saved process.
    const preview = $(saved, '.preview-box medverka-budget')!;
    expect(preview.getAttribute('budget')).to.equal(slug);
    await waitUntil(() => text(preview.shadowRoot as unknown as Element).includes(title), 'the preview shows the budget', { timeout: 8000 });
    await waitUntil(() => $(saved, 'table.results'), 'the results so far');
    expect(text($(saved, '[data-count=participants]'))).to.equal('0');
    expect($$<HTMLTableRowElement>(saved, 'table.results tbody tr').map((r) => text(r.querySelector('th')))).to.deep.equal(['Lekplatser', 'Belysning', 'Cykelvägar']);
    await expect(el).to.be.accessible();

    // Texts still change once open.
    fill(saved, itemField(saved, 1, 'title-en'), 'Lighting');
    await submitForm(saved);
    await announced(el, 'Budgeten är sparad.');
    expect((await staffApi.budget(slug)).budget.items[1]!.title.en).to.equal('Lighting');

    // The downloads, with one pabulib file for a budget without districts.
    const hrefs = $$<HTMLAnchorElement>(saved, 'a[data-download]').map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal([`/api/staff/budgets/${slug}/ballots.csv`, `/api/staff/budgets/${slug}/results.csv`, `/api/staff/budgets/${slug}/pabulib`]);
    for (const href of hrefs) expect((await fetch(href!)).status, href!).to.equal(200);

    // And it is listed.
    const list = await go(el, '#/budgets', 'medverka-console-budgets');
    const row = await listedRow(list, slug);
    expect(row, 'the new budget is listed').not.to.equal(undefined);
    expect(text(row!.cells[0]!.querySelector('a'))).to.equal(title);
    expect([...row!.cells].slice(1).map((c) => text(c))).to.deep.equal(['Reglage', 'Öppen för röster', '10 000 000 kr', '0']);
    expect(row!.querySelector('a')!.getAttribute('href')).to.equal(`#/budgets/${slug}`);
    await expect(el).to.be.accessible();
  });

  it('creates a project budget with a district, closes it, and publishes the decision with a funded project', async () => {
    const slug = uniqueSlug('projekt');
    const title = `Stadsdelsprojekt ${slug}`;
    const el = await signedIn('moderator');
    const page = await newBudgetForm(el);
    fill(page, '#f-slug', slug);
    fill(page, '#f-title-sv', title);
    $<HTMLInputElement>(page, '#f-mode-projects')!.click();
    await waitUntil(() => $(page, '#f-rule-within') === null, 'projects have no rule to choose');
    expect($(page, itemField(page, 0, 'cost')), 'a project has a cost').not.to.equal(null);
    expect($(page, itemField(page, 0, 'max')), 'and no slider').to.equal(null);
    expect(text($(page, '#items-heading'))).to.equal('Projekt');

    $<HTMLButtonElement>(page, '#add-district')!.click();
    await waitUntil(() => districtKeys(page).length === 1, 'a district');
    const d = `#f-d${districtKeys(page)[0]}`;
    await waitUntil(() => focused() === $(page, `${d}-name-sv`), 'focus goes to the new district');
    fill(page, `${d}-name-sv`, 'Norr');
    fill(page, `${d}-name-en`, 'North');
    fill(page, `${d}-total`, '1 000 000');
    fill(page, '#f-total', '1 000 000');
    await waitUntil(() => text($(page, '#f-total-hint')).includes('Områdena har tillsammans 1 000 000 kr.'), 'the districts’ sum is shown');

    fill(page, itemField(page, 0, 'title-sv'), 'Utegym');
    fill(page, itemField(page, 0, 'cost'), '400 000');
    const district = $<HTMLSelectElement>(page, itemField(page, 0, 'district'))!;
    expect([...district.options].map((o) => text(o))).to.deep.equal(['Alla områden', 'Område 1: Norr']);
    district.value = districtKeys(page)[0]!;
    district.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(page, '#add-item')!.click();
    await waitUntil(() => itemKeys(page).length === 2);
    await announced(el, 'Projekt 2 har lagts till.');
    fill(page, itemField(page, 1, 'title-sv'), 'Parkbänkar');
    fill(page, itemField(page, 1, 'cost'), '0');
    const second = $<HTMLSelectElement>(page, itemField(page, 1, 'district'))!;
    expect(second.value, 'a new project is in every district').to.equal('');
    second.value = districtKeys(page)[0]!;
    second.dispatchEvent(new Event('input'));
    await submitForm(page);
    const cost = itemField(page, 1, 'cost');
    await waitUntil(() => $(page, `${cost}-error`), 'a project costs something', { timeout: 5000 });
    expect(text($(page, `${cost}-error`))).to.contain('Kostnaden måste vara mer än 0 kr.');
    fill(page, cost, '200 000');
    await submitForm(page);
    await announced(el, `Budgeten ”${title}” är skapad som utkast.`);
    const saved = await budgetPage(el, slug);

    const stored = (await staffApi.budget(slug)).budget;
    expect(stored.mode).to.equal('projects');
    expect(stored.districts.map((x) => [x.name.sv, x.name.en, x.total])).to.deep.equal([['Norr', 'North', 1_000_000]]);
    const norr = stored.districts[0]!.id;
    expect(stored.items.map((i) => [i.title.sv, i.districtId, i.cost])).to.deep.equal([
      ['Utegym', norr, 400_000],
      ['Parkbänkar', norr, 200_000],
    ]);

    await step(el, saved, '#open-budget', 'Budgeten är öppen. Invånarna kan rösta nu.', 'Öppen för röster');
    const [utegym, parkbankar] = stored.items.map((i) => i.id) as [number, number];
    await vote(slug, `projekt.${slug}@example.se`, { districtId: norr, projects: [utegym] });

    // The new ballot shows once the results are fetched again.
    $<HTMLButtonElement>(saved, '#refresh-results')!.click();
    await announced(el, 'Resultatet är uppdaterat.');
    await waitUntil(() => text($(saved, '[data-count=participants]')) === '1', 'the counts are fetched again');
    expect(text($(saved, '[data-count=sent]'))).to.equal('1');
    expect(text($(saved, '[data-count=confirmed]'))).to.equal('1');

    await step(el, saved, '#close-budget', 'Budgeten är stängd. Inga fler röster tas emot.', 'Stängd');
    expect($(saved, '#save-budget'), 'a closed budget is not edited').to.equal(null);
    await waitUntil(() => $(saved, 'table.results'), 'the results');
    const rows = () => $$<HTMLTableRowElement>(saved, 'table.results tbody tr').map((r) => [...r.cells].map((c) => text(c)));
    // One resident: too few for figures (the small-group rule), here as for residents.
    expect(rows()).to.deep.equal([
      ['Utegym', 'Norr', '400 000 kr', '–'],
      ['Parkbänkar', 'Norr', '200 000 kr', '–'],
    ]);
    expect(text($(saved, '.few'))).to.equal(
      '– betyder att färre än 5 personer var med där. Då visas inga siffror, varken här, för invånarna eller i resultatfilen, så att ingen kan räkna ut hur en enskild person röstade. Röstsedlarna (CSV) har alla röster.',
    );
    expect($$<HTMLTableRowElement>(saved, 'table.districts tbody tr').map((r) => [...r.cells].map((c) => text(c)))).to.deep.equal([['Norr', '1 000 000 kr', '–']]);
    expect(text($(saved, 'table.districts tfoot'))).to.contain('Totalt');
    expect(text($(saved, '[data-count=total-participants]'))).to.equal('1');
    await expect(el).to.be.accessible();

    // A decision is needed before anything is sent.
    $<HTMLButtonElement>(saved, '#publish-submit')!.click();
    await waitUntil(() => focused() === $(saved, '#publish-errors'), 'the summary takes focus');
    expect(text($(saved, '#publish-decision-sv-error'))).to.contain('Fyll i det här fältet.');
    expect($(saved, '#publish-decision-sv')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    fill(saved, '#publish-decision-sv', 'Kort');
    $<HTMLButtonElement>(saved, '#publish-submit')!.click();
    await waitUntil(() => text($(saved, '#publish-decision-sv-error')).includes('Skriv minst 10 tecken.'), 'too short');
    expect((await staffApi.budget(slug)).budget.status).to.equal('closed');

    const decision = 'Kommunfullmäktige beslutade att bygga utegymmet i Norr under 2027.';
    fill(saved, '#publish-decision-sv', decision);
    fill(saved, '#publish-decision-en', 'The council decided to build the outdoor gym in the north in 2027.');
    const funded = $<HTMLInputElement>(saved, `#publish-item-${utegym}`)!;
    expect(text(funded.closest('label'))).to.equal('Utegym (400 000 kr)');
    funded.click();
    await step(el, saved, '#publish-submit', 'Resultatet och kommunens beslut är publicerade.', 'Resultatet är publicerat');
    expect(text($(saved, '.decision'))).to.equal(decision);
    expect($(saved, '.decision-en')!.getAttribute('lang')).to.equal('en');
    await waitUntil(() => rows()[0]?.length === 5, 'the results say what is funded');
    expect(rows()).to.deep.equal([
      ['Utegym', 'Norr', '400 000 kr', '–', 'Ja'],
      ['Parkbänkar', 'Norr', '200 000 kr', '–', 'Nej'],
    ]);
    const published = (await staffApi.budget(slug)).budget;
    expect(published.status).to.equal('published');
    expect(published.results!.items.map((r) => [r.itemId, r.selected])).to.deep.equal([
      [utegym, true],
      [parkbankar, false],
    ]);
    const preview = $(saved, '.preview-box medverka-budget')!;
    await waitUntil(() => text(preview.shadowRoot as unknown as Element).includes(decision), 'the preview shows the outcome', { timeout: 8000 });
    await expect(el).to.be.accessible();

    // Downloads: one pabulib file per district.
    const links = $$<HTMLAnchorElement>(saved, 'a[data-download]');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      `/api/staff/budgets/${slug}/ballots.csv`,
      `/api/staff/budgets/${slug}/results.csv`,
      `/api/staff/budgets/${slug}/pabulib?district=${norr}`,
    ]);
    expect(text(links[2])).to.equal('Pabulib-fil för Norr (.pb)');
    const ballots = await fetch(links[0]!.href);
    expect(ballots.headers.get('content-type')).to.contain('text/csv');
    expect(await ballots.text()).not.to.contain('@example.se');
    const pb = await fetch(links[2]!.href);
    expect(pb.status).to.equal(200);
    expect(await pb.text()).to.contain('META');
  });

  it('adds, moves and removes lines and districts by keyboard, saying what happened and keeping focus', async () => {
    const el = await signedIn('admin');
    const page = await newBudgetForm(el);
    const press = (key: string) => sendKeys({ press: key });

    $<HTMLButtonElement>(page, '#add-item')!.focus();
    await press('Enter');
    await waitUntil(() => itemKeys(page).length === 2, 'a line is added by keyboard');
    await waitUntil(() => focused() === $(page, itemField(page, 1, 'title-sv')), 'focus goes to its title');
    await sendKeys({ type: 'Cykelbanor' });
    expect($<HTMLInputElement>(page, itemField(page, 1, 'title-sv'))!.value).to.equal('Cykelbanor');
    fill(page, itemField(page, 0, 'title-sv'), 'Lekplatser');
    const [first, second] = itemKeys(page) as [string, string];

    // Up: the line moves to the top, and focus stays with it (on "down", now that "up" is off).
    $<HTMLButtonElement>(page, `[data-item="${second}"] [data-action=up]`)!.focus();
    await press('Enter');
    await waitUntil(() => itemKeys(page)[0] === second, 'the line moved up');
    await announced(el, 'Rad 1: Cykelbanor är nu på plats 1 av 2.');
    expect(focused()).to.equal($(page, `[data-item="${second}"] [data-action=down]`));
    expect($<HTMLButtonElement>(page, `[data-item="${second}"] [data-action=up]`)!.disabled).to.equal(true);
    expect(text($(page, `#f-i${second}-heading`))).to.equal('Rad 1: Cykelbanor');
    await press('Enter');
    await waitUntil(() => itemKeys(page)[0] === first, 'and back down');
    expect(focused()).to.equal($(page, `[data-item="${second}"] [data-action=up]`));

    // Remove: focus goes to the line that took its place (here, the one before it).
    $<HTMLButtonElement>(page, `[data-item="${second}"] [data-action=remove]`)!.focus();
    await press('Enter');
    await waitUntil(() => itemKeys(page).length === 1, 'the line is removed');
    await announced(el, 'Rad 2: Cykelbanor har tagits bort.');
    expect(focused()).to.equal($(page, `#f-i${first}-heading`));
    expect($<HTMLButtonElement>(page, `[data-item="${first}"] [data-action=remove]`)!.disabled, 'the last line stays').to.equal(true);
    await expect(el).to.be.accessible();

    // Districts the same way; removing one puts its lines in every district.
    $<HTMLButtonElement>(page, '#add-district')!.focus();
    await press('Enter');
    await waitUntil(() => districtKeys(page).length === 1);
    await waitUntil(() => focused() === $(page, `#f-d${districtKeys(page)[0]}-name-sv`), 'focus goes to the district’s name');
    await sendKeys({ type: 'Norr' });
    const select = $<HTMLSelectElement>(page, itemField(page, 0, 'district'))!;
    select.value = districtKeys(page)[0]!;
    select.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(page, `[data-district="${districtKeys(page)[0]}"] [data-action=remove]`)!.focus();
    await press('Enter');
    await waitUntil(() => districtKeys(page).length === 0, 'the district is removed');
    await announced(el, 'Område 1: Norr har tagits bort. Det som låg i området gäller nu i alla områden.');
    expect(focused()).to.equal($(page, '#add-district'));
    expect($(page, itemField(page, 0, 'district')), 'no districts, no choice').to.equal(null);
  });

  it('offers open budgets, not drafts, in the embed builder, with the policy their proof of work needs', async () => {
    const el = await signedIn('moderator');
    const slug = uniqueSlug('inbaddad');
    const input = {
      slug,
      title: { sv: `Inbäddad ${slug}`, en: null },
      description: { sv: '', en: null },
      mode: 'projects' as const,
      total: 500_000,
      rule: 'within' as const,
      tolerance: 0,
      closesAt: null,
      districts: [],
      items: [{ district: null, title: { sv: 'Utegym', en: null }, description: { sv: '', en: null }, image: null, min: 0, max: 0, step: 1, start: 0, cost: 300_000 }],
    };
    await staffApi.createBudget(input);
    const draft = uniqueSlug('utkast');
    await staffApi.createBudget({ ...input, slug: draft });
    await staffApi.openBudget(slug);

    const embed = await go(el, '#/embed', 'medverka-console-embed');
    await waitUntil(() => $(embed, '#widget'), 'the builder is loaded', { timeout: 5000 });
    const widget = $<HTMLSelectElement>(embed, '#widget')!;
    widget.value = [...widget.options].find((o) => text(o) === 'Medborgarbudget')!.value;
    widget.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-budget budget='), 'the snippet follows the widget');
    expect(text($(embed, 'label[for=value]'))).to.equal('Vilken budget');
    const select = $<HTMLSelectElement>(embed, '#value')!;
    const offered = [...select.options].map((o) => o.value);
    expect(offered).to.include(slug);
    expect(offered, 'drafts cannot be embedded').not.to.include(draft);
    select.value = slug;
    select.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(embed, '#snippet-script')).includes(`budget="${slug}"`), 'the snippet follows the budget');
    expect(text($(embed, '#snippet-script'))).to.contain(`<medverka-budget budget="${slug}"></medverka-budget>`);
    const info = await staffApi.embedInfo();
    expect(text($(embed, '#snippet-iframe'))).to.contain(`/embed/budget/${slug}"`);
    expect(text($(embed, '#snippet-iframe'))).to.contain(`title="Inbäddad ${slug}"`);
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}; worker-src blob:`);
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html medverka-pow');
    const preview = $(embed, '.preview-box medverka-budget')!;
    await waitUntil(() => text(preview.shadowRoot as unknown as Element).includes(`Inbäddad ${slug}`), 'the preview is the real budget', { timeout: 8000 });
    await expect(el).to.be.accessible();

    const page = await fetch(`/embed/budget/${slug}`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain(`<medverka-budget budget="${slug}" `);
    expect(page.headers.get('content-security-policy')).to.contain('worker-src blob:');
  });

  it('speaks English', async () => {
    const el = await signedIn('moderator', '/budgets');
    document.documentElement.lang = 'en';
    const list = screen(el);
    await waitUntil(() => text($(list, 'h1')) === 'Budgets', 'the list is in English', { timeout: 5000 });
    expect(text($(list, '#new-budget'))).to.equal('New budget');
    const page = await go(el, '#/budgets/_ny', 'medverka-console-budget');
    expect(text($(page, 'h1'))).to.equal('New budget');
    expect(text($(page, 'label[for=f-total]'))).to.equal('The whole budget (SEK)');
    $<HTMLButtonElement>(page, '#save-budget')!.click();
    await waitUntil(() => $(page, '#f-slug-error'), 'the problems are shown');
    expect(text($(page, '#budget-errors'))).to.contain('Line 1: Largest amount (SEK)');
    await expect(el).to.be.accessible();
  });
});
