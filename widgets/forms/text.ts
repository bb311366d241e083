import { html, type ReactiveElement } from 'lit';

/** What an e-mail address looks like before the server looks closer. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text as paragraphs, split at blank lines; a single line break stays a line break (CSS). */
export function paragraphs(text: string) {
  return text
    .split(/\r?\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

/**
 * Moves focus, once the element has rendered, to what it shows next: the error summary (so a
 * screen reader reads what to correct), or the heading of the message that replaced the form.
 */
export async function focusAfterRender(el: ReactiveElement & { renderRoot: ParentNode }, selector: string): Promise<void> {
  await el.updateComplete;
  el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
