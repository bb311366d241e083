import { html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { problemText } from '../kit/forms.js';
import { panelApi, type QuestionType } from './panel-api.js';
import { fieldIdOf, renderEntryActions } from '../kit/fields.js';
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
  protected async addPage() {
    const d = this.draft!;
    const page = newPage(d);
    const said = () => msg(str`${this.pageName(page)} har lagts till.`, { id: 'console.survey.page-added' });
    await this.addEntry(d, 'pages', page, said, `#${fieldIdOf(`q${page.questions[0]!.key}.text.sv`)}`);
  }

  protected async removePage(page: PageDraft) {
    const d = this.draft!;
    const name = this.pageName(page);
    for (const q of page.questions) this.dropErrors(`q${q.key}.`);
    await this.removeEntry(d, 'pages', page, {
      errors: `p${page.key}`,
      said: () => msg(str`${name} har tagits bort.`, { id: 'console.survey.page-removed' }),
      focus: (next) => `#page-${next.key}-heading`,
      otherwise: '#add-page',
    });
  }

  protected async movePage(page: PageDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    await this.moveEntry(d, 'pages', page, by, action, `[data-page="${page.key}"]`, () =>
      msg(str`Sidan är nu ${this.pageName(page).toLocaleLowerCase(this.locale)} av ${d.pages.length}.`, { id: 'console.survey.page-moved' }),
    );
  }

  protected async addQuestion(page: PageDraft) {
    const q = newQuestion(this.draft);
    this.dropErrors(`p${page.key}`);
    const said = () => msg(str`${this.questionName(q)} har lagts till.`, { id: 'console.survey.question-added' });
    await this.addEntry(page, 'questions', q, said, `#${fieldIdOf(`q${q.key}.text.sv`)}`);
  }

  protected async removeQuestion(page: PageDraft, q: QuestionDraft) {
    const name = this.questionName(q);
    await this.removeEntry(page, 'questions', q, {
      errors: `q${q.key}.`,
      said: () => msg(str`${name} har tagits bort.`, { id: 'console.survey.question-removed' }),
      focus: (next) => `#question-${next.key}-heading`,
      otherwise: `#add-question-${page.key}`,
    });
  }

  protected async moveQuestion(page: PageDraft, q: QuestionDraft, by: -1 | 1, action: 'up' | 'down') {
    await this.moveEntry(page, 'questions', q, by, action, `[data-question-key="${q.key}"]`, () =>
      msg(str`${this.questionName(q)} är nu på plats ${page.questions.indexOf(q) + 1} av ${page.questions.length} på sidan.`, { id: 'console.survey.question-moved' }),
    );
  }

  protected async addOption(q: QuestionDraft) {
    if (q.options.length >= surveyOptionLimits.max) return;
    const o = newSurveyOption();
    this.dropErrors(`q${q.key}.options`);
    const said = () => msg(str`${this.optionName(q, o)} har lagts till.`, { id: 'console.poll.option-added' });
    await this.addEntry(q, 'options', o, said, `#${fieldIdOf(`q${q.key}.o${o.key}.sv`)}`);
  }

  protected async removeOption(q: QuestionDraft, o: SurveyOptionDraft) {
    const name = this.optionName(q, o);
    await this.removeEntry(q, 'options', o, {
      errors: `q${q.key}.o${o.key}.`,
      said: () => msg(str`${name} har tagits bort.`, { id: 'console.poll.option-removed' }),
      focus: (next) => `#${fieldIdOf(`q${q.key}.o${next.key}.sv`)}`,
      otherwise: `#add-option-${q.key}`,
    });
  }

  protected async moveOption(q: QuestionDraft, o: SurveyOptionDraft, by: -1 | 1, action: 'up' | 'down') {
    await this.moveEntry(q, 'options', o, by, action, `[data-option-key="${o.key}"]`, () =>
      msg(str`${this.optionName(q, o)} är nu på plats ${q.options.indexOf(o) + 1} av ${q.options.length}.`, { id: 'console.poll.option-moved' }),
    );
  }

  protected onSubmit(event: SubmitEvent) {
    return this.save(event, {
      summary: 'survey-errors',
      check: checkSurveyDraft,
      snapshot: (draft) => ({
        ...draft,
        pages: draft.pages.map((p) => ({ ...p, questions: p.questions.map((q) => ({ ...q, options: [...q.options] })) })),
      }),
      send: async (draft) => {
        if (this.creating) {
          const { survey } = await panelApi.create(surveyInputOf(draft));
          return this.created(() => msg('Enkäten är sparad som utkast.', { id: 'console.survey.created' }), `#/panel/${survey.id}`);
        }
        const { survey } = await panelApi.update(this.number, surveyInputOf(draft));
        this.dirty = false;
        this.show(survey);
        this.draft = surveyDraftOf(survey);
        this.say(() => msg('Enkäten är sparad.', { id: 'console.survey.saved' }));
      },
      // The keys are the same in the draft as sent: the fields are found by them.
      fieldOf: surveyFieldOfIssue,
      refused: (err) =>
        err instanceof StaffApiError && err.code === 'survey_not_draft'
          ? this.words(() => msg('Enkäten går inte att ändra längre: den är godkänd. Ladda om sidan för att se den som den är sparad.', { id: 'console.survey.not-draft' }))
          : undefined,
      unplaced: (_, path, message) => (path && path !== '(body)' ? `${path}: ${message}` : message),
      failed: (err) => this.words(() => problemText(err)),
    });
  }

  protected renderOption(q: QuestionDraft, o: SurveyOptionDraft, i: number): TemplateResult {
    const l = this.labels;
    const p = `q${q.key}.o${o.key}`;
    const name = this.optionName(q, o);
    const named = html`<span class="visually-hidden">${this.questionName(q)}, ${name}</span>`;
    return html`<li class="option" data-option-key=${o.key}>
      <div role="group" aria-label=${`${this.questionName(q)}, ${name}`}>
        <h5>${name}</h5>
        ${this.pair(p, [l.optionSv, l.optionEn], o, ['sv', 'en'])}
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
        ${this.pair(`${p}.text`, [l.textSv, l.textEn], q, ['textSv', 'textEn'])}
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
              ${this.renderEntries(q.options, (o, oi) => this.renderOption(q, o, oi), { cls: 'options-list', problem: [`add-option-${q.key}`, `${p}.options`] })}
              ${this.addButton(`add-option-${q.key}`, html`${msg('Lägg till ett alternativ', { id: 'console.poll.add-option' })} ${named}`, () => void this.addOption(q), {
                disabled: q.options.length >= surveyOptionLimits.max,
                describedBy: optionsError ? `add-option-${q.key}-error` : `options-hint-${q.key}`,
              })}
            </fieldset>`
          : q.type === 'scale'
            ? html`<fieldset>
                <legend>${msg('Skalans ändar', { id: 'console.survey.scale-ends' })}</legend>
                <p class="hint">
                  ${msg('Invånaren svarar med ett tal från 1 till 5. Skriv gärna vad ändarna betyder, till exempel ”Inte alls” och ”Helt och hållet”.', {
                    id: 'console.survey.scale-hint',
                  })}
                </p>
                ${this.pair(`${p}.low`, [l.lowSv, l.lowEn], q, ['lowSv', 'lowEn'])} ${this.pair(`${p}.high`, [l.highSv, l.highEn], q, ['highSv', 'highEn'])}
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
    return html`<li class="page-edit" data-page=${page.key}>
      <h3 id="page-${page.key}-heading" tabindex="-1">${name}</h3>
      ${this.renderEntries(page.questions, (q, qi) => this.renderQuestion(page, q, qi), {
        labelledBy: `page-${page.key}-heading`,
        problem: [`page-${page.key}`, `p${page.key}`],
      })}
      ${this.addButton(`add-question-${page.key}`, html`${msg('Lägg till en fråga', { id: 'console.survey.add-question' })} ${named}`, () => void this.addQuestion(page))}
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
    const title = this.creating ? msg('Enkäten', { id: 'console.survey.form-new' }) : msg('Ändra enkäten', { id: 'console.survey.form-edit' });
    return this.renderDraftForm(
      { title, summary: 'survey-errors', save: ['save-survey', msg('Spara som utkast', { id: 'console.poll.create' })] },
      html`
        <fieldset>
          <legend>${msg('Titel', { id: 'console.tile.title' })}</legend>
          ${this.field('title.sv', l.titleSv, d.titleSv, (v) => (d.titleSv = v), {
            hint: msg('Står i e-posten till panelen. En rad.', { id: 'console.survey.title-hint' }),
          })}
          ${this.field('title.en', l.titleEn, d.titleEn, (v) => (d.titleEn = v), { lang: 'en' })}
        </fieldset>
        <fieldset>
          <legend>${msg('Inledning', { id: 'console.survey.intro' })}</legend>
          ${this.field('intro.sv', l.introSv, d.introSv, (v) => (d.introSv = v), {
            multiline: true,
            hint: msg('Varför kommunen frågar och vad svaren används till.', { id: 'console.survey.intro-hint' }),
          })}
          ${this.field('intro.en', l.introEn, d.introEn, (v) => (d.introEn = v), { multiline: true, lang: 'en' })}
        </fieldset>
        ${this.radios(
          'audience',
          l.audience,
          d.audience,
          (['panel', 'open'] as const).map((a) => [a, audienceLabel(a)] as const),
          (v) => (d.audience = v),
        )}
        ${this.field('closesAt', l.closesAt, d.closesAt, (v) => (d.closesAt = v), {
          type: 'datetime-local',
          hint: msg('Efter den tiden tas inga svar emot, och enkäten säger det. Invånarna ser tiden. Lämna tomt om ni stänger enkäten själva.', {
            id: 'console.survey.closes-at-hint',
          }),
        })}
        <h3 id="pages-heading">${msg('Sidor och frågor', { id: 'console.survey.pages' })}</h3>
        <p class="hint">${msg('Invånaren svarar en sida i taget, och svaren sparas för varje sida.', { id: 'console.survey.pages-hint' })}</p>
        ${this.renderEntries(d.pages, (p, i) => this.renderPage(d, p, i), { labelledBy: 'pages-heading' })}
        ${this.addButton('add-page', msg('Lägg till en sida', { id: 'console.survey.add-page' }), () => void this.addPage())}
      `,
    );
  }
}
