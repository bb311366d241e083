import type { Answers, Question, QuestionResult, SurveyPage, SurveyResults } from './schemas.js';
import type { SubmittedResponse } from './store.js';

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

/**
 * Which groups of a breakdown may be shown, given how many people each holds. A group of
 * fewer than minGroup is hidden, and so are further groups, the smallest first, until the
 * hidden groups together hold nobody or at least minGroup people: the whole is shown beside
 * them, so the whole minus the shown groups would otherwise give away the hidden few
 * (six members, five aged 30–49 and one 65+: everyone minus 30–49 is the one).
 */
export function shownGroups(sizes: number[], minGroup: number): boolean[] {
  const shown = sizes.map((n) => n >= minGroup);
  let hidden = sizes.reduce((sum, n, i) => sum + (shown[i] ? 0 : n), 0);
  while (hidden > 0 && hidden < minGroup) {
    let smallest = -1;
    sizes.forEach((n, i) => {
      if (shown[i] && (smallest < 0 || n < sizes[smallest]!)) smallest = i;
    });
    if (smallest < 0) break;
    shown[smallest] = false;
    hidden += sizes[smallest]!;
  }
  return shown;
}

/**
 * The results of a survey, and with `by` the same per group. A group that shownGroups()
 * hides is listed without figures (nor its free text), so no one's answers can be picked
 * out, not even by subtracting the shown groups from the whole.
 */
export function surveyResults(pages: SurveyPage[], responses: SubmittedResponse[], by: 'ageBand' | 'district' | undefined, known: string[], minGroup: number): SurveyResults {
  const results: SurveyResults = { respondents: responses.length, questions: tally(pages, responses), by: by ?? null, minGroup, groups: null };
  if (!by) return results;
  const groups = new Map<string | null, SubmittedResponse[]>([...known.map((k) => [k, []] as [string, SubmittedResponse[]]), [null, []]]);
  for (const r of responses) {
    const key = by === 'ageBand' ? r.ageBand : r.district;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const list = [...groups];
  const shown = shownGroups(
    list.map(([, members]) => members.length),
    minGroup,
  );
  results.groups = list.map(([group, members], i) =>
    shown[i] ? { group, hidden: false as const, respondents: members.length, questions: tally(pages, members) } : { group, hidden: true as const },
  );
  return results;
}
