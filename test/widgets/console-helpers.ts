/// <reference types="mocha" />
// What the console's browser tests share (test/widgets/console*.test.ts): the test page's
// /api, /widgets and /embed go to a real Medverka server over a fresh database with these
// staff accounts (see web-test-runner.config.js and test/widgets/seed.ts), so the console
// runs exactly as it does at /admin.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staffApi } from '../../widgets/console/kit/api.js';
import type { MedverkaConsole } from '../../widgets/console/shell/console.element.js';
import '../../widgets/console/define.js';
import { encodeSolution, solve } from '../../widgets/forms/proof-of-work.js';

export const staff = {
  admin: { email: 'admin@kommun.test', password: 'admin-lösenord-123', name: 'Anna Admin' },
  moderator: { email: 'moderator@kommun.test', password: 'moderator-lösenord-123', name: 'Moa Moderator' },
  agent: { email: 'agent@kommun.test', password: 'agent-lösenord-123', name: 'Chris Chatt' },
};
export type Who = keyof typeof staff;

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
export const text = (el: Node | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

let counter = 0;
/** A name no other test (or run against the same database) uses. */
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;
/** A slug no other test uses. */
export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** The focused element, looking inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The console's live region's text. */
export const region = (el: MedverkaConsole) => text($(el, '[role=status]'));

/** The live region's text, once it has settled (the console clears it before each message). */
export async function announced(el: MedverkaConsole, expected: string | RegExp) {
  await waitUntil(
    () => (typeof expected === 'string' ? region(el).includes(expected) : expected.test(region(el))),
    `the console announces “${expected}” (it says “${region(el)}”)`,
    { timeout: 5000 },
  );
}

/** Each console test's afterEach: API stand-ins undone, signed out, and the page as it was (no hash, in Swedish). */
export async function leaveConsole() {
  for (const undo of [...fakes].reverse()) undo();
  await staffApi.signOut().catch(() => undefined);
  history.replaceState(null, '', location.pathname + location.search);
  document.documentElement.lang = 'sv';
}

export async function openConsole(): Promise<MedverkaConsole> {
  const el = await fixture<MedverkaConsole>(html`<medverka-console></medverka-console>`);
  await waitUntil(() => $(el, 'medverka-console-sign-in, nav'), 'the console knows whether anyone is signed in', { timeout: 5000 });
  return el;
}

export function signInForm(el: MedverkaConsole) {
  return $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'medverka-console-sign-in')!;
}

export async function submitSignIn(el: MedverkaConsole, email: string, password: string) {
  const form = signInForm(el);
  await form.updateComplete;
  $<HTMLInputElement>(form, '#email')!.value = email;
  $<HTMLInputElement>(form, '#password')!.value = password;
  $<HTMLButtonElement>(form, 'button[type=submit]')!.click();
}

/**
 * Opens the console at `hash` and signs in through its form, as a person would. With
 * `orAlready`, a session the browser still has (the chat tests switch it behind the
 * console's back) is taken as it is.
 */
export async function signedIn(who: Who, hash = '', { orAlready = false } = {}): Promise<MedverkaConsole> {
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  const el = await openConsole();
  if (!orAlready || $(el, 'medverka-console-sign-in')) await submitSignIn(el, staff[who].email, staff[who].password);
  return signInDone(el);
}

async function signInDone(el: MedverkaConsole): Promise<MedverkaConsole> {
  await waitUntil(() => $(el, 'nav'), 'signed in', { timeout: 8000 });
  return el;
}

/**
 * A staff account of its own, for a test that changes it: the admin makes it through the API
 * (`<prefix>.<something unique>@kommun.test`), and it signs in through the console's form.
 */
export async function signedInAsNew(prefix: string, account: Omit<Parameters<typeof staffApi.createUser>[0], 'email'>) {
  const admin = await signedIn('admin');
  const email = `${prefix}.${Date.now().toString(36)}@kommun.test`;
  const { user } = await staffApi.createUser({ email, ...account });
  await signOut(admin);
  const el = await openConsole();
  await submitSignIn(el, email, account.password);
  return { el: await signInDone(el), email, user };
}

/** Signs out (through the API) and takes the console off the page, before someone else signs in. */
export async function signOut(el: MedverkaConsole) {
  await staffApi.signOut();
  el.remove();
}

/** `who`'s navigation offers `label`, and opened at `hash` the console shows the screen `tag` (when given). Signed in, for the test to sign out. */
export async function offeredTo(who: Who, label: string, hash = '', tag?: string): Promise<MedverkaConsole> {
  const el = await signedIn(who, hash);
  expect(navLabels(el)).to.include(label);
  if (tag) expect(screen(el).localName).to.equal(tag);
  return el;
}

/** `who`'s navigation does not offer `label`, and opening its screen at `hash` says there is no access. */
export async function refusedTo(who: Who, hash: string, label: string): Promise<MedverkaConsole> {
  const el = await signedIn(who, hash);
  expect(navLabels(el)).not.to.include(label);
  expect(text($(el, 'main h1'))).to.equal('Ingen åtkomst');
  return el;
}

/** A list screen once it has loaded (rows, "none yet", or with `orNotice` a notice instead). */
export async function listLoaded(list: HTMLElement, what = 'the list has loaded', { orNotice = false } = {}) {
  await waitUntil(() => $(list, orNotice ? 'tbody, .none, .notice' : 'tbody, .none'), what, { timeout: 5000 });
}

/** The screen element shown in <main>. */
export function screen<T extends HTMLElement = HTMLElement>(el: MedverkaConsole): T {
  return $<T>(el, 'main > *')!;
}

export async function shows(el: MedverkaConsole, tag: string): Promise<HTMLElement> {
  await waitUntil(() => screen(el)?.localName === tag, `shows <${tag}>`, { timeout: 5000 });
  return screen(el);
}

export async function go(el: MedverkaConsole, hash: string, tag: string): Promise<HTMLElement> {
  location.hash = hash;
  return shows(el, tag);
}

export const navLabels = (el: MedverkaConsole) => $$(el, 'nav a').map((a) => text(a));

/** Types into a field of a screen as a person does: input events, and with `leave` a change event as the field is left. */
export function fill(page: HTMLElement, selector: string, value: string, { leave = false } = {}) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(page, selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (leave) field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Chooses in a select of a screen, as a person does. */
export function choose(page: HTMLElement, selector: string, value: string) {
  const select = $<HTMLSelectElement>(page, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A budget's, poll's or survey's page once it has loaded (its status heading is there). */
export async function lifecyclePage(el: MedverkaConsole, tag: string, attribute: string, id: number | string, what: string): Promise<HTMLElement> {
  await waitUntil(() => screen(el)?.localName === tag && screen(el).getAttribute(attribute) === String(id), `shows ${what} ${id}`, { timeout: 5000 });
  const page = screen(el);
  await waitUntil(() => $(page, '#status-heading'), `the ${what} has loaded`, { timeout: 5000 });
  return page;
}

/** Saves a new poll's or survey's form with `button`: the console says `said` and goes to the draft's own address, `#/<section>/<number>`. Gives the number. */
export async function savedDraft(el: MedverkaConsole, form: HTMLElement, button: string, said: string, section: string): Promise<number> {
  $<HTMLButtonElement>(form, button)!.click();
  await announced(el, said);
  const id = Number(new RegExp(`^#/${section}/(\\d+)$`).exec(location.hash)?.[1]);
  expect(id, 'the draft’s own address').to.be.greaterThan(0);
  return id;
}

/** Takes a step of a budget, poll or survey (`what`) with its confirmation, as staff do. */
export async function takeStep(el: MedverkaConsole, page: HTMLElement, button: string, done: string, status: string, what: string) {
  $<HTMLButtonElement>(page, button)!.click();
  await waitUntil(() => focused() === $(page, '#confirm-question'), 'the question takes focus');
  await expect(el).to.be.accessible();
  $<HTMLButtonElement>(page, '[data-action=confirm]')!.click();
  await announced(el, done);
  await waitUntil(() => text($(page, '#status-heading')) === `Status: ${status}`, `the ${what} is ${status}`, { timeout: 5000 });
  // Focus moves once the screen has what the step changed from the server (a survey loads its
  // results again first), so this waits for an answer, not only a render.
  await waitUntil(() => focused() === $(page, '#status-heading'), 'focus goes to the new status', { timeout: 5000 });
}

/** A proof of work, solved as the resident widgets do (without a worker). */
export async function solvedPow(): Promise<string> {
  const challenge = (await (await fetch('/api/pow/challenge')).json()) as Parameters<typeof encodeSolution>[0];
  return encodeSolution(challenge, await solve(challenge, { worker: false }));
}

/** The undo of each API stand-in still in place (leaveConsole undoes them). */
const fakes: (() => void)[] = [];

/**
 * Stands in for the API paths matching `path` with `answer` (a promise that may never settle);
 * the rest goes through. Returns the undo; leaveConsole undoes what a test leaves in place.
 */
export function fakeApi(path: RegExp, answer: (url: URL, init?: RequestInit) => Promise<Response>) {
  const real = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    return path.test(url.pathname) ? answer(url, init) : real(input, init);
  };
  const undo = () => {
    const at = fakes.indexOf(undo);
    if (at < 0) return;
    fakes.splice(at, 1);
    window.fetch = real;
  };
  fakes.push(undo);
  return undo;
}

/** A JSON answer, for fakeApi. */
export const reply = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
