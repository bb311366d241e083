/// <reference types="mocha" />
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { request, staffApi, type StaffTileSet, type TileInput } from '../../widgets/console/kit/api.js';
import { injectedSelector, xssCorpus } from '../xss-corpus.js';
import type { MedverkaTiles } from '../../widgets/tiles/tiles.element.js';

import { $, $$, announced, focused, go, leaveConsole, navLabels, openConsole, root, screen, shows, signedIn, signedInAsNew, signInForm, staff, submitSignIn, text } from './console-helpers.js';
import { seededPetitions } from './seeded.js';

type Win = Window & { __xss?: number };

let setCount = 0;
/** A tile set of its own for a test that changes tiles; made through the API as the admin. */
async function newTileSet(titles: (string | [sv: string, en: string])[]): Promise<StaffTileSet> {
  const slug = `test-${Date.now().toString(36)}-${++setCount}`;
  await staffApi.createTileSet(slug, `Testsamling ${setCount}`, null);
  for (const title of titles) {
    const [titleSv, titleEn] = typeof title === 'string' ? [title, null] : title;
    const tile: TileInput = { titleSv, titleEn, icon: 'info', targetKind: 'link', href: `/sida/${encodeURIComponent(titleSv)}` };
    await staffApi.createTile(slug, tile);
  }
  return (await staffApi.tileSet(slug)).tileSet;
}

/** The admin's editor of a new tile set of `titles`, with its form for one tile more open. */
async function newTileForm(titles: string[]) {
  const el = await signedIn('admin');
  const set = await newTileSet(titles);
  const editor = await go(el, `#/tiles/${set.slug}`, 'medverka-console-tile-set');
  await waitUntil(() => $(editor, '#add-tile'), 'the set is loaded');
  $<HTMLButtonElement>(editor, '#add-tile')!.click();
  await waitUntil(() => $(editor, 'medverka-console-tile-form'), 'the form opens');
  const form = $(editor, 'medverka-console-tile-form')!;
  await (form as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  return { el, editor, form };
}

/** The preview's tile titles once it shows `expected`. */
async function previewShows(editor: HTMLElement, expected: string) {
  const titles = () => {
    const widget = $<MedverkaTiles>(editor, 'medverka-tiles');
    return widget?.shadowRoot ? [...widget.shadowRoot.querySelectorAll('.grid .title')].map((t) => text(t)) : [];
  };
  await waitUntil(() => titles().includes(expected), `the preview shows “${expected}”`, { timeout: 5000 });
  return titles();
}

describe('<medverka-console>', function () {
  this.timeout(30000);

  afterEach(async () => {
    await leaveConsole();
    delete (window as Win).__xss;
    await setViewport({ width: 800, height: 600 });
    await executeServerCommand('forced-colors', { active: false });
  });

  it('asks for sign-in; a wrong password gets an error summary that takes focus', async () => {
    const el = await openConsole();
    const form = signInForm(el);
    expect(text($(form, 'h1'))).to.equal('Logga in');
    expect($(el, 'nav'), 'no navigation before sign-in').to.equal(null);
    expect($(el, 'main')).not.to.equal(null);
    await expect(el).to.be.accessible();

    await submitSignIn(el, staff.admin.email, 'fel-lösenord-123');
    await waitUntil(() => $(form, '.error-summary'), 'the summary appears', { timeout: 8000 });
    const summary = $(form, '.error-summary')!;
    await waitUntil(() => root(form).activeElement === summary, 'the summary takes focus');
    expect(text(summary)).to.contain('E-postadressen eller lösenordet stämmer inte.');
    await expect(el).to.be.accessible();
  });

  it('says how long to wait after too many failed sign-ins', async () => {
    // An account of its own, so the others are not locked out.
    const email = 'finns-inte@kommun.test';
    for (let i = 0; i < 10; i++) await staffApi.signIn(email, 'fel-lösenord-123').catch(() => undefined);
    const el = await openConsole();
    const form = signInForm(el);
    await submitSignIn(el, email, 'fel-lösenord-123');
    await waitUntil(() => root(form).activeElement?.classList.contains('error-summary'), 'the summary takes focus', { timeout: 8000 });
    expect(text($(form, '.error-summary'))).to.match(/För många misslyckade försök\. Vänta (\d+ minuter|en minut) och försök igen\./);
  });

  it('checks the fields before asking the server, and ties each error to its field', async () => {
    const el = await openConsole();
    const form = signInForm(el);
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => root(form).activeElement?.classList.contains('error-summary'), 'the summary takes focus');
    const email = $<HTMLInputElement>(form, '#email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('email-error');
    expect(text($(form, '#email-error'))).to.contain('Fyll i det här fältet.');
    // The summary's link moves focus to the field without touching the console's routes.
    $<HTMLAnchorElement>(form, '.error-summary a')!.click();
    expect(root(form).activeElement).to.equal(email);
    expect(location.hash).to.equal('');
  });

  it('signs in, shows the shell with the person and role, and moves focus to the screen heading', async () => {
    const el = await signedIn('admin');
    expect(text($(el, 'header'))).to.contain('Medverka – personal');
    expect(text($(el, '.who'))).to.contain('Anna Admin');
    expect(text($(el, '.who'))).to.contain('Administratör');
    // The daily work first, then administration.
    expect(navLabels(el)).to.deep.equal(['E-förslag', 'Budgetar', 'Snabbfrågor', 'Medborgarpanel', 'Chatt', 'Rutor', 'Användare', 'Händelselogg', 'Bädda in', 'Mitt konto']);
    expect(location.hash).to.equal('#/petitions');
    expect($(el, 'nav a[aria-current=page]')!.textContent!.trim()).to.equal('E-förslag');
    const heading = () => $(screen(el), 'h1');
    await waitUntil(() => focused() === heading(), 'focus is on the screen heading');
    expect(document.title).to.equal('E-förslag – Medverka – personal');

    await go(el, '#/account', 'medverka-console-account');
    await waitUntil(() => focused() === heading(), 'focus follows navigation to the new heading');
    expect(text(heading())).to.equal('Mitt konto');

    $<HTMLButtonElement>(el, '.sign-out')!.click();
    await waitUntil(() => $(el, 'medverka-console-sign-in'), 'back at the sign-in form');
    await announced(el, 'Du är utloggad.');
    await expectRejection(staffApi.me(), 401);
  });

  it('shows each role only the screens it may use', async () => {
    const moderator = await signedIn('moderator');
    expect(navLabels(moderator)).to.deep.equal(['E-förslag', 'Budgetar', 'Snabbfrågor', 'Medborgarpanel', 'Bädda in', 'Mitt konto']);
    expect(location.hash).to.equal('#/petitions');
    expect(text($(moderator, '.who'))).to.contain('Moa Moderator');
    await go(moderator, '#/users', 'h1');
    expect(text(screen(moderator))).to.equal('Ingen åtkomst');
    await staffApi.signOut();
    moderator.remove();

    const agent = await signedIn('agent', '/tiles');
    expect(navLabels(agent)).to.deep.equal(['Chatt', 'Bädda in', 'Mitt konto']);
    expect(text($(agent, 'main h1'))).to.equal('Ingen åtkomst');
    expect(text($(agent, '.who'))).to.contain('Chatthandläggare');
  });

  it('speaks English when switched, and says so on <html lang>', async () => {
    const el = await signedIn('admin');
    const english = $<HTMLButtonElement>(el, 'button.language')!;
    expect(text(english)).to.equal('In English');
    expect(english.lang).to.equal('en');
    english.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => navLabels(el)[0] === 'E-petitions', 'the navigation is in English');
    expect(document.documentElement.lang).to.equal('en');
    expect(text($(el, '.brand'))).to.equal('Medverka – staff');
    await waitUntil(() => text($(screen(el), 'h1')) === 'E-petitions', 'the screen follows');
    const swedish = $<HTMLButtonElement>(el, 'button.language')!;
    expect(text(swedish)).to.equal('På svenska');
    expect(swedish.lang).to.equal('sv');
    await waitUntil(() => focused() === swedish, 'focus stays on the language button');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => navLabels(el)[0] === 'E-förslag', 'back in Swedish');
  });

  it('lists the tile sets and creates a new one', async () => {
    const el = await signedIn('admin', '/tiles');
    const list = screen(el);
    await waitUntil(() => $(list, 'table'), 'the list is loaded');
    expect(text($(list, 'table'))).to.contain('engagera-dig');
    await expect(el).to.be.accessible();

    const slug = `ny-${Date.now().toString(36)}`;
    $<HTMLInputElement>(list, '#new-slug')!.value = 'Fel Namn';
    $<HTMLButtonElement>(list, 'form button[type=submit]')!.click();
    await waitUntil(() => root(list).activeElement?.classList.contains('error-summary'), 'the summary takes focus');
    expect(text($(list, '.error-summary'))).to.contain('Namn i koden: Använd 1–64 tecken');
    expect(text($(list, '.error-summary'))).to.contain('Titel på svenska: Fyll i det här fältet.');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(list, '#new-slug')!.value = slug;
    $<HTMLInputElement>(list, '#new-title-sv')!.value = 'Ny samling';
    $<HTMLButtonElement>(list, 'form button[type=submit]')!.click();
    const editor = await shows(el, 'medverka-console-tile-set');
    expect(location.hash).to.equal(`#/tiles/${slug}`);
    await waitUntil(() => text($(editor, 'h1')) === 'Ny samling', 'the new set opens');
    await announced(el, 'Rutsamlingen ”Ny samling” är skapad.');
  });

  it('edits a tile in an accessible form, and the preview shows the saved title', async () => {
    const el = await signedIn('admin');
    // A copy of two demo tiles: the widgets' own tests read the demo set as seeded.
    const set = await newTileSet([
      ['Jag vill förbättra kommunen', 'I want to improve the municipality'],
      ['Jag vill engagera mig politiskt', 'I want to get involved in politics'],
    ]);
    const editor = await go(el, `#/tiles/${set.slug}`, 'medverka-console-tile-set');
    await waitUntil(() => $$(editor, '.tiles > li').length > 0, 'the tiles are listed');
    await previewShows(editor, 'Jag vill engagera mig politiskt');

    const second = $$(editor, '.tiles > li')[1]!;
    second.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await waitUntil(() => $(editor, 'medverka-console-tile-form'), 'the form opens');
    const form = $(editor, 'medverka-console-tile-form')!;
    await waitUntil(() => focused() === $(form, 'h2'), 'focus moves to the form');
    expect(text($(form, 'h2'))).to.equal('Ändra rutan ”Jag vill engagera mig politiskt”');
    expect($$(form, 'input[name=icon]').length).to.equal(14);
    expect($<HTMLInputElement>(form, '#tile-icon-info')!.checked).to.equal(true);
    expect($(form, 'label[for=tile-icon-landmark] svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();

    const title = $<HTMLInputElement>(form, '#tile-title-sv')!;
    title.value = '';
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => root(form).activeElement?.classList.contains('error-summary'), 'a missing title is summarised');
    expect(title.getAttribute('aria-describedby')).to.equal('tile-title-sv-error');
    await expect(el).to.be.accessible();

    title.value = 'Jag vill påverka politiken';
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => !$(editor, 'medverka-console-tile-form'), 'the form closes');
    await announced(el, 'Rutan ”Jag vill påverka politiken” är sparad.');
    const titles = await previewShows(editor, 'Jag vill påverka politiken');
    expect(titles).not.to.include('Jag vill engagera mig politiskt');
    await waitUntil(() => focused() === $$(editor, '.tiles > li')[1]!.querySelector('[data-action=edit]'), 'focus returns to the tile');

    // The preview speaks English on request, with the English title staff wrote.
    $<HTMLInputElement>(editor, '#preview-en')!.click();
    await previewShows(editor, 'I want to get involved in politics');
  });

  it('shows server-side field errors beside the field they belong to', async () => {
    const { el, form } = await newTileForm(['Första']);
    $<HTMLInputElement>(form, '#tile-title-sv')!.value = 'Farlig länk';
    $<HTMLInputElement>(form, '#tile-href')!.value = 'javascript:alert(1)';
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => $(form, '#tile-href-error'), 'the server’s issue is shown beside the address', { timeout: 5000 });
    expect(text($(form, '#tile-href-error'))).to.contain('Skriv en adress som börjar med https://');
    expect($(form, '#tile-href')!.getAttribute('aria-describedby')).to.equal('tile-href-hint tile-href-error');
    expect(root(form).activeElement).to.equal($(form, '.error-summary'));
    expect(text($(form, '.error-summary'))).to.contain('Adress:');
    await expect(el).to.be.accessible();
  });

  it('moves tiles by keyboard, announcing the new position and keeping focus on the tile', async () => {
    const el = await signedIn('admin');
    const set = await newTileSet(['Ett', 'Två', 'Tre']);
    const editor = await go(el, `#/tiles/${set.slug}`, 'medverka-console-tile-set');
    const order = () => $$(editor, '.tiles > li h3').map((h) => text(h).replace(/ \(.*\)$/, ''));
    await waitUntil(() => order().length === 3, 'the tiles are listed');
    expect($$(editor, '.tiles > li')[0]!.querySelector<HTMLButtonElement>('[data-action=up]')!.disabled).to.equal(true);

    const down = $$(editor, '.tiles > li')[0]!.querySelector<HTMLButtonElement>('[data-action=down]')!;
    expect(text(down)).to.equal('Flytta ned ”Ett”');
    down.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => order()[1] === 'Ett', 'the tile moves down');
    expect(order()).to.deep.equal(['Två', 'Ett', 'Tre']);
    await announced(el, '”Ett” är nu på plats 2 av 3.');
    await waitUntil(() => focused() === $$(editor, '.tiles > li')[1]!.querySelector('[data-action=down]'), 'focus stays on the moved tile');

    await sendKeys({ press: 'Space' });
    await waitUntil(() => order()[2] === 'Ett', 'the tile moves to the bottom');
    await announced(el, '”Ett” är nu på plats 3 av 3.');
    // At the bottom "move down" is disabled, so focus goes to "move up" of the same tile.
    await waitUntil(() => focused() === $$(editor, '.tiles > li')[2]!.querySelector('[data-action=up]'), 'focus moves to “move up”');
    expect((await staffApi.tileSet(set.slug)).tileSet.tiles.map((t) => t.titleSv)).to.deep.equal(['Två', 'Tre', 'Ett']);
    await previewShows(editor, 'Ett');
    await expect(el).to.be.accessible();
  });

  it('hides a tile, and deletes one only after an accessible confirmation', async () => {
    const el = await signedIn('admin');
    const set = await newTileSet(['Behåll', 'Ta bort mig']);
    const editor = await go(el, `#/tiles/${set.slug}`, 'medverka-console-tile-set');
    await waitUntil(() => $$(editor, '.tiles > li').length === 2, 'the tiles are listed');
    await previewShows(editor, 'Behåll');

    $$(editor, '.tiles > li')[0]!.querySelector<HTMLButtonElement>('[data-action=hide]')!.click();
    await announced(el, '”Behåll” är dold för invånare.');
    expect(text($$(editor, '.tiles > li')[0]!.querySelector('[data-action=hide]'))).to.equal('Visa ”Behåll”');
    await previewShows(editor, 'Ta bort mig');
    const widget = $<MedverkaTiles>(editor, 'medverka-tiles')!;
    await waitUntil(() => ![...widget.shadowRoot!.querySelectorAll('.title')].some((t) => text(t) === 'Behåll'), 'the preview leaves the hidden tile out');

    const deleteButton = () => $$(editor, '.tiles > li')[1]!.querySelector<HTMLButtonElement>('[data-action=delete]')!;
    deleteButton().click();
    await waitUntil(() => focused() === $(editor, '#confirm-question'), 'focus moves to the question');
    expect(text($(editor, '#confirm-question'))).to.equal('Vill du ta bort rutan ”Ta bort mig”? Det går inte att ångra.');
    expect($(editor, '.confirm')!.getAttribute('role')).to.equal('group');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !$(editor, '.confirm'), 'Avbryt closes the question');
    expect(focused()).to.equal(deleteButton());
    expect($$(editor, '.tiles > li').length).to.equal(2);

    deleteButton().click();
    await waitUntil(() => $(editor, '[data-action=confirm-delete]'), 'asks again');
    $<HTMLButtonElement>(editor, '[data-action=confirm-delete]')!.click();
    await waitUntil(() => $$(editor, '.tiles > li').length === 1, 'the tile is gone');
    await announced(el, '”Ta bort mig” är borttagen.');
  });

  it('renders a hostile tile title as text, in the console and in the preview', async () => {
    const payload = '<img src=x onerror=window.__xss=1>';
    const { el, editor, form } = await newTileForm(['Vanlig']);
    $<HTMLInputElement>(form, '#tile-title-sv')!.value = payload;
    $<HTMLInputElement>(form, '#tile-description-sv')!.value = '<script>window.__xss=1</script>';
    $<HTMLInputElement>(form, '#tile-href')!.value = 'https://www.kommun.se/';
    $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
    await waitUntil(() => $$(editor, '.tiles > li').length === 2, 'the tile is added');
    await announced(el, `Rutan ”${payload}” är tillagd.`);
    await previewShows(editor, payload);
    await aTimeout(50);

    expect(text($$(editor, '.tiles > li')[1]!.querySelector('h3'))).to.contain(payload);
    expect($(editor, 'img, script')).to.equal(null);
    expect($(el, '[role=status]')!.querySelector('img')).to.equal(null);
    const widget = $<MedverkaTiles>(editor, 'medverka-tiles')!;
    expect(widget.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as Win).__xss).to.equal(undefined);
    // Tile links are never followed from the console itself: shown as text only.
    expect($$(editor, '.tiles a').length).to.equal(0);
  });

  it('keeps a whole corpus of hostile text inert in the editor, the preview, the users list and the log', async () => {
    const el = await signedIn('admin');
    const set = await newTileSet([]);
    const post = (path: string, body: unknown) =>
      fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    for (const [i, payload] of xssCorpus.entries()) {
      const res = await post(`/api/staff/tile-sets/${set.slug}/tiles`, {
        titleSv: payload,
        titleEn: payload,
        descriptionSv: payload,
        icon: 'info',
        targetKind: 'link',
        href: `/sida-${i}`,
      });
      expect(res.status, payload).to.equal(201);
    }
    expect((await post('/api/staff/users', { email: `xss${Date.now()}@kommun.test`, name: xssCorpus[0], role: 'moderator', password: 'ett-långt-lösenord' })).status).to.equal(201);

    const editor = await go(el, `#/tiles/${set.slug}`, 'medverka-console-tile-set');
    await waitUntil(() => $$(editor, '.tiles > li').length === xssCorpus.length, 'every tile is listed');
    await waitUntil(() => $<MedverkaTiles>(editor, 'medverka-tiles')?.shadowRoot?.querySelectorAll('.grid .tile').length === xssCorpus.length, 'the preview shows them');
    await aTimeout(50);
    expect(root(editor).querySelectorAll(injectedSelector).length, 'nothing injected in the editor').to.equal(0);
    expect($<MedverkaTiles>(editor, 'medverka-tiles')!.shadowRoot!.querySelectorAll(injectedSelector).length).to.equal(0);
    for (const payload of xssCorpus) expect(text($(editor, '.tiles'))).to.contain(payload.trim());

    const users = await go(el, '#/users', 'medverka-console-users');
    await waitUntil(() => text($(users, '.users')).includes(xssCorpus[0]!), 'the hostile name is listed as text');
    expect(root(users).querySelectorAll(injectedSelector).length).to.equal(0);
    const log = await go(el, '#/audit', 'medverka-console-audit');
    await waitUntil(() => (root(log).textContent ?? '').includes('tile.create'), 'the log is shown');
    expect(root(log).querySelectorAll(injectedSelector).length).to.equal(0);
    expect((window as Win).__xss).to.equal(undefined);
  });

  it('manages users: lists them, adds one, and refuses a taken e-mail beside the field', async () => {
    const el = await signedIn('admin', '/users');
    const users = screen(el);
    await waitUntil(() => $$(users, '.users > li').length >= 3, 'the users are listed');
    expect(text($(users, '.users'))).to.contain('Moa Moderator');
    await expect(el).to.be.accessible();

    const email = `ny.${Date.now().toString(36)}@kommun.test`;
    const fill = () => {
      $<HTMLInputElement>(users, '#new-email')!.value = email;
      $<HTMLInputElement>(users, '#new-name')!.value = 'Nils Ny';
      $<HTMLSelectElement>(users, '#new-role')!.value = 'chat_agent';
      $<HTMLInputElement>(users, '#new-password')!.value = 'ett-långt-lösenord';
      $<HTMLButtonElement>(users, 'form button[type=submit]')!.click();
    };
    fill();
    await announced(el, 'Nils Ny är tillagd som chatthandläggare.');
    await waitUntil(() => text($(users, '.users')).includes(email), 'the new user is listed', { timeout: 5000 });

    fill();
    // The server hashes the password before it finds the address taken: as slow as adding a user.
    await waitUntil(() => $(users, '#new-email-error'), 'the taken e-mail is shown beside its field', { timeout: 5000 });
    expect(text($(users, '#new-email-error'))).to.contain('Det finns redan en användare med den e-postadressen.');
    expect(root(users).activeElement).to.equal($(users, '#new-errors'));
    await expect(el).to.be.accessible();

    // Change the new user's role, then disable them.
    const card = () => $$(users, '.users > li').find((li) => text(li).includes(email))!;
    card().querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await waitUntil(() => card().querySelector('select'), 'the edit form opens');
    card().querySelector<HTMLSelectElement>('select')!.value = 'moderator';
    card().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await announced(el, 'Ändringarna för Nils Ny är sparade.');
    expect(text(card())).to.contain('Moderator');
    card().querySelector<HTMLButtonElement>('[data-action=disable]')!.click();
    await announced(el, 'Nils Ny är inaktiverad och kan inte logga in.');
    expect(text(card())).to.contain('Inaktiverad');
    // The signed-in administrator cannot disable themselves from here.
    const self = $$(users, '.users > li').find((li) => text(li).includes(staff.admin.email))!;
    expect(self.querySelector('[data-action=disable]')).to.equal(null);
  });

  it('shows the audit log, newest first', async () => {
    const el = await signedIn('admin', '/audit');
    const audit = screen(el);
    await waitUntil(() => $(audit, 'tbody tr'), 'the log is loaded');
    const first = $$(audit, 'tbody tr')[0]!;
    const cells = [...first.querySelectorAll('td')].map((td) => text(td));
    expect(cells[1]).to.equal(staff.admin.email);
    expect(cells[2], 'the event in words, its code beside').to.equal('Loggade in staff.sign-in');
    expect(text($(audit, 'h1 + p'))).to.equal(
      'Vem som har gjort vad, och när: inloggningar, ändringar av användare och rutor, stegen för e-förslag, budgetar, snabbfrågor och enkäter, svarsmallar i chatten, nedladdningar och raderade personuppgifter. Det som gjorts från kommandoraden finns också här, som gjort av systemet.',
    );
    // Changes are told in words, and so is what they concern.
    const email = `logg.${Date.now().toString(36)}@kommun.test`;
    const { user } = await staffApi.createUser({ email, name: 'Logg Person', role: 'moderator', password: 'ett-långt-lösenord' });
    $<HTMLButtonElement>(audit, '.actions button')!.click();
    await waitUntil(() => text($$(audit, 'tbody tr')[0]).includes('Skapade en användare'), 'the new event is listed in words');
    const created = [...$$(audit, 'tbody tr')[0]!.querySelectorAll('td')].map((td) => text(td));
    expect(created.slice(2, 4)).to.deep.equal(['Skapade en användare staff.create', `Användare ${user.id}`]);
    document.documentElement.lang = 'en';
    await waitUntil(() => text($$(audit, 'tbody tr')[0]).includes('Created a user'), 'and in English');
    expect([...$$(audit, 'tbody tr')[0]!.querySelectorAll('td')].map((td) => text(td))[3]).to.equal(`User ${user.id}`);
    const times = $$(audit, 'tbody time').map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    await expect(el).to.be.accessible();
  });

  it('builds the embed snippet for a tile set, with a live preview of the real widget', async () => {
    const el = await signedIn('moderator', '/embed');
    const embed = screen(el);
    await waitUntil(() => $(embed, '#value'), 'the builder is loaded');
    const info = await staffApi.embedInfo();
    const select = $<HTMLSelectElement>(embed, '#value')!;
    select.value = 'engagera-dig';
    select.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(embed, '#snippet-script')).includes('set="engagera-dig"'), 'the snippet follows the choice');

    const script = text($(embed, '#snippet-script'));
    expect(script).to.contain(`src="${info.loaderUrl}"`);
    expect(script).to.contain('<medverka-tiles set="engagera-dig"></medverka-tiles>');
    // The SRI hash is offered, not ticked (test/widgets/console-embed.test.ts).
    expect(script).not.to.contain('integrity=');
    expect(text($(embed, '#snippet-iframe'))).to.contain(`/embed/tiles/engagera-dig"`);
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}`);
    expect(text($(embed, '#snippet-csp-iframe'))).to.equal(`frame-src ${info.origin}`);
    expect(Boolean($(embed, '#origins-warning'))).to.equal(info.allowedOrigins.length === 0);
    await previewShows(embed, 'Jag vill engagera mig ideellt');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(embed, '#lang-en')!.click();
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-tiles set="engagera-dig" lang="en">'), 'English in the snippet');
    expect(text($(embed, '#snippet-iframe'))).to.contain('/embed/tiles/engagera-dig?lang=en"');
    await previewShows(embed, 'I want to volunteer');

    $<HTMLInputElement>(embed, '#use-accent')!.click();
    await waitUntil(() => $(embed, '#accent-hex'), 'the colour fields appear');
    const hex = $<HTMLInputElement>(embed, '#accent-hex')!;
    hex.value = '#00664f';
    hex.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(embed, '#snippet-css')).includes('--medverka-color-accent: #00664f;'), 'a CSS rule, not a style attribute');
    expect(script).not.to.contain('style=');
    const widget = $<MedverkaTiles>(embed, 'medverka-tiles')!;
    expect(widget.style.getPropertyValue('--medverka-color-accent')).to.equal('#00664f');

    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    try {
      $<HTMLButtonElement>(embed, '[data-copy=script]')!.click();
      await announced(el, 'Kopierat');
      expect(copied).to.equal($(embed, '#snippet-script')!.textContent);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('builds the embed snippets for e-petitions, with the policy their proof of work needs', async () => {
    const el = await signedIn('moderator', '/embed');
    const embed = screen(el);
    await waitUntil(() => $(embed, '#value'), 'the builder is loaded');
    const info = await staffApi.embedInfo();
    const petition = info.petitions.find((p) => p.title === seededPetitions.open);
    if (!petition) throw new Error('the open seeded petition is not offered');
    const shadowText = (tag: string) => text($(embed, tag)?.shadowRoot as unknown as Element);
    const chooseWidget = (label: string) => {
      const widget = $<HTMLSelectElement>(embed, '#widget')!;
      widget.value = [...widget.options].find((o) => text(o) === label)!.value;
      widget.dispatchEvent(new Event('input'));
    };

    chooseWidget('E-förslag');
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-petition petition='), 'the snippet follows the widget');
    expect(text($(embed, 'label[for=value]'))).to.equal('Vilket e-förslag');
    const select = $<HTMLSelectElement>(embed, '#value')!;
    // The public petitions, and nothing else.
    expect([...select.options].map((o) => o.value)).to.deep.equal(info.petitions.map((p) => String(p.id)));
    select.value = String(petition.id);
    select.dispatchEvent(new Event('input'));
    await waitUntil(() => text($(embed, '#snippet-script')).includes(`petition="${petition.id}"`), 'the snippet follows the petition');
    expect(text($(embed, '#snippet-script'))).to.contain(`<medverka-petition petition="${petition.id}"></medverka-petition>`);
    const iframe = text($(embed, '#snippet-iframe'));
    expect(iframe).to.contain(`/embed/petition/${petition.id}"`);
    expect(iframe).to.contain(`title="${petition.title}"`);
    expect(iframe).to.contain('height="1200"');
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}; worker-src blob:`);
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html medverka-pow');
    expect(text($(embed, '#snippet-csp-iframe'))).to.equal(`frame-src ${info.origin}`);
    await waitUntil(() => shadowText('medverka-petition').includes(petition.title), 'the preview is the real petition', { timeout: 5000 });
    await expect(el).to.be.accessible();

    // The iframe's address is a page that holds the same element and lets it make its worker.
    const page = await fetch(`/embed/petition/${petition.id}`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain(`<medverka-petition petition="${petition.id}" `);
    expect(page.headers.get('content-security-policy')).to.contain('worker-src blob:');

    chooseWidget('Alla e-förslag');
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-petitions></medverka-petitions>'), 'the list has no attribute');
    expect($(embed, '#value'), 'nothing to choose').to.equal(null);
    expect(text($(embed, '#widget-about'))).to.contain('skriva ett eget förslag');
    expect(text($(embed, '#snippet-iframe'))).to.contain('/embed/petitions/alla"');
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}; worker-src blob:`);
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html medverka-pow');
    await waitUntil(() => shadowText('medverka-petitions').includes(petition.title), 'the preview is the real list', { timeout: 5000 });
    await expect(el).to.be.accessible();
    expect((await fetch('/embed/petitions/alla')).status).to.equal(200);

    $<HTMLInputElement>(embed, '#lang-en')!.click();
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-petitions lang="en"></medverka-petitions>'), 'English in the snippet');
    expect(text($(embed, '#snippet-iframe'))).to.contain('/embed/petitions/alla?lang=en"');

    // Back to the tiles: a tile set again, and only Lit's policy.
    chooseWidget('Engagemangsrutor');
    await waitUntil(() => text($(embed, '#snippet-script')).includes('<medverka-tiles set='), 'the tiles again');
    expect(info.tileSets.map((t) => t.slug)).to.include($<HTMLSelectElement>(embed, '#value')!.value);
    expect(text($(embed, '#snippet-csp-script'))).to.equal(`script-src ${info.origin}; connect-src ${info.origin}`);
    expect(text($(embed, '#snippet-csp-trusted-types'))).to.equal('trusted-types lit-html');
  });

  it('changes the password, refusing a wrong current one, and signs out everywhere', async () => {
    const { el, email } = await signedInAsNew('konto', { name: 'Kim Konto', role: 'moderator', password: 'första-lösenordet' });
    const account = await go(el, '#/account', 'medverka-console-account');
    await expect(el).to.be.accessible();

    const submit = (current: string, next: string, again: string) => {
      $<HTMLInputElement>(account, '#current-password')!.value = current;
      $<HTMLInputElement>(account, '#new-password')!.value = next;
      $<HTMLInputElement>(account, '#repeat-password')!.value = again;
      $<HTMLButtonElement>(account, 'form:has(#current-password) button[type=submit]')!.click();
    };
    submit('första-lösenordet', 'andra-lösenordet', 'andra-lösenordett');
    await waitUntil(() => $(account, '#repeat-password-error'), 'a mistyped repeat is caught');
    expect(text($(account, '#repeat-password-error'))).to.contain('Lösenorden är inte likadana.');

    submit('fel-lösenord', 'andra-lösenordet', 'andra-lösenordet');
    await waitUntil(() => $(account, '#current-password-error'), 'a wrong current password is shown beside its field', { timeout: 8000 });
    expect(text($(account, '#current-password-error'))).to.contain('Det nuvarande lösenordet stämmer inte.');
    await expect(el).to.be.accessible();

    submit('första-lösenordet', 'andra-lösenordet', 'andra-lösenordet');
    await announced(el, 'Lösenordet är bytt.');
    expect($(account, '.error-summary')).to.equal(null);

    $<HTMLButtonElement>(account, 'button.danger')!.click();
    await waitUntil(() => $(el, 'medverka-console-sign-in'), 'signed out');
    await announced(el, 'Du är utloggad överallt.');
    await expectRejection(staffApi.me(), 401);
    await staffApi.signIn(email, 'andra-lösenordet');
  });

  it('lets staff set the name residents see in the chat, or none; the header follows', async () => {
    const { el, email } = await signedInAsNew('namn', { name: 'Tillfälligt', role: 'chat_agent', password: 'första-lösenordet' });
    const account = await go(el, '#/account', 'medverka-console-account');
    const input = $<HTMLInputElement>(account, '#display-name')!;
    expect(input.value).to.equal('Tillfälligt');
    expect(text($(account, 'label[for=display-name]'))).to.equal('Ditt namn');
    expect(input.getAttribute('aria-describedby')).to.equal('display-name-hint');
    expect(text($(account, '#display-name-hint'))).to.equal('Invånare ser namnet när du svarar i chatten. Lämna fältet tomt, så står det ”Kommunen” i stället.');
    await expect(el).to.be.accessible();

    const save = (name: string) => {
      input.value = name;
      $<HTMLButtonElement>(account, 'form:has(#display-name) button[type=submit]')!.click();
    };
    save('x'.repeat(101));
    await waitUntil(() => $(account, '#display-name-error'), 'too long is said beside the field');
    expect(text($(account, '#display-name-error'))).to.contain('Skriv högst 100 tecken.');
    await waitUntil(() => focused() === $(account, '#name-errors'), 'focus moves to the summary');
    await expect(el).to.be.accessible();

    save('  Kim Karlsson ');
    await announced(el, 'Namnet är sparat.');
    expect(text($(el, '.who'))).to.contain('Kim Karlsson');
    expect((await staffApi.me()).user.name).to.equal('Kim Karlsson');

    save('');
    await waitUntil(() => text($(el, '.who')).includes(email), 'a nameless account is shown by its address');
    expect((await staffApi.me()).user.name).to.equal('');
  });

  it('counts what waits for review beside the daily work, in words for screen readers, without moving the navigation', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await signedIn('admin', '/account');
    const link = (path: string) => $$<HTMLAnchorElement>(el, 'nav a').find((a) => a.getAttribute('href') === `#/${path}`)!;
    await waitUntil(() => link('panel').dataset.count !== undefined, 'the counts are read');
    expect(['petitions', 'panel', 'chat'].map((p) => link(p).dataset.count !== undefined)).to.deep.equal([true, true, true]);
    expect(['budgets', 'polls', 'tiles', 'users', 'audit', 'embed', 'account'].some((p) => link(p).dataset.count !== undefined), 'only screens where something waits for review').to.equal(false);
    const drafts = Number(link('panel').dataset.count);
    const geometry = () => [$(el, 'nav')!, ...$$(el, 'nav a')].map((e) => JSON.stringify(e.getBoundingClientRect()));
    const before = geometry();

    // A survey drafted elsewhere waits for approval; the count follows at the next step in the console.
    const survey = {
      title: { sv: 'Parkerna', en: null },
      intro: { sv: '', en: null },
      audience: 'panel',
      pages: [{ questions: [{ id: 'p', type: 'single', text: { sv: 'Vilken park?', en: null }, options: [{ sv: 'A', en: null }, { sv: 'B', en: null }], required: true }] }],
    };
    await request('POST', '/api/staff/surveys', survey);
    await go(el, '#/embed', 'medverka-console-embed');
    await waitUntil(() => link('panel').dataset.count === String(drafts + 1), 'the new draft is counted');
    expect(link('panel').className).to.equal('waiting');
    expect(text(link('panel')), 'the name stays the screen’s').to.equal('Medborgarpanel');
    expect(text($(el, `#${link('panel').getAttribute('aria-describedby')}`))).to.equal(`${drafts + 1} att godkänna`);
    if (drafts + 1 < 100) expect(geometry(), 'the count moves nothing').to.deep.equal(before);
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'en';
    await waitUntil(() => text($(el, `#${link('panel').getAttribute('aria-describedby')}`)) === `${drafts + 1} to approve`, 'in English too');
  });

  it('goes back to sign-in, saying why, when the session ends elsewhere', async () => {
    const el = await signedIn('admin', '/users');
    await waitUntil(() => $$(screen(el), '.users > li').length > 0, 'the users are listed');
    await staffApi.signOut(); // as if from another tab
    location.hash = '#/audit';
    await waitUntil(() => $(el, 'medverka-console-sign-in'), 'asks for sign-in again');
    const form = signInForm(el);
    await waitUntil(() => text($(form, '.notice')).includes('Du har loggats ut.'), 'says why');
  });

  it('fits a 320 px screen without sideways scrolling, with targets of at least 44 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await signedIn('admin', '/tiles/engagera-dig');
    const fits = async (what: string) => {
      await aTimeout(50);
      expect(document.documentElement.scrollWidth, `${what} fits`).to.be.at.most(320);
    };
    const editor = screen(el);
    await waitUntil(() => $$(editor, '.tiles > li').length > 0, 'the tiles are listed');
    await previewShows(editor, 'Jag vill engagera mig ideellt');
    await fits('the tile set editor');
    for (const button of [...$$(el, 'button, nav a'), ...$$(editor, 'button')]) {
      const box = button.getBoundingClientRect();
      if (box.width === 0) continue;
      expect(box.height, text(button)).to.be.at.least(44);
    }
    $$(editor, '.tiles > li')[0]!.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    await waitUntil(() => $(editor, 'medverka-console-tile-form'), 'the form opens');
    await fits('the tile form');
    await go(el, '#/embed', 'medverka-console-embed');
    await waitUntil(() => $(screen(el), '#snippet-script'), 'the builder is loaded');
    await fits('the embed builder');
    await go(el, '#/users', 'medverka-console-users');
    await waitUntil(() => $(screen(el), '.users'), 'the users are listed');
    await fits('the users');
  });

  it('keeps borders and focus visible in forced-colours mode', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await openConsole();
    const form = signInForm(el);
    await form.updateComplete;
    const input = $<HTMLInputElement>(form, '#email')!;
    expect(parseFloat(getComputedStyle(input).borderTopWidth)).to.be.at.least(1);
    const button = $<HTMLButtonElement>(form, 'button[type=submit]')!;
    expect(getComputedStyle(button).borderTopStyle).to.equal('solid');
    input.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(form).activeElement).to.equal($(form, '#password'));
    expect(getComputedStyle($(form, '#password')!).outlineStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });
});

async function expectRejection(promise: Promise<unknown>, status: number) {
  try {
    await promise;
  } catch (err) {
    expect((err as { status?: number }).status).to.equal(status);
    return;
  }
  expect.fail(`expected the request to fail with ${status}`);
}
