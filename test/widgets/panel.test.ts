/// <reference types="mocha" />
import type { LitElement } from 'lit';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/panel/define.js';
import type { MedverkaPanel } from '../../widgets/panel/panel.element.js';
import type { MedverkaPanelJoinedDetail } from '../../widgets/shared/events.js';
import { $, expectChallengeOnlyOnceStarted, expectFits, expectLoadingOnlyWhenSlow, expectUnreachable, inNarrowColumn, resetPage, root, settled, type } from './resident.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api, hangingApi } from '/test-api.js';

/** What the widget shows once loaded: its form, or a message. */
const ready = 'form, .message:not([role=status])';
const loaded = <E extends LitElement>(el: E) => settled(el, ready);

async function panel(attrs: { lang?: string } = {}) {
  return loaded(await fixture<MedverkaPanel>(html`<medverka-panel api=${api as string} lang=${attrs.lang ?? 'sv'}></medverka-panel>`));
}

const submit = (el: MedverkaPanel) => $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
const legends = (el: MedverkaPanel) => [...root(el).querySelectorAll('legend')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());

describe('<medverka-panel>', () => {
  afterEach(async () => {
    await resetPage();
    await executeServerCommand('panel-districts', { districts: [] });
  });

  it('shows the joining form: optional name, required e-mail, age bands with "Vill inte svara", the consent text and box, and how to leave', async () => {
    const el = await panel();
    const heading = $(el, '[part=heading]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent).to.equal('Gå med i medborgarpanelen');
    expect($(el, 'label[for=name]')!.textContent).to.contain('(frivilligt)');
    expect($(el, 'label[for=email]')!.textContent).to.contain('(obligatoriskt)');
    expect($(el, 'label[for=consent]')!.textContent).to.contain('(obligatoriskt)');
    // The server's default age bands; districts are not asked unless configured.
    expect(legends(el)).to.deep.equal(['Din ålder (frivilligt)']);
    const ages = [...root(el).querySelectorAll('fieldset .choice label')].map((l) => l.textContent);
    expect(ages).to.deep.equal(['16–29', '30–49', '50–64', '65+', 'Vill inte svara']);
    expect($(el, '[part=consent]')!.textContent).to.contain('Vi sparar din e-postadress');
    expect($(el, '#consent')!.getAttribute('aria-describedby')).to.equal('consent-text');
    expect($(el, 'form')!.textContent).to.contain('Det finns en länk för det i varje mejl');
    await expect(el).to.be.accessible();
  });

  it('needs no attributes at all: the API is the server the widget came from', async () => {
    const el = await loaded(await fixture<MedverkaPanel>(html`<medverka-panel></medverka-panel>`));
    expect($(el, 'form')).not.to.equal(null);
  });

  it('asks for the district too when the municipality has listed districts', async () => {
    await executeServerCommand('panel-districts', { districts: ['Norr', 'Söder'] });
    const el = await panel();
    expect(legends(el)).to.deep.equal(['Din ålder (frivilligt)', 'Var du bor (frivilligt)']);
    expect([...root(el).querySelectorAll('#district-0, #district-1, #district-2')].map((i) => (i as HTMLInputElement).labels![0]!.textContent)).to.deep.equal([
      'Norr',
      'Söder',
      'Vill inte svara',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, announced, only when loading takes a while', async () => {
    const el = await fixture<MedverkaPanel>(html`<medverka-panel api=${hangingApi as string}></medverka-panel>`);
    await expectLoadingOnlyWhenSlow(el);
  });

  it('shows an error with a retry button when the server cannot be reached', () => expectUnreachable('medverka-panel', {}, 'panel', ready, 'Det gick inte att hämta'));

  it('validates on submit: an error summary linking to the e-mail field and the consent box', async () => {
    const el = await panel();
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('#summary a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['Skriv din e-postadress.', 'Kryssa i att du vill vara med i panelen.']);
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect($(el, '#consent')!.getAttribute('aria-describedby')).to.equal('consent-text consent-error');
    await expect(el).to.be.accessible();
    links[1]!.click();
    expect(root(el).activeElement).to.equal($(el, '#consent'));
  });

  it('says at the e-mail field when the server does not accept the address’s domain', async () => {
    const el = await panel();
    type(el, 'email', 'tillfallig@mailinator.com');
    $<HTMLInputElement>(el, '#consent')!.click();
    submit(el);
    await waitUntil(() => $(el, '#email-error'), 'the refusal is shown at the field', { timeout: 8000 });
    expect($(el, '#email-error')!.textContent).to.contain('Adresser från den här e-postdomänen tas inte emot');
    expect(root(el).activeElement?.id).to.equal('summary');
    await expect(el).to.be.accessible();
  });

  it('joins by keyboard: solves the proof of work, shows "check your e-mail", and the mailed link makes a member', async () => {
    const el = await panel();
    $<HTMLInputElement>(el, '#name')!.focus();
    await sendKeys({ type: 'Pia Panel' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('email');
    await sendKeys({ type: 'pia.panel@example.se' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('ageBand-0');
    await sendKeys({ press: 'ArrowDown' });
    expect($<HTMLInputElement>(el, '#ageBand-1')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('type')).to.equal('submit');
    const joined = oneEvent(el, 'medverka-panel-joined');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await joined) as CustomEvent<MedverkaPanelJoinedDetail>;
    expect(detail).to.deep.equal({ lang: 'sv' });
    await waitUntil(() => root(el).activeElement?.id === 'sent-heading', 'focus moves to the heading', { timeout: 8000 });
    expect($(el, '.sent')!.textContent).to.contain('pia.panel@example.se');
    expect($(el, '.sent')!.textContent).to.contain('längst ned i varje mejl');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    const { status } = (await executeServerCommand('follow-mailed-link', { to: 'pia.panel@example.se' })) as { status: number };
    expect(status).to.equal(200);
  });

  it('sends "Vill inte svara" as no answer', async () => {
    await executeServerCommand('panel-districts', { districts: ['Norr', 'Söder'] });
    const el = await panel();
    type(el, 'email', 'ingen.uppgift@example.se');
    $<HTMLInputElement>(el, '#ageBand-4')!.click();
    $<HTMLInputElement>(el, '#district-2')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#ageBand-4')!.checked).to.equal(true);
    $<HTMLInputElement>(el, '#consent')!.click();
    submit(el);
    await waitUntil(() => $(el, '#sent-heading'), 'check your e-mail', { timeout: 8000 });
  });

  it('does not fetch a challenge until the resident starts the form', async () => {
    await expectChallengeOnlyOnceStarted(() => panel(), '#email');
  });

  it('speaks English with lang="en", the consent text included', async () => {
    const el = await panel({ lang: 'en' });
    expect($(el, '[part=heading]')!.textContent).to.equal('Join the citizen panel');
    expect($(el, '[part=consent]')!.textContent).to.contain('We keep your e-mail address');
    expect($(el, 'label[for=ageBand-4]')!.textContent).to.equal('Prefer not to say');
    submit(el);
    await waitUntil(() => root(el).activeElement?.id === 'summary', 'focus moves to the summary');
    expect($(el, '#summary a')!.textContent).to.equal('Enter your e-mail address.');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px at 200 % text, with targets of at least 44 px', async () => {
    const wrap = await inNarrowColumn(html`<medverka-panel api=${api as string}></medverka-panel>`);
    const el = await loaded(wrap.querySelector('medverka-panel')!);
    expectFits(el, wrap, 'button, input, .choice, .consent', 'button, .choice');
  });

  it('keeps visible borders in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await panel();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(getComputedStyle($(el, 'form')!).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });
});
