import { csvFile } from '../csv.js';
import { isUnanswered, validValue } from './results.js';
import type { SubmittedResponse, SurveyPage } from './schemas.js';

/**
 * Every submitted response, one row each, one column per question, in Swedish. No name,
 * e-mail, age band or district: a row with those could point at one person. Several
 * choices share one cell ("A; B"), a ranking reads "1. A; 2. B"; formulas are neutralised.
 */
export function responsesCsv(pages: SurveyPage[], responses: SubmittedResponse[]): string {
  const questions = pages.flatMap((p) => p.questions);
  const header = ['svar', 'inskickat', ...questions.map((q) => `${q.id}: ${q.text.sv}`)];
  const rows = responses.map((r, n) => [
    n + 1,
    r.submittedAt,
    ...questions.map((q) => {
      const v = r.answers[q.id];
      if (isUnanswered(v) || !validValue(q, v)) return '';
      const option = (i: number) => q.options![i]!.sv;
      switch (q.type) {
        case 'single':
          return option(v as number);
        case 'multiple':
          return (v as number[]).map(option).join('; ');
        case 'ranking':
          return (v as number[]).map((i, place) => `${place + 1}. ${option(i)}`).join('; ');
        case 'scale':
          return v as number;
        case 'text':
          return v as string;
      }
    }),
  ]);
  return csvFile([header, ...rows]);
}
