import { css, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, renderIn, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { editorStyles } from '../kit/editor.styles.js';
import { errorSummary, fieldError, focusSummary, problemText, required, type FieldErrors } from '../kit/forms.js';
import { dateTime } from '../kit/labels.js';
import { panelApi, type Breakdown, type PanelCounts, type QuestionType, type StaffSurvey, type SurveyResults } from './panel-api.js';
import { localized } from '../polls/poll-api.js';
import { answersCount, fieldIdOf, pollIssueText, pollStyles, renderConfirm, textField } from '../kit/fields.js';
import {
  checkSurveyDraft,
  emptySurveyDraft,
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
import { audienceLabel, breakdownLabel, questionTypeLabel, surveyStepLabel } from './survey-format.js';
import { renderSurveyResults } from './survey-results.js';
import { ConsoleScreen } from '../kit/screen.js';

type Step = 'approve' | 'delete' | 'send' | 'remind' | 'close' | 'feedback' | 'decision';

interface Field {
  name: string;
  id: string;
  label: string;
}

const questionTypes: QuestionType[] = ['single', 'multiple', 'scale', 'text', 'ranking'];

/**
 * One survey (enkät): its form while it is a draft, its steps as a dated timeline with the next
 * step's action (approve, send to the panel or open, remind, close), the results with the
 * answers as CSV, and what the panel hears back — the feedback, then the committee's decision.
 * Every step that cannot be undone asks first.
 */
export class MedverkaConsoleSurvey extends ConsoleScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    editorStyles,
    pollStyles,
    css`
      .timeline {
        max-width: 40rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .timeline li {
        position: relative;
        padding: 0.25rem 0 0.75rem 2rem;
        border-inline-start: 2px solid var(--_border);
        margin-inline-start: 0.625rem;
      }
      .timeline li:last-child {
        border-inline-start-color: transparent;
      }
      .timeline .mark {
        position: absolute;
        inset-inline-start: -0.6875rem;
        top: 0.25rem;
        width: 1.25rem;
        height: 1.25rem;
        border: 2px solid var(--_border);
        border-radius: 50%;
        background: var(--_surface);
      }
      .timeline li.done .mark {
        border-color: var(--_accent);
        background: var(--_accent);
      }
      .timeline li[aria-current] .mark {
        border-color: var(--_accent);
        border-width: 4px;
      }
      .timeline .what {
        display: block;
        font-weight: 700;
      }
      .timeline li:not(.done) .what {
        font-weight: normal;
        color: var(--_muted);
      }
      .question-edit {
        padding: 1rem;
        border: 1px solid var(--_border);
        border-inline-start: 0.3125rem solid var(--_accent);
        border-radius: var(--_radius);
      }
      .page-edit {
        margin: 0 0 1.5rem;
        padding: 1rem;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
      }
      .page-edit > h3 {
        margin-top: 0;
      }
      @media (max-width: 30rem) {
        .question-edit,
        .page-edit {
          padding: 0.5rem;
        }
      }
      .text-answers {
        max-width: 40rem;
        max-height: 24rem;
        overflow-y: auto;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .text-answers li {
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_border);
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .text-answers li:last-child {
        border-bottom: 0;
      }
      .question-result,
      .group {
        margin: 0 0 1.5rem;
      }
      .contents {
        max-width: 40rem;
      }
      .layout {
        display: grid;
        /* minmax(0, …): a long field or the preview never widens the page past a phone's width. */
        grid-template-columns: minmax(0, 1fr);
        gap: 2rem;
        align-items: start;
      }
      @media (min-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        }
        .preview {
          position: sticky;
          top: 1rem;
          max-height: calc(100vh - 2rem);
          overflow-y: auto;
        }
      }
      .preview-box {
        padding: 1rem;
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        background: var(--_subtle);
      }
      .languages {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      @media (forced-colors: active) {
        .timeline li,
        .timeline .mark,
        .question-edit,
        .page-edit,
        .text-answers {
          border-color: CanvasText;
        }
        .timeline li.done .mark {
          background: CanvasText;
          forced-color-adjust: none;
        }
      }
    `,
  ];

  static override properties = {
    ...ConsoleScreen.properties,
    /** The survey's number; none for a new survey. */
    surveyId: { attribute: 'survey-id' },
    /** The signed-in staff user's id: a survey's author does not approve it. */
    staffId: { type: Number, attribute: 'staff-id' },
    previewLang: { state: true },
    survey: { state: true },
    draft: { state: true },
    loadProblem: { state: true },
    errors: { state: true },
    general: { state: true },
    busy: { state: true },
    dirty: { state: true },
    confirming: { state: true },
    actionProblems: { state: true },
    results: { state: true },
    resultsProblem: { state: true },
    by: { state: true },
    panel: { state: true },
    feedbackSv: { state: true },
    feedbackEn: { state: true },
    committee: { state: true },
    decisionSv: { state: true },
    decisionEn: { state: true },
    sendErrors: { state: true },
    sendGeneral: { state: true },
  };

  declare surveyId: string;
  declare staffId?: number;
  declare private previewLang: 'sv' | 'en';
  declare private survey?: StaffSurvey;
  declare private draft?: SurveyDraft;
  declare private loadProblem?: unknown;
  declare private errors: FieldErrors;
  declare private general: string[];
  declare private busy: boolean;
  declare private dirty: boolean;
  declare private confirming?: Step;
  declare private actionProblems: string[];
  declare private results?: SurveyResults;
  declare private resultsProblem?: unknown;
  declare private by?: Breakdown;
  /** The panel's counts: how many a panel survey goes to, and which groups there are to break results down by. */
  declare private panel?: PanelCounts;
  declare private feedbackSv: string;
  declare private feedbackEn: string;
  declare private committee: string;
  declare private decisionSv: string;
  declare private decisionEn: string;
  /** Problems with the feedback or decision form (whichever is shown). */
  declare private sendErrors: FieldErrors;
  declare private sendGeneral: string[];

  constructor() {
    super();
    this.surveyId = '';
    this.previewLang = 'sv';
    this.errors = {};
    this.general = [];
    this.busy = false;
    this.dirty = false;
    this.actionProblems = [];
    this.feedbackSv = '';
    this.feedbackEn = '';
    this.committee = '';
    this.decisionSv = '';
    this.decisionEn = '';
    this.sendErrors = {};
    this.sendGeneral = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.creating) this.draft ??= emptySurveyDraft();
    else void this.load();
    panelApi.counts().then(
      (counts) => (this.panel = counts),
      () => undefined,
    );
  }

  private get creating(): boolean {
    return !this.surveyId;
  }

  private get number(): number {
    return Number(this.surveyId);
  }

  private words(words: () => string): string {
    return renderIn(this.locale, MedverkaConsoleSurvey.translations, words);
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      this.show((await panelApi.survey(this.number)).survey);
    } catch (err) {
      this.loadProblem = err;
      return;
    }
    await this.loadResults();
  }

  private show(survey: StaffSurvey) {
    this.survey = survey;
    if (survey.status === 'draft') {
      if (!this.dirty || !this.draft) this.draft = surveyDraftOf(survey);
    } else {
      this.draft = undefined;
      this.dirty = false;
    }
  }

  private get answering(): boolean {
    const s = this.survey?.status;
    return s === 'sent' || s === 'open' || s === 'closed';
  }

  async loadResults(): Promise<void> {
    if (!this.answering) return;
    this.resultsProblem = undefined;
    try {
      this.results = (await panelApi.results(this.number, this.by)).results;
    } catch (err) {
      this.resultsProblem = err;
    }
  }

  private touch() {
    this.dirty = true;
    this.requestUpdate();
  }

  // ——— The form ———

  private get labels() {
    return {
      titleSv: msg('Titel på svenska', { id: 'console.title-sv' }),
      titleEn: msg('Titel på engelska (valfri)', { id: 'console.title-en' }),
      introSv: msg('Inledning på svenska (valfri)', { id: 'console.survey.intro-sv' }),
      introEn: msg('Inledning på engelska (valfri)', { id: 'console.survey.intro-en' }),
      audience: msg('Vilka som svarar', { id: 'console.survey.audience' }),
      type: msg('Typ av fråga', { id: 'console.survey.type' }),
      textSv: msg('Frågan på svenska', { id: 'console.poll.question-sv' }),
      textEn: msg('Frågan på engelska (valfri)', { id: 'console.poll.question-en' }),
      options: msg('Svarsalternativ', { id: 'console.poll.options' }),
      optionSv: msg('På svenska', { id: 'console.poll.in-swedish' }),
      optionEn: msg('På engelska (valfritt)', { id: 'console.poll.in-english' }),
      closesAt: msg('Sista tid att svara (valfri)', { id: 'console.survey.closes-at' }),
      lowSv: msg('Vad 1 betyder, på svenska (valfritt)', { id: 'console.survey.low-sv' }),
      lowEn: msg('Vad 1 betyder, på engelska (valfritt)', { id: 'console.survey.low-en' }),
      highSv: msg('Vad 5 betyder, på svenska (valfritt)', { id: 'console.survey.high-sv' }),
      highEn: msg('Vad 5 betyder, på engelska (valfritt)', { id: 'console.survey.high-en' }),
    };
  }

  private pageName(page: PageDraft): string {
    const n = this.draft!.pages.indexOf(page) + 1;
    return msg(str`Sida ${n}`, { id: 'console.survey.page-n' });
  }

  /** "Fråga 2.1: Hur ofta …" — a question's name, by page and place. */
  private questionName(q: QuestionDraft): string {
    const pages = this.draft!.pages;
    const page = pages.findIndex((p) => p.questions.includes(q));
    const n = `${page + 1}.${(pages[page]?.questions.indexOf(q) ?? 0) + 1}`;
    const text = q.textSv.trim();
    return text ? msg(str`Fråga ${n}: ${text}`, { id: 'console.survey.named-question' }) : msg(str`Fråga ${n}`, { id: 'console.survey.question-n' });
  }

  private optionName(q: QuestionDraft, o: SurveyOptionDraft): string {
    const n = q.options.indexOf(o) + 1;
    const text = o.sv.trim();
    return text ? msg(str`Alternativ ${n}: ${text}`, { id: 'console.poll.named-option' }) : msg(str`Alternativ ${n}`, { id: 'console.poll.option-n' });
  }

  private get fields(): Field[] {
    const d = this.draft!;
    const l = this.labels;
    const f = (name: string, label: string, id = fieldIdOf(name)): Field => ({ name, id, label });
    const list = [
      f('title.sv', l.titleSv),
      f('title.en', l.titleEn),
      f('intro.sv', l.introSv),
      f('intro.en', l.introEn),
      f('audience', l.audience, 'f-audience-panel'),
      f('closesAt', l.closesAt),
    ];
    for (const page of d.pages) {
      list.push(f(`p${page.key}`, this.pageName(page), `page-${page.key}-heading`));
      for (const q of page.questions) {
        const name = this.questionName(q);
        const p = `q${q.key}`;
        list.push(f(`${p}.text.sv`, `${name}: ${l.textSv}`), f(`${p}.text.en`, `${name}: ${l.textEn}`));
        if (q.type === 'scale') {
          list.push(f(`${p}.low.sv`, `${name}: ${l.lowSv}`), f(`${p}.low.en`, `${name}: ${l.lowEn}`), f(`${p}.high.sv`, `${name}: ${l.highSv}`), f(`${p}.high.en`, `${name}: ${l.highEn}`));
        }
        if (!hasOptions(q.type)) continue;
        list.push(f(`${p}.options`, `${name}: ${l.options}`, `add-option-${q.key}`));
        for (const o of q.options) {
          const option = `${name}: ${this.optionName(q, o)}`;
          list.push(f(`${p}.o${o.key}.sv`, `${option}: ${l.optionSv}`), f(`${p}.o${o.key}.en`, `${option}: ${l.optionEn}`));
        }
      }
    }
    return list;
  }

  private dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  private swap<T>(list: T[], entry: T, by: -1 | 1): T[] {
    const out = [...list];
    const from = out.indexOf(entry);
    const to = from + by;
    if (from < 0 || to < 0 || to >= out.length) return list;
    [out[from], out[to]] = [out[to]!, out[from]!];
    return out;
  }

  /** After a move, focus stays on the moved thing's button; at the top or bottom it is disabled, so the other direction takes it. */
  private async refocus(entry: string, action: 'up' | 'down') {
    await this.updateComplete;
    const button = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`${entry} > div > .actions [data-action="${a}"], ${entry} > .actions [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  private say(words: () => string) {
    this.announce(this.words(words));
  }

  private async addPage() {
    const d = this.draft!;
    const page = newPage(d);
    d.pages = [...d.pages, page];
    this.touch();
    this.say(() => msg(str`${this.pageName(page)} har lagts till.`, { id: 'console.survey.page-added' }));
    await this.focusOn(`#${fieldIdOf(`q${page.questions[0]!.key}.text.sv`)}`);
  }

  private async removePage(page: PageDraft) {
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

  private async movePage(page: PageDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    d.pages = this.swap(d.pages, page, by);
    this.touch();
    this.say(() => msg(str`Sidan är nu ${this.pageName(page).toLocaleLowerCase(this.locale)} av ${d.pages.length}.`, { id: 'console.survey.page-moved' }));
    await this.refocus(`[data-page="${page.key}"]`, action);
  }

  private async addQuestion(page: PageDraft) {
    const q = newQuestion(this.draft);
    page.questions = [...page.questions, q];
    this.dropErrors(`p${page.key}`);
    this.touch();
    this.say(() => msg(str`${this.questionName(q)} har lagts till.`, { id: 'console.survey.question-added' }));
    await this.focusOn(`#${fieldIdOf(`q${q.key}.text.sv`)}`);
  }

  private async removeQuestion(page: PageDraft, q: QuestionDraft) {
    const name = this.questionName(q);
    const at = page.questions.indexOf(q);
    page.questions = page.questions.filter((x) => x !== q);
    this.dropErrors(`q${q.key}.`);
    this.touch();
    this.say(() => msg(str`${name} har tagits bort.`, { id: 'console.survey.question-removed' }));
    const next = page.questions[at] ?? page.questions[at - 1];
    await this.focusOn(next ? `#question-${next.key}-heading` : `#add-question-${page.key}`);
  }

  private async moveQuestion(page: PageDraft, q: QuestionDraft, by: -1 | 1, action: 'up' | 'down') {
    page.questions = this.swap(page.questions, q, by);
    this.touch();
    this.say(() =>
      msg(str`${this.questionName(q)} är nu på plats ${page.questions.indexOf(q) + 1} av ${page.questions.length} på sidan.`, { id: 'console.survey.question-moved' }),
    );
    await this.refocus(`[data-question-key="${q.key}"]`, action);
  }

  private async addOption(q: QuestionDraft) {
    if (q.options.length >= surveyOptionLimits.max) return;
    const o = newSurveyOption();
    q.options = [...q.options, o];
    this.dropErrors(`q${q.key}.options`);
    this.touch();
    this.say(() => msg(str`${this.optionName(q, o)} har lagts till.`, { id: 'console.poll.option-added' }));
    await this.focusOn(`#${fieldIdOf(`q${q.key}.o${o.key}.sv`)}`);
  }

  private async removeOption(q: QuestionDraft, o: SurveyOptionDraft) {
    const name = this.optionName(q, o);
    const at = q.options.indexOf(o);
    q.options = q.options.filter((x) => x !== o);
    this.dropErrors(`q${q.key}.o${o.key}.`);
    this.touch();
    this.say(() => msg(str`${name} har tagits bort.`, { id: 'console.poll.option-removed' }));
    const next = q.options[at] ?? q.options[at - 1];
    await this.focusOn(next ? `#${fieldIdOf(`q${q.key}.o${next.key}.sv`)}` : `#add-option-${q.key}`);
  }

  private async moveOption(q: QuestionDraft, o: SurveyOptionDraft, by: -1 | 1, action: 'up' | 'down') {
    q.options = this.swap(q.options, o, by);
    this.touch();
    this.say(() => msg(str`${this.optionName(q, o)} är nu på plats ${q.options.indexOf(o) + 1} av ${q.options.length}.`, { id: 'console.poll.option-moved' }));
    await this.refocus(`[data-option-key="${o.key}"]`, action);
  }

  private async onSubmit(event: SubmitEvent) {
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

  private renderOption(q: QuestionDraft, o: SurveyOptionDraft, i: number): TemplateResult {
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
        <div class="actions">
          <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.moveOption(q, o, -1, 'up')}>
            ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
          </button>
          <button type="button" data-action="down" ?disabled=${i === q.options.length - 1} @click=${() => void this.moveOption(q, o, 1, 'down')}>
            ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
          </button>
          <button
            type="button"
            class="danger"
            data-action="remove"
            ?disabled=${q.options.length <= surveyOptionLimits.min}
            @click=${() => void this.removeOption(q, o)}
          >
            ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
          </button>
        </div>
      </div>
    </li>`;
  }

  private scaleField(q: QuestionDraft, end: 'low' | 'high', lang: 'sv' | 'en', label: string): TemplateResult {
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

  private renderQuestion(page: PageDraft, q: QuestionDraft, i: number): TemplateResult {
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
        <div class="actions">
          <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.moveQuestion(page, q, -1, 'up')}>
            ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
          </button>
          <button type="button" data-action="down" ?disabled=${i === page.questions.length - 1} @click=${() => void this.moveQuestion(page, q, 1, 'down')}>
            ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
          </button>
          <button type="button" class="danger" data-action="remove" ?disabled=${page.questions.length === 1} @click=${() => void this.removeQuestion(page, q)}>
            ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
          </button>
        </div>
      </div>
    </li>`;
  }

  private renderPage(d: SurveyDraft, page: PageDraft, i: number): TemplateResult {
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
      <div class="actions">
        <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.movePage(page, -1, 'up')}>
          ${msg('Flytta sidan upp', { id: 'console.survey.page-up' })} ${named}
        </button>
        <button type="button" data-action="down" ?disabled=${i === d.pages.length - 1} @click=${() => void this.movePage(page, 1, 'down')}>
          ${msg('Flytta sidan ned', { id: 'console.survey.page-down' })} ${named}
        </button>
        <button type="button" class="danger" data-action="remove" ?disabled=${d.pages.length === 1} @click=${() => void this.removePage(page)}>
          ${msg('Ta bort sidan', { id: 'console.survey.page-remove' })} ${named}
        </button>
      </div>
    </li>`;
  }

  private renderForm(d: SurveyDraft): TemplateResult {
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

  // ——— Steps ———

  private async ask(step: Step) {
    this.confirming = step;
    this.actionProblems = [];
    await this.focusOn('#confirm-question');
  }

  private async cancel() {
    const step = this.confirming;
    this.confirming = undefined;
    await this.focusOn(step === 'feedback' || step === 'decision' ? `#${step}-submit` : `#${step}-survey`);
  }

  private doneWords(step: Step, survey: StaffSurvey, mailed: number): string {
    switch (step) {
      case 'approve':
        return msg(str`Enkäten är godkänd av ${survey.approvedBy ?? ''}.`, { id: 'console.survey.approved' });
      case 'send':
        return survey.audience === 'open'
          ? msg('Enkäten är öppen. Alla kan svara där den visas.', { id: 'console.survey.opened' })
          : msg(str`Enkäten är skickad till panelen: ${mailed} e-postmeddelanden.`, { id: 'console.survey.sent' });
      case 'remind':
        return mailed
          ? msg(str`Påminnelsen är skickad: ${mailed} e-postmeddelanden.`, { id: 'console.survey.reminded' })
          : msg('Ingen påminnelse skickades: ingen behövde den, alla som fick enkäten har redan skickat in sina svar.', { id: 'console.survey.no-one-to-remind' });
      case 'close':
        return msg('Enkäten är stängd. Inga fler svar tas emot.', { id: 'console.survey.closed' });
      case 'feedback':
        return msg(str`Återkopplingen är skickad: ${mailed} e-postmeddelanden.`, { id: 'console.survey.feedback-sent' });
      case 'decision':
        return msg(str`Beslutet är skickat: ${mailed} e-postmeddelanden.`, { id: 'console.survey.decision-sent' });
      case 'delete':
        return msg('Utkastet är borttaget.', { id: 'console.survey.deleted' });
    }
  }

  private async step(step: Step) {
    if (this.busy) return;
    this.busy = true;
    const id = this.number;
    try {
      if (step === 'delete') {
        await panelApi.remove(id);
        this.say(() => msg('Utkastet är borttaget.', { id: 'console.survey.deleted' }));
        location.hash = '#/panel';
        return;
      }
      let survey: StaffSurvey;
      let mailed = 0;
      if (step === 'approve') survey = (await panelApi.approve(id)).survey;
      else if (step === 'close') survey = (await panelApi.close(id)).survey;
      else {
        const answer =
          step === 'send'
            ? await panelApi.send(id)
            : step === 'remind'
              ? await panelApi.remind(id)
              : step === 'feedback'
                ? await panelApi.feedback(id, { sv: this.feedbackSv.trim(), en: this.feedbackEn.trim() || null })
                : await panelApi.decision(id, this.committee.trim(), { sv: this.decisionSv.trim(), en: this.decisionEn.trim() || null });
        survey = answer.survey;
        mailed = answer.mailed;
      }
      this.confirming = undefined;
      this.actionProblems = [];
      this.sendErrors = {};
      this.sendGeneral = [];
      this.show(survey);
      this.say(() => this.doneWords(step, survey, mailed));
      await this.loadResults();
      await this.focusOn('#status-heading');
    } catch (err) {
      this.confirming = undefined;
      if (err instanceof StaffApiError && err.code === 'own_survey') {
        this.actionProblems = [
          this.words(() => msg('Du har skrivit enkäten, så någon annan måste godkänna den.', { id: 'console.survey.own-survey' })),
        ];
        await focusSummary(this, 'actions-errors');
      } else if (err instanceof StaffApiError && err.status === 409) {
        await this.load();
        this.actionProblems = [this.words(() => msg('Enkäten har ändrats under tiden. Sidan visar nu hur den ser ut.', { id: 'console.survey.conflict' }))];
        await focusSummary(this, 'actions-errors');
      } else if ((step === 'feedback' || step === 'decision') && err instanceof StaffApiError && err.issues.length) {
        const fields: FieldErrors = {};
        const general: string[] = [];
        for (const issue of err.issues) {
          const field = issue.path === 'text' ? 'text.sv' : issue.path;
          if (['committee', 'text.sv', 'text.en'].includes(field)) fields[field] ??= issue.message;
          else general.push(pollIssueText(issue.message));
        }
        this.sendErrors = fields;
        this.sendGeneral = general;
        await focusSummary(this, 'send-errors');
      } else if (step === 'feedback' || step === 'decision') {
        this.sendGeneral = [this.words(() => problemText(err))];
        await focusSummary(this, 'send-errors');
      } else {
        this.actionProblems = [this.words(() => problemText(err))];
        await focusSummary(this, 'actions-errors');
      }
    } finally {
      this.busy = false;
    }
  }

  private confirmWords(step: Step, s: StaffSurvey): [string, string] {
    const members = this.panel?.members;
    switch (step) {
      case 'approve':
        return [
          msg('Vill du godkänna enkäten? Sedan går den inte att ändra, och ditt namn sparas som den som godkände den.', { id: 'console.survey.confirm-approve' }) +
            (this.dirty ? ` ${msg('Ändringar i formuläret som inte är sparade följer inte med.', { id: 'console.budget.unsaved-warning' })}` : ''),
          msg('Ja, godkänn enkäten', { id: 'console.survey.confirm-approve-yes' }),
        ];
      case 'delete':
        return [
          msg('Vill du ta bort utkastet? Det går inte att ångra.', { id: 'console.survey.confirm-delete' }),
          msg('Ja, ta bort utkastet', { id: 'console.survey.confirm-delete-yes' }),
        ];
      case 'send':
        return s.audience === 'open'
          ? [
              msg('Vill du öppna enkäten? Alla kan svara där den visas, och den går inte att stänga och öppna igen.', { id: 'console.survey.confirm-open' }),
              msg('Ja, öppna enkäten', { id: 'console.survey.confirm-open-yes' }),
            ]
          : [
              members === undefined
                ? msg('Vill du skicka enkäten till panelen? Varje medlem får en personlig länk med e-post. Det går inte att ångra.', {
                    id: 'console.survey.confirm-send',
                  })
                : msg(str`Vill du skicka enkäten till panelens ${members} medlemmar? Varje medlem får en personlig länk med e-post. Det går inte att ångra.`, {
                    id: 'console.survey.confirm-send-n',
                  }),
              msg('Ja, skicka enkäten', { id: 'console.survey.confirm-send-yes' }),
            ];
      case 'remind':
        return [
          msg('Vill du skicka en påminnelse till dem som inte har skickat in sina svar?', { id: 'console.survey.confirm-remind' }),
          msg('Ja, skicka påminnelsen', { id: 'console.survey.confirm-remind-yes' }),
        ];
      case 'close':
        return [
          msg('Vill du stänga enkäten? Inga fler svar tas emot, och den går inte att öppna igen.', { id: 'console.survey.confirm-close' }),
          msg('Ja, stäng enkäten', { id: 'console.survey.confirm-close-yes' }),
        ];
      case 'feedback':
        return [
          msg('Vill du skicka återkopplingen? Alla som fick enkäten och fortfarande är med i panelen får den med e-post. Den går inte att ändra efteråt.', {
            id: 'console.survey.confirm-feedback',
          }),
          msg('Ja, skicka återkopplingen', { id: 'console.survey.confirm-feedback-yes' }),
        ];
      case 'decision':
        return [
          msg('Vill du skicka beslutet? Samma personer som fick återkopplingen får det med e-post. Det går inte att ändra efteråt.', {
            id: 'console.survey.confirm-decision',
          }),
          msg('Ja, skicka beslutet', { id: 'console.survey.confirm-decision-yes' }),
        ];
    }
  }

  private confirmFor(step: Step, s: StaffSurvey): TemplateResult {
    const [question, yes] = this.confirmWords(step, s);
    return renderConfirm(
      question,
      yes,
      this.busy,
      () => void this.step(step),
      () => void this.cancel(),
      step === 'delete' || step === 'close',
    );
  }

  /** The steps, each with its date once taken; the next one is marked as current. */
  private renderTimeline(s: StaffSurvey): TemplateResult {
    const open = s.audience === 'open';
    const steps: { key: string; what: string; at: string | null; who?: string | null }[] = [
      { key: 'created', what: msg('Skapad', { id: 'console.budget.created-at' }), at: s.createdAt },
      {
        key: 'approved',
        what: s.approvedBy ? msg(str`Godkänd av ${s.approvedBy}`, { id: 'console.survey.approved-by' }) : msg('Godkänd', { id: 'console.survey.step-approved' }),
        at: s.approvedAt,
      },
      {
        key: 'sent',
        what: open ? msg('Öppnad för alla', { id: 'console.survey.step-opened' }) : msg('Skickad till panelen', { id: 'console.survey-step.sent' }),
        at: s.sentAt,
      },
    ];
    if (!open) steps.push({ key: 'reminded', what: msg('Påminnelse skickad', { id: 'console.survey.step-reminded' }), at: s.remindedAt });
    steps.push(
      { key: 'closed', what: msg('Stängd', { id: 'console.survey-step.closed' }), at: s.closedAt },
      { key: 'feedback', what: msg('Återkoppling skickad', { id: 'console.survey.step-feedback' }), at: s.feedbackSentAt },
      { key: 'decision', what: msg('Beslut skickat', { id: 'console.survey.step-decision' }), at: s.decisionSentAt },
    );
    // A reminder is optional: once closed, the next step is not the reminder never sent.
    const next = steps.find((x) => !x.at && !(x.key === 'reminded' && (s.closedAt || s.status !== 'sent')));
    return html`<ol class="timeline" aria-labelledby="timeline-heading">
      ${steps.map((x) => {
        const current = x === next;
        return html`<li class=${x.at ? 'done' : ''} data-step=${x.key} aria-current=${current ? 'step' : nothing}>
          <span class="mark" aria-hidden="true"></span>
          <span class="what">${x.what}</span>
          ${x.at
            ? html`<time datetime=${x.at}>${dateTime(x.at, this.locale)}</time>`
            : html`<span class="muted"
                >${current
                  ? msg('Nästa steg', { id: 'console.survey.next-step' })
                  : x.key === 'reminded' && s.closedAt
                    ? msg('Ingen påminnelse skickades', { id: 'console.survey.no-reminder' })
                    : msg('Inte än', { id: 'console.survey.not-yet' })}</span
              >`}
        </li>`;
      })}
    </ol>`;
  }

  /** Whether the signed-in user wrote the survey (and so may not approve it). */
  private ownSurvey(s: StaffSurvey): boolean {
    return s.createdBy !== null && s.createdBy === this.staffId;
  }

  private renderActions(s: StaffSurvey): TemplateResult | typeof nothing {
    const button = (step: Step, label: string, cls = '') =>
      html`<button type="button" class=${cls} id="${step}-survey" @click=${() => void this.ask(step)}>${label}</button>`;
    let buttons: TemplateResult[] = [];
    let notice = '';
    switch (s.status) {
      case 'draft':
        if (this.ownSurvey(s)) {
          notice = msg('Du har skrivit enkäten, så någon annan godkänner den: två personer har sett den innan den når invånarna.', { id: 'console.survey.own-notice' });
          buttons = [button('delete', msg('Ta bort utkastet', { id: 'console.survey.delete' }), 'danger')];
          break;
        }
        notice = msg('Enkäten är ett utkast. När den är klar godkänner någon den; sedan kan den skickas.', { id: 'console.survey.draft-notice' });
        buttons = [button('approve', msg('Godkänn', { id: 'console.survey.approve' }), 'primary'), button('delete', msg('Ta bort utkastet', { id: 'console.survey.delete' }), 'danger')];
        break;
      case 'approved':
        notice =
          s.audience === 'open'
            ? msg('Enkäten är godkänd. Öppna den, så kan alla svara där den visas.', { id: 'console.survey.approved-notice-open' })
            : msg('Enkäten är godkänd. Skicka den till panelen: varje medlem får en personlig länk.', { id: 'console.survey.approved-notice' });
        buttons = [
          s.audience === 'open'
            ? button('send', msg('Öppna', { id: 'console.survey.open' }), 'primary')
            : button('send', msg('Skicka till panelen', { id: 'console.survey.send' }), 'primary'),
        ];
        break;
      case 'sent':
        notice = msg('Panelens medlemmar kan svara. Påminn dem som inte har svarat, och stäng enkäten när tiden är ute.', { id: 'console.survey.sent-notice' });
        buttons = [button('remind', msg('Skicka påminnelse', { id: 'console.survey.remind' })), button('close', msg('Stäng', { id: 'console.survey.close' }), 'danger')];
        break;
      case 'open':
        notice = msg('Alla kan svara där enkäten visas. Stäng den när tiden är ute.', { id: 'console.survey.open-notice' });
        buttons = [button('close', msg('Stäng', { id: 'console.survey.close' }), 'danger')];
        break;
      case 'closed':
        notice = s.decisionSentAt
          ? msg('Klart: panelen har fått både återkopplingen och beslutet.', { id: 'console.survey.done-notice' })
          : s.feedbackSentAt
            ? msg('Skriv vad som beslutades, när beslutet är fattat, och skicka det till panelen.', { id: 'console.survey.decision-notice' })
            : msg('Enkäten är stängd. Se resultatet, och skriv sedan en återkoppling till panelen om vad svaren visade och hur de används.', {
                id: 'console.survey.closed-notice',
              });
        break;
    }
    const confirmingHere = this.confirming && this.confirming !== 'feedback' && this.confirming !== 'decision';
    return html`<p>${notice}</p>
      ${confirmingHere ? this.confirmFor(this.confirming!, s) : buttons.length ? html`<div class="actions">${buttons}</div>` : nothing}`;
  }

  private renderCounts(s: StaffSurvey): TemplateResult {
    return html`<dl class="facts">
      <dt>${msg('Vilka som svarar', { id: 'console.survey.audience' })}</dt>
      <dd>${audienceLabel(s.audience)}</dd>
      ${s.audience === 'panel'
        ? html`<dt>${msg('Inbjudna', { id: 'console.survey.invited' })}</dt>
            <dd data-count="invited">${s.counts.invited}</dd>`
        : nothing}
      ${s.closesAt
        ? html`<dt>${msg('Sista tid att svara', { id: 'console.survey.deadline' })}</dt>
            <dd data-deadline><time datetime=${s.closesAt}>${dateTime(s.closesAt, this.locale)}</time></dd>`
        : nothing}
      <dt>${msg('Påbörjade svar', { id: 'console.survey.responses' })}</dt>
      <dd data-count="responses">${s.counts.responses}</dd>
      <dt>${msg('Inskickade svar', { id: 'console.survey.submitted' })}</dt>
      <dd data-count="submitted">${s.counts.submitted}</dd>
    </dl>`;
  }

  private async changeBreakdown(value: string) {
    this.by = value === 'ageBand' || value === 'district' ? value : undefined;
    this.results = undefined;
    await this.loadResults();
    this.say(() => msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' }));
  }

  private renderResults(s: StaffSurvey): TemplateResult | typeof nothing {
    if (!this.answering) return nothing;
    const breakdowns: Breakdown[] = [];
    if (this.panel?.byAgeBand.length) breakdowns.push('ageBand');
    if (this.panel?.byDistrict.length) breakdowns.push('district');
    const r = this.results;
    return html`<h2 id="results-heading">${msg('Resultat', { id: 'console.poll.results' })}</h2>
      ${s.status !== 'closed'
        ? html`<p class="hint">${msg('Resultatet räknar de svar som är inskickade hittills.', { id: 'console.survey.results-so-far' })}</p>`
        : nothing}
      ${breakdowns.length
        ? html`<div class="field">
            <label for="breakdown">${msg('Visa resultatet', { id: 'console.survey.breakdown' })}</label>
            <select id="breakdown" @input=${(e: Event) => void this.changeBreakdown((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.by}>${msg('För alla som svarade', { id: 'console.survey.breakdown-all' })}</option>
              ${breakdowns.map(
                (b) =>
                  html`<option value=${b} ?selected=${this.by === b}>${msg(str`Efter ${breakdownLabel(b).toLocaleLowerCase(this.locale)}`, { id: 'console.survey.breakdown-by' })}</option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${this.resultsProblem
        ? html`<div class="notice problem"><p>${problemText(this.resultsProblem)}</p></div>`
        : r
          ? html`<p><strong data-respondents=${r.respondents}>${answersCount(r.respondents)}</strong></p>
              ${renderSurveyResults(s, r, this.locale)}`
          : html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`}
      <div class="actions">
        <button
          type="button"
          id="refresh-results"
          @click=${async () => {
            await this.load();
            this.say(() => msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' }));
          }}
        >
          ${msg('Hämta resultatet igen', { id: 'console.budget.refresh' })}
        </button>
      </div>
      <p>
        <a href=${panelApi.responsesCsvUrl(s.id)} download="enkat-${s.id}.csv" id="download-csv">${msg('Ladda ner svar (CSV)', { id: 'console.survey.download' })}</a>
      </p>
      <p class="hint">
        ${msg('En rad per inskickat svar, en kolumn per fråga. Inga namn, e-postadresser, åldrar eller områden.', { id: 'console.survey.download-hint' })}
      </p>`;
  }

  private textarea(field: string, label: string, value: string, set: (v: string) => void, lang?: string): TemplateResult {
    return textField(field, label, value, this.sendErrors[field], set, { multiline: true, rows: 5, ...(lang ? { lang } : {}) });
  }

  private async onSendSubmit(event: SubmitEvent, step: 'feedback' | 'decision') {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (step === 'decision' && !this.committee.trim()) errors.committee = required;
    if (!(step === 'feedback' ? this.feedbackSv : this.decisionSv).trim()) errors['text.sv'] = required;
    this.sendErrors = errors;
    this.sendGeneral = [];
    if (Object.keys(errors).length) return focusSummary(this, 'send-errors');
    await this.ask(step);
  }

  private renderSendForm(s: StaffSurvey, step: 'feedback' | 'decision'): TemplateResult {
    const feedback = step === 'feedback';
    const fields: Field[] = [
      ...(feedback ? [] : [{ name: 'committee', id: fieldIdOf('committee'), label: msg('Vem som beslutade', { id: 'console.survey.committee' }) }]),
      { name: 'text.sv', id: fieldIdOf('text.sv'), label: feedback ? msg('Återkopplingen på svenska', { id: 'console.survey.feedback-sv' }) : msg('Beslutet på svenska', { id: 'console.survey.decision-sv' }) },
      {
        name: 'text.en',
        id: fieldIdOf('text.en'),
        label: feedback ? msg('Återkopplingen på engelska (valfri)', { id: 'console.survey.feedback-en' }) : msg('Beslutet på engelska (valfritt)', { id: 'console.survey.decision-en' }),
      },
    ];
    const summary = Object.fromEntries(Object.entries(this.sendErrors).map(([k, v]) => [k, pollIssueText(v)]));
    const [sv, en] = feedback ? [this.feedbackSv, this.feedbackEn] : [this.decisionSv, this.decisionEn];
    const heading = feedback ? msg('Återkoppling till panelen', { id: 'console.survey.feedback' }) : msg('Beslut', { id: 'console.survey.decision' });
    return html`<h2 id="send-heading">${heading}</h2>
      <p>
        ${feedback
          ? msg('Berätta för dem som fick enkäten vad svaren visade och hur kommunen använder dem.', { id: 'console.survey.feedback-intro' })
          : msg('Berätta vad som beslutades och av vem. Det skickas till samma personer som fick återkopplingen.', { id: 'console.survey.decision-intro' })}
      </p>
      ${errorSummary('send-errors', summary, this.sendGeneral, fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate aria-labelledby="send-heading" @submit=${(e: SubmitEvent) => void this.onSendSubmit(e, step)}>
        ${feedback
          ? nothing
          : textField('committee', fields[0]!.label, this.committee, this.sendErrors.committee, (v) => (this.committee = v), {
              hint: msg('Till exempel Kommunstyrelsen eller Tekniska nämnden.', { id: 'console.survey.committee-hint' }),
            })}
        ${this.textarea('text.sv', fields[feedback ? 0 : 1]!.label, sv, (v) => (feedback ? (this.feedbackSv = v) : (this.decisionSv = v)))}
        ${this.textarea('text.en', fields[feedback ? 1 : 2]!.label, en, (v) => (feedback ? (this.feedbackEn = v) : (this.decisionEn = v)), 'en')}
        ${this.confirming === step
          ? this.confirmFor(step, s)
          : html`<div class="actions">
              <button type="submit" class="primary" id="${step}-submit">
                ${feedback ? msg('Skicka återkopplingen', { id: 'console.survey.send-feedback' }) : msg('Skicka beslutet', { id: 'console.survey.send-decision' })}
              </button>
            </div>`}
      </form>`;
  }

  private renderSent(s: StaffSurvey): TemplateResult {
    const block = (text: { sv: string; en: string | null }, cls: string) =>
      html`<div class="text ${cls}">${text.sv}</div>
        ${text.en
          ? html`<h3>${msg('På engelska', { id: 'console.budget.in-english' })}</h3>
              <div class="text ${cls}-en" lang="en">${text.en}</div>`
          : nothing}`;
    return html`${s.feedback
      ? html`<h2>${msg('Återkoppling till panelen', { id: 'console.survey.feedback' })}</h2>
          ${block(s.feedback, 'feedback')}`
      : nothing}
    ${s.decision
      ? html`<h2>${msg('Beslut', { id: 'console.survey.decision' })}</h2>
          <p>
            <strong>${msg('Vem som beslutade', { id: 'console.survey.committee' })}:</strong> <span class="committee">${s.decision.committee}</span>
          </p>
          ${block(s.decision.text, 'decision')}`
      : nothing}`;
  }

  private renderContents(s: StaffSurvey): TemplateResult {
    let n = 0;
    return html`<h2 id="contents-heading">${msg('Innehåll', { id: 'console.budget.contents' })}</h2>
      <div class="contents">
        ${s.intro.sv ? html`<div class="text">${localized(s.intro, this.locale)}</div>` : nothing}
        ${s.pages.map(
          (p, i) => html`<h3>${msg(str`Sida ${i + 1}`, { id: 'console.survey.page-n' })}</h3>
            <ol class="downloads" start=${n + 1}>
              ${p.questions.map((q) => {
                n++;
                return html`<li>
                  ${localized(q.text, this.locale)}
                  <span class="muted"
                    >(${questionTypeLabel(q.type)}${q.required ? `, ${msg('måste besvaras', { id: 'console.survey.required-short' })}` : ''})</span
                  >
                  ${q.options ? html`<ul>${q.options.map((o) => html`<li>${localized(o, this.locale)}</li>`)}</ul>` : nothing}
                </li>`;
              })}
            </ol>`,
        )}
      </div>`;
  }

  #preview?: HTMLElement & { preview?: unknown };
  #previewLangShown = '';

  /**
   * The real survey widget showing the draft as it stands, answered as residents would but
   * sending nothing; a new one for a new language (inside shadow roots a widget does not see
   * its lang attribute change).
   */
  private previewOf(d: SurveyDraft): HTMLElement {
    if (!this.#preview || this.#previewLangShown !== this.previewLang) {
      this.#previewLangShown = this.previewLang;
      const el = document.createElement('medverka-survey') as HTMLElement & { preview?: unknown };
      el.setAttribute('lang', this.previewLang);
      el.setAttribute('heading-level', '3');
      this.#preview = el;
    }
    const input = surveyInputOf(d);
    // A question or option not written yet still shows (as "…"), so the preview follows the form as it grows.
    const shown = (t: { sv: string; en: string | null }) => (t.sv ? t : { sv: '…', en: t.en });
    const pages = input.pages.map((p) => ({
      questions: p.questions.map((q) => ({ ...q, text: shown(q.text), ...(q.options ? { options: q.options.map(shown) } : {}) })),
    }));
    this.#preview.preview = { id: this.surveyId || 0, ...input, title: shown(input.title), pages, closesAt: input.closesAt ?? null, status: 'open' };
    return this.#preview;
  }

  private renderPreview(d: SurveyDraft): TemplateResult {
    const lang = this.previewLang;
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Förhandsvisning', { id: 'console.preview' })}</h2>
      <p class="hint">${msg('Så här ser invånarna enkäten. Det du svarar här skickas inte.', { id: 'console.survey.preview-hint' })}</p>
      <fieldset>
        <legend>${msg('Språk i förhandsvisningen', { id: 'console.preview-language' })}</legend>
        <div class="languages">
          <label class="choice" for="preview-sv">
            <input type="radio" id="preview-sv" name="preview-lang" .checked=${lang === 'sv'} @change=${() => (this.previewLang = 'sv')} />
            ${msg('Svenska', { id: 'console.swedish' })}
          </label>
          <label class="choice" for="preview-en">
            <input type="radio" id="preview-en" name="preview-lang" .checked=${lang === 'en'} @change=${() => (this.previewLang = 'en')} />
            ${msg('Engelska', { id: 'console.english' })}
          </label>
        </div>
      </fieldset>
      <div class="preview-box">${this.previewOf(d)}</div>
    </section>`;
  }

  /** The form with the preview beside it (below it on narrow screens). */
  private renderEditor(d: SurveyDraft): TemplateResult {
    return html`<div class="layout">
      <div>${this.renderForm(d)}</div>
      ${this.renderPreview(d)}
    </div>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/panel">${msg('Medborgarpanelen', { id: 'console.survey.back' })}</a></p>`;
    if (this.creating) {
      return html`${back}
        <h1 tabindex="-1">${msg('Ny enkät', { id: 'console.panel.new-survey' })}</h1>
        <p>${msg('Enkäten sparas som ett utkast. Någon godkänner den innan den skickas.', { id: 'console.survey.new-intro' })}</p>
        ${this.renderEditor(this.draft!)}`;
    }
    const title = msg(str`Enkät ${this.surveyId}`, { id: 'console.survey.title-n' });
    if (this.loadProblem) {
      return html`${back}
        <h1 tabindex="-1">${title}</h1>
        <div class="notice problem">
          <p>${problemText(this.loadProblem)}</p>
          <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
        </div>`;
    }
    const s = this.survey;
    if (!s) {
      return html`${back}
        <h1 tabindex="-1">${title}</h1>
        <p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    }
    const needsForm = s.status === 'closed' && !s.decisionSentAt;
    return html`${back}
      <h1 tabindex="-1">${localized(s.title, this.locale)}</h1>
      ${this.renderCounts(s)}
      <h2 id="status-heading" tabindex="-1">${msg(str`Status: ${surveyStepLabel(s)}`, { id: 'console.budget.status-heading' })}</h2>
      ${errorSummary('actions-errors', {}, this.actionProblems, [], () => this.renderRoot as ShadowRoot)}
      <h3 id="timeline-heading">${msg('Steg', { id: 'console.survey.step' })}</h3>
      ${this.renderTimeline(s)} ${this.renderActions(s)} ${this.renderResults(s)} ${this.renderSent(s)}
      ${needsForm ? this.renderSendForm(s, s.feedbackSentAt ? 'decision' : 'feedback') : nothing}
      ${s.status === 'draft' && this.draft ? this.renderEditor(this.draft) : this.renderContents(s)}`;
  }
}
