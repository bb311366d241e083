import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, renderIn, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { editorStyles } from '../kit/editor.styles.js';
import { LiveStream } from '../kit/live-stream.js';
import { errorSummary, fieldError, focusSummary, problemText, type FieldErrors } from '../kit/forms.js';
import { dateTime } from '../kit/labels.js';
import { localized, pollApi, pollOptionLimits, type PollLiveEvent, type StaffPoll } from './poll-api.js';
import { checkPollDraft, emptyPollDraft, newOption, pollDraftOf, pollFieldOfIssue, pollInputOf, type OptionDraft, type PollDraft } from './poll-draft.js';
import { answersCount, fieldIdOf, pollIssueText, pollStyles, renderConfirm, renderResultRows, renderScaleAverage, textField, type ResultRow } from '../kit/fields.js';
import { pollKindLabel, pollStatusLabel } from './polls.element.js';
import { ConsoleScreen } from '../kit/screen.js';

type Step = 'open' | 'close' | 'reset' | 'delete';

/**
 * One quick poll: its form while it is a draft, its steps (open, close, reset the answers,
 * delete), its results as they come in, and the ways to show it: the presenter view for a
 * meeting room's screen and the code for a web page.
 */
export class MedverkaConsolePoll extends ConsoleScreen {
  static override styles = [...ConsoleScreen.styles, editorStyles, pollStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    /** The poll's number; none for a new poll. */
    pollId: { attribute: 'poll-id' },
    poll: { state: true },
    draft: { state: true },
    loadProblem: { state: true },
    errors: { state: true },
    general: { state: true },
    busy: { state: true },
    dirty: { state: true },
    confirming: { state: true },
    actionProblems: { state: true },
    live: { state: true },
  };

  declare pollId: string;
  declare private poll?: StaffPoll;
  declare private draft?: PollDraft;
  declare private loadProblem?: unknown;
  declare private errors: FieldErrors;
  /** Problems no field shows, as the server said them (put into words when rendered). */
  declare private general: unknown[];
  declare private busy: boolean;
  declare private dirty: boolean;
  declare private confirming?: Step;
  declare private actionProblems: string[];
  /** Whether the results follow the live stream right now. */
  declare private live: boolean;

  #stream?: LiveStream;

  constructor() {
    super();
    this.pollId = '';
    this.errors = {};
    this.general = [];
    this.busy = false;
    this.dirty = false;
    this.actionProblems = [];
    this.live = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.creating) this.draft ??= emptyPollDraft();
    else void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(false);
  }

  private get creating(): boolean {
    return !this.pollId;
  }

  private get number(): number {
    return Number(this.pollId);
  }

  /** Messages said outside render, in the language the screen is shown in. */
  private words(words: () => string): string {
    return renderIn(this.locale, MedverkaConsolePoll.translations, words);
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      const poll = (await pollApi.polls()).polls.find((p) => p.id === this.number);
      if (!poll) throw new StaffApiError(404, 'poll_not_found', 'not found');
      this.show(poll);
    } catch (err) {
      this.loadProblem = err;
    }
  }

  /** Shows the poll as saved; the form follows unless it holds changes not yet saved. */
  private show(poll: StaffPoll, keepDraft = false) {
    this.poll = poll;
    if (!keepDraft || !this.draft) {
      this.draft = pollDraftOf(poll);
      this.dirty = false;
    }
    this.follow(poll.status === 'open');
  }

  /** Follows the public live stream while the poll is open: the results change as residents answer. */
  private follow(on: boolean) {
    if (on && !this.#stream && this.isConnected) {
      this.#stream = new LiveStream(
        () => pollApi.liveUrl(this.number),
        {
          results: (data) => {
            const event = data as PollLiveEvent;
            if (!this.poll || !event?.results) return;
            this.poll = { ...this.poll, results: event.results, status: event.status ?? this.poll.status };
          },
        },
        (state) => (this.live = state === 'open'),
      );
      this.#stream.start();
    } else if (!on && this.#stream) {
      this.#stream.stop();
      this.#stream = undefined;
      this.live = false;
    }
  }

  private touch() {
    this.dirty = true;
    this.requestUpdate();
  }

  // ——— The form ———

  private get labels() {
    return {
      questionSv: msg('Frågan på svenska', { id: 'console.poll.question-sv' }),
      questionEn: msg('Frågan på engelska (valfri)', { id: 'console.poll.question-en' }),
      kind: msg('Hur invånarna svarar', { id: 'console.poll.kind' }),
      options: msg('Svarsalternativ', { id: 'console.poll.options' }),
      optionSv: msg('På svenska', { id: 'console.poll.in-swedish' }),
      optionEn: msg('På engelska (valfritt)', { id: 'console.poll.in-english' }),
      lowSv: msg('Vid 1, på svenska', { id: 'console.poll.low-sv' }),
      lowEn: msg('Vid 1, på engelska (valfritt)', { id: 'console.poll.low-en' }),
      highSv: msg('Vid 5, på svenska', { id: 'console.poll.high-sv' }),
      highEn: msg('Vid 5, på engelska (valfritt)', { id: 'console.poll.high-en' }),
    };
  }

  /** "Alternativ 2: Ja" — an option's name wherever it is spoken of. */
  private optionName(option: OptionDraft): string {
    const n = this.draft!.options.indexOf(option) + 1;
    const text = option.sv.trim();
    return text ? msg(str`Alternativ ${n}: ${text}`, { id: 'console.poll.named-option' }) : msg(str`Alternativ ${n}`, { id: 'console.poll.option-n' });
  }

  /** Every field in the order the form shows them, with the label the error summary uses. */
  private get fields(): { name: string; id: string; label: string }[] {
    const d = this.draft!;
    const l = this.labels;
    const f = (name: string, label: string, id = fieldIdOf(name)) => ({ name, id, label });
    const list = [f('question.sv', l.questionSv), f('question.en', l.questionEn), f('kind', l.kind, 'f-kind-single')];
    if (d.kind === 'scale') {
      list.push(f('scaleLabels.low.sv', l.lowSv), f('scaleLabels.low.en', l.lowEn), f('scaleLabels.high.sv', l.highSv), f('scaleLabels.high.en', l.highEn));
    } else {
      list.push(f('options', l.options, 'add-option'));
      for (const o of d.options) {
        const name = this.optionName(o);
        list.push(f(`o${o.key}.sv`, `${name}: ${l.optionSv}`), f(`o${o.key}.en`, `${name}: ${l.optionEn}`));
      }
    }
    return list;
  }

  private async addOption() {
    const d = this.draft!;
    if (d.options.length >= pollOptionLimits.max) return;
    const option = newOption();
    d.options = [...d.options, option];
    this.dropErrors('options');
    this.touch();
    this.announce(this.words(() => msg(str`${this.optionName(option)} har lagts till.`, { id: 'console.poll.option-added' })));
    await this.focusOn(`#${fieldIdOf(`o${option.key}.sv`)}`);
  }

  private async removeOption(option: OptionDraft) {
    const d = this.draft!;
    const name = this.optionName(option);
    const at = d.options.indexOf(option);
    d.options = d.options.filter((o) => o !== option);
    this.dropErrors(`o${option.key}.`);
    this.touch();
    this.announce(this.words(() => msg(str`${name} har tagits bort.`, { id: 'console.poll.option-removed' })));
    const next = d.options[at] ?? d.options[at - 1];
    await this.focusOn(next ? `#option-${next.key}-heading` : '#add-option');
  }

  private async moveOption(option: OptionDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    const list = [...d.options];
    const from = list.indexOf(option);
    const to = from + by;
    if (to < 0 || to >= list.length) return;
    [list[from], list[to]] = [list[to]!, list[from]!];
    d.options = list;
    this.touch();
    this.announce(
      this.words(() => msg(str`${this.optionName(option)} är nu på plats ${to + 1} av ${list.length}.`, { id: 'console.poll.option-moved' })),
    );
    // Focus stays on the moved option's button; at the top or bottom that one is disabled, so the other takes it.
    await this.updateComplete;
    const button = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`[data-option-key="${option.key}"] [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  private dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.draft) return;
    const draft = this.draft;
    this.errors = checkPollDraft(draft);
    this.general = [];
    if (Object.keys(this.errors).length) return focusSummary(this, 'poll-errors');
    // The server names options by position: remember the order they were sent in.
    const sent: PollDraft = { ...draft, options: [...draft.options] };
    this.busy = true;
    try {
      if (this.creating) {
        const { poll } = await pollApi.create(pollInputOf(draft));
        this.dirty = false;
        this.announce(this.words(() => msg('Snabbfrågan är sparad som utkast.', { id: 'console.poll.created' })));
        location.hash = `#/polls/${poll.id}`;
        return;
      }
      const { poll } = await pollApi.update(this.number, pollInputOf(draft));
      this.show(poll);
      this.announce(this.words(() => msg('Snabbfrågan är sparad.', { id: 'console.poll.saved' })));
    } catch (err) {
      const byField: FieldErrors = {};
      const general: unknown[] = [];
      if (err instanceof StaffApiError && err.code === 'poll_not_draft') {
        general.push('poll_not_draft');
      } else if (err instanceof StaffApiError && err.issues.length) {
        const shown = new Set(this.fields.map((f) => f.name));
        for (const issue of err.issues) {
          const field = pollFieldOfIssue(sent, issue.path);
          if (field && shown.has(field)) byField[field] ??= issue.message;
          else general.push(issue.path && issue.path !== '(body)' ? `${issue.path}: ${pollIssueText(issue.message)}` : issue.message);
        }
      } else {
        general.push(err);
      }
      this.errors = byField;
      this.general = general;
      await focusSummary(this, 'poll-errors');
    } finally {
      this.busy = false;
    }
  }

  private generalText(problem: unknown): string {
    if (problem === 'poll_not_draft') {
      return msg('Frågan går inte att ändra längre: den har öppnats. Ladda om sidan för att se den som den är sparad.', { id: 'console.poll.not-draft' });
    }
    return typeof problem === 'string' ? pollIssueText(problem) : problemText(problem);
  }

  private renderOption(d: PollDraft, option: OptionDraft, i: number): TemplateResult {
    const l = this.labels;
    const p = `o${option.key}`;
    const name = this.optionName(option);
    const named = html`<span class="visually-hidden">${name}</span>`;
    return html`<li class="option" data-option-key=${option.key}>
      <div role="group" aria-labelledby="option-${option.key}-heading">
        <h4 id="option-${option.key}-heading" tabindex="-1">${name}</h4>
        <div class="pair">
          ${textField(`${p}.sv`, l.optionSv, option.sv, this.errors[`${p}.sv`], (v) => {
            option.sv = v;
            this.touch();
          })}
          ${textField(
            `${p}.en`,
            l.optionEn,
            option.en,
            this.errors[`${p}.en`],
            (v) => {
              option.en = v;
              this.touch();
            },
            { lang: 'en' },
          )}
        </div>
        <div class="actions">
          <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.moveOption(option, -1, 'up')}>
            ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
          </button>
          <button type="button" data-action="down" ?disabled=${i === d.options.length - 1} @click=${() => void this.moveOption(option, 1, 'down')}>
            ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
          </button>
          <button
            type="button"
            class="danger"
            data-action="remove"
            ?disabled=${d.options.length <= pollOptionLimits.min}
            @click=${() => void this.removeOption(option)}
          >
            ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
          </button>
        </div>
      </div>
    </li>`;
  }

  private renderForm(d: PollDraft): TemplateResult {
    const l = this.labels;
    const e = this.errors;
    const set = (apply: (v: string) => void) => (v: string) => {
      apply(v);
      this.touch();
    };
    const summary = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, pollIssueText(v)]));
    const kindError = e.kind;
    return html`<h2 id="form-heading">
        ${this.creating ? msg('Frågan', { id: 'console.poll.form-new' }) : msg('Ändra frågan', { id: 'console.poll.form-edit' })}
      </h2>
      ${errorSummary(
        'poll-errors',
        summary,
        this.general.map((g) => this.generalText(g)),
        this.fields,
        () => this.renderRoot as ShadowRoot,
      )}
      <form novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
        <fieldset>
          <legend>${msg('Frågan', { id: 'console.poll.form-new' })}</legend>
          ${textField('question.sv', l.questionSv, d.questionSv, e['question.sv'], set((v) => (d.questionSv = v)), {
            hint: msg('Kort och tydlig, till exempel: Vilken dag passar bäst för nästa möte?', { id: 'console.poll.question-hint' }),
          })}
          ${textField('question.en', l.questionEn, d.questionEn, e['question.en'], set((v) => (d.questionEn = v)), { lang: 'en' })}
        </fieldset>
        <fieldset aria-describedby=${kindError ? 'f-kind-error' : nothing}>
          <legend>${l.kind}</legend>
          ${fieldError('f-kind', kindError && pollIssueText(kindError))}
          ${(['single', 'multiple', 'scale'] as const).map(
            (kind) => html`<label class="choice" for="f-kind-${kind}">
              <input
                type="radio"
                id="f-kind-${kind}"
                name="kind"
                .checked=${d.kind === kind}
                @change=${() => {
                  d.kind = kind;
                  this.touch();
                }}
              />
              ${kind === 'single'
                ? msg('Ett svar: invånaren väljer ett av alternativen', { id: 'console.poll.kind-single' })
                : kind === 'multiple'
                  ? msg('Flera svar: invånaren väljer ett eller flera alternativ', { id: 'console.poll.kind-multiple' })
                  : msg('Skala: invånaren väljer ett tal från 1 till 5', { id: 'console.poll.kind-scale' })}
            </label>`,
          )}
        </fieldset>
        ${d.kind === 'scale'
          ? html`<fieldset aria-describedby="scale-hint">
              <legend>${msg('Texter vid skalans ändar (valfria)', { id: 'console.poll.scale-labels' })}</legend>
              <p class="hint" id="scale-hint">
                ${msg('Till exempel ”Inte alls” vid 1 och ”Mycket” vid 5. Skriv båda eller ingen.', { id: 'console.poll.scale-hint' })}
              </p>
              <div class="pair">
                ${textField('scaleLabels.low.sv', l.lowSv, d.lowSv, e['scaleLabels.low.sv'], set((v) => (d.lowSv = v)))}
                ${textField('scaleLabels.low.en', l.lowEn, d.lowEn, e['scaleLabels.low.en'], set((v) => (d.lowEn = v)), { lang: 'en' })}
              </div>
              <div class="pair">
                ${textField('scaleLabels.high.sv', l.highSv, d.highSv, e['scaleLabels.high.sv'], set((v) => (d.highSv = v)))}
                ${textField('scaleLabels.high.en', l.highEn, d.highEn, e['scaleLabels.high.en'], set((v) => (d.highEn = v)), { lang: 'en' })}
              </div>
            </fieldset>`
          : html`<h3 id="options-heading">${l.options}</h3>
              <p class="hint" id="options-hint">
                ${msg('Två till tio alternativ, i den ordning invånarna ser dem.', { id: 'console.poll.options-hint' })}
              </p>
              ${fieldError('add-option', e.options && pollIssueText(e.options))}
              <ol class="options-list" aria-labelledby="options-heading">
                ${repeat(
                  d.options,
                  (o) => o.key,
                  (o, i) => this.renderOption(d, o, i),
                )}
              </ol>
              <div class="actions">
                <button
                  type="button"
                  id="add-option"
                  ?disabled=${d.options.length >= pollOptionLimits.max}
                  aria-describedby=${e.options ? 'add-option-error' : 'options-hint'}
                  @click=${() => void this.addOption()}
                >
                  ${msg('Lägg till ett alternativ', { id: 'console.poll.add-option' })}
                </button>
              </div>`}
        <div class="actions">
          <button type="submit" class="primary" id="save-poll" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.creating ? msg('Spara som utkast', { id: 'console.poll.create' }) : msg('Spara ändringarna', { id: 'console.budget.save' })}
          </button>
          ${this.dirty && !this.creating ? html`<span class="muted">${msg('Det finns ändringar som inte är sparade.', { id: 'console.budget.unsaved' })}</span>` : nothing}
        </div>
      </form>`;
  }

  // ——— Steps ———

  private async ask(step: Step) {
    this.confirming = step;
    this.actionProblems = [];
    await this.focusOn('#confirm-question');
  }

  private async cancel() {
    const step = this.confirming;
    this.confirming = undefined;
    await this.focusOn(`#${step}-poll`);
  }

  private async step(step: Step) {
    if (this.busy) return;
    this.busy = true;
    try {
      if (step === 'delete') {
        await pollApi.remove(this.number);
        this.follow(false);
        this.announce(this.words(() => msg('Snabbfrågan är borttagen.', { id: 'console.poll.deleted' })));
        location.hash = '#/polls';
        return;
      }
      const { poll } =
        step === 'open' ? await pollApi.open(this.number) : step === 'close' ? await pollApi.close(this.number) : await pollApi.reset(this.number);
      this.confirming = undefined;
      this.actionProblems = [];
      this.show(poll, this.dirty && poll.status === 'draft');
      this.announce(
        this.words(() =>
          step === 'open'
            ? msg('Snabbfrågan är öppen. Invånarna kan svara nu.', { id: 'console.poll.opened' })
            : step === 'close'
              ? msg('Snabbfrågan är stängd. Inga fler svar tas emot.', { id: 'console.poll.closed' })
              : msg('Alla svar är borttagna. Resultatet börjar om från noll.', { id: 'console.poll.reset' }),
        ),
      );
      await this.focusOn('#status-heading');
    } catch (err) {
      this.confirming = undefined;
      if (err instanceof StaffApiError && err.status === 409) {
        // Someone else moved it meanwhile: show what it is now.
        await this.load();
        this.actionProblems = [
          this.words(() => msg('Snabbfrågan har ändrats under tiden. Sidan visar nu hur den ser ut.', { id: 'console.poll.conflict' })),
        ];
      } else {
        this.actionProblems = [this.words(() => problemText(err))];
      }
      await focusSummary(this, 'actions-errors');
    } finally {
      this.busy = false;
    }
  }

  /** The question a step asks before it is taken, and the button that says yes. */
  private confirmWords(step: Step): [question: string, yes: string] {
    switch (step) {
      case 'open': {
        if (this.poll?.status === 'closed') {
          return [
            msg('Vill du öppna frågan igen? Svaren som finns står kvar, och invånarna kan svara igen.', { id: 'console.poll.confirm-reopen' }),
            msg('Ja, öppna frågan igen', { id: 'console.poll.confirm-reopen-yes' }),
          ];
        }
        const unsaved = this.dirty
          ? ` ${msg('Ändringar i formuläret som inte är sparade följer inte med.', { id: 'console.budget.unsaved-warning' })}`
          : '';
        return [
          msg('Vill du öppna frågan? Invånarna kan svara direkt, och frågan och alternativen går inte att ändra sedan.', { id: 'console.poll.confirm-open' }) + unsaved,
          msg('Ja, öppna frågan', { id: 'console.poll.confirm-open-yes' }),
        ];
      }
      case 'close':
        return [
          msg('Vill du stänga frågan? Inga fler svar tas emot, och resultatet står kvar.', { id: 'console.poll.confirm-close' }),
          msg('Ja, stäng frågan', { id: 'console.poll.confirm-close-yes' }),
        ];
      case 'reset':
        return [
          msg('Vill du ta bort alla svar? Resultatet börjar om från noll, och svaren går inte att få tillbaka.', { id: 'console.poll.confirm-reset' }),
          msg('Ja, ta bort alla svar', { id: 'console.poll.confirm-reset-yes' }),
        ];
      case 'delete':
        return [
          msg('Vill du ta bort snabbfrågan och dess svar? Det går inte att ångra. En webbsida som visar den visar ett fel i stället.', {
            id: 'console.poll.confirm-delete',
          }),
          msg('Ja, ta bort frågan', { id: 'console.poll.confirm-delete-yes' }),
        ];
    }
  }

  private confirmFor(step: Step): TemplateResult {
    const [question, yes] = this.confirmWords(step);
    return renderConfirm(
      question,
      yes,
      this.busy,
      () => void this.step(step),
      () => void this.cancel(),
      step === 'reset' || step === 'delete',
    );
  }

  private renderStatus(p: StaffPoll): TemplateResult {
    const button = (step: Step, label: string, cls: string) =>
      html`<button type="button" class=${cls} id="${step}-poll" @click=${() => void this.ask(step)}>${label}</button>`;
    const buttons: TemplateResult[] = [];
    let notice: string;
    if (p.status === 'draft') {
      notice = msg('Frågan är ett utkast: bara personalen ser den. Öppna den när den är klar, så kan invånarna svara.', { id: 'console.poll.draft-notice' });
      buttons.push(button('open', msg('Öppna för svar', { id: 'console.poll.open' }), 'primary'));
      buttons.push(button('delete', msg('Ta bort frågan', { id: 'console.poll.delete' }), 'danger'));
    } else if (p.status === 'open') {
      notice = msg('Invånarna kan svara nu. Stäng frågan när ni är klara.', { id: 'console.poll.open-notice' });
      buttons.push(button('close', msg('Stäng för svar', { id: 'console.poll.close' }), 'primary'));
      buttons.push(button('reset', msg('Ta bort alla svar', { id: 'console.poll.reset-button' }), 'danger'));
    } else {
      notice = msg('Frågan är stängd. Resultatet syns fortfarande där frågan visas.', { id: 'console.poll.closed-notice' });
      buttons.push(button('open', msg('Öppna igen', { id: 'console.poll.reopen' }), ''));
      buttons.push(button('reset', msg('Ta bort alla svar', { id: 'console.poll.reset-button' }), 'danger'));
      buttons.push(button('delete', msg('Ta bort frågan', { id: 'console.poll.delete' }), 'danger'));
    }
    return html`<h2 id="status-heading" tabindex="-1">${msg(str`Status: ${pollStatusLabel(p.status)}`, { id: 'console.budget.status-heading' })}</h2>
      ${errorSummary('actions-errors', {}, this.actionProblems, [], () => this.renderRoot as ShadowRoot)}
      <p>${notice}</p>
      ${this.confirming ? this.confirmFor(this.confirming) : html`<div class="actions">${buttons}</div>`}`;
  }

  private renderFacts(p: StaffPoll): TemplateResult {
    const date = (label: string, iso: string | null, key: string) =>
      iso ? html`<dt>${label}</dt><dd data-date=${key}><time datetime=${iso}>${dateTime(iso, this.locale)}</time></dd>` : nothing;
    return html`<dl class="facts">
      <dt>${msg('Sätt att svara', { id: 'console.polls.kind' })}</dt>
      <dd>${pollKindLabel(p.kind)}</dd>
      ${date(msg('Skapad', { id: 'console.budget.created-at' }), p.createdAt, 'created')}
      ${date(msg('Öppnad', { id: 'console.budget.opened-at' }), p.openedAt, 'opened')}
      ${date(msg('Stängd', { id: 'console.budget.closed-at' }), p.status === 'closed' ? p.closedAt : null, 'closed')}
    </dl>`;
  }

  private resultRows(p: StaffPoll): ResultRow[] {
    const count = (id: number) => p.results.counts[String(id)] ?? 0;
    const english = this.locale === 'en';
    if (p.kind === 'scale') {
      return [1, 2, 3, 4, 5].map((n) => {
        const end = p.scaleLabels ? (n === 1 ? p.scaleLabels.low : n === 5 ? p.scaleLabels.high : null) : null;
        return { key: String(n), label: end ? `${n} – ${localized(end, this.locale)}` : String(n), count: count(n) };
      });
    }
    return p.options.map((o) => ({
      key: String(o.id),
      label: localized(o.label, this.locale),
      ...(english && !o.label.en ? { lang: 'sv' } : {}),
      count: count(o.id),
    }));
  }

  private renderResults(p: StaffPoll): TemplateResult | typeof nothing {
    if (p.status === 'draft') return nothing;
    const total = p.results.total;
    return html`<h2 id="results-heading">${msg('Resultat', { id: 'console.poll.results' })}</h2>
      <p class="total">
        <strong data-total=${total}>${answersCount(total)}</strong>
        ${p.status === 'open'
          ? html`<span class="muted"
              >${this.live
                ? msg('(uppdateras medan frågan är öppen)', { id: 'console.poll.live' })
                : msg('(hämta resultatet igen för att se nya svar)', { id: 'console.poll.not-live' })}</span
            >`
          : nothing}
      </p>
      ${renderResultRows('poll-results', msg('Svar per alternativ', { id: 'console.poll.results-caption' }), this.resultRows(p), total, this.locale)}
      ${p.kind === 'scale' ? renderScaleAverage('poll-average', this.resultRows(p), this.locale) : nothing}
      ${p.kind === 'multiple'
        ? html`<p class="hint">
            ${msg('Invånarna kan välja flera alternativ, så andelarna blir tillsammans mer än 100 %.', { id: 'console.poll.multiple-hint' })}
          </p>`
        : nothing}
      <div class="actions">
        <button type="button" id="refresh-results" @click=${() => void this.refresh()}>${msg('Hämta resultatet igen', { id: 'console.budget.refresh' })}</button>
      </div>`;
  }

  private async refresh() {
    try {
      const poll = (await pollApi.polls()).polls.find((x) => x.id === this.number);
      if (!poll) throw new StaffApiError(404, 'poll_not_found', 'not found');
      this.show(poll, true);
      this.announce(this.words(() => msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' })));
    } catch (err) {
      this.announce(this.words(() => problemText(err)));
    }
  }

  private async copyCode(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      this.announce(this.words(() => msg('Koden är kopierad.', { id: 'console.poll.copied' })));
    } catch {
      this.announce(this.words(() => msg('Det gick inte att kopiera. Markera koden och kopiera den själv.', { id: 'console.poll.copy-failed' })));
    }
  }

  private renderShow(p: StaffPoll): TemplateResult {
    const code = `<medverka-poll poll="${p.id}"></medverka-poll>`;
    return html`<h2 id="show-heading">${msg('Visa frågan', { id: 'console.poll.show' })}</h2>
      ${p.status === 'draft'
        ? html`<p class="hint">${msg('Storbilden och webbsidorna visar frågan när den är öppen.', { id: 'console.poll.show-draft' })}</p>`
        : nothing}
      <ul class="downloads">
        <li>
          <a id="presenter-link" href=${pollApi.presenterUrl(p.id)} target="_blank" rel="noopener"
            >${msg('Storbild för mötet', { id: 'console.poll.presenter' })} ${msg('(öppnas i en ny flik)', { id: 'console.new-tab' })}</a
          >
        </li>
        <li>
          <a href=${pollApi.presenterUrl(p.id, 'en')} target="_blank" rel="noopener" lang="en"
            >Presenter view in English ${msg('(öppnas i en ny flik)', { id: 'console.new-tab' })}</a
          >
        </li>
      </ul>
      <h3 id="code-heading">${msg('Kod för en webbsida', { id: 'console.poll.code' })}</h3>
      <p class="hint" id="code-hint">
        ${msg('Klistra in koden där frågan ska synas. Sidan behöver också Medverkas skripttagg, som du hittar under', { id: 'console.poll.code-hint' })}
        <a href="#/embed">${msg('Bädda in', { id: 'console.nav.embed' })}</a>.
      </p>
      <pre class="embed-code"><code id="embed-code">${code}</code></pre>
      <div class="actions">
        <button type="button" id="copy-code" aria-describedby="code-hint" @click=${() => void this.copyCode(code)}>${msg('Kopiera koden', { id: 'console.poll.copy' })}</button>
      </div>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/polls">${msg('Alla snabbfrågor', { id: 'console.poll.back' })}</a></p>`;
    if (this.creating) {
      return html`${back}
        <h1 tabindex="-1">${msg('Ny snabbfråga', { id: 'console.polls.new' })}</h1>
        <p>${msg('Frågan sparas som ett utkast. Invånarna ser den först när du öppnar den.', { id: 'console.poll.new-intro' })}</p>
        ${this.renderForm(this.draft!)}`;
    }
    if (this.loadProblem) {
      return html`${back}
        <h1 tabindex="-1">${msg(str`Snabbfråga ${this.pollId}`, { id: 'console.poll.title-n' })}</h1>
        <div class="notice problem">
          <p>${problemText(this.loadProblem)}</p>
          <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
        </div>`;
    }
    const p = this.poll;
    const d = this.draft;
    if (!p || !d) {
      return html`${back}
        <h1 tabindex="-1">${msg(str`Snabbfråga ${this.pollId}`, { id: 'console.poll.title-n' })}</h1>
        <p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    }
    return html`${back}
      <h1 tabindex="-1">${localized(p.question, this.locale)}</h1>
      ${this.renderFacts(p)} ${this.renderStatus(p)} ${this.renderResults(p)} ${this.renderShow(p)}
      ${p.status === 'draft' ? this.renderForm(d) : nothing}`;
  }
}
