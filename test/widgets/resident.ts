/**
 * What the resident widgets' browser tests share: reaching into a widget's shadow root,
 * waiting until it settles, typing and sending, and the checks every widget that loads
 * something makes of its loading, not-found and unreachable states.
 */
/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { nothing, type LitElement, type TemplateResult } from 'lit';
import type { MedverkaLoadErrorDetail } from '../../widgets/shared/events.js';
// @ts-expect-error: served by the test runner's config, not a file
import { hangingApi } from '/test-api.js';

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
/** Text with every kind of space as one plain space, trimmed. */
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** After each test: the page as it was (an 800 × 600 screen, no emulated print, reduced motion or forced colours). */
export async function resetPage() {
  await emulateMedia({ media: 'screen', reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
  await executeServerCommand('forced-colors', { active: false });
}

/**
 * Puts `widget` in a 320 px column at 200 % text (32 px) on a 320 × 640 screen, by default in a
 * CMS that sets content-box on everything (as some do, and it must not push anything out). Gives the column.
 */
export async function inNarrowColumn(widget: TemplateResult, { contentBox = true } = {}): Promise<HTMLElement> {
  await setViewport({ width: 320, height: 640 });
  return fixture<HTMLElement>(html`<div style="width:320px;font-size:32px">${contentBox ? html`<style>* { box-sizing: content-box; }</style>` : nothing}${widget}</div>`);
}

/**
 * Nothing of the widget matching `parts` sticks out past the right edge of `within` (or of the
 * element it gives for a part), and every target matching `targets` is at least 44 px high.
 */
export function expectFits(el: Element, within: Element | ((node: HTMLElement) => Element), parts: string, targets: string, label = '') {
  const name = (node: HTMLElement) => `${label}${node.id || node.className || node.tagName}`;
  for (const node of $$(el, parts)) {
    const edge = (typeof within === 'function' ? within(node) : within).getBoundingClientRect().right;
    expect(node.getBoundingClientRect().right, name(node)).to.be.at.most(edge + 0.5);
  }
  for (const node of $$(el, targets)) expect(node.getBoundingClientRect().height, name(node)).to.be.at.least(44);
}

/** Waits until the widget shows `ready` (what it shows once loaded, or a message), then for its render. */
export async function settled<E extends LitElement>(el: E, ready: string, what = 'the widget settles'): Promise<E> {
  await waitUntil(() => $(el, ready), what, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Types into a field as a resident would: focus, value, input event. */
export function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * The focused element's role and the name ARIA gives it: an explicit role, named by the text of
 * the elements aria-labelledby lists (a role-less div may not be named at all).
 */
export function focusedSummary(el: Element) {
  const focused = root(el).activeElement as HTMLElement | null;
  const role = focused?.getAttribute('role') ?? null;
  const labelledBy = (focused?.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const name = role && role !== 'generic' && role !== 'none' && role !== 'presentation' ? labelledBy.map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '').join(' ') : '';
  return { id: focused?.id, role, name };
}

/** Puts a widget with these attributes on the page and waits for it to tell the page it could not load. */
export async function failingToLoad(tag: string, attributes: Record<string, string>) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const event = oneEvent(el, 'medverka-load-error');
  document.body.append(el);
  const { detail } = (await event) as CustomEvent<MedverkaLoadErrorDetail>;
  return { el: el as LitElement, detail };
}

/** Puts a widget with these attributes on the page (taken off after the test, as every fixture is). */
export function placed<E extends LitElement = LitElement>(tag: string, attributes: Record<string, string>): Promise<E> {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<E>(el);
}

/**
 * A widget asked for something that is not there: it tells the page (a 404 of `what`), shows a
 * message once it shows `ready` (`says` checks its words), accessibly.
 */
export async function expectNotFound(tag: string, attributes: Record<string, string>, what: string, ready: string, says: (message: HTMLElement) => void) {
  const { el, detail } = await failingToLoad(tag, attributes);
  expect(detail).to.deep.equal({ what, status: 404 });
  await settled(el, ready);
  says($(el, '.message')!);
  await expect(el).to.be.accessible();
  el.remove();
}

/** A widget whose server cannot be reached tells the page (`what`, no status), and once it shows `ready` its alert says `says` and tries again. */
export async function expectUnreachable(tag: string, attributes: Record<string, string>, what: string, ready: string, says: string) {
  const { el, detail } = await failingToLoad(tag, { ...attributes, api: 'http://127.0.0.1:9/' });
  expect(detail).to.deep.equal({ what, status: null });
  await settled(el, ready);
  await expectRetry(el, says);
  el.remove();
}

/**
 * The two tests of every widget that loads one thing (`tag` with `attributes`, showing `ready`
 * once loaded) for a server that fails it: unreachable, its alert says `unreachable` and its
 * button tries again; slow, it says so only after a while.
 */
export function itCopesWithAnUnreachableOrSlowServer(tag: string, attributes: Record<string, string>, ready: string, unreachable: string) {
  it('shows an error with a retry button when the server cannot be reached', async () => {
    const el = await settled(await placed(tag, { ...attributes, api: 'http://127.0.0.1:9/' }), ready);
    await expectRetry(el, unreachable);
  });

  it('shows a loading state, announced, only when loading takes a while', async () => {
    await expectLoadingOnlyWhenSlow(await placed(tag, { ...attributes, api: hangingApi as string }));
  });
}

/**
 * Sends a widget's form (`submit`) and gives the detail of the event `told` that tells the page
 * it was sent; while the request is out the send button (`button`) is busy, never disabled.
 */
export async function sendTelling<T>(el: LitElement, told: string, submit: () => void, button = 'button[type=submit]'): Promise<T> {
  const event = oneEvent(el, told);
  submit();
  await el.updateComplete;
  const sending = $<HTMLButtonElement>(el, button);
  if (sending) expect(sending.disabled, 'busy, but never disabled').to.equal(false);
  return ((await event) as CustomEvent<T>).detail;
}

/** A widget whose server does not answer: nothing flashes during a quick load, then "Laddar …", announced. */
export async function expectLoadingOnlyWhenSlow(el: LitElement, status = '[role=status]') {
  await el.updateComplete;
  expect(root(el).children.length, 'nothing flashes during a quick load').to.equal(0);
  await waitUntil(() => $(el, status), 'a slow load says so', { timeout: 2000 });
  expect($(el, status)!.textContent).to.equal('Laddar …');
  await expect(el).to.be.accessible();
}

/** A widget that could not load: its alert says so, and its button tries again (telling the page again). */
export async function expectRetry(el: LitElement, says: string) {
  expect($(el, '[role=alert]')!.textContent).to.contain(says);
  await expect(el).to.be.accessible();
  const again = oneEvent(el, 'medverka-load-error');
  $<HTMLButtonElement>(el, '[role=alert] button')!.click();
  await again;
}

/**
 * A form's proof of work waits for the resident: nothing fetches a challenge while the widget
 * (made by `show`) is only shown; focusing `start` fetches one.
 */
export async function expectChallengeOnlyOnceStarted(show: () => Promise<Element>, start: string, what = 'starting the form fetches one') {
  const seen: string[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.name)));
  observer.observe({ type: 'resource' });
  const el = await show();
  await new Promise((r) => setTimeout(r, 100));
  expect(seen.some((u) => u.includes('/api/pow/challenge'))).to.equal(false);
  $<HTMLInputElement>(el, start)!.focus();
  await waitUntil(() => seen.some((u) => u.includes('/api/pow/challenge')), what);
  observer.disconnect();
}
