import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { followLive } from '../shared/live.js';
import { msg, str } from '../shared/localize.js';
import { templates as en } from './locales/en.js';
import { pollApi, readAnswer, writeAnswer, type PollLiveState, type PublicPoll } from './poll-api.js';
import { styles } from './poll.styles.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'not-found' | 'error';
type Text = PublicPoll['question'];

/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;
/** The results change on screen at once, but are announced at most this often. */
const announceEvery = 10_000;
/** Following again after the stream was given up: exponential backoff with full jitter, up to this. */
const maxBackoff = 30_000;
/** The one problem that is the resident's to put right (nothing ticked), as against a refusal. */
const pickOne = () => msg('Välj minst ett svar.', { id: 'poll.pick-one' });

/**
 * A quick poll (snabbfråga): one question, answered with one click — a single choice, several
 * choices, or a value from 1 to 5 — with the results shown once the resident has answered and
 * following the server live while the poll is open. The browser remembers the answer (only
 * once there is one), so a resident answers once and sees the results when they come back.
 * With `presenter`, the results alone, in large type filling the window, for a meeting room's
 * big screen.
 *
 * @summary One quick poll: answer it with one click and follow the results live.
 *
 * @event medverka-poll-answered - A resident answered. `detail`: `{ pollId, choices }`.
 * @event medverka-load-error - The poll could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart question - The question.
 * @csspart status - "Stängd", when the poll is closed.
 * @csspart option - Each answer's button (single choice and scale).
 * @csspart form - The checkboxes and the "Svara" button (multiple choice).
 * @csspart button - The "Svara" and "Försök igen" buttons.
 * @csspart results - The results: bars with their numbers, and the total.
 * @csspart total - The number of answers.
 * @csspart note - "Snabbfrågan är en fingervisning, inte en omröstning."
 * @csspart message - The loading, not-found and error messages.
 *
 * @cssproperty --medverka-color-accent - Buttons and bars. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the resident's own answer. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and the bars' track. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaPoll extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    poll: { reflect: true },
    presenter: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    data: { state: true },
    answered: { state: true },
    picked: { state: true },
    sending: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };

  /** The poll's number. */
  declare poll?: string;

  /** The big screen's view: the results alone, in large type filling the window; no answering. */
  declare presenter: boolean;

  /** The heading level of the question (1–6). Default 2, and 1 for the presenter's view. */
  declare headingLevel?: number;

  declare private status: Status;
  declare private data?: PublicPoll;
  /** What this browser answered, if it did. */
  declare private answered?: number[];
  /** The ticked boxes of a multiple-choice poll. */
  declare private picked: number[];
  declare private sending: boolean;
  /** Why the answer was not sent; built at render time, so it is in the element's language. */
  declare private problem?: () => string;
  /** Built at render time, so it is in the element's language. */
  declare private announcement?: () => string;

  constructor() {
    super();
    this.presenter = false;
    this.status = 'waiting';
    this.picked = [];
    this.sending = false;
  }

  #abort?: AbortController;
  /** Stops following live (see followLive). */
  #unfollow?: () => void;
  #attempt = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #lastAnnounced = 0;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** What changed since the last announcement. */
  #news: { results?: boolean; closed?: boolean; opened?: boolean; reset?: boolean } = {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.data) this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollow();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('poll') || changed.has('api')) void this.load();
  }

  /** Loads the poll again, e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    this.data = undefined;
    this.answered = undefined;
    this.picked = [];
    this.problem = undefined;
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    this.unfollow();
    try {
      const poll = await pollApi.poll(this.apiBase, this.poll ?? '', abort.signal);
      this.data = poll;
      this.answered = this.remembered(poll);
      this.status = 'ready';
      this.follow();
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = err instanceof ApiRequestError ? err.status : null;
      this.status = status === 404 || status === 400 ? 'not-found' : 'error';
      emit(this, 'medverka-load-error', { what: 'poll', status });
    } finally {
      clearTimeout(slow);
    }
  }

  /**
   * This browser's answer to the poll, if it still counts: an answer to a poll that has since
   * been reset (no answers at all now) is forgotten, so the resident may answer again.
   */
  private remembered(poll: PublicPoll) {
    const choices = readAnswer(this.apiBase, poll.id);
    if (!choices) return undefined;
    if (poll.results.total > 0 && choices.every((c) => poll.options.some((o) => o.id === c))) return choices;
    writeAnswer(this.apiBase, poll.id, undefined);
    return undefined;
  }

  // —— Following the results live ——

  private follow() {
    this.unfollow();
    const data = this.data;
    if (!data || typeof EventSource === 'undefined' || !this.isConnected) return;
    this.#unfollow = followLive(pollApi.live(this.apiBase, String(data.id)), (live) => {
      live.onopen = () => (this.#attempt = 0);
      live.addEventListener('results', (event) => {
        try {
          this.receive(JSON.parse((event as MessageEvent<string>).data) as PollLiveState);
        } catch {
          // Not ours to understand; the next event tells the whole state again.
        }
      });
      live.onerror = () => {
        // While CONNECTING the browser retries by itself; CLOSED means it gave up (the server
        // answered an error, or nothing), and from here it is up to us.
        if (live.readyState === EventSource.CLOSED) this.retry();
      };
    });
  }

  private unfollow() {
    this.#unfollow?.();
    this.#unfollow = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /**
   * Tries again after a random wait below a ceiling that doubles each time (full jitter), so
   * that a restarted server is not met by every big screen and page at once. Reads the poll
   * first: one that is gone (404) is not followed again.
   */
  private retry() {
    this.unfollow();
    const wait = Math.random() * Math.min(maxBackoff, 1000 * 2 ** this.#attempt++);
    this.#retryTimer = setTimeout(async () => {
      try {
        const fresh = await pollApi.poll(this.apiBase, this.poll ?? '');
        if (this.data?.id !== fresh.id) return;
        this.receive(fresh);
        this.follow();
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) this.status = 'not-found';
        else this.retry();
      }
    }, wait);
  }

  private receive(fresh: PollLiveState) {
    const now = this.data;
    // An answer is on its way: its own reply brings the results with it counted.
    if (!now || this.sending) return;
    const news = this.#news;
    if (fresh.status !== now.status) {
      if (fresh.status === 'closed') news.closed = true;
      else news.opened = true;
    }
    if (fresh.results.total !== now.results.total || Object.entries(fresh.results.counts).some(([id, n]) => now.results.counts[id] !== n)) {
      news.results = true;
    }
    // Staff reset the poll: every answer is gone, this browser's too.
    if (this.answered && fresh.results.total === 0 && now.results.total > 0) {
      writeAnswer(this.apiBase, now.id, undefined);
      this.answered = undefined;
      news.reset = true;
    }
    this.data = { ...now, status: fresh.status, results: fresh.results };
    if (news.closed || news.opened || news.reset || (news.results && this.showsResults)) this.announce();
  }

  /** Tells screen-reader users what changed, politely and not more often than every 10 s. */
  private announce() {
    if (this.#announceTimer) return;
    const wait = Math.max(0, this.#lastAnnounced + announceEvery - Date.now());
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      this.#lastAnnounced = Date.now();
      const news = this.#news;
      this.#news = {};
      const data = this.data;
      if (!data) return;
      const total = data.results.total;
      this.announcement = () =>
        [
          news.closed ? msg('Frågan har stängts.', { id: 'poll.closed-now' }) : '',
          news.opened ? msg('Frågan är öppen igen.', { id: 'poll.opened-now' }) : '',
          news.reset ? msg('Frågan har börjat om. Du kan svara igen.', { id: 'poll.reset-now' }) : '',
          this.showsResults ? msg(str`Resultat: ${this.answers(total)}.`, { id: 'poll.results-now' }) : '',
        ]
          .filter(Boolean)
          .join(' ');
    }, wait);
  }

  // —— Answering ——

  private get showsResults() {
    return this.presenter || this.data?.status === 'closed' || !!this.answered;
  }

  private async send(choices: number[]) {
    const poll = this.data;
    if (this.sending || !poll) return;
    if (!choices.length) {
      this.problem = pickOne;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    this.problem = undefined;
    this.sending = true;
    try {
      const results = await pollApi.answer(this.apiBase, String(poll.id), choices);
      // Nothing is stored until the resident has answered.
      writeAnswer(this.apiBase, poll.id, choices);
      this.answered = choices;
      if (this.data?.id === poll.id) this.data = { ...this.data, results };
      this.sending = false;
      emit(this, 'medverka-poll-answered', { pollId: poll.id, choices });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#answered')?.focus();
    } catch (err) {
      this.sending = false;
      const status = err instanceof ApiRequestError ? err.status : null;
      if (status === 409 || status === 404) {
        // Closed (or gone) meanwhile: show what there is to show now.
        if (this.data) this.data = { ...this.data, status: 'closed' };
        this.problem = () => msg('Frågan är stängd, så ditt svar kom inte med.', { id: 'poll.not-open' });
        // The button that was pressed is gone with the question: say why where focus goes.
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#problem')?.focus();
      } else if (status === 429) {
        this.problem = () => msg('Det har kommit väldigt många svar härifrån på kort tid. Vänta en minut och försök sedan igen.', { id: 'poll.too-many' });
      } else {
        this.problem = () => msg('Det gick inte att skicka ditt svar just nu. Försök igen om en stund.', { id: 'poll.send-failed' });
      }
    }
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    void this.send(this.picked);
  }

  private toggle(id: number, on: boolean) {
    this.picked = on ? [...this.picked.filter((c) => c !== id), id] : this.picked.filter((c) => c !== id);
    if (on && this.problem) this.problem = undefined;
  }

  // —— Rendering ——

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel ?? 0) || (this.presenter ? 1 : 2)));
  }

  /** A resident-facing text in the element's language, marked Swedish when English was asked for but not written. */
  private text(t: Text) {
    const english = this.locale === 'en' && t.en;
    return html`<span lang=${this.locale === 'en' && !english ? 'sv' : nothing}>${english || t.sv}</span>`;
  }

  private plain(t: Text) {
    return (this.locale === 'en' && t.en) || t.sv;
  }

  private answers(n: number) {
    const figure = new Intl.NumberFormat(this.locale).format(n);
    return n === 1 ? msg('1 svar', { id: 'poll.answer-one' }) : msg(str`${figure} svar`, { id: 'poll.answers' });
  }

  /** An option's name: its label, and for a scale's ends what they mean ("1 – Inte alls"). */
  private optionName(p: PublicPoll, id: number, label: Text) {
    const end = p.kind === 'scale' && p.scaleLabels ? (id === 1 ? p.scaleLabels.low : id === 5 ? p.scaleLabels.high : undefined) : undefined;
    return end ? html`${this.text(label)} – ${this.text(end)}` : this.text(label);
  }

  private renderProblem() {
    return this.problem ? html`<p id="problem" class="problem" role="alert" tabindex="-1">${this.problem()}</p>` : nothing;
  }

  private renderSending() {
    return html`<p class="visually-hidden" role="status">${this.sending ? msg('Skickar ditt svar …', { id: 'poll.sending' }) : ''}</p>`;
  }

  private renderButtons(p: PublicPoll) {
    const scale = p.kind === 'scale';
    const busy = this.sending ? 'true' : 'false';
    const described = this.problem ? 'hint problem' : 'hint';
    return html`<p id="hint" class="hint">
        ${scale
          ? msg('Välj en siffra från 1 till 5. Ditt svar skickas direkt.', { id: 'poll.hint-scale' })
          : msg('Välj ett svar. Det skickas direkt.', { id: 'poll.hint-single' })}
      </p>
      <div class="options ${scale ? 'scale' : 'single'}" role="group" aria-labelledby="question" aria-describedby=${described}>
        ${p.options.map(
          (o) =>
            html`<button
              type="button"
              class="option"
              part="option"
              aria-disabled=${busy}
              aria-describedby=${scale && p.scaleLabels && (o.id === 1 || o.id === 5) ? `end-${o.id}` : nothing}
              @click=${() => void this.send([o.id])}
            >
              ${this.text(o.label)}
            </button>`,
        )}
      </div>
      ${scale && p.scaleLabels
        ? html`<p class="scale-ends">
            <span id="end-1">1 = ${this.text(p.scaleLabels.low)}</span>
            <span id="end-5">5 = ${this.text(p.scaleLabels.high)}</span>
          </p>`
        : nothing}
      ${this.renderProblem()} ${this.renderSending()}`;
  }

  private renderForm(p: PublicPoll) {
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <fieldset aria-labelledby="question" aria-describedby=${this.problem ? 'hint problem' : 'hint'}>
        <p id="hint" class="hint">${msg('Välj ett eller flera svar och tryck sedan på Svara.', { id: 'poll.hint-multiple' })}</p>
        ${this.renderProblem()}
        ${p.options.map(
          (o) =>
            html`<div class="choice">
              <input
                id="option-${o.id}"
                type="checkbox"
                .checked=${this.picked.includes(o.id)}
                aria-invalid=${this.problem === pickOne ? 'true' : 'false'}
                @change=${(e: Event) => this.toggle(o.id, (e.target as HTMLInputElement).checked)}
              />
              <label for="option-${o.id}">${this.text(o.label)}</label>
            </div>`,
        )}
      </fieldset>
      <button type="submit" class="primary" part="button" aria-disabled=${this.sending ? 'true' : 'false'}>
        ${this.sending ? msg('Skickar …', { id: 'poll.sending-button' }) : msg('Svara', { id: 'poll.submit' })}
      </button>
      ${this.renderSending()}
    </form>`;
  }

  private renderAnswered(p: PublicPoll) {
    const chosen = p.options.filter((o) => this.answered?.includes(o.id)).map((o) => this.plain(o.label));
    const list = new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(chosen);
    return html`<div id="answered" class="answered" tabindex="-1">
      <p class="answered-title">${msg('Du har svarat', { id: 'poll.answered' })}</p>
      <p>
        ${chosen.length === 1
          ? msg(str`Ditt svar: ${list}.`, { id: 'poll.your-answer' })
          : msg(str`Dina svar: ${list}.`, { id: 'poll.your-answers' })}
        ${p.status === 'open' ? msg('Resultatet nedan ändras medan frågan är öppen.', { id: 'poll.updates' }) : nothing}
      </p>
    </div>`;
  }

  private renderResults(p: PublicPoll) {
    const { total, counts } = p.results;
    const l = this.locale;
    const percent = new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 });
    const share = (n: number) => (total ? n / total : 0);
    const average = p.kind === 'scale' && total ? p.options.reduce((sum, o) => sum + o.id * (counts[o.id] ?? 0), 0) / total : undefined;
    return html`<section class="results" part="results" aria-labelledby="results-heading">
      <div id="results-heading" class="subheading" role="heading" aria-level=${Math.min(6, this.level + 1)}>${msg('Resultat', { id: 'poll.results' })}</div>
      <ul class="bars">
        ${p.options.map((o) => {
          const n = counts[o.id] ?? 0;
          const mine = this.answered?.includes(o.id) && !this.presenter;
          return html`<li class="bar-row ${mine ? 'mine' : ''}">
            <span class="bar-label">${this.optionName(p, o.id, o.label)}${mine ? html`${' '}<span class="badge">${msg('ditt svar', { id: 'poll.mine' })}</span>` : nothing}</span>
            <svg class="bar" aria-hidden="true" focusable="false">
              <rect class="bar-track" width="100%" height="100%" />
              <rect class="bar-fill" width="${share(n) * 100}%" height="100%" />
            </svg>
            <span class="bar-value">${this.answers(n)} (${percent.format(share(n))})</span>
          </li>`;
        })}
      </ul>
      <p class="total" part="total">
        ${total ? msg(str`Totalt ${this.answers(total)}`, { id: 'poll.total' }) : msg('Ingen har svarat ännu.', { id: 'poll.no-answers' })}
      </p>
      ${average === undefined
        ? nothing
        : html`<p class="average">
            ${msg(str`Medelvärde: ${new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(average)} (${this.answers(total)})`, { id: 'poll.average' })}
          </p>`}
      ${p.kind === 'multiple' && total
        ? html`<p class="hint">${msg('Man kunde välja flera svar, så procenten blir tillsammans mer än 100.', { id: 'poll.multiple-note' })}</p>`
        : nothing}
    </section>`;
  }

  private renderPoll(p: PublicPoll) {
    const answering = !this.showsResults;
    return html`
      <div id="question" class="question" part="question" role="heading" aria-level=${this.level}>${this.text(p.question)}</div>
      ${p.status === 'closed'
        ? html`<p class="status" part="status">${msg('Stängd', { id: 'poll.status-closed' })}</p>
            ${this.presenter ? nothing : html`<p class="hint">${msg('Frågan är stängd. Det går inte att svara längre.', { id: 'poll.closed' })}</p>`}
            ${this.answered ? nothing : this.renderProblem()}`
        : nothing}
      ${answering ? (p.kind === 'multiple' ? this.renderForm(p) : this.renderButtons(p)) : nothing}
      ${this.answered && !this.presenter ? this.renderAnswered(p) : nothing} ${answering ? nothing : this.renderResults(p)}
      <p class="note" part="note">${msg('Snabbfrågan är en fingervisning, inte en omröstning.', { id: 'poll.note' })}</p>
      ${answering
        ? html`<p class="hint">${msg('Ditt svar är anonymt. Din webbläsare kommer ihåg att du har svarat, så att du ser resultatet om du kommer tillbaka.', { id: 'poll.privacy' })}</p>`
        : nothing}
    `;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'poll.loading' })}</p>`;
      case 'not-found':
        return html`<p class="message" part="message">${msg('Frågan finns inte, eller har inte öppnats ännu.', { id: 'poll.not-found' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta frågan just nu.', { id: 'poll.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'poll.retry' })}</button>
        </div>`;
      default:
        return this.data ? this.renderPoll(this.data) : html``;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting') return nothing;
    const many = (this.data?.options.length ?? 0) > 5;
    return html`<article class="base ${many ? 'many' : ''}" part="base" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${this.renderBody()}
      <p class="visually-hidden" aria-live="polite">${this.announcement?.()}</p>
    </article>`;
  }
}
