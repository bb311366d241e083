import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { errorSummary, fieldError, focusSummary, problemText, type FieldErrors } from '../kit/forms.js';
import { pollApi, pollOptionLimits } from './poll-api.js';
import { checkPollDraft, newOption, pollFieldOfIssue, pollInputOf, type OptionDraft, type PollDraft } from './poll-draft.js';
import { fieldIdOf, pollIssueText, renderEntryActions, textField } from '../kit/fields.js';
import { PollScreen } from './poll-screen.js';

/** The poll's form: its question and options, and saving it. */
export abstract class PollForm extends PollScreen {
  protected async addOption() {
    const d = this.draft!;
    if (d.options.length >= pollOptionLimits.max) return;
    const option = newOption();
    d.options = [...d.options, option];
    this.dropErrors('options');
    this.touch();
    this.announce(this.words(() => msg(str`${this.optionName(option)} har lagts till.`, { id: 'console.poll.option-added' })));
    await this.focusOn(`#${fieldIdOf(`o${option.key}.sv`)}`);
  }

  protected async removeOption(option: OptionDraft) {
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

  protected async moveOption(option: OptionDraft, by: -1 | 1, action: 'up' | 'down') {
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

  protected dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  protected async onSubmit(event: SubmitEvent) {
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

  protected generalText(problem: unknown): string {
    if (problem === 'poll_not_draft') {
      return msg('Frågan går inte att ändra längre: den har öppnats. Ladda om sidan för att se den som den är sparad.', { id: 'console.poll.not-draft' });
    }
    return typeof problem === 'string' ? pollIssueText(problem) : problemText(problem);
  }

  protected renderOption(d: PollDraft, option: OptionDraft, i: number): TemplateResult {
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
        ${renderEntryActions({
          index: i,
          count: d.options.length,
          named,
          move: (by, action) => void this.moveOption(option, by, action),
          remove: () => void this.removeOption(option),
          removable: d.options.length > pollOptionLimits.min,
        })}
      </div>
    </li>`;
  }

  protected renderForm(d: PollDraft): TemplateResult {
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
}
