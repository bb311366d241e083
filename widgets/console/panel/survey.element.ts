import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { problemText } from '../kit/forms.js';
import { screenHeading } from '../kit/screen.js';
import { dateTime, localized } from '../kit/labels.js';
import { panelApi, type Breakdown, type StaffSurvey } from './panel-api.js';
import { answersCount, renderPreviewLanguage } from '../kit/fields.js';
import { surveyInputOf, type SurveyDraft } from './survey-draft.js';
import { audienceLabel, breakdownLabel, questionTypeLabel, surveyStepLabel } from './survey-format.js';
import { renderSurveyResults } from './survey-results.js';
import { SurveySteps } from './survey-steps.js';

/**
 * One survey (enkät): its form while it is a draft, its steps as a dated timeline with the next
 * step's action (approve, send to the panel or open, remind, close), the results with the
 * answers as CSV, and what the panel hears back — the feedback, then the committee's decision.
 * Every step that cannot be undone asks first.
 */
export class MedverkaConsoleSurvey extends SurveySteps {
  protected renderCounts(s: StaffSurvey): TemplateResult {
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

  protected async changeBreakdown(value: string) {
    this.by = value === 'ageBand' || value === 'district' ? value : undefined;
    this.results = undefined;
    await this.loadResults();
    this.say(() => msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' }));
  }

  protected renderResults(s: StaffSurvey): TemplateResult | typeof nothing {
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

  protected renderSent(s: StaffSurvey): TemplateResult {
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

  protected renderContents(s: StaffSurvey): TemplateResult {
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
  protected previewOf(d: SurveyDraft): HTMLElement {
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

  protected renderPreview(d: SurveyDraft): TemplateResult {
    const lang = this.previewLang;
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Förhandsvisning', { id: 'console.preview' })}</h2>
      <p class="hint">${msg('Så här ser invånarna enkäten. Det du svarar här skickas inte.', { id: 'console.survey.preview-hint' })}</p>
      ${renderPreviewLanguage(lang, (l) => (this.previewLang = l))}
      <div class="preview-box">${this.previewOf(d)}</div>
    </section>`;
  }

  /** The form with the preview beside it (below it on narrow screens). */
  protected renderEditor(d: SurveyDraft): TemplateResult {
    return html`<div class="layout">
      <div>${this.renderForm(d)}</div>
      ${this.renderPreview(d)}
    </div>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/panel">${msg('Medborgarpanelen', { id: 'console.survey.back' })}</a></p>`;
    if (this.creating) {
      return html`${back}
        ${screenHeading(msg('Ny enkät', { id: 'console.panel.new-survey' }), msg('Enkäten sparas som ett utkast. Någon godkänner den innan den skickas.', { id: 'console.survey.new-intro' }))}
        ${this.renderEditor(this.draft!)}`;
    }
    const s = this.survey;
    if (this.loadProblem || !s) return this.renderPending(back, msg(str`Enkät ${this.surveyId}`, { id: 'console.survey.title-n' }));
    const needsForm = s.status === 'closed' && !s.decisionSentAt;
    return html`${back} ${screenHeading(localized(s.title, this.locale))} ${this.renderCounts(s)} ${this.lifecycle.renderStatus(surveyStepLabel(s))}
      <h3 id="timeline-heading">${msg('Steg', { id: 'console.survey.step' })}</h3>
      ${this.renderTimeline(s)} ${this.renderActions(s)} ${this.renderResults(s)} ${this.renderSent(s)}
      ${needsForm ? this.renderSendForm(s, s.feedbackSentAt ? 'decision' : 'feedback') : nothing}
      ${s.status === 'draft' && this.draft ? this.renderEditor(this.draft) : this.renderContents(s)}`;
  }
}
