/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/budget/define.js';
import type { MedverkaBudget } from '../../widgets/budget/budget.element.js';
import type { PublicBudget } from '../../widgets/budget/budget-api.js';
import type { MedverkaBallotCastDetail } from '../../widgets/shared/events.js';
import { $, $$, expectChallengeOnlyOnceStarted, expectFits, expectNotFound, inNarrowColumn, itCopesWithAnUnreachableOrSlowServer, resetPage, root, sendTelling, settled } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';
import { seededBudgets as seeded } from './seeded.js';

/** Text with every kind of space (Intl writes no-break spaces) as a plain one. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The seeded processes as the API gives them, for their items' ids. */
const processes = {} as Record<keyof typeof seeded, PublicBudget>;

before(async () => {
  for (const [key, slug] of Object.entries(seeded)) {
    processes[key as keyof typeof seeded] = (await (await fetch(new URL(`api/budgets/${slug}`, api as string))).json()) as PublicBudget;
  }
});

/** The id of the seeded item with this Swedish title. */
const itemId = (which: keyof typeof seeded, title: string) => processes[which].items.find((i) => i.title.sv === title)!.id;
const districtId = (name: string) => processes.projects.districts.find((d) => d.name.sv === name)!.id;

// Not the "Laddar …" message (role=status), which shows when a load takes long, as on a busy machine.
/** What the widget shows once loaded: its heading, or a message. */
const ready = '[part=heading], .message:not([role=status])';
const loaded = <E extends LitElement>(el: E) => settled(el, ready);

async function budget(which: keyof typeof seeded | string, attrs: { lang?: string } = {}) {
  const slug = which in seeded ? seeded[which as keyof typeof seeded] : which;
  const el = await fixture<MedverkaBudget>(html`<medverka-budget budget=${slug} api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-budget>`);
  return loaded(el);
}

function type(el: MedverkaBudget, id: string, value: string, { commit = false } = {}) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
}

const submit = (el: MedverkaBudget) => $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
/** The tally in words, without its warning sign (which is hidden from screen readers). */
const tallyText = (el: MedverkaBudget) => plain($(el, '[part=tally]')!.textContent).replace(' ! ', ' ');
const leftText = (el: MedverkaBudget) => plain($(el, '.tally-left')!.textContent).replace(/^!\s*/, '');
const live = (el: MedverkaBudget) => $(el, '[aria-live=polite]')!;

describe('<medverka-budget>', () => {
  afterEach(resetPage);

  it('shows an open slider process: a native slider and an exact field per line, in kronor, with the rule and what is left', async () => {
    const el = await budget('within');
    const heading = $(el, '[part=heading]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent).to.equal('Investeringar 2027');
    expect($(el, '[part=status]')!.textContent).to.equal('Öppen');
    expect($(el, '.hint')!.textContent).to.match(/^\s*Du kan vara med till \d+ \w+ \d{4}/);
    expect($$(el, '[part=body] p').length).to.equal(2);
    expect(plain($(el, '.rule')!.textContent)).to.equal('Fördela högst 20 miljoner kronor. Du behöver inte använda allt.');
    expect(tallyText(el)).to.equal('Fördelat: 14 miljoner kronor av 20 miljoner kronor Kvar att fördela: 6 miljoner kronor.');

    const id = itemId('within', 'Lekplatser');
    const range = $<HTMLInputElement>(el, `#range-${id}`)!;
    expect(range.type).to.equal('range');
    expect([range.min, range.max, range.step, range.value]).to.deep.equal(['0', '10000000', '500000', '5000000']);
    expect(range.getAttribute('aria-valuetext')).to.equal('5 miljoner kronor');
    expect(range.labels![0]!.textContent).to.equal('Lekplatser');
    expect(range.getAttribute('aria-describedby')).to.equal(`limits-${id} desc-${id}`);
    expect(plain($(el, `#limits-${id}`)!.textContent)).to.equal('Från 0 kronor till 10 miljoner kronor');
    expect($(el, `#desc-${id}`)!.textContent).to.equal('Nya och upprustade lekplatser i alla stadsdelar.');
    const exact = $<HTMLInputElement>(el, `#amount-${id}`)!;
    expect(plain(exact.value)).to.equal('5 000 000');
    expect(exact.getAttribute('inputmode')).to.equal('numeric');
    expect(plain(exact.labels![0]!.textContent)).to.equal('Exakt belopp i kronor: Lekplatser');
    expect($<HTMLImageElement>(el, '.picture')!.alt).to.equal('Barn som klättrar i en klätterställning');
    expect($$(el, 'input[type=range]').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('is operated by keyboard: arrow keys, Page Up/Down, Home and End move a slider, and what is left is announced once the resident pauses', async () => {
    const el = await budget('within');
    const id = itemId('within', 'Cykelvägar');
    const range = $<HTMLInputElement>(el, `#range-${id}`)!;
    range.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(range.value).to.equal('5500000');
    expect(range.getAttribute('aria-valuetext')).to.equal('5,5 miljoner kronor');
    expect(plain($<HTMLInputElement>(el, `#amount-${id}`)!.value)).to.equal('5 500 000');
    expect(tallyText(el)).to.contain('Kvar att fördela: 5,5 miljoner kronor.');
    expect(live(el).textContent, 'not announced on every step').to.equal('');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(range.getAttribute('aria-valuetext')).to.equal('4,5 miljoner kronor');
    await waitUntil(() => live(el).textContent === 'Kvar att fördela: 6,5 miljoner kronor.', 'the amount left is announced', { timeout: 3000 });

    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(range.value).to.equal('10000000');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(range.value).to.equal('0');
    expect(range.getAttribute('aria-valuetext')).to.equal('0 kronor');
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(Number(range.value)).to.be.above(0);
    await waitUntil(() => live(el).textContent === leftText(el), 'the new amount left is announced', { timeout: 3000 });

    // Tab moves from the slider to its exact field.
    range.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal(`amount-${id}`);
  });

  it('shows going over at once and explains it, at the tally and at the line changed last; sending then lists it', async () => {
    const el = await budget('within');
    const playgrounds = itemId('within', 'Lekplatser');
    const cycling = itemId('within', 'Cykelvägar');
    $<HTMLInputElement>(el, `#range-${playgrounds}`)!.focus();
    await sendKeys({ press: 'End' });
    $<HTMLInputElement>(el, `#range-${cycling}`)!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    // 10 + 10 + 4 million: 4 million more than the 20 there is.
    const tally = $(el, '[part=tally]')!;
    expect(tally.classList.contains('over')).to.equal(true);
    expect(plain($(el, '.tally-sum')!.textContent)).to.equal('Fördelat: 24 miljoner kronor av 20 miljoner kronor');
    expect(leftText(el)).to.equal('Du har fördelat 4 miljoner kronor för mycket. Minska någon rad med minst så mycket.');
    const note = $(el, `#note-${cycling}`)!;
    expect(note.textContent).to.equal('Du har fördelat 4 miljoner kronor för mycket. Minska någon rad med minst så mycket.');
    expect($(el, `#range-${cycling}`)!.getAttribute('aria-describedby')).to.contain(`note-${cycling}`);
    expect($(el, `#note-${playgrounds}`), 'only at the line changed last').to.equal(null);
    await waitUntil(() => live(el).textContent!.startsWith('Du har fördelat 4 miljoner kronor för mycket.'), 'going over is announced', { timeout: 3000 });
    await expect(el).to.be.accessible();

    type(el, 'email', 'over@example.se');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    const link = $<HTMLAnchorElement>(el, '#summary a')!;
    expect(link.textContent).to.equal('Du har fördelat 4 miljoner kronor för mycket. Minska någon rad med minst så mycket.');
    expect(link.getAttribute('href')).to.equal('#tally');
    link.click();
    expect(root(el).activeElement?.id).to.equal('tally');
    await expect(el).to.be.accessible();

    // Back within: the explanation goes.
    $<HTMLInputElement>(el, `#range-${cycling}`)!.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(tally.classList.contains('over')).to.equal(false);
    expect($(el, `#note-${cycling}`)).to.equal(null);
  });

  it('takes an exact amount: the slider follows, and an amount off the line’s steps or range is corrected with an explanation', async () => {
    const el = await budget('within');
    const id = itemId('within', 'Belysning');
    type(el, 'amount-' + id, '6 000 000');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, `#range-${id}`)!.value, 'the slider follows while typing').to.equal('6000000');
    expect(tallyText(el)).to.contain('Kvar att fördela: 4 miljoner kronor.');
    type(el, 'amount-' + id, '6 300 000', { commit: true });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, `#range-${id}`)!.value).to.equal('6500000');
    expect(plain($<HTMLInputElement>(el, `#amount-${id}`)!.value)).to.equal('6 500 000');
    expect(plain($(el, `#note-${id}`)!.textContent)).to.equal(
      'Den här raden kan få från 0 kronor till 8 miljoner kronor, i steg om 500 000 kronor. Beloppet är nu 6,5 miljoner kronor.',
    );
    expect($(el, `#amount-${id}`)!.getAttribute('aria-describedby')).to.equal(`limits-${id} note-${id}`);
    type(el, 'amount-' + id, '99000000', { commit: true });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, `#range-${id}`)!.value).to.equal('8000000');
    type(el, 'amount-' + id, 'sex miljoner', { commit: true });
    await el.updateComplete;
    expect(plain($(el, `#note-${id}`)!.textContent)).to.equal('Skriv beloppet i hela kronor, med siffror. Det är kvar på 8 miljoner kronor.');
    await expect(el).to.be.accessible();
  });

  it('asks a balanced budget to be used in full, within its tolerance', async () => {
    const el = await budget('balanced');
    expect(plain($(el, '.rule')!.textContent)).to.equal('Fördela 10 miljoner kronor, varken mer eller mindre. Det får skilja högst 100 000 kronor.');
    // The lines start at 9 million: at least 900 000 more is needed.
    expect($(el, '[part=tally]')!.classList.contains('under')).to.equal(true);
    expect(tallyText(el)).to.contain('Fördela minst 900 000 kronor till. Hela budgeten ska användas.');
    await expect(el).to.be.accessible();
    const culture = itemId('balanced', 'Kultur och fritid');
    type(el, `amount-${culture}`, '2900000', { commit: true });
    await el.updateComplete;
    expect(tallyText(el)).to.contain('Budgeten går ihop: 100 000 kronor kvar, inom marginalen.');
    type(el, `amount-${culture}`, '3000000', { commit: true });
    await el.updateComplete;
    expect(tallyText(el)).to.contain('Budgeten går jämnt ut.');
    expect($(el, '[part=tally]')!.classList.contains('ok')).to.equal(true);
  });

  it('asks for a district first, then shows its projects and total; a project that does not fit says why, and can still be chosen', async () => {
    const el = await budget('projects');
    expect($(el, '[part=districts] legend')!.textContent).to.equal('Välj ditt område');
    expect($$(el, 'input[type=checkbox]').length, 'no projects before a district is chosen').to.equal(0);
    expect($(el, 'button[type=submit]')).to.equal(null);
    await expect(el).to.be.accessible();

    const north = districtId('Norr');
    $<HTMLInputElement>(el, `#district-${north}`)!.click();
    await el.updateComplete;
    const titles = $$(el, '[part=project] label').map((l) => l.textContent);
    expect(titles).to.deep.equal(['Utegym i Norrparken', 'Ny lekplats vid Norrskolan', 'Fler bänkar']);
    expect(plain($(el, '.rule')!.textContent)).to.equal('Välj de projekt du vill ha. Tillsammans får de kosta högst 3 miljoner kronor.');
    expect(tallyText(el)).to.equal('Valt för 0 kronor av 3 miljoner kronor Kvar att fördela: 3 miljoner kronor.');
    const gym = itemId('projects', 'Utegym i Norrparken');
    const playground = itemId('projects', 'Ny lekplats vid Norrskolan');
    expect($(el, `#cost-${gym}`)!.textContent).to.equal('Kostar 1,5 miljoner kronor');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, `#project-${gym}`)!.click();
    await el.updateComplete;
    expect(tallyText(el)).to.contain('Kvar att fördela: 1,5 miljoner kronor.');
    const box = $<HTMLInputElement>(el, `#project-${playground}`)!;
    expect(box.disabled, 'explained, never disabled').to.equal(false);
    expect(box.getAttribute('aria-describedby')).to.contain(`fit-${playground}`);
    expect(plain($(el, `#fit-${playground}`)!.textContent)).to.equal('Får inte plats just nu: det finns 1,5 miljoner kronor kvar. Välj bort något annat först om du vill ha med det här.');
    await expect(el).to.be.accessible();

    box.click();
    await el.updateComplete;
    expect($(el, '[part=tally]')!.classList.contains('over')).to.equal(true);
    expect(tallyText(el)).to.contain('Projekten du har valt kostar 500 000 kronor mer än budgeten. Välj bort något projekt.');

    // Söder: its own projects and total; the one in every district is still chosen-able.
    $<HTMLInputElement>(el, `#district-${districtId('Söder')}`)!.click();
    await el.updateComplete;
    expect($$(el, '[part=project] label').map((l) => l.textContent)).to.deep.equal(['Belysning i Söderskogen', 'Hundrastgård', 'Fler bänkar']);
    expect(tallyText(el)).to.equal('Valt för 0 kronor av 2 miljoner kronor Kvar att fördela: 2 miljoner kronor.');
  });

  it('sends a ballot: proof of work, 202, "check your e-mail" with focus, the event; the mailed link counts it; the resident may send again', async () => {
    const el = await budget('within');
    const id = itemId('within', 'Belysning');
    $<HTMLInputElement>(el, `#range-${id}`)!.focus();
    await sendKeys({ press: 'ArrowRight' });
    type(el, 'email', 'dora.dahl@example.se');
    const detail = await sendTelling<MedverkaBallotCastDetail>(el, 'medverka-ballot-cast', () => submit(el));
    expect(detail).to.deep.equal({ budget: seeded.within, districtId: null });
    await waitUntil(() => root(el).activeElement?.id === 'sent-heading', 'focus moves to the heading', { timeout: 8000 });
    expect($(el, '#sent-heading')!.textContent).to.equal('Kolla din e-post');
    const sent = plain($(el, '.sent')!.textContent);
    expect(sent).to.contain('dora.dahl@example.se');
    expect(sent).to.contain('Det är den senaste du bekräftar som räknas.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();

    const { status } = (await executeServerCommand('follow-mailed-link', { to: 'dora.dahl@example.se' })) as { status: number };
    expect(status).to.equal(200);

    // "Ändra min budget": the form again, as the resident left it.
    $<HTMLButtonElement>(el, '.sent button')!.click();
    await waitUntil(() => root(el).activeElement?.id === 'tally', 'focus goes back to the tally');
    expect($<HTMLInputElement>(el, `#range-${id}`)!.value).to.equal('4500000');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('dora.dahl@example.se');
  });

  it('sends a project ballot for the chosen district', async () => {
    const el = await budget('projects');
    $<HTMLInputElement>(el, `#district-${districtId('Söder')}`)!.click();
    await el.updateComplete;
    $<HTMLInputElement>(el, `#project-${itemId('projects', 'Hundrastgård')}`)!.click();
    $<HTMLInputElement>(el, `#project-${itemId('projects', 'Fler bänkar')}`)!.click();
    type(el, 'email', 'erik.ek@example.se');
    const cast = oneEvent(el, 'medverka-ballot-cast');
    submit(el);
    const { detail } = (await cast) as CustomEvent<MedverkaBallotCastDetail>;
    expect(detail).to.deep.equal({ budget: seeded.projects, districtId: districtId('Söder') });
    await waitUntil(() => $(el, '#sent-heading'), 'check your e-mail', { timeout: 8000 });
    const { status } = (await executeServerCommand('follow-mailed-link', { to: 'erik.ek@example.se' })) as { status: number };
    expect(status).to.equal(200);
  });

  it('validates before sending: a district, at least one project, an e-mail address, in a focused summary that links to each', async () => {
    const el = await budget('projects');
    // No district yet: nothing to send (the form has no button), so choose one and leave the rest.
    $<HTMLInputElement>(el, `#district-${districtId('Norr')}`)!.click();
    await el.updateComplete;
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    // A group named by its heading (aria-labelledby names nothing on a role-less div), and it has focus.
    const summary = $(el, '#summary')!;
    expect(summary.getAttribute('role')).to.equal('group');
    const names = summary.getAttribute('aria-labelledby')!.split(' ').map((id) => plain(root(el).getElementById(id)?.textContent));
    expect(names).to.deep.equal(['Rätta det här innan du skickar']);
    expect(root(el).activeElement).to.equal(summary);
    const links = $$<HTMLAnchorElement>(el, '#summary a');
    expect(links.map((a) => a.textContent)).to.deep.equal(['Välj minst ett projekt.', 'Skriv din e-postadress.']);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#tally', '#email']);
    const email = $<HTMLInputElement>(el, '#email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    await expect(el).to.be.accessible();
    links[1]!.click();
    expect(root(el).activeElement).to.equal(email);
    type(el, 'email', 'inte en adress');
    submit(el);
    await waitUntil(() => $(el, '#email-error')?.textContent === 'Skriv e-postadressen så här: namn@exempel.se.', 'a malformed address is named');
  });

  it('maps the server’s rule refusal to the line it names, in a focused summary', async () => {
    const el = await budget('within');
    const id = itemId('within', 'Lekplatser');
    // An amount off the line's steps, as an outdated page might send: only the server can refuse it.
    (el as unknown as { amounts: Map<number, number> }).amounts = new Map([[id, 1_234_567]]);
    type(el, 'email', 'fredrik@example.se');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'the refusal is shown', { timeout: 8000 });
    const link = $<HTMLAnchorElement>(el, '#summary a')!;
    expect(link.getAttribute('href')).to.equal(`#range-${id}`);
    expect(plain(link.textContent)).to.match(/^Den här raden kan få från 0 kronor till 10 miljoner kronor, i steg om 500 000 kronor\./);
    expect($(el, `#note-${id}`)!.classList.contains('field-error')).to.equal(true);
    expect($(el, `#range-${id}`)!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    link.click();
    expect(root(el).activeElement?.id).to.equal(`range-${id}`);
  });

  it('shows a closed process without a form', async () => {
    const el = await budget('closed');
    expect($(el, '[part=status]')!.textContent).to.equal('Stängd');
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.closed')!.textContent).to.equal('Omröstningen har stängt. Resultatet visas här när kommunen har publicerat det.');
    await expect(el).to.be.accessible();
  });

  it('shows published slider results: participants, the decision, and average and median per line as bars and in a table', async () => {
    const el = await budget('published');
    expect($(el, '[part=status]')!.textContent).to.equal('Resultatet är klart');
    expect($(el, 'form')).to.equal(null);
    // The results take the place of the invitation to share out the money.
    expect($(el, '[part=body]'), 'no invitation beside the results').to.equal(null);
    const results = $(el, '[part=results]')!;
    expect(results.querySelector('#results-heading')!.getAttribute('aria-level')).to.equal('3');
    // Five confirmed ballots; the unconfirmed one does not count.
    expect($(el, '.participants')!.textContent).to.equal('5 personer var med.');
    expect($$(el, '.decision p').map((p) => p.textContent)).to.deep.equal([
      'Kommunfullmäktige beslutade den 10 december att satsa 3 miljoner kronor på belysning.',
      'Trygghetsvandringarna fortsätter som förut.',
    ]);
    const chart = $(el, '.chart')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.contain('Siffrorna finns i tabellen under.');
    expect(chart.querySelectorAll('svg.bar').length).to.equal(3);
    expect(plain($(el, 'caption')!.textContent)).to.equal('Genomsnitt och median per rad');
    const rows = $$(el, 'tbody tr').map((tr) => [...tr.children].map((c) => plain(c.textContent)));
    // Belysning: 3, 2, 4, 2.5 and 3 million; walks 1, 2, 0.5, 1, 1; cameras 1, 0.5, 1.5, 2, 1.
    expect(rows).to.deep.equal([
      ['Belysning', '2 900 000', '3 000 000'],
      ['Trygghetsvandringar', '1 100 000', '1 000 000'],
      ['Kameror vid stationen', '1 200 000', '1 000 000'],
    ]);
    expect(plain($(el, '.bar-value')!.textContent)).to.equal('Genomsnitt 2,9 miljoner kronor, median 3 miljoner kronor');
    const wrap = $(el, '.table-wrap')!;
    expect([wrap.getAttribute('role'), wrap.getAttribute('tabindex')]).to.deep.equal(['region', '0']);
    await expect(el).to.be.accessible();
  });

  it('shows published project results: votes per project and what the municipality carries out', async () => {
    const el = await budget('publishedProjects');
    expect($(el, '.participants')!.textContent).to.equal('5 personer var med.');
    const rows = $$(el, 'tbody tr').map((tr) => [...tr.children].map((c) => plain(c.textContent)));
    expect(rows).to.deep.equal([
      ['Lekplats i Västerparken', '1 500 000', '3', 'Genomförs'],
      ['Vattenlek vid badet', '1 000 000', '3', 'Genomförs'],
      ['Linbana i skogen', '1 200 000', '2', 'Genomförs inte'],
    ]);
    expect($$(el, '.bar-value').map((p) => plain(p.textContent))).to.deep.equal(['3 röster (60 %)', '3 röster (60 %)', '2 röster (40 %)']);
    expect($$(el, '.badge').length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('shows published results per district, each table told apart by its district', async () => {
    const el = await budget('publishedDistricts');
    const regions = $$(el, '.table-wrap[role=region]');
    expect(regions.length).to.equal(3);
    const names = regions.map((r) =>
      r
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => plain(root(el).getElementById(id)!.textContent))
        .join(' '),
    );
    expect(names).to.deep.equal(['Röster per projekt Norr', 'Röster per projekt Söder', 'Röster per projekt Alla områden']);
    await expect(el).to.be.accessible();
  });

  it('shows no votes from a district where fewer than five took part, and says why in plain words', async () => {
    const el = await budget('publishedDistricts');
    expect($(el, '.participants')!.textContent).to.equal('6 personer var med.');
    const groups = $$(el, '.result-group');
    const rowsOf = (g: HTMLElement) => [...g.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => plain(c.textContent)));
    // Norr: five took part, its figures are shown.
    expect(plain(groups[0]!.querySelector('p')!.textContent)).to.equal('5 personer var med.');
    expect(rowsOf(groups[0]!)).to.deep.equal([['Pulkabacke', '600 000', '5', 'Genomförs']]);
    expect(groups[0]!.querySelectorAll('svg.bar').length).to.equal(1);
    // Söder: one resident; the decision is shown, their vote is not (nor a bar drawn from it).
    expect(plain(groups[1]!.querySelector('.few')!.textContent)).to.equal(
      'Färre än 5 personer var med här. Därför visar vi inte hur de röstade: ingen ska kunna räkna ut hur en enskild person har röstat.',
    );
    expect(rowsOf(groups[1]!)).to.deep.equal([['Badbrygga', '700 000', '–', 'Genomförs']]);
    expect(groups[1]!.querySelector('svg.bar')).to.equal(null);
    expect(plain(groups[1]!.textContent)).not.to.contain('1 person');
    // Everywhere: six took part.
    expect(rowsOf(groups[2]!)).to.deep.equal([['Fler papperskorgar', '200 000', '3', 'Genomförs inte']]);
    await expect(el).to.be.accessible();

    const english = await budget('publishedDistricts', { lang: 'en' });
    expect(plain($(english, '.few')!.textContent)).to.equal(
      'Fewer than 5 people took part here. So we do not show how they voted: no one should be able to work out how a single person voted.',
    );
    await expect(english).to.be.accessible();
  });

  it('says so when there is no such budget (or it is a draft), and tells the page', () =>
    expectNotFound('medverka-budget', { api: api as string, budget: 'finns-inte' }, 'budget', ready, (message) =>
      expect(message.textContent).to.equal('Budgeten finns inte, eller har inte öppnat ännu.'),
    ));

  itCopesWithAnUnreachableOrSlowServer('medverka-budget', { budget: 'x' }, ready, 'Det gick inte att hämta budgeten just nu.');

  it('does not fetch a challenge until the resident starts', async () => {
    await expectChallengeOnlyOnceStarted(() => budget('within'), 'input[type=range]', 'starting fetches one');
  });

  it('speaks English with lang="en"', async () => {
    const el = await budget('within', { lang: 'en' });
    expect($(el, '[part=heading]')!.textContent).to.equal('Investments 2027');
    expect($(el, '[part=status]')!.textContent).to.equal('Open');
    expect(tallyText(el)).to.equal('Shared out: 14 million kronor of 20 million kronor Left to share out: 6 million kronor.');
    const id = itemId('within', 'Lekplatser');
    const range = $<HTMLInputElement>(el, `#range-${id}`)!;
    expect(range.labels![0]!.textContent).to.equal('Playgrounds');
    range.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(range.getAttribute('aria-valuetext')).to.equal('5.5 million kronor');
    await waitUntil(() => live(el).textContent === 'Left to share out: 5.5 million kronor.', 'announced in English', { timeout: 3000 });
    type(el, `amount-${id}`, '6,000,000', { commit: true });
    await el.updateComplete;
    expect(range.value, 'English digit groups are read').to.equal('6000000');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#summary a')!.textContent).to.equal('Enter your e-mail address.');
    await expect(el).to.be.accessible();

    const results = await budget('published', { lang: 'en' });
    expect($(results, '.participants')!.textContent).to.equal('5 people took part.');
    expect(plain($(results, 'caption')!.textContent)).to.equal('Average and median per line');
    expect($$(results, 'tbody tr')[0]!.textContent).to.contain('2,900,000');
    await expect(results).to.be.accessible();
  });

  it('fits 320 px at 200 % text, with targets of at least 44 px', async () => {
    for (const which of ['within', 'projects'] as const) {
      const wrap = await inNarrowColumn(html`<medverka-budget budget=${seeded[which]} api=${api as string}></medverka-budget>`);
      const el = await loaded(wrap.querySelector('medverka-budget')!);
      if (which === 'projects') {
        $<HTMLInputElement>(el, 'input[type=radio]')!.click();
        await el.updateComplete;
      }
      expectFits(el, wrap, 'button, input, .choice, [part=line], [part=project], [part=tally]', 'button, .choice, input[type=range], input[type=email], input[inputmode]', `${which}: `);
    }
  });

  it('prints the results whole, and no form or button', async () => {
    await setViewport({ width: 320, height: 640 });
    const results = await budget('published');
    const open = await budget('within');
    await emulateMedia({ media: 'print' });
    const wrap = $(results, '.table-wrap')!;
    expect(getComputedStyle(wrap).overflowX, 'a table is not cut off at the edge of the paper').to.equal('visible');
    expect(getComputedStyle($(results, '.bar-row')!).breakInside).to.equal('avoid');
    expect(getComputedStyle($(results, 'tbody tr')!).breakInside).to.equal('avoid');
    expect(getComputedStyle($(results, '.chart')!).display, 'the bars are printed').not.to.equal('none');
    for (const node of $$(open, 'form, button')) expect(node.getClientRects().length, `${node.outerHTML.slice(0, 60)} is not printed`).to.equal(0);
    expect($$(open, 'form').length).to.equal(1);
    await emulateMedia({ media: 'screen' });
    expect(getComputedStyle($(open, 'form')!).display).not.to.equal('none');
  });

  it('keeps visible borders and bars in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await budget('within');
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(getComputedStyle($(el, '[part=line]')!).borderTopStyle).to.equal('solid');
    expect(getComputedStyle($(el, '[part=tally]')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
    const results = await budget('published');
    const fill = getComputedStyle($(results, '.bar-fill')!).fill;
    const track = getComputedStyle($(results, '.bar-track')!).fill;
    expect(fill, 'the bar stands out from its track').not.to.equal(track);
    await expect(results).to.be.accessible();
  });
});
