/**
 * What the list screens share (budgets, polls, surveys, tile sets …): what they load, shown as
 * "loading", as the problem with a way to try again, or as the list; and the styles of their
 * "new" button and their tables that put some columns under the title on a phone.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { problemText } from './forms.js';

/** Something a screen fetches when it is shown, with "loading", the problem (and a retry) or the result. */
export class Loaded<T> implements ReactiveController {
  value?: T;
  problem?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetch: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.problem = undefined;
    this.value = undefined;
    this.host.requestUpdate();
    try {
      this.value = await this.fetch();
    } catch (err) {
      this.problem = err ?? new Error('failed');
    }
    this.host.requestUpdate();
  }

  /** "Loading", the problem with a retry, or `ready` with what was loaded. */
  render(ready: (value: T) => TemplateResult): TemplateResult {
    if (this.problem) {
      return html`<div class="notice problem">
        <p>${problemText(this.problem)}</p>
        <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
      </div>`;
    }
    if (this.value === undefined) return html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    return ready(this.value);
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

/** A list screen's table: its caption, its columns' headings and its rows. */
export function renderTable(caption: string, columns: Column[], rows: unknown, id?: string): TemplateResult {
  return html`<div class="table-wrap">
    <table id=${id ?? nothing}>
      <caption>
        ${caption}
      </caption>
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
