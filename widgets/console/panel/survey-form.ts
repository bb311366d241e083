import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { errorSummary, fieldError, focusSummary, problemText, type FieldErrors } from '../kit/forms.js';
import { panelApi, type QuestionType } from './panel-api.js';
import { fieldIdOf, pollIssueText, renderEntryActions, textField } from '../kit/fields.js';
import {
  checkSurveyDraft,
  hasOptions,
  newPage,
  newQuestion,
  newSurveyOption,
  surveyDraftOf,
  surveyFieldOfIssue,
  surveyInputOf,
  surveyOptionLimits,
  type PageDraft,
  type QuestionDraft,
  type SurveyDraft,
  type SurveyOptionDraft,
} from './survey-draft.js';
import { audienceLabel, questionTypeLabel } from './survey-format.js';
import { SurveyScreen, questionTypes } from './survey-screen.js';

/** The survey's form while it is a draft: its pages, questions and options, and saving it. */
export abstract class SurveyForm extends SurveyScreen {
  // ——— The form ———

  protected dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  protected swap<T>(list: T[], entry: T, by: -1 | 1): T[] {
    const out = [...list];
    const from = out.indexOf(entry);
    const to = from + by;
    if (from < 0 || to < 0 || to >= out.length) return list;
    [out[from], out[to]] = [out[to]!, out[from]!];
    return out;
  }

  /** After a move, focus stays on the moved thing's button; at the top or bottom it is disabled, so the other direction takes it. */
  protected async refocus(entry: string, action: 'up' | 'down') {
    await this.updateComplete;
    const button = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`${entry} > div > .actions [data-action="${a}"], ${entry} > .actions [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  protected async addPage() {
    const d = this.draft!;
    const page = newPage(d);
    d.pages = [...d.pages, page];
    this.touch();
    this.say(() => msg(str`${this.pageName(page)} har lagts till.`, { id: 'console.survey.page-added' }));
    await this.focusOn(`#${fieldIdOf(`q${page.questions[0]!.key}.text.sv`)}`);
  }

  protected async removePage(page: PageDraft) {
    const d = this.draft!;
    const name = this.pageName(page);
    const at = d.pages.indexOf(page);
    d.pages = d.pages.filter((p) => p !== page);
    this.dropErrors(`p${page.key}`);
    for (const q of page.questions) this.dropErrors(`q${q.key}.`);
    this.touch();
    this.say(() => msg(str`${name} har tagits bort.`, { id: 'console.survey.page-removed' }));
    const next = d.pages[at] ?? d.pages[at - 1];
    await this.focusOn(next ? `#page-${next.key}-heading` : '#add-page');
  }

  protected async movePage(page: PageDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    d.pages = this.swap(d.pages, page, by);
    this.touch();
    this.say(() => msg(str`Sidan är nu ${this.pageName(page).toLocaleLowerCase(this.locale)} av ${d.pages.length}.`, { id: 'console.survey.page-moved' }));
    await this.refocus(`[data-page="${page.key}"]`, action);
  }

  protected async addQuestion(page: PageDraft) {
    const q = newQuestion(this.draft);
    page.questions = [...page.questions, q];
    this.dropErrors(`p${page.key}`);
    this.touch();
    this.say(() => msg(str`${this.questionName(q)} har lagts till.`, { id: 'console.survey.question-added' }));
    await this.focusOn(`#${fieldIdOf(`q${q.key}.text.sv`)}`);
  }

  protected async removeQuestion(page: PageDraft, q: QuestionDraft) {
    const name = this.questionName(q);
    const at = page.questions.indexOf(q);
    page.questions = page.questions.filter((x) => x !== q);
    this.dropErrors(`q${q.key}.`);
    this.touch();
    this.say(() => msg(str`${name} har tagits bort.`, { id: 'console.survey.question-removed' }));
    const next = page.questions[at] ?? page.questions[at - 1];
    await this.focusOn(next ? `#question-${next.key}-heading` : `#add-question-${page.key}`);
  }

  protected async moveQuestion(page: PageDraft, q: QuestionDraft, by: -1 | 1, action: 'up' | 'down') {
    page.questions = this.swap(page.questions, q, by);
    this.touch();
    this.say(() =>
      msg(str`${this.questionName(q)} är nu på plats ${page.questions.indexOf(q) + 1} av ${page.questions.length} på sidan.`, { id: 'console.survey.question-moved' }),
    );
    await this.refocus(`[data-question-key="${q.key}"]`, action);
  }

  protected async addOption(q: QuestionDraft) {
    if (q.options.length >= surveyOptionLimits.max) return;
    const o = newSurveyOption();
    q.options = [...q.options, o];
    this.dropErrors(`q${q.key}.options`);
    this.touch();
    this.say(() => msg(str`${this.optionName(q, o)} har lagts till.`, { id: 'console.poll.option-added' }));
    await this.focusOn(`#${fieldIdOf(`q${q.key}.o${o.key}.sv`)}`);
  }

  protected async removeOption(q: QuestionDraft, o: SurveyOptionDraft) {
    const name = this.optionName(q, o);
    const at = q.options.indexOf(o);
    q.options = q.options.filter((x) => x !== o);
    this.dropErrors(`q${q.key}.o${o.key}.`);
    this.touch();
    this.say(() => msg(str`${name} har tagits bort.`, { id: 'console.poll.option-removed' }));
    const next = q.options[at] ?? q.options[at - 1];
    await this.focusOn(next ? `#${fieldIdOf(`q${q.key}.o${next.key}.sv`)}` : `#add-option-${q.key}`);
  }

  protected async moveOption(q: QuestionDraft, o: SurveyOptionDraft, by: -1 | 1, action: 'up' | 'down') {
    q.options = this.swap(q.options, o, by);
    this.touch();
    this.say(() => msg(str`${this.optionName(q, o)} är nu på plats ${q.options.indexOf(o) + 1} av ${q.options.length}.`, { id: 'console.poll.option-moved' }));
    await this.refocus(`[data-option-key="${o.key}"]`, action);
  }

  protected async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.draft) return;
    const draft = this.draft;
    this.errors = checkSurveyDraft(draft);
    this.general = [];
    if (Object.keys(this.errors).length) return focusSummary(this, 'survey-errors');
    // The server names pages, questions and options by position: remember the order they were sent in.
    const sent: SurveyDraft = {
      ...draft,
      pages: draft.pages.map((p) => ({ ...p, questions: p.questions.map((q) => ({ ...q, options: [...q.options] })) })),
    };
    this.busy = true;
    try {
      if (this.creating) {
        const { survey } = await panelApi.create(surveyInputOf(draft));
        this.dirty = false;
        this.say(() => msg('Enkäten är sparad som utkast.', { id: 'console.survey.created' }));
        location.hash = `#/panel/${survey.id}`;
        return;
      }
      const { survey } = await panelApi.update(this.number, surveyInputOf(draft));
      this.dirty = false;
      this.show(survey);
      this.draft = surveyDraftOf(survey);
      this.say(() => msg('Enkäten är sparad.', { id: 'console.survey.saved' }));
    } catch (err) {
      const byField: FieldErrors = {};
      const general: string[] = [];
      if (err instanceof StaffApiError && err.code === 'survey_not_draft') {
        general.push(
          this.words(() =>
            msg('Enkäten går inte att ändra längre: den är godkänd. Ladda om sidan för att se den som den är sparad.', { id: 'console.survey.not-draft' }),
          ),
        );
      } else if (err instanceof StaffApiError && err.issues.length) {
        const shown = new Set(this.fields.map((f) => f.name));
        for (const issue of err.issues) {
          // The keys are the same in the draft as sent: the fields are found by them.
          const field = surveyFieldOfIssue(sent, issue.path);
          if (field && shown.has(field)) byField[field] ??= issue.message;
          else general.push(issue.path && issue.path !== '(body)' ? `${issue.path}: ${issue.message}` : issue.message);
        }
      } else {
        general.push(this.words(() => problemText(err)));
      }
      this.errors = byField;
      this.general = general;
      await focusSummary(this, 'survey-errors');
    } finally {
      this.busy = false;
    }
  }

  protected renderOption(q: QuestionDraft, o: SurveyOptionDraft, i: number): TemplateResult {
    const l = this.labels;
    const p = `q${q.key}.o${o.key}`;
    const name = this.optionName(q, o);
    const named = html`<span class="visually-hidden">${this.questionName(q)}, ${name}</span>`;
    return html`<li class="option" data-option-key=${o.key}>
      <div role="group" aria-label=${`${this.questionName(q)}, ${name}`}>
        <h5>${name}</h5>
        <div class="pair">
          ${textField(`${p}.sv`, l.optionSv, o.sv, this.errors[`${p}.sv`], (v) => {
            o.sv = v;
            this.touch();
          })}
          ${textField(
            `${p}.en`,
            l.optionEn,
            o.en,
            this.errors[`${p}.en`],
            (v) => {
              o.en = v;
              this.touch();
            },
            { lang: 'en' },
          )}
        </div>
        ${renderEntryActions({
          index: i,
          count: q.options.length,
          named,
          move: (by, action) => void this.moveOption(q, o, by, action),
          remove: () => void this.removeOption(q, o),
          removable: q.options.length > surveyOptionLimits.min,
        })}
      </div>
    </li>`;
  }

  protected scaleField(q: QuestionDraft, end: 'low' | 'high', lang: 'sv' | 'en', label: string): TemplateResult {
    const key = `${end}${lang === 'sv' ? 'Sv' : 'En'}` as 'lowSv' | 'lowEn' | 'highSv' | 'highEn';
    const path = `q${q.key}.${end}.${lang}`;
    return textField(
      path,
      label,
      q[key],
      this.errors[path],
      (v) => {
        q[key] = v;
        this.touch();
      },
      lang === 'en' ? { lang: 'en' } : {},
    );
  }

  protected renderQuestion(page: PageDraft, q: QuestionDraft, i: number): TemplateResult {
    const l = this.labels;
    const p = `q${q.key}`;
    const name = this.questionName(q);
    const named = html`<span class="visually-hidden">${name}</span>`;
    const optionsError = this.errors[`${p}.options`];
    return html`<li class="question-edit" data-question-key=${q.key}>
      <div role="group" aria-labelledby="question-${q.key}-heading">
        <h4 id="question-${q.key}-heading" tabindex="-1">${name}</h4>
        <div class="field">
          <label for="f-${p}-type">${l.type}</label>
          <select
            id="f-${p}-type"
            @input=${(e: Event) => {
              q.type = (e.target as HTMLSelectElement).value as QuestionType;
              this.touch();
            }}
          >
            ${questionTypes.map((t) => html`<option value=${t} ?selected=${q.type === t}>${questionTypeLabel(t)}</option>`)}
          </select>
        </div>
        <div class="pair">
          ${textField(`${p}.text.sv`, l.textSv, q.textSv, this.errors[`${p}.text.sv`], (v) => {
            q.textSv = v;
            this.touch();
          })}
          ${textField(
            `${p}.text.en`,
            l.textEn,
            q.textEn,
            this.errors[`${p}.text.en`],
            (v) => {
              q.textEn = v;
              this.touch();
            },
            { lang: 'en' },
          )}
        </div>
        <label class="choice" for="f-${p}-required">
          <input
            type="checkbox"
            id="f-${p}-required"
            .checked=${q.required}
            @change=${(e: Event) => {
              q.required = (e.target as HTMLInputElement).checked;
              this.touch();
            }}
          />
          ${msg('Måste besvaras', { id: 'console.survey.required' })}
        </label>
        ${hasOptions(q.type)
          ? html`<fieldset>
              <legend>${l.options}</legend>
              <p class="hint" id="options-hint-${q.key}">
                ${q.type === 'ranking'
                  ? msg('Två till tolv alternativ. Invånaren ordnar dem från viktigast till minst viktigt.', { id: 'console.survey.ranking-hint' })
                  : msg('Två till tolv alternativ, i den ordning invånarna ser dem.', { id: 'console.survey.options-hint' })}
              </p>
              ${fieldError(`add-option-${q.key}`, optionsError && pollIssueText(optionsError))}
              <ol class="options-list">
                ${repeat(
                  q.options,
                  (o) => o.key,
                  (o, oi) => this.renderOption(q, o, oi),
                )}
              </ol>
              <div class="actions">
                <button
                  type="button"
                  id="add-option-${q.key}"
                  ?disabled=${q.options.length >= surveyOptionLimits.max}
                  aria-describedby=${optionsError ? `add-option-${q.key}-error` : `options-hint-${q.key}`}
                  @click=${() => void this.addOption(q)}
                >
                  ${msg('Lägg till ett alternativ', { id: 'console.poll.add-option' })} ${named}
                </button>
              </div>
            </fieldset>`
          : q.type === 'scale'
            ? html`<fieldset>
                <legend>${msg('Skalans ändar', { id: 'console.survey.scale-ends' })}</legend>
                <p class="hint">
                  ${msg('Invånaren svarar med ett tal från 1 till 5. Skriv gärna vad ändarna betyder, till exempel ”Inte alls” och ”Helt och hållet”.', {
                    id: 'console.survey.scale-hint',
                  })}
                </p>
                <div class="pair">
                  ${this.scaleField(q, 'low', 'sv', l.lowSv)} ${this.scaleField(q, 'low', 'en', l.lowEn)}
                </div>
                <div class="pair">
                  ${this.scaleField(q, 'high', 'sv', l.highSv)} ${this.scaleField(q, 'high', 'en', l.highEn)}
                </div>
              </fieldset>`
            : html`<p class="hint">${msg('Invånaren skriver med egna ord, högst 5 000 tecken.', { id: 'console.survey.text-hint' })}</p>`}
        ${renderEntryActions({
          index: i,
          count: page.questions.length,
          named,
          move: (by, action) => void this.moveQuestion(page, q, by, action),
          remove: () => void this.removeQuestion(page, q),
          removable: page.questions.length > 1,
        })}
      </div>
    </li>`;
  }

  protected renderPage(d: SurveyDraft, page: PageDraft, i: number): TemplateResult {
    const name = this.pageName(page);
    const named = html`<span class="visually-hidden">${name}</span>`;
    const error = this.errors[`p${page.key}`];
    return html`<li class="page-edit" data-page=${page.key}>
      <h3 id="page-${page.key}-heading" tabindex="-1">${name}</h3>
      ${fieldError(`page-${page.key}`, error && pollIssueText(error))}
      <ol class="entries" aria-labelledby="page-${page.key}-heading">
        ${repeat(
          page.questions,
          (q) => q.key,
          (q, qi) => this.renderQuestion(page, q, qi),
        )}
      </ol>
      <div class="actions">
        <button type="button" id="add-question-${page.key}" @click=${() => void this.addQuestion(page)}>
          ${msg('Lägg till en fråga', { id: 'console.survey.add-question' })} ${named}
        </button>
      </div>
      ${renderEntryActions({
        index: i,
        count: d.pages.length,
        named,
        move: (by, action) => void this.movePage(page, by, action),
        remove: () => void this.removePage(page),
        removable: d.pages.length > 1,
        labels: [msg('Flytta sidan upp', { id: 'console.survey.page-up' }), msg('Flytta sidan ned', { id: 'console.survey.page-down' }), msg('Ta bort sidan', { id: 'console.survey.page-remove' })],
      })}
    </li>`;
  }

  protected renderForm(d: SurveyDraft): TemplateResult {
    const l = this.labels;
    const e = this.errors;
    const set = (apply: (v: string) => void) => (v: string) => {
      apply(v);
      this.touch();
    };
    const summary = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, pollIssueText(v)]));
    return html`<h2 id="form-heading">${this.creating ? msg('Enkäten', { id: 'console.survey.form-new' }) : msg('Ändra enkäten', { id: 'console.survey.form-edit' })}</h2>
      ${errorSummary('survey-errors', summary, this.general.map(pollIssueText), this.fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
        <fieldset>
          <legend>${msg('Titel', { id: 'console.tile.title' })}</legend>
          ${textField('title.sv', l.titleSv, d.titleSv, e['title.sv'], set((v) => (d.titleSv = v)), {
            hint: msg('Står i e-posten till panelen. En rad.', { id: 'console.survey.title-hint' }),
          })}
          ${textField('title.en', l.titleEn, d.titleEn, e['title.en'], set((v) => (d.titleEn = v)), { lang: 'en' })}
        </fieldset>
        <fieldset>
          <legend>${msg('Inledning', { id: 'console.survey.intro' })}</legend>
          ${textField('intro.sv', l.introSv, d.introSv, e['intro.sv'], set((v) => (d.introSv = v)), {
            multiline: true,
            hint: msg('Varför kommunen frågar och vad svaren används till.', { id: 'console.survey.intro-hint' }),
          })}
          ${textField('intro.en', l.introEn, d.introEn, e['intro.en'], set((v) => (d.introEn = v)), { multiline: true, lang: 'en' })}
        </fieldset>
        <fieldset aria-describedby=${e.audience ? 'f-audience-error' : nothing}>
          <legend>${l.audience}</legend>
          ${fieldError('f-audience', e.audience && pollIssueText(e.audience))}
          ${(['panel', 'open'] as const).map(
            (a) => html`<label class="choice" for="f-audience-${a}">
              <input
                type="radio"
                id="f-audience-${a}"
                name="audience"
                .checked=${d.audience === a}
                @change=${() => {
                  d.audience = a;
                  this.touch();
                }}
              />
              ${audienceLabel(a)}
            </label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="f-closesAt">${l.closesAt}</label>
          <p class="hint" id="f-closesAt-hint">
            ${msg('Efter den tiden tas inga svar emot, och enkäten säger det. Invånarna ser tiden. Lämna tomt om ni stänger enkäten själva.', {
              id: 'console.survey.closes-at-hint',
            })}
          </p>
          ${fieldError('f-closesAt', e.closesAt && pollIssueText(e.closesAt))}
          <input
            id="f-closesAt"
            type="datetime-local"
            .value=${d.closesAt}
            aria-invalid=${e.closesAt ? 'true' : 'false'}
            aria-describedby=${e.closesAt ? 'f-closesAt-hint f-closesAt-error' : 'f-closesAt-hint'}
            @input=${(ev: Event) => set((v) => (d.closesAt = v))((ev.target as HTMLInputElement).value)}
          />
        </div>
        <h3 id="pages-heading">${msg('Sidor och frågor', { id: 'console.survey.pages' })}</h3>
        <p class="hint">${msg('Invånaren svarar en sida i taget, och svaren sparas för varje sida.', { id: 'console.survey.pages-hint' })}</p>
        <ol class="entries" aria-labelledby="pages-heading">
          ${repeat(
            d.pages,
            (p) => p.key,
            (p, i) => this.renderPage(d, p, i),
          )}
        </ol>
        <div class="actions">
          <button type="button" id="add-page" @click=${() => void this.addPage()}>${msg('Lägg till en sida', { id: 'console.survey.add-page' })}</button>
        </div>
        <div class="actions">
          <button type="submit" class="primary" id="save-survey" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.creating ? msg('Spara som utkast', { id: 'console.poll.create' }) : msg('Spara ändringarna', { id: 'console.budget.save' })}
          </button>
          ${this.dirty && !this.creating ? html`<span class="muted">${msg('Det finns ändringar som inte är sparade.', { id: 'console.budget.unsaved' })}</span>` : nothing}
        </div>
      </form>`;
  }
}
