import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Proof } from '../forms/proof.js';
import { codeOf } from '../forms/refusal.js';
import { focusAfterRender, paragraphs } from '../forms/text.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { templates as en } from './locales/en.js';
import {
  forgetToken,
  keepOpenToken,
  storedToken,
  surveyApi,
  SurveyRefusal,
  takeTokenFromAddress,
  type AnswerValue,
  type Answers,
  type PublicSurvey,
  type Question,
  type Text,
} from './survey-api.js';
import { styles } from './survey.styles.js';

/**
 * 'waiting': loading, but too briefly to be worth a message that would only flash.
 * 'no-token' / 'bad-token': a panel survey opened without its personal link, or with one that does not work.
 */
type Status = 'waiting' | 'loading' | 'ready' | 'no-token' | 'bad-token' | 'not-found' | 'closed' | 'submitted' | 'error';

/** What is wrong with an answer: none given to a required question, or one the server refused. */
type Problem = 'missing' | 'invalid';

const loadingMessageDelay = 300;
const textMax = 5000;

const isAnswered = (value: AnswerValue | undefined) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined);

/**
 * A survey (enkät) from the municipality, one page at a time. Panel members open it from the
 * personal link in their e-mail (`…#<token>`): the widget takes the token out of the address
 * bar, so it is not shared by copying the address, and keeps it for this tab. An open survey
 * may be answered by anyone; its response is kept in this browser from the moment the
 * resident saves the first page; starting one takes a proof of work, solved in the background
 * once the resident starts answering, so a script cannot fill it with answers. Every page is
 * saved when the resident moves on, so nothing is lost if the tab closes, and a later visit
 * resumes where they were.
 *
 * @summary Answer a survey, page by page.
 *
 * @event medverka-survey-submitted - The resident sent in their answers. `detail`: `{ surveyId }`.
 * @event medverka-load-error - The survey could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The survey's title.
 * @csspart progress - The page number and progress bar.
 * @csspart form - The page's questions and buttons.
 * @csspart question - One question.
 * @csspart button - Buttons.
 * @csspart message - The loading, error, closed and thank-you messages.
 *
 * @cssproperty --medverka-color-accent - Buttons, choices and the progress bar. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the ranking's items. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaSurvey extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    survey: { reflect: true },
    preview: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    data: { state: true },
    page: { state: true },
    answers: { state: true },
    errors: { state: true },
    saveError: { state: true },
    saving: { state: true },
    justSubmitted: { state: true },
    announcement: { state: true },
  };

  /** The survey's id, as in its address (e.g. "7"). */
  declare survey?: string;

  /**
   * A survey to show without the server, as the console's preview of a draft: it is answered
   * page by page as residents would, and nothing is sent or kept.
   */
  declare preview?: PublicSurvey;

  /** The heading level of the survey's title (1–6); the page's heading uses the level below. Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private data?: PublicSurvey;
  /** The page shown, from 0. */
  declare private page: number;
  declare private answers: Answers;
  declare private errors: Record<string, Problem>;
  /** The page could not be saved: the server was not reached, or refused for another reason. */
  declare private saveError?: 'network' | 'other';
  declare private saving: boolean;
  declare private justSubmitted: boolean;
  /** Built at render time, so it is in the element's language. */
  declare private announcement?: () => string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'waiting';
    this.page = 0;
    this.answers = {};
    this.errors = {};
    this.saving = false;
    this.justSubmitted = false;
  }

  #abort?: AbortController;
  /** The resident's key to their response, and where it is kept. */
  #token?: string;
  #kept?: 'session' | 'local';
  /** An open survey's proof of work for starting the response, begun when the resident starts answering. */
  #proof = new Proof(() => this.apiBase);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.preview) {
      if (changed.has('preview')) {
        this.data = this.preview;
        this.page = Math.min(this.page, this.preview.pages.length - 1);
        this.status = this.preview.status === 'closed' ? 'closed' : 'ready';
      }
    } else if (changed.has('survey') || changed.has('api')) void this.load();
  }

  private get surveyId() {
    return this.survey ?? '';
  }

  /** Loads the survey and the resident's saved answers, again e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    const base = this.apiBase;
    const fromAddress = takeTokenFromAddress(base, this.surveyId);
    const kept = fromAddress ? { token: fromAddress, where: 'session' as const } : storedToken(base, this.surveyId);
    this.#token = kept?.token;
    this.#kept = kept?.where;
    try {
      const { survey, response } = await surveyApi.survey(base, this.surveyId, this.#token, abort.signal);
      this.data = survey;
      this.answers = response?.answers ?? {};
      this.errors = {};
      this.saveError = undefined;
      this.justSubmitted = false;
      this.page = Math.max(0, Math.min(response?.page ?? 0, survey.pages.length - 1));
      this.status = response?.submitted ? 'submitted' : survey.status === 'closed' ? 'closed' : 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = err instanceof SurveyRefusal ? err.status : null;
      if (status === 403 && this.#kept === 'local') {
        // An open survey's response this browser kept is gone: start afresh.
        forgetToken(base, this.surveyId, 'local');
        return this.load();
      }
      this.status = status === 403 ? (this.#token ? 'bad-token' : 'no-token') : status === 404 || status === 400 ? 'not-found' : 'error';
      emit(this, 'medverka-load-error', { what: 'survey', status });
    } finally {
      clearTimeout(slow);
    }
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private get subLevel() {
    return Math.min(6, this.level + 1);
  }

  private text(t: Text) {
    return this.locale === 'en' ? (t.en ?? t.sv) : t.sv;
  }

  // —— Proof of work (an open survey, before its response has begun) ——

  private startProof = () => {
    if (!this.#token && !this.preview) this.#proof.start();
  };

  // —— Answers ——

  private setAnswer(question: Question, value: AnswerValue | undefined) {
    const answers = { ...this.answers };
    if (value === undefined || !isAnswered(value)) delete answers[question.id];
    else answers[question.id] = value;
    this.answers = answers;
    if (this.errors[question.id] && isAnswered(value)) {
      const { [question.id]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  /** The ranking's order as shown: the resident's, or the options' own order until they move one. */
  private rankingOf(q: Question): number[] {
    const value = this.answers[q.id];
    return Array.isArray(value) ? value : (q.options ?? []).map((_, i) => i);
  }

  private async move(q: Question, option: number, by: -1 | 1) {
    const order = [...this.rankingOf(q)];
    const from = order.indexOf(option);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    this.setAnswer(q, order);
    const label = this.text(q.options![option]!);
    const position = to + 1;
    const count = order.length;
    this.announcement = () => msg(str`${label} är nu nummer ${position} av ${count}.`, { id: 'survey.moved' });
    await this.updateComplete;
    // Focus stays with the item that moved; at the top or the bottom, on its other button.
    const same = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.qid(q)}-${by < 0 ? 'up' : 'down'}-${option}`);
    const other = this.renderRoot.querySelector<HTMLButtonElement>(`#${this.qid(q)}-${by < 0 ? 'down' : 'up'}-${option}`);
    (same && !same.disabled ? same : other)?.focus();
  }

  /** The answers to one page's questions; a required ranking left as shown counts as answered in that order. */
  private pageAnswers(questions: Question[]): Answers {
    const answers: Answers = {};
    for (const q of questions) {
      const value = q.type === 'ranking' && q.required ? this.rankingOf(q) : this.answers[q.id];
      if (value !== undefined && isAnswered(value)) answers[q.id] = value;
    }
    return answers;
  }

  private async showErrors(errors: Record<string, Problem>) {
    this.errors = errors;
    await focusAfterRender(this, '#summary');
  }

  // —— Moving between pages ——

  private async goTo(page: number) {
    this.page = page;
    this.errors = {};
    this.saveError = undefined;
    await focusAfterRender(this, '#page-heading');
  }

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.saveAndGoOn();
  };

  /** Saves the page shown and moves to the next one; on the last page, also sends the answers in. */
  private async saveAndGoOn() {
    const survey = this.data;
    if (this.saving || !survey) return;
    const page = this.page;
    const questions = survey.pages[page]?.questions ?? [];
    const answers = this.pageAnswers(questions);
    const missing = Object.fromEntries(questions.filter((q) => q.required && !isAnswered(answers[q.id])).map((q) => [q.id, 'missing' as Problem]));
    if (Object.keys(missing).length) return this.showErrors(missing);
    this.errors = {};
    this.saveError = undefined;
    const last = page >= survey.pages.length - 1;
    if (this.preview) {
      if (!last) return this.goTo(page + 1);
      this.justSubmitted = true;
      this.status = 'submitted';
      return focusAfterRender(this, '#done-heading');
    }
    this.saving = true;
    const base = this.apiBase;
    try {
      if (!this.#token) {
        // An open survey: the response begins now, and is kept in this browser from now on.
        // A solution is spent by any answer: the next try solves a new one.
        const { token } = await surveyApi.start(base, this.surveyId, await this.#proof.take());
        this.#token = token;
        this.#kept = 'local';
        keepOpenToken(base, this.surveyId, token);
      }
      await surveyApi.savePage(base, this.surveyId, this.#token, page, answers);
      this.answers = { ...this.answers, ...answers };
      if (!last) {
        this.saving = false;
        return this.goTo(page + 1);
      }
      await surveyApi.submit(base, this.surveyId, this.#token);
      this.saving = false;
      this.justSubmitted = true;
      this.status = 'submitted';
      emit(this, 'medverka-survey-submitted', { surveyId: this.surveyId });
      await focusAfterRender(this, '#done-heading');
    } catch (err) {
      this.saving = false;
      this.startProof();
      await this.refused(err);
    }
  }

  private async refused(err: unknown) {
    const refusal = err instanceof SurveyRefusal ? err : undefined;
    const survey = this.data!;
    if (refusal?.status === 400 && refusal.issues.length) {
      const errors: Record<string, Problem> = {};
      for (const issue of refusal.issues) {
        if (survey.pages.some((p) => p.questions.some((q) => q.id === issue.question))) {
          errors[issue.question] = /required|missing/.test(issue.code) ? 'missing' : 'invalid';
        }
      }
      const first = survey.pages.findIndex((p) => p.questions.some((q) => errors[q.id]));
      if (first >= 0) {
        // Sending in found an unanswered question on another page: go there.
        if (first !== this.page) this.page = first;
        return this.showErrors(errors);
      }
    }
    if (refusal?.code === 'survey_closed') return void (this.status = 'closed');
    if (refusal?.code === 'already_submitted') return void (this.status = 'submitted');
    if (refusal?.status === 403) return void (this.status = 'bad-token');
    // Not reached (no answer), unless the answer was that the security check failed.
    this.saveError = codeOf(err).startsWith('pow_') || (refusal && refusal.status !== null) ? 'other' : 'network';
    await focusAfterRender(this, '#save-error');
  }

  // —— Rendering ——

  /** A question's id inside the shadow root (question ids may begin with a digit). */
  private qid(q: Question) {
    return `q-${q.id}`;
  }

  /** The control the error summary takes the resident to. */
  private focusTarget(q: Question) {
    const id = this.qid(q);
    switch (q.type) {
      case 'text':
        return id;
      case 'ranking':
        return `${id}-down-${this.rankingOf(q)[0]}`;
      case 'scale':
        return `${id}-1`;
      default:
        return `${id}-0`;
    }
  }

  private errorText(q: Question, problem: Problem): string {
    if (problem === 'invalid') return msg('Svaret gick inte att spara. Kontrollera det och försök igen.', { id: 'survey.error-invalid' });
    switch (q.type) {
      case 'single':
        return msg('Välj ett svar.', { id: 'survey.error-single' });
      case 'multiple':
        return msg('Välj minst ett svar.', { id: 'survey.error-multiple' });
      case 'scale':
        return msg('Välj en siffra från 1 till 5.', { id: 'survey.error-scale' });
      case 'text':
        return msg('Skriv ett svar.', { id: 'survey.error-text' });
      case 'ranking':
        return msg('Ordna alternativen.', { id: 'survey.error-ranking' });
    }
  }

  private renderSummary(questions: Question[]) {
    const listed = questions.filter((q) => this.errors[q.id]);
    if (!listed.length) return nothing;
    return html`<div id="summary" class="summary" tabindex="-1" aria-labelledby="summary-heading">
      <div id="summary-heading" class="summary-heading" role="heading" aria-level=${Math.min(6, this.subLevel + 1)}>
        ${msg('Rätta det här innan du går vidare', { id: 'survey.summary-heading' })}
      </div>
      <ul>
        ${listed.map(
          (q) => html`<li>
            <a href="#${this.focusTarget(q)}" @click=${(e: MouseEvent) => this.onSummaryClick(e, q)}>${this.text(q.text)} – ${this.errorText(q, this.errors[q.id]!)}</a>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private onSummaryClick(event: MouseEvent, q: Question) {
    // The link's #id would change the host page's address; focus the control instead.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${this.focusTarget(q)}`)?.focus();
  }

  private renderError(q: Question) {
    const problem = this.errors[q.id];
    return problem ? html`<p id="${this.qid(q)}-error" class="field-error">${this.errorText(q, problem)}</p>` : nothing;
  }

  private describedBy(q: Question, hint: boolean) {
    const ids = [hint ? `${this.qid(q)}-hint` : '', this.errors[q.id] ? `${this.qid(q)}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  /** The question's text, and whether it must be answered, in words. */
  private renderQuestionText(q: Question) {
    return html`${this.text(q.text)}
      <span class=${q.required ? 'required' : 'optional'}>${q.required ? msg('(obligatoriskt)', { id: 'survey.required' }) : msg('(frivilligt)', { id: 'survey.optional' })}</span>`;
  }

  private renderQuestion(q: Question) {
    const id = this.qid(q);
    const invalid = this.errors[q.id] ? 'true' : 'false';
    const value = this.answers[q.id];
    switch (q.type) {
      case 'text': {
        const written = typeof value === 'string' ? value : '';
        return html`<div class="question field" part="question">
          <label for=${id}>${this.renderQuestionText(q)}</label>
          <p id="${id}-hint" class="hint">${msg(str`Högst ${textMax.toLocaleString(this.locale === 'en' ? 'en-GB' : 'sv-SE')} tecken.`, { id: 'survey.text-hint' })}</p>
          ${this.renderError(q)}
          <textarea
            id=${id}
            rows="5"
            maxlength=${textMax}
            aria-required=${q.required ? 'true' : 'false'}
            aria-invalid=${invalid}
            aria-describedby=${this.describedBy(q, true)}
            .value=${written}
            @input=${(e: Event) => this.setAnswer(q, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>`;
      }
      case 'ranking':
        return this.renderRanking(q);
      case 'scale': {
        // The ends in the staff's words (part of each radio's name), or lowest and highest.
        const low = q.scaleLabels ? this.text(q.scaleLabels.low) : msg('Lägst', { id: 'survey.scale-low' });
        const high = q.scaleLabels ? this.text(q.scaleLabels.high) : msg('Högst', { id: 'survey.scale-high' });
        return html`<fieldset class="question field" part="question" aria-describedby=${this.describedBy(q, true)}>
          <legend>${this.renderQuestionText(q)}</legend>
          <p id="${id}-hint" class="hint">
            ${q.scaleLabels
              ? msg(str`1 betyder ”${low}” och 5 betyder ”${high}”.`, { id: 'survey.scale-labels-hint' })
              : msg('1 är lägst och 5 är högst.', { id: 'survey.scale-hint' })}
          </p>
          ${this.renderError(q)}
          <div class="scale">
            ${[1, 2, 3, 4, 5].map(
              (n) => html`<div class="step">
                <input id="${id}-${n}" type="radio" name=${id} .checked=${value === n} aria-invalid=${invalid} @change=${() => this.setAnswer(q, n)} />
                <label for="${id}-${n}">${n} ${n === 1 ? html`<span class="end">${low}</span>` : n === 5 ? html`<span class="end">${high}</span>` : nothing}</label>
              </div>`,
            )}
          </div>
        </fieldset>`;
      }
      default: {
        const multiple = q.type === 'multiple';
        const chosen = multiple ? (Array.isArray(value) ? value : []) : [value];
        const toggle = (i: number, on: boolean) =>
          multiple ? this.setAnswer(q, on ? [...(chosen as number[]), i].sort((a, b) => a - b) : (chosen as number[]).filter((c) => c !== i)) : this.setAnswer(q, i);
        return html`<fieldset class="question field" part="question" aria-describedby=${this.describedBy(q, multiple)}>
          <legend>${this.renderQuestionText(q)}</legend>
          ${multiple ? html`<p id="${id}-hint" class="hint">${msg('Välj ett eller flera svar.', { id: 'survey.multiple-hint' })}</p>` : nothing}
          ${this.renderError(q)}
          ${(q.options ?? []).map(
            (option, i) => html`<div class="choice">
              <input
                id="${id}-${i}"
                type=${multiple ? 'checkbox' : 'radio'}
                name=${id}
                .checked=${chosen.includes(i)}
                aria-invalid=${invalid}
                @change=${(e: Event) => toggle(i, (e.target as HTMLInputElement).checked)}
              />
              <label for="${id}-${i}">${this.text(option)}</label>
            </div>`,
          )}
        </fieldset>`;
      }
    }
  }

  private renderRanking(q: Question) {
    const id = this.qid(q);
    const order = this.rankingOf(q);
    const last = order.length - 1;
    return html`<fieldset class="question field" part="question" aria-describedby=${this.describedBy(q, true)}>
      <legend>${this.renderQuestionText(q)}</legend>
      <p id="${id}-hint" class="hint">${msg('Sätt det viktigaste först. Flytta alternativen med knapparna.', { id: 'survey.ranking-hint' })}</p>
      ${this.renderError(q)}
      <ol class="ranking">
        ${order.map((option, position) => {
          const label = this.text(q.options?.[option] ?? { sv: '', en: null });
          return html`<li>
            <span class="rank" aria-hidden="true">${position + 1}</span>
            <span class="item">${label}</span>
            <span class="moves">
              <button type="button" id="${id}-up-${option}" class="move" part="button" ?disabled=${position === 0} @click=${() => void this.move(q, option, -1)}>
                ${msg('Flytta upp', { id: 'survey.move-up' })}<span class="visually-hidden">: ${label}</span>
              </button>
              <button type="button" id="${id}-down-${option}" class="move" part="button" ?disabled=${position === last} @click=${() => void this.move(q, option, 1)}>
                ${msg('Flytta ner', { id: 'survey.move-down' })}<span class="visually-hidden">: ${label}</span>
              </button>
            </span>
          </li>`;
        })}
      </ol>
    </fieldset>`;
  }

  private renderSaveError() {
    if (!this.saveError) return nothing;
    return html`<div id="save-error" class="message error" part="message" role="alert" tabindex="-1">
      <p>
        ${this.saveError === 'network'
          ? msg('Det gick inte att spara dina svar. Kontrollera din internetanslutning och försök igen.', { id: 'survey.save-network' })
          : msg('Det gick inte att spara dina svar just nu. Försök igen om en stund.', { id: 'survey.save-failed' })}
      </p>
      <button type="button" class="secondary" part="button" @click=${() => void this.saveAndGoOn()}>${msg('Försök igen', { id: 'survey.retry' })}</button>
    </div>`;
  }

  private renderPage(survey: PublicSurvey) {
    const count = survey.pages.length;
    const number = this.page + 1;
    const questions = survey.pages[this.page]?.questions ?? [];
    const last = this.page >= count - 1;
    return html`${this.page === 0 ? html`<div class="intro">${paragraphs(this.text(survey.intro))}</div>` : nothing}
      <form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.startProof} @input=${this.startProof}>
        <div class="progress" part="progress">
          <div id="page-heading" class="subheading" role="heading" aria-level=${this.subLevel} tabindex="-1">${msg(str`Sida ${number} av ${count}`, { id: 'survey.page' })}</div>
          <progress value=${number} max=${count} aria-labelledby="page-heading"></progress>
        </div>
        ${this.renderSummary(questions)} ${questions.map((q) => this.renderQuestion(q))} ${this.renderSaveError()}
        <div class="nav">
          ${this.page > 0
            ? html`<button type="button" class="secondary" part="button" @click=${() => !this.saving && void this.goTo(this.page - 1)}>${msg('Föregående', { id: 'survey.previous' })}</button>`
            : nothing}
          <button type="submit" class="primary" part="button" aria-disabled=${this.saving ? 'true' : 'false'}>
            ${this.saving ? msg('Sparar …', { id: 'survey.saving' }) : last ? msg('Skicka in', { id: 'survey.submit' }) : msg('Nästa', { id: 'survey.next' })}
          </button>
        </div>
        <p class="hint saved">${msg('Dina svar sparas varje gång du går vidare till nästa sida. Du kan fortsätta senare.', { id: 'survey.saved-hint' })}</p>
        <p class="visually-hidden" role="status">${this.saving ? msg('Sparar dina svar …', { id: 'survey.saving-status' }) : ''}</p>
      </form>`;
  }

  private renderDone() {
    return html`<section class="message done" part="message" aria-labelledby="done-heading">
      <div id="done-heading" class="subheading" role="heading" aria-level=${this.subLevel} tabindex="-1">${msg('Tack för dina svar!', { id: 'survey.done-heading' })}</div>
      <p>
        ${this.justSubmitted
          ? msg('Dina svar är inskickade.', { id: 'survey.done' })
          : msg('Du har redan skickat in dina svar på den här enkäten.', { id: 'survey.done-before' })}
      </p>
      ${this.#kept === 'session'
        ? // A panel member (from their personal link) hears back by e-mail.
          html`<p>${msg('När enkäten är stängd mejlar kommunen dig och berättar vad svaren ledde till.', { id: 'survey.done-feedback' })}</p>`
        : nothing}
    </section>`;
  }

  private renderMessage(text: string, more?: string) {
    return html`<div class="message" part="message">
      <p>${text}</p>
      ${more ? html`<p>${more}</p>` : nothing}
    </div>`;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'survey.loading' })}</p>`;
      case 'not-found':
        return this.renderMessage(msg('Enkäten finns inte, eller har inte öppnats ännu.', { id: 'survey.not-found' }));
      case 'no-token':
        return this.renderMessage(
          msg('Den här enkäten är bara för medlemmarna i kommunens medborgarpanel.', { id: 'survey.no-token' }),
          msg('Är du medlem? Öppna enkäten med länken i mejlet som du fick från kommunen.', { id: 'survey.no-token-more' }),
        );
      case 'bad-token':
        return this.renderMessage(
          msg('Länken till enkäten fungerar inte.', { id: 'survey.bad-token' }),
          msg('Kontrollera att du har använt hela länken från det senaste mejlet om enkäten. Har du lämnat medborgarpanelen kan du inte svara längre.', { id: 'survey.bad-token-more' }),
        );
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta enkäten just nu.', { id: 'survey.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'survey.retry' })}</button>
        </div>`;
      default:
        return html``;
    }
  }

  /** The deadline in words, e.g. "31 mars 2027 23:59". */
  private when(iso: string) {
    return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }

  private renderSurvey(survey: PublicSurvey) {
    const deadline = survey.closesAt ? this.when(survey.closesAt) : '';
    const passed = survey.closesAt !== null && new Date(survey.closesAt).getTime() <= Date.now();
    return html`<div id="title" class="heading" part="heading" role="heading" aria-level=${this.level}>${this.text(survey.title)}</div>
      ${this.status === 'submitted'
        ? this.renderDone()
        : this.status === 'closed'
          ? this.renderMessage(
              msg('Enkäten är stängd.', { id: 'survey.closed' }),
              passed
                ? msg(str`Sista tid att svara var ${deadline}.`, { id: 'survey.deadline-passed' })
                : msg('Det går inte att svara på den längre.', { id: 'survey.closed-more' }),
            )
          : html`${deadline ? html`<p class="deadline">${msg(str`Svara senast ${deadline}.`, { id: 'survey.deadline' })}</p>` : nothing}${this.renderPage(survey)}`}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting') return nothing;
    const withSurvey = this.data && ['ready', 'closed', 'submitted'].includes(this.status);
    return html`<section class="base" part="base" aria-labelledby=${withSurvey ? 'title' : nothing} aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${withSurvey ? this.renderSurvey(this.data!) : this.renderBody()}
      <p class="visually-hidden" aria-live="polite">${this.announcement?.()}</p>
    </section>`;
  }
}
