/**
 * What came of a survey, for staff: per question, the choices as a table with bars, a
 * ranking's mean places, free-text answers as a list to read; and the same per age band or
 * district, where a group not shown (too small, or one that would give a small one away)
 * says so instead of its figures.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import type { Question, QuestionResult, StaffSurvey, SurveyResults } from './panel-api.js';
import { localized } from '../kit/labels.js';
import { answersCount, regionTable, renderResultRows } from '../kit/fields.js';
import { groupLabel, questionTypeLabel } from './survey-format.js';

/** Every question in order, numbered through the survey. */
export function questionsOf(survey: StaffSurvey): Question[] {
  return survey.pages.flatMap((p) => p.questions);
}

function renderQuestionResult(prefix: string, n: number, q: Question, r: QuestionResult | undefined, respondents: number, locale: string, level: 3 | 4): TemplateResult {
  const id = `${prefix}-${q.id}`;
  const title = `${n}. ${localized(q.text, locale)}`;
  const heading = level === 3 ? html`<h3 id="${id}-heading">${title}</h3>` : html`<h4 id="${id}-heading">${title}</h4>`;
  const options = (q.options ?? []).map((o) => localized(o, locale));
  let body: TemplateResult;
  if (q.type === 'text') {
    const answers = r?.answers ?? [];
    body = answers.length
      ? html`<p class="hint">${msg(str`${answers.length} fritextsvar`, { id: 'console.survey.text-answers' })}</p>
          <ul class="text-answers" id="${id}-answers" aria-labelledby="${id}-heading">
            ${answers.map((a) => html`<li>${a}</li>`)}
          </ul>`
      : html`<p class="muted">${msg('Inga fritextsvar.', { id: 'console.survey.no-text-answers' })}</p>`;
  } else if (q.type === 'ranking') {
    const mean = r?.meanRank ?? [];
    const rows = options.map((label, i) => ({ label, rank: mean[i] ?? 0 })).sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity));
    const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    body = regionTable(
      `${id}-caption`,
      msg('Genomsnittlig plats (1 är viktigast), den viktigaste först', { id: 'console.survey.mean-rank-caption' }),
      html`<th scope="col">${msg('Svarsalternativ', { id: 'console.poll.option' })}</th>
        <th scope="col" class="number">${msg('Genomsnittlig plats', { id: 'console.survey.mean-rank' })}</th>`,
      rows.map(
        (row) => html`<tr>
          <th scope="row">${row.label}</th>
          <td class="number" data-rank>${row.rank ? format.format(row.rank) : '–'}</td>
        </tr>`,
      ),
      { id, cls: 'ranking' },
    );
  } else {
    const counts = r?.counts ?? [];
    const ends = q.scaleLabels;
    const labels =
      q.type === 'scale' ? ['1', '2', '3', '4', '5'].map((v, i) => (ends && i === 0 ? `1 ${localized(ends.low, locale)}` : ends && i === 4 ? `5 ${localized(ends.high, locale)}` : v)) : options;
    const rows = labels.map((label, i) => ({ key: String(i), label, count: counts[i] ?? 0 }));
    const total = q.type === 'multiple' ? respondents : rows.reduce((sum, row) => sum + row.count, 0);
    const average =
      q.type === 'scale' && typeof r?.mean === 'number'
        ? html`<p data-mean>
            <strong
              >${msg(str`Medelvärde: ${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.mean)} av 5 (${total} svar)`, {
                id: 'console.survey.mean',
              })}</strong
            >
          </p>`
        : nothing;
    body = html`${average}${renderResultRows(id, msg(str`Svar på fråga ${n}`, { id: 'console.survey.answers-to' }), rows, total, locale)}`;
  }
  return html`<section class="question-result" data-question=${q.id} aria-labelledby="${id}-heading">
    ${heading}
    <p class="hint">${questionTypeLabel(q.type)}</p>
    ${body}
  </section>`;
}

/** The whole survey's results, or per group when `results.groups` is there. */
export function renderSurveyResults(survey: StaffSurvey, results: SurveyResults, locale: string): TemplateResult {
  const questions = questionsOf(survey);
  const byId = (list: QuestionResult[]) => new Map(list.map((r) => [r.id, r]));
  if (!results.groups) {
    const all = byId(results.questions);
    return html`${questions.map((q, i) => renderQuestionResult('all', i + 1, q, all.get(q.id), results.respondents, locale, 3))}`;
  }
  const fewer = (min: number) =>
    msg(str`Gruppen visas inte, så att ingen kan pekas ut: färre än ${min} har svarat i den, eller så skulle en sådan grupp gå att räkna fram ur summan.`, {
      id: 'console.survey.group-hidden',
    });
  return html`${results.groups.map((g, gi) => {
    const gid = `group-${gi}`;
    return html`<section class="group" data-group=${g.group ?? ''} aria-labelledby="${gid}-heading">
      <h3 id="${gid}-heading">${groupLabel(g.group)}</h3>
      ${g.hidden
        ? html`<p class="notice" data-hidden>${fewer(results.minGroup)}</p>`
        : html`<p><strong>${answersCount(g.respondents)}</strong></p>
            ${(() => {
              const mine = byId(g.questions);
              return questions.map((q, i) => renderQuestionResult(gid, i + 1, q, mine.get(q.id), g.respondents, locale, 4));
            })()}`}
    </section>`;
  })}
  ${results.groups.length === 0 ? html`<p>${msg('Det finns inga grupper att visa.', { id: 'console.survey.no-groups' })}</p>` : nothing}`;
}
