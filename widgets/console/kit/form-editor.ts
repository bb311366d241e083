/**
 * A screen that edits a draft of something (a budget, a poll, a survey): the draft, whether it
 * holds changes not yet saved, its bound text fields, the lists inside it whose entries are
 * added, moved and removed (saying so, and keeping focus where it makes sense), its error
 * summary and save button, and the screen's top while the saved thing loads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { states } from '../../shared/base-element.js';
import { msg, renderIn } from '../../shared/localize.js';
import { textField, type TextFieldOptions } from './fields.js';
import { StaffApiError } from './api.js';
import { describedBy, errorSummary, fieldError, focusSummary, problemText, type FieldErrors } from './forms.js';
import { FormScreen } from './form-screen.js';
import { ConsoleScreen, screenHeading } from './screen.js';

/** A field of a form, for its error summary: its name in the errors, its control's id, its label. */
export interface Field {
  name: string;
  id: string;
  label: string;
}

/** How a form saves its draft, and what a refusal says (see DraftScreen.save). */
export interface SaveOptions<Draft, Problem> {
  /** The id of the form's error summary, which takes focus when something is wrong. */
  summary: string;
  /** The form's own checks, before anything is sent. */
  check: (draft: Draft) => FieldErrors;
  /** A copy of the draft as sent: the server names entries by position, so their order then counts. */
  snapshot: (draft: Draft) => Draft;
  /** Creates or updates at the server, and says so. */
  send: (draft: Draft) => Promise<void>;
  /** The form field a problem's path (as the server names it) is about, if any. */
  fieldOf: (sent: Draft, path: string) => string | undefined;
  /** A refusal that is about the whole thing (e.g. it is not a draft any longer), if it is one. */
  refused: (err: unknown) => Problem | undefined;
  /** A problem with a path no field on screen shows. */
  unplaced: (sent: Draft, path: string, message: string) => Problem;
  /** Any other failure (the network, the server). */
  failed: (err: unknown) => Problem;
}

export abstract class DraftScreen<Draft, Problem = string> extends FormScreen<Problem> {
  static override properties = { ...FormScreen.properties, ...states('draft', 'loadProblem', 'dirty') };

  declare protected draft?: Draft;
  /** Why the saved thing could not be loaded. */
  declare protected loadProblem?: unknown;
  /** The form has changes that are not saved. */
  declare protected dirty: boolean;

  constructor() {
    super();
    this.dirty = false;
  }

  /** Whether the screen makes a new one (nothing saved yet). */
  protected abstract get creating(): boolean;
  /** Every field in the order the form shows them, with the label the error summary uses. */
  protected abstract get fields(): Field[];
  /** A problem with a field, in words. */
  protected abstract issueText(message: string): string;
  /** A problem no field shows, in words. */
  protected abstract generalText(problem: Problem): string;
  /** Saves the form (see save()). */
  protected abstract onSubmit(event: SubmitEvent): Promise<void>;
  /** Loads the saved thing (again). */
  abstract load(): Promise<void>;

  /** Loads the saved thing: `fetch` gets and shows it; why it could not is kept for renderPending. Whether it loaded. */
  protected async loadWith(fetch: () => Promise<void>): Promise<boolean> {
    this.loadProblem = undefined;
    try {
      await fetch();
      return true;
    } catch (err) {
      this.loadProblem = err;
      return false;
    }
  }

  /** Messages said outside render, in the language the screen is shown in. */
  protected words(words: () => string): string {
    return renderIn(this.locale, ConsoleScreen.translations, words);
  }

  /** Says something through the console's live region, in the screen's language. */
  protected say(words: () => string): void {
    this.announce(this.words(words));
  }

  /** A new one is saved: nothing in the form is unsaved now; the console says so and opens its page. */
  protected created(said: () => string, page: string): void {
    this.dirty = false;
    this.say(said);
    location.hash = page;
  }

  /** The form has changed. */
  protected touch(): void {
    this.dirty = true;
    this.requestUpdate();
  }

  /** Forgets the problems of the fields whose names start with `prefix` (an entry that is gone or changed). */
  protected dropErrors(prefix: string): void {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  /** A text field of this form: its problem from the form's errors; each keystroke marks the form changed. */
  protected field(path: string, label: string, value: string, set: (value: string) => void, o: TextFieldOptions = {}): TemplateResult {
    const change = (v: string) => {
      set(v);
      this.touch();
    };
    return textField(path, label, value, this.errors[path], change, { issue: (m) => this.issueText(m), ...o });
  }

  /** The Swedish and the English of one text side by side: `${path}.sv` and `${path}.en`, kept in `target[sv]` and `target[en]`. */
  protected pair<K extends string>(
    path: string,
    labels: readonly [sv: string, en: string],
    target: Record<K, string>,
    [sv, en]: readonly [K, K],
    o: TextFieldOptions = {},
  ): TemplateResult {
    return html`<div class="pair">
      ${this.field(`${path}.sv`, labels[0], target[sv], (v) => (target[sv] = v), o)}
      ${this.field(`${path}.en`, labels[1], target[en], (v) => (target[en] = v), { ...o, lang: 'en' })}
    </div>`;
  }

  /** A choice among radio buttons; its first button is where the error summary leads. `locked` says why it cannot change now. */
  protected radios<T extends string>(path: string, legend: string, value: T, choices: readonly (readonly [T, string])[], set: (v: T) => void, locked?: string): TemplateResult {
    const error = this.errors[path];
    return html`<fieldset aria-describedby=${describedBy(error && `f-${path}-error`)}>
      <legend>${legend}</legend>
      ${fieldError(`f-${path}`, error && this.issueText(error))} ${locked ? html`<p class="hint">${locked}</p>` : nothing}
      ${choices.map(
        ([v, label]) => html`<label class="choice" for="f-${path}-${v}">
          <input
            type="radio"
            id="f-${path}-${v}"
            name=${path}
            .checked=${v === value}
            ?disabled=${!!locked}
            @change=${() => {
              set(v);
              this.touch();
            }}
          />
          ${label}
        </label>`,
      )}
    </fieldset>`;
  }

  /**
   * A list of entries in the form (lines, options, questions, pages), each rendered by `entry`
   * and kept with its key as it moves; above it, when `problem` names one, the problem of the
   * list as a whole ([the id of its message, the field it is about]).
   */
  protected renderEntries<T extends { key: number }>(
    list: readonly T[],
    entry: (x: T, i: number) => TemplateResult,
    o: { cls?: string; labelledBy?: string; problem?: readonly [id: string, field: string] } = {},
  ): TemplateResult {
    const error = o.problem && this.errors[o.problem[1]];
    return html`${o.problem ? fieldError(o.problem[0], error && this.issueText(error)) : nothing}
      <ol class=${o.cls ?? 'entries'} aria-labelledby=${o.labelledBy ?? nothing}>
        ${repeat(list, (x) => x.key, entry)}
      </ol>`;
  }

  /** The button that adds an entry to a list, in a row of its own. */
  protected addButton(id: string, label: string | TemplateResult, add: () => void, o: { disabled?: boolean; describedBy?: string } = {}): TemplateResult {
    return html`<div class="actions">
      <button type="button" id=${id} ?disabled=${o.disabled} aria-describedby=${o.describedBy ?? nothing} @click=${add}>${label}</button>
    </div>`;
  }

  /** Adds an entry at the end of a list in the form (`owner[key]`), says so, and focuses `focus` (its first field). */
  protected async addEntry<K extends string, T>(owner: Record<K, NoInfer<T>[]>, key: K, entry: T, said: () => string, focus: string): Promise<void> {
    owner[key] = [...owner[key], entry];
    this.touch();
    this.say(said);
    await this.focusOn(focus);
  }

  /**
   * Takes an entry out of a list in the form (`owner[key]`): its problems go, it says so, and focus goes to
   * the entry now in its place (the one before it at the end), or to `otherwise` (the add button).
   */
  protected async removeEntry<K extends string, T>(
    owner: Record<K, NoInfer<T>[]>,
    key: K,
    entry: T,
    o: { errors: string; said: () => string; focus: (next: T) => string; otherwise: string },
  ): Promise<void> {
    const at = owner[key].indexOf(entry);
    const rest = owner[key].filter((x) => x !== entry);
    owner[key] = rest;
    this.dropErrors(o.errors);
    this.touch();
    this.say(o.said);
    const next = rest[at] ?? rest[at - 1];
    await this.focusOn(next ? o.focus(next) : o.otherwise);
  }

  /**
   * Moves an entry one place up or down, says where it is now, and keeps focus on its button
   * (`selector` finds the entry); at the top or bottom that button is disabled, so the other
   * direction's takes it.
   */
  protected async moveEntry<K extends string, T>(
    owner: Record<K, NoInfer<T>[]>,
    key: K,
    entry: T,
    by: -1 | 1,
    action: 'up' | 'down',
    selector: string,
    said: () => string,
  ): Promise<void> {
    const out = [...owner[key]];
    const from = out.indexOf(entry);
    const to = from + by;
    if (from < 0 || to < 0 || to >= out.length) return;
    [out[from], out[to]] = [out[to]!, out[from]!];
    owner[key] = out;
    this.touch();
    this.say(said);
    await this.updateComplete;
    const button = (a: string) =>
      this.renderRoot.querySelector<HTMLButtonElement>(`${selector} > div > .actions [data-action="${a}"], ${selector} > .actions [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  /**
   * Saves the form: its own checks first, then `send`. When the server refuses, each problem
   * goes beside its field if that field is on screen, the rest into the error summary.
   */
  protected async save(event: SubmitEvent, o: SaveOptions<Draft, Problem>): Promise<void> {
    event.preventDefault();
    const draft = this.draft;
    if (this.busy || !draft) return;
    this.errors = o.check(draft);
    this.general = [];
    if (Object.keys(this.errors).length) return focusSummary(this, o.summary);
    const sent = o.snapshot(draft);
    this.busy = true;
    try {
      await o.send(draft);
    } catch (err) {
      const byField: FieldErrors = {};
      const general: Problem[] = [];
      const refused = o.refused(err);
      if (refused !== undefined) {
        general.push(refused);
      } else if (err instanceof StaffApiError && err.issues.length) {
        const shown = new Set(this.fields.map((f) => f.name));
        for (const issue of err.issues) {
          const field = o.fieldOf(sent, issue.path);
          if (field && shown.has(field)) byField[field] ??= issue.message;
          else general.push(o.unplaced(sent, issue.path, issue.message));
        }
      } else {
        general.push(o.failed(err));
      }
      this.errors = byField;
      this.general = general;
      await focusSummary(this, o.summary);
    } finally {
      this.busy = false;
    }
  }

  /** The form's error summary: what its fields and the server got wrong, in words. */
  protected renderErrors(id: string): TemplateResult | typeof nothing {
    const errors = Object.fromEntries(Object.entries(this.errors).map(([k, v]) => [k, this.issueText(v)]));
    return errorSummary(
      id,
      errors,
      this.general.map((g) => this.generalText(g)),
      this.fields,
      () => this.renderRoot as ShadowRoot,
    );
  }

  /**
   * The form under its heading: a notice when there is one, the error summary (`o.summary`),
   * the fields, and the submit button (`o.save`: its id, and its label when new).
   */
  protected renderDraftForm(
    o: { title: string | TemplateResult; summary: string; save: readonly [id: string, create: string]; notice?: TemplateResult | typeof nothing },
    fields: TemplateResult,
  ): TemplateResult {
    return html`<h2 id="form-heading">${o.title}</h2>
      ${o.notice ?? nothing} ${this.renderErrors(o.summary)}
      <form novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>${fields} ${this.renderSave(...o.save)}</form>`;
  }

  /** The form's submit button ("create" when new), and whether changes are not saved yet. */
  protected renderSave(id: string, create: string): TemplateResult {
    return html`<div class="actions">
      <button type="submit" class="primary" id=${id} aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.creating ? create : msg('Spara ändringarna', { id: 'console.budget.save' })}
      </button>
      ${this.dirty && !this.creating ? html`<span class="muted">${msg('Det finns ändringar som inte är sparade.', { id: 'console.budget.unsaved' })}</span>` : nothing}
    </div>`;
  }

  /** The screen's top while the saved thing is not here: why it could not be loaded (with a retry), or "loading". */
  protected renderPending(back: TemplateResult, title: string): TemplateResult {
    return html`${back} ${screenHeading(title)}
    ${this.loadProblem
      ? html`<div class="notice problem">
          <p>${problemText(this.loadProblem)}</p>
          <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
        </div>`
      : html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`}`;
  }
}
