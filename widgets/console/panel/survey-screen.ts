import { states } from '../../shared/base-element.js';
import { msg, str } from '../../shared/localize.js';
import { editorStyles } from '../kit/editor.styles.js';
import type { FieldErrors } from '../kit/forms.js';
import { panelApi, type Breakdown, type PanelCounts, type QuestionType, type StaffSurvey, type SurveyResults } from './panel-api.js';
import { fieldIdOf, pollIssueText, pollStyles } from '../kit/fields.js';
import { codeBlockStyles } from '../kit/style-blocks.js';
import { DraftScreen, type Field } from '../kit/form-editor.js';
import {
  emptySurveyDraft,
  hasOptions,
  surveyDraftOf,
  type PageDraft,
  type QuestionDraft,
  type SurveyDraft,
  type SurveyOptionDraft,
} from './survey-draft.js';
import { ConsoleScreen } from '../kit/screen.js';
import { surveyStyles } from './survey.styles.js';

export type Step = 'approve' | 'delete' | 'send' | 'remind' | 'close' | 'feedback' | 'decision';

export const questionTypes: QuestionType[] = ['single', 'multiple', 'scale', 'text', 'ranking'];

/** What the survey screen's parts share: the survey, its draft, and loading them. */
export abstract class SurveyScreen extends DraftScreen<SurveyDraft> {
  static override styles = [...ConsoleScreen.styles, editorStyles, codeBlockStyles, pollStyles, surveyStyles];

  static override properties = {
    ...DraftScreen.properties,
    /** The survey's number; none for a new survey. */
    surveyId: { attribute: 'survey-id' },
    /** The signed-in staff user's id: a survey's author does not approve it. */
    staffId: { type: Number, attribute: 'staff-id' },
    ...states(
      'previewLang',
      'survey',
      'results',
      'resultsProblem',
      'by',
      'panel',
      'feedbackSv',
      'feedbackEn',
      'committee',
      'decisionSv',
      'decisionEn',
      'sendErrors',
      'sendGeneral',
    ),
  };

  declare surveyId: string;
  declare staffId?: number;
  declare protected previewLang: 'sv' | 'en';
  declare protected survey?: StaffSurvey;
  declare protected results?: SurveyResults;
  declare protected resultsProblem?: unknown;
  declare protected by?: Breakdown;
  /** The panel's counts: how many a panel survey goes to, and which groups there are to break results down by. */
  declare protected panel?: PanelCounts;
  declare protected feedbackSv: string;
  declare protected feedbackEn: string;
  declare protected committee: string;
  declare protected decisionSv: string;
  declare protected decisionEn: string;
  /** Problems with the feedback or decision form (whichever is shown). */
  declare protected sendErrors: FieldErrors;
  declare protected sendGeneral: string[];

  constructor() {
    super();
    this.surveyId = '';
    this.previewLang = 'sv';
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

  protected get creating(): boolean {
    return !this.surveyId;
  }

  protected get number(): number {
    return Number(this.surveyId);
  }

  async load(): Promise<void> {
    if (await this.loadWith(async () => this.show((await panelApi.survey(this.number)).survey))) await this.loadResults();
  }

  protected show(survey: StaffSurvey) {
    this.survey = survey;
    if (survey.status === 'draft') {
      if (!this.dirty || !this.draft) this.draft = surveyDraftOf(survey);
    } else {
      this.draft = undefined;
      this.dirty = false;
    }
  }

  protected get answering(): boolean {
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

  protected issueText(message: string): string {
    return pollIssueText(message);
  }

  protected generalText(problem: string): string {
    return pollIssueText(problem);
  }

  protected get labels() {
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

  protected pageName(page: PageDraft): string {
    const n = this.draft!.pages.indexOf(page) + 1;
    return msg(str`Sida ${n}`, { id: 'console.survey.page-n' });
  }

  /** "Fråga 2.1: Hur ofta …" — a question's name, by page and place. */
  protected questionName(q: QuestionDraft): string {
    const pages = this.draft!.pages;
    const page = pages.findIndex((p) => p.questions.includes(q));
    const n = `${page + 1}.${(pages[page]?.questions.indexOf(q) ?? 0) + 1}`;
    const text = q.textSv.trim();
    return text ? msg(str`Fråga ${n}: ${text}`, { id: 'console.survey.named-question' }) : msg(str`Fråga ${n}`, { id: 'console.survey.question-n' });
  }

  protected optionName(q: QuestionDraft, o: SurveyOptionDraft): string {
    const n = q.options.indexOf(o) + 1;
    const text = o.sv.trim();
    return text ? msg(str`Alternativ ${n}: ${text}`, { id: 'console.poll.named-option' }) : msg(str`Alternativ ${n}`, { id: 'console.poll.option-n' });
  }

  protected get fields(): Field[] {
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
}
