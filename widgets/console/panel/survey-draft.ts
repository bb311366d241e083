/**
 * The survey form's model: pages, questions and options as staff are typing them, each with a
 * key of its own (so errors and focus follow it when it moves), and the conversions to and
 * from the API's shapes.
 *
 * Fields are named by paths — 'title.sv', 'q4.text.en' (the question with key 4), 'q4.o9.sv'
 * (its option with key 9), 'q4.options', 'p2' (the page with key 2) — which are also the keys
 * of the form's errors. The server names them by position ('pages.0.questions.1.options.2.sv');
 * `surveyFieldOfIssue()` translates.
 */
import { toLocalInput } from '../budgets/budget-draft.js';
import { required, type FieldErrors } from '../kit/forms.js';
import type { QuestionType, StaffSurvey, SurveyInput } from './panel-api.js';
import { tooFewOptions, tooManyOptions } from '../kit/fields.js';

export interface SurveyOptionDraft {
  key: number;
  sv: string;
  en: string;
}

export interface QuestionDraft {
  key: number;
  /** The question's id in the answers and the CSV; made up for a new question. */
  id: string;
  type: QuestionType;
  textSv: string;
  textEn: string;
  /** Kept while the type has none, for staff who change their mind back. */
  options: SurveyOptionDraft[];
  /** A scale's end labels: what 1 and 5 mean. Kept while the type is another, as options are. */
  lowSv: string;
  lowEn: string;
  highSv: string;
  highEn: string;
  required: boolean;
}

export interface PageDraft {
  key: number;
  questions: QuestionDraft[];
}

export interface SurveyDraft {
  titleSv: string;
  titleEn: string;
  introSv: string;
  introEn: string;
  audience: 'panel' | 'open';
  /** The deadline as a datetime-local value; '' for none. */
  closesAt: string;
  pages: PageDraft[];
}

export const surveyOptionLimits = { min: 2, max: 12 } as const;

export const hasOptions = (type: QuestionType) => type === 'single' || type === 'multiple' || type === 'ranking';

let nextKey = 1;
const newKey = () => nextKey++;

export function newSurveyOption(): SurveyOptionDraft {
  return { key: newKey(), sv: '', en: '' };
}

/** A new question, with an id no other question in `draft` has. */
export function newQuestion(draft: SurveyDraft | undefined): QuestionDraft {
  const taken = new Set(draft?.pages.flatMap((p) => p.questions.map((q) => q.id)) ?? []);
  let n = taken.size + 1;
  while (taken.has(`fraga-${n}`)) n++;
  return {
    key: newKey(),
    id: `fraga-${n}`,
    type: 'single',
    textSv: '',
    textEn: '',
    options: [newSurveyOption(), newSurveyOption()],
    lowSv: '',
    lowEn: '',
    highSv: '',
    highEn: '',
    required: false,
  };
}

export function newPage(draft: SurveyDraft | undefined): PageDraft {
  return { key: newKey(), questions: [newQuestion(draft)] };
}

export function emptySurveyDraft(): SurveyDraft {
  const draft: SurveyDraft = { titleSv: '', titleEn: '', introSv: '', introEn: '', audience: 'panel', closesAt: '', pages: [] };
  draft.pages.push(newPage(draft));
  return draft;
}

export function surveyDraftOf(survey: StaffSurvey): SurveyDraft {
  return {
    titleSv: survey.title.sv,
    titleEn: survey.title.en ?? '',
    introSv: survey.intro.sv,
    introEn: survey.intro.en ?? '',
    audience: survey.audience,
    closesAt: toLocalInput(survey.closesAt),
    pages: survey.pages.map((p) => ({
      key: newKey(),
      questions: p.questions.map((q) => ({
        key: newKey(),
        id: q.id,
        type: q.type,
        textSv: q.text.sv,
        textEn: q.text.en ?? '',
        options: q.options ? q.options.map((o) => ({ key: newKey(), sv: o.sv, en: o.en ?? '' })) : [newSurveyOption(), newSurveyOption()],
        lowSv: q.scaleLabels?.low.sv ?? '',
        lowEn: q.scaleLabels?.low.en ?? '',
        highSv: q.scaleLabels?.high.sv ?? '',
        highEn: q.scaleLabels?.high.en ?? '',
        required: q.required,
      })),
    })),
  };
}

/** What can be told before asking the server. */
export function checkSurveyDraft(d: SurveyDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.titleSv.trim()) errors['title.sv'] = required;
  for (const page of d.pages) {
    for (const q of page.questions) {
      if (!q.textSv.trim()) errors[`q${q.key}.text.sv`] = required;
      // End labels come in pairs: one alone would leave the other end unexplained.
      if (q.type === 'scale' && (q.lowSv.trim() || q.highSv.trim() || q.lowEn.trim() || q.highEn.trim())) {
        if (!q.lowSv.trim()) errors[`q${q.key}.low.sv`] = required;
        if (!q.highSv.trim()) errors[`q${q.key}.high.sv`] = required;
      }
      if (!hasOptions(q.type)) continue;
      if (q.options.length < surveyOptionLimits.min) errors[`q${q.key}.options`] = tooFewOptions;
      else if (q.options.length > surveyOptionLimits.max) errors[`q${q.key}.options`] = tooManyOptions;
      for (const o of q.options) if (!o.sv.trim()) errors[`q${q.key}.o${o.key}.sv`] = required;
    }
  }
  return errors;
}

const orNull = (text: string) => text.trim() || null;

export function surveyInputOf(d: SurveyDraft): SurveyInput {
  return {
    title: { sv: d.titleSv.trim(), en: orNull(d.titleEn) },
    intro: { sv: d.introSv.trim(), en: orNull(d.introEn) },
    audience: d.audience,
    pages: d.pages.map((p) => ({
      questions: p.questions.map((q) => ({
        id: q.id,
        type: q.type,
        text: { sv: q.textSv.trim(), en: orNull(q.textEn) },
        ...(hasOptions(q.type) ? { options: q.options.map((o) => ({ sv: o.sv.trim(), en: orNull(o.en) })) } : {}),
        ...(q.type === 'scale' && q.lowSv.trim() && q.highSv.trim()
          ? { scaleLabels: { low: { sv: q.lowSv.trim(), en: orNull(q.lowEn) }, high: { sv: q.highSv.trim(), en: orNull(q.highEn) } } }
          : {}),
        required: q.required,
      })),
    })),
    closesAt: d.closesAt ? new Date(d.closesAt).toISOString() : null,
  };
}

const topFields = new Set(['title.sv', 'title.en', 'intro.sv', 'intro.en', 'audience', 'closesAt']);

/** The form's field for a path in the server's answer, as sent from `d`; undefined when no field is to blame. */
export function surveyFieldOfIssue(d: SurveyDraft, path: string): string | undefined {
  if (topFields.has(path)) return path;
  if (path === 'title') return 'title.sv';
  const m = /^pages\.(\d+)(?:\.questions(?:\.(\d+)(?:\.(.+))?)?)?$/.exec(path);
  if (!m) return undefined;
  const page = d.pages[Number(m[1])];
  if (!page) return undefined;
  if (m[2] === undefined) return `p${page.key}`;
  const q = page.questions[Number(m[2])];
  if (!q) return `p${page.key}`;
  const rest = m[3];
  if (rest === undefined || rest === 'id' || rest === 'text' || rest === 'type') return `q${q.key}.text.sv`;
  if (rest === 'text.sv' || rest === 'text.en') return `q${q.key}.${rest}`;
  if (rest === 'options') return `q${q.key}.options`;
  const end = /^scaleLabels(?:\.(low|high)(?:\.(sv|en))?)?$/.exec(rest);
  if (end) return `q${q.key}.${end[1] ?? 'low'}.${end[2] ?? 'sv'}`;
  const o = /^options\.(\d+)(?:\.(sv|en))?$/.exec(rest);
  if (o) {
    const option = q.options[Number(o[1])];
    return option ? `q${q.key}.o${option.key}.${o[2] ?? 'sv'}` : `q${q.key}.options`;
  }
  return undefined;
}
