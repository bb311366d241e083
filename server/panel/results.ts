import type { Answers, Question, QuestionResult, SubmittedResponse, SurveyPage, SurveyResults } from './schemas.js';
import { shownBreakdowns } from '../privacy/small-groups.js';

/** What is wrong with one answer, as the widget shows it beside the question. */
export interface AnswerIssue {
  question: string;
  code: 'required' | 'invalid_value' | 'unknown_question';
}

export const maxTextLength = 5000;

const isIndex = (v: unknown, count: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < count;

/** Whether a value is no answer at all: left out, null, or blank text. */
export const isUnanswered = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Whether a value has the shape its question asks for. */
export function validValue(q: Question, v: unknown): boolean {
  const options = q.options?.length ?? 0;
  switch (q.type) {
    case 'single':
      return isIndex(v, options);
    case 'multiple':
      return Array.isArray(v) && v.length >= 1 && v.every((i) => isIndex(i, options)) && new Set(v).size === v.length;
    case 'scale':
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5;
    case 'text':
      return typeof v === 'string' && v.length <= maxTextLength;
    case 'ranking':
      return Array.isArray(v) && v.length === options && v.every((i) => isIndex(i, options)) && new Set(v).size === v.length;
  }
}

/**
 * Checks one page's answers: only that page's questions, each required one answered, every
 * value of the right shape. Returns the answers to store (blank ones left out, text trimmed)
 * and the issues.
 */
export function checkPage(page: SurveyPage, answers: Record<string, unknown>): { clean: Answers; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = [];
  const clean: Answers = {};
  const byId = new Map(page.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) if (!byId.has(id)) issues.push({ question: id, code: 'unknown_question' });
  for (const q of page.questions) {
    const v = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (isUnanswered(v)) {
      if (q.required) issues.push({ question: q.id, code: 'required' });
    } else if (!validValue(q, v)) {
      issues.push({ question: q.id, code: 'invalid_value' });
    } else {
      clean[q.id] = typeof v === 'string' ? v.trim() : (v as Answers[string]);
    }
  }
  return { clean, issues };
}

/** Required questions without a saved answer, over the whole survey (checked at submitting). */
export function missingRequired(pages: SurveyPage[], answers: Answers): AnswerIssue[] {
  return pages.flatMap((p) => p.questions).filter((q) => q.required && isUnanswered(answers[q.id])).map((q) => ({ question: q.id, code: 'required' as const }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The figures for each question over the given responses. */
export function tally(pages: SurveyPage[], responses: SubmittedResponse[]): QuestionResult[] {
  return pages
    .flatMap((p) => p.questions)
    .map((q): QuestionResult => {
      const values = responses.map((r) => r.answers[q.id]).filter((v) => !isUnanswered(v) && validValue(q, v));
      const options = q.options?.length ?? 0;
      switch (q.type) {
        case 'single':
        case 'multiple': {
          const counts = Array<number>(options).fill(0);
          for (const v of values) for (const i of Array.isArray(v) ? v : [v as number]) counts[i]!++;
          return { id: q.id, type: q.type, counts };
        }
        case 'scale': {
          const counts = Array<number>(5).fill(0);
          for (const v of values) counts[(v as number) - 1]!++;
          const sum = values.reduce((total: number, v) => total + (v as number), 0);
          return { id: q.id, type: q.type, counts, mean: values.length ? round2(sum / values.length) : null };
        }
        case 'ranking': {
          const sums = Array<number>(options).fill(0);
          for (const v of values) (v as number[]).forEach((option, place) => (sums[option]! += place + 1));
          return { id: q.id, type: q.type, meanRank: sums.map((s) => (values.length ? round2(s / values.length) : 0)) };
        }
        case 'text':
          return { id: q.id, type: q.type, answers: values.map(String) };
      }
    });
}

/** The panel's two breakdowns, with the groups each knows (from the settings). */
export interface PanelGroups {
  ageBand: string[];
  district: string[];
}

/**
 * The groups of both breakdowns over these people — the known ones, "not said" (null), and any
 * no longer in the settings — each with its people and whether it may be shown: shownBreakdowns()
 * over both at once, so that neither view, nor the two together, gives anyone away.
 */
export function panelBreakdowns(people: readonly { ageBand: string | null; district: string | null }[], known: PanelGroups, minGroup: number) {
  const keys = (['ageBand', 'district'] as const).map((by) => {
    const list: (string | null)[] = [...known[by], null];
    for (const p of people) if (!list.includes(p[by])) list.push(p[by]);
    return { by, list, of: people.map((p) => list.indexOf(p[by])) };
  });
  const shown = shownBreakdowns(
    keys.map((k) => k.of),
    keys.map((k) => k.list.length),
    minGroup,
  );
  const view = (b: 0 | 1) => keys[b]!.list.map((group, g) => ({ group, people: keys[b]!.of.flatMap((x, i) => (x === g ? [i] : [])), shown: shown[b]![g]! }));
  return { ageBand: view(0), district: view(1) };
}

/**
 * The results of a survey, and with `by` the same per group. A group that panelBreakdowns()
 * hides is listed without figures (nor its free text), so no one's answers can be picked
 * out, not even by subtracting shown groups from the whole or from each other.
 */
export function surveyResults(pages: SurveyPage[], responses: SubmittedResponse[], by: 'ageBand' | 'district' | undefined, known: PanelGroups, minGroup: number): SurveyResults {
  const results: SurveyResults = { respondents: responses.length, questions: tally(pages, responses), by: by ?? null, minGroup, groups: null };
  if (!by) return results;
  results.groups = panelBreakdowns(responses, known, minGroup)[by].map(({ group, people, shown }) => {
    const members = people.map((i) => responses[i]!);
    return shown ? { group, hidden: false as const, respondents: members.length, questions: tally(pages, members) } : { group, hidden: true as const };
  });
  return results;
}
