/**
 * What the list screens share (budgets, polls, surveys, tile sets …): what they load, shown as
 * "loading", as the problem with a way to try again, or as the list; and the styles of their
 * "new" button and their tables that put some columns under the title on a phone.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { problemText } from './forms.js';

/**
 * Something a screen fetches when it is shown, with "loading", the problem (and a retry) or the
 * result. Only the latest load counts: one that was overtaken (a filter changed meanwhile) is
 * dropped.
 */
export class Loaded<T> implements ReactiveController {
  value?: T;
  problem?: unknown;
  #latest = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetch: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /**
   * Fetches anew; `keep` shows what was there until the new value arrives. Resolves to the new
   * value, or undefined when it failed or a later load overtook it.
   */
  async load({ keep = false } = {}): Promise<T | undefined> {
    const turn = ++this.#latest;
    this.problem = undefined;
    if (!keep) this.value = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.fetch();
      if (turn !== this.#latest) return undefined;
      this.value = value;
      return value;
    } catch (err) {
      if (turn === this.#latest) this.problem = err ?? new Error('failed');
      return undefined;
    } finally {
      if (turn === this.#latest) this.host.requestUpdate();
    }
  }

  /** Replaces what was loaded (after the screen changed it on the server). */
  set(value: T): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /** "Loading", or the problem (with a retry unless `retry` is false); undefined once loaded. */
  notice({ retry = true } = {}): TemplateResult | undefined {
    if (this.problem) {
      return html`<div class="notice problem">
        <p>${problemText(this.problem)}</p>
        ${retry ? html`<button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>` : nothing}
      </div>`;
    }
    if (this.value === undefined) return html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    return undefined;
  }

  /** "Loading", the problem (with a retry unless `retry` is false), or `ready` with what was loaded. */
  render(ready: (value: T) => TemplateResult, o: { retry?: boolean } = {}): TemplateResult {
    return this.notice(o) ?? ready(this.value!);
  }
}

/** A list screen's "new …" link that looks like a button, and its tables' number columns and narrow-screen lines. */
export const listStyles = css`
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.375rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    text-decoration: none;
  }
  a.button:hover {
    text-decoration: underline;
  }
  td.number,
  th.number {
    text-align: end;
    white-space: nowrap;
  }
  .narrow-only {
    display: none;
  }
  /* On a phone, what the wide columns say goes under the title, so the title keeps its width. */
  @media (max-width: 40rem) {
    .wide-only {
      display: none;
    }
    .narrow-only {
      display: block;
      margin-top: 0.25rem;
    }
  }
  @media (forced-colors: active) {
    a.button {
      border-color: LinkText;
    }
  }
`;

/** A column of a list's table: its heading, and its class (number, wide-only …) if any. */
export type Column = string | [heading: string, cls: string];

/**
 * A list screen's table: its caption (null: none), its columns' headings and its rows. With
 * `region` (the caption's id), the table scrolls sideways on a phone as a labelled region
 * keyboard users can scroll.
 */
export function renderTable(caption: string | null, columns: Column[], rows: unknown, id?: string, region?: string): TemplateResult {
  return html`<div class="table-wrap" role=${region ? 'region' : nothing} aria-labelledby=${region ?? nothing} tabindex=${region ? '0' : nothing}>
    <table id=${id ?? nothing}>
      ${caption === null
        ? nothing
        : html`<caption id=${region ?? nothing}>
            ${caption}
          </caption>`}
      <thead>
        <tr>
          ${columns.map((c) => (typeof c === 'string' ? html`<th scope="col">${c}</th>` : html`<th scope="col" class=${c[1]}>${c[0]}</th>`))}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
