import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { loadWidget } from '../loader/registry.js';
import { Proof } from '../forms/proof.js';
import { refusalText, refusedFields } from '../forms/refusal.js';
import { focusAfterRender } from '../forms/text.js';
import { petitionApi } from '../petition/petition-api.js';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { templates as en } from './locales/en.js';
import { petitionsApi, type PetitionSummary, type Show } from './petitions-api.js';
import { styles } from './petitions.styles.js';
import { emptyValues, errorText, fields, validate, type Field, type Problem, type Values } from './propose-form.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'error';

const shows: Show[] = ['open', 'answered', 'closed', 'all'];
/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;
/**
 * An opened petition's address on the host page: a fragment, which the CMS's server never
 * sees and its own routing leaves alone, so the page can be reloaded, bookmarked and shared.
 */
const addressPattern = /^#e-forslag-([1-9][0-9]{0,9})$/;
/** Marks the history entries this widget added, so its back button can step back over them. */
const historyMark = 'medverkaPetition';

/** The petition shown in the panel; its title once known (it names the panel). */
interface Opened {
  id: number;
  title?: string;
}

/**
 * The municipality's public e-petitions (e-förslag): a list to filter and search, each
 * petition opened in place with `<medverka-petition>`, and a form to propose a new one.
 * An opened petition gets its own address on the host page (`#e-forslag-<number>`), so it
 * can be reloaded, bookmarked and shared, and the browser's Back returns to the list.
 * Proposing needs no account: the proposer confirms by a link mailed to them, and a proof
 * of work, solved in the background once they start the form, keeps scripts from
 * proposing in bulk.
 *
 * @summary The list of petitions, and a form to propose one.
 *
 * @event medverka-petition-proposed - A resident sent a proposal; it goes to review once they
 *   follow the mailed link. `detail`: `{ lang }`.
 * @event medverka-load-error - The list could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The widget's heading.
 * @csspart filters - The status filter and the search form.
 * @csspart list - The list of petitions.
 * @csspart item - Each petition in the list (a button that opens it).
 * @csspart panel - Where an opened petition is shown.
 * @csspart form - The proposal form.
 * @csspart button - The widget's own buttons.
 * @csspart message - The loading, empty, error and check-your-e-mail messages.
 *
 * @cssproperty --medverka-color-accent - Buttons, links and the open status. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the form. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaPetitions extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    show: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    petitions: { state: true },
    query: { state: true },
    opened: { state: true },
    panelUnavailable: { state: true },
    proposing: { state: true },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    sending: { state: true },
    sent: { state: true },
    announcement: { state: true },
  };

  /** Which petitions to list first: "open" (default), "answered", "closed" or "all". */
  declare show: Show;

  /** The heading level of the widget's heading (1–6); its sections use the level below. Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private petitions?: PetitionSummary[];
  /** The words last searched for. */
  declare private query: string;
  declare private opened?: Opened;
  declare private panelUnavailable: boolean;
  declare private proposing: boolean;
  declare private values: Values;
  declare private errors: Partial<Record<Field, Problem>>;
  /** Built at render time, so it is in the element's language. */
  declare private formError?: () => string;
  declare private sending: boolean;
  declare private sent?: string;
  /** Built at render time, so it is in the element's language. */
  declare private announcement?: () => string;

  constructor() {
    super();
    this.show = 'open';
    this.headingLevel = 2;
    this.status = 'waiting';
    this.query = '';
    this.panelUnavailable = false;
    this.proposing = false;
    this.values = { ...emptyValues };
    this.errors = {};
    this.sending = false;
  }

  #abort?: AbortController;
  #openedWidget?: HTMLElement;
  /** The proof of work for the next proposal, started when the resident starts the form. */
  #proof = new Proof(() => this.apiBase);

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.followAddress);
    this.followAddress(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.followAddress);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('show') || changed.has('api')) void this.load();
  }

  private get shown(): Show {
    return shows.includes(this.show) ? this.show : 'open';
  }

  /** Loads the list again, e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    try {
      const { petitions } = await petitionsApi.list(this.apiBase, this.shown, this.query, abort.signal);
      this.petitions = petitions;
      this.status = 'ready';
      this.announcement = () =>
        petitions.length === 1 ? msg('1 förslag visas.', { id: 'petitions.count-one' }) : msg(str`${petitions.length} förslag visas.`, { id: 'petitions.count-many' });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      emit(this, 'medverka-load-error', { what: 'petitions', status: err instanceof ApiRequestError ? err.status : null });
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

  private onShow(show: Show) {
    this.show = show;
  }

  private onSearch(event: SubmitEvent) {
    event.preventDefault();
    this.query = (this.renderRoot.querySelector<HTMLInputElement>('#q')?.value ?? '').trim();
    void this.load();
  }

  // —— One petition, opened in place ——

  /**
   * Shows what the address names: the petition in it, or the list. Called at start (a
   * reload, a bookmark, a shared link: the panel is scrolled into view, focus stays where the
   * page put it) and on Back and Forward (the resident moved: focus follows).
   */
  private followAddress = (moved: PopStateEvent | false) => {
    const id = Number(addressPattern.exec(location.hash)?.[1] ?? 0);
    if (id && id !== this.opened?.id) void this.showPetition(id, moved ? 'focus' : 'scroll');
    else if (!id && this.opened) void this.showList();
  };

  /** Opens a petition from the list: a new entry in the browser's history, with its own address. */
  private open(p: PetitionSummary) {
    history.pushState({ [historyMark]: p.id }, '', `#e-forslag-${p.id}`);
    void this.showPetition(p.id, 'focus', p.title);
  }

  /** Back to the list: the same step back as the browser's Back when the list added the entry. */
  private close() {
    if ((history.state as Record<string, unknown> | null)?.[historyMark] === this.opened?.id) {
      history.back();
      return;
    }
    // Reached from a link: the petition's address goes, the host page's own stays.
    history.replaceState(history.state, '', location.pathname + location.search);
    void this.showList();
  }

  private async showPetition(id: number, then: 'focus' | 'scroll', title?: string) {
    const opened: Opened = { id, title: title ?? this.petitions?.find((p) => p.id === id)?.title };
    this.opened = opened;
    this.panelUnavailable = false;
    this.#openedWidget = undefined;
    if (!opened.title) {
      // Not in the list shown (another filter, a petition reached by its link): its title names the panel.
      petitionApi.petition(this.apiBase, String(id)).then(
        (p) => this.opened === opened && (this.opened = { ...opened, title: p.title }),
        // The petition widget says what is wrong; the panel keeps its general name.
        () => {},
      );
    }
    const defined = await loadWidget('medverka-petition').catch(() => false);
    if (this.opened?.id !== id) return;
    if (defined) {
      const el = document.createElement('medverka-petition');
      el.setAttribute('petition', String(id));
      el.setAttribute('heading-level', String(this.subLevel));
      // Shared as the host page with this petition open, where the resident found it.
      el.setAttribute('share-url', location.href);
      if (this.api) el.setAttribute('api', this.api);
      this.#openedWidget = el;
    } else {
      this.panelUnavailable = true;
    }
    this.requestUpdate();
    await this.updateComplete;
    const panel = this.renderRoot.querySelector<HTMLElement>('#panel');
    if (then === 'focus') panel?.focus();
    else panel?.scrollIntoView({ block: 'start' });
  }

  private async showList() {
    const id = this.opened?.id;
    this.opened = undefined;
    this.#openedWidget = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }

  private onPanelKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  }

  // —— The proposal form ——

  private setValue(field: keyof Values, value: string | boolean) {
    this.values = { ...this.values, [field]: value };
  }



  private async showErrors(errors: Partial<Record<Field, Problem>>, formError?: () => string) {
    this.errors = errors;
    this.formError = formError;
    await focusAfterRender(this, '#summary');
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.sending) return;
    const errors = validate(this.values);
    if (Object.keys(errors).length) return this.showErrors(errors);
    this.errors = {};
    this.formError = undefined;
    this.sending = true;
    const v = this.values;
    const lang = this.locale;
    try {
      const pow = await this.#proof.take();
      await petitionsApi.propose(
        this.apiBase,
        { title: v.title.trim(), body: v.body.trim(), name: v.name.trim(), email: v.email.trim(), publicDocumentAccepted: true, lang },
        pow,
      );
      this.sent = v.email.trim();
      this.values = { ...emptyValues };
      this.sending = false;
      emit(this, 'medverka-petition-proposed', { lang });
      await focusAfterRender(this, '#sent-heading');
    } catch (err) {
      this.sending = false;
      // Every solution is spent by a refusal: solve a new one for the next try.
      this.#proof.start();
      await this.refused(err);
    }
  }

  private async refused(err: unknown) {
    const named = refusedFields(err, fields);
    if (named.length) return this.showErrors(Object.fromEntries(named.map((f) => [f, f === 'publicDocumentAccepted' ? 'missing' : 'invalid'])));
    return this.showErrors(
      {},
      refusalText(
        err,
        (minutes) =>
          minutes === 1
            ? msg('Det har kommit för många förslag härifrån på kort tid. Vänta en minut och försök sedan igen.', { id: 'petitions.too-many-minute' })
            : msg(str`Det har kommit för många förslag härifrån på kort tid. Vänta ${minutes} minuter och försök sedan igen.`, { id: 'petitions.too-many' }),
        () => msg('Det gick inte att skicka ditt förslag just nu. Försök igen om en stund.', { id: 'petitions.send-failed' }),
      ),
    );
  }

  private onSummaryClick(event: MouseEvent, field: Field) {
    // The links point into the shadow root, which the page's own #fragment cannot reach.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  private toggleForm() {
    this.proposing = !this.proposing;
    if (this.proposing) this.sent = undefined;
  }

  // —— Rendering ——

  private statusText(status: string) {
    const words: Record<string, string> = {
      open: msg('Öppet för underskrifter', { id: 'petitions.status-open' }),
      closed: msg('Stängt', { id: 'petitions.status-closed' }),
      answered: msg('Besvarat', { id: 'petitions.status-answered' }),
    };
    return words[status] ?? status;
  }

  private renderFilters() {
    const labels: Record<Show, string> = {
      open: msg('Öppna', { id: 'petitions.show-open' }),
      answered: msg('Besvarade', { id: 'petitions.show-answered' }),
      closed: msg('Stängda', { id: 'petitions.show-closed' }),
      all: msg('Alla', { id: 'petitions.show-all' }),
    };
    return html`<div class="filters" part="filters">
      <fieldset class="field">
        <legend>${msg('Visa förslag', { id: 'petitions.show' })}</legend>
        <div class="options">
          ${shows.map(
            (s) => html`<div class="choice">
              <input id="show-${s}" type="radio" name="show" value=${s} .checked=${this.shown === s} @change=${() => this.onShow(s)} />
              <label for="show-${s}">${labels[s]}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <form class="search" role="search" @submit=${this.onSearch}>
        <label for="q">${msg('Sök bland förslagen', { id: 'petitions.search' })}</label>
        <div class="search-row">
          <input id="q" name="q" type="search" maxlength="100" .value=${this.query} />
          <button type="submit" class="secondary" part="button">${msg('Sök', { id: 'petitions.search-submit' })}</button>
        </div>
      </form>
    </div>`;
  }

  private renderItem(p: PetitionSummary) {
    return html`<li>
      <button type="button" class="item" part="item" data-id=${p.id} @click=${() => this.open(p)}>
        <span class="item-title">${p.title}</span>
        <span class="item-meta">
          <span class="status status-${p.status}">${this.statusText(p.status)}</span>
          <span>${msg(str`${p.signatureCount} av ${p.threshold} underskrifter`, { id: 'petitions.count' })}</span>
        </span>
      </button>
    </li>`;
  }

  private renderList(): TemplateResult {
    // While a quick reload is under way, the list that was there stays.
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'petitions.loading' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta förslagen just nu.', { id: 'petitions.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'petitions.retry' })}</button>
        </div>`;
    }
    const list = this.petitions ?? [];
    if (!list.length) return html`<p class="message" part="message">${msg('Inga förslag här ännu', { id: 'petitions.empty' })}</p>`;
    // role="list" is not redundant: Safari drops list semantics when list-style is none.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul class="list" part="list" role="list" aria-label=${msg('Förslag', { id: 'petitions.list-label' })}>
      ${list.map((p) => this.renderItem(p))}
    </ul>`;
  }

  private describedBy(field: Field, hint?: string) {
    const ids = [hint, this.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderFieldError(field: Field) {
    const problem = this.errors[field];
    return problem ? html`<p id="${field}-error" class="field-error">${errorText(field, problem)}</p>` : nothing;
  }

  private renderSummary() {
    const listed = fields.filter((f) => this.errors[f]);
    if (!listed.length && !this.formError) return nothing;
    // A group, so that its heading names it: aria-labelledby on a role-less div is ignored.
    return html`<div id="summary" class="summary" role="group" tabindex="-1" aria-labelledby="summary-heading">
      <div id="summary-heading" class="summary-heading" role="heading" aria-level=${Math.min(6, this.subLevel + 1)}>
        ${listed.length ? msg('Rätta det här innan du skickar', { id: 'petitions.summary-heading' }) : msg('Ditt förslag skickades inte', { id: 'petitions.not-sent' })}
      </div>
      ${listed.length
        ? html`<ul>
            ${listed.map((f) => html`<li><a href="#${f}" @click=${(e: MouseEvent) => this.onSummaryClick(e, f)}>${errorText(f, this.errors[f]!)}</a></li>`)}
          </ul>`
        : nothing}
      ${this.formError ? html`<p>${this.formError()}</p>` : nothing}
    </div>`;
  }

  private renderInput(field: 'title' | 'name' | 'email', label: string, attrs: { type?: string; autocomplete?: string; maxlength: number }) {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      ${this.renderFieldError(field)}
      <input
        id=${field}
        name=${field}
        type=${attrs.type ?? 'text'}
        autocomplete=${attrs.autocomplete ?? 'off'}
        maxlength=${attrs.maxlength}
        .value=${this.values[field]}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field)}
        @input=${(e: Event) => this.setValue(field, (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderForm() {
    const v = this.values;
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    return html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.#proof.start} @input=${this.#proof.start}>
      ${this.renderSummary()} ${this.renderInput('title', msg('Rubrik', { id: 'petitions.title' }), { maxlength: 150 })}
      <div class="field">
        <label for="body">${msg('Ditt förslag', { id: 'petitions.body' })}</label>
        <p id="body-hint" class="hint">${msg('Beskriv vad du vill att kommunen ska göra och varför.', { id: 'petitions.body-hint' })}</p>
        ${this.renderFieldError('body')}
        <textarea
          id="body"
          name="body"
          rows="8"
          maxlength="5000"
          .value=${v.body}
          aria-invalid=${invalid('body')}
          aria-describedby=${this.describedBy('body', 'body-hint')}
          @input=${(e: Event) => this.setValue('body', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${this.renderInput('name', msg('Ditt namn', { id: 'petitions.name' }), { autocomplete: 'name', maxlength: 100 })}
      ${this.renderInput('email', msg('E-postadress', { id: 'petitions.email' }), { type: 'email', autocomplete: 'email', maxlength: 254 })}
      <div class="notice" id="notice">
        <p>
          ${msg(
            'Ett förslag som du skickar in blir en allmän handling. Det betyder att vem som helst kan be att få läsa det. Rubriken, texten och ditt namn publiceras här. Din e-postadress publiceras inte. Vi använder den bara för att kontakta dig om förslaget.',
            { id: 'petitions.notice' },
          )}
        </p>
      </div>
      <div class="field">
        ${this.renderFieldError('publicDocumentAccepted')}
        <div class="choice">
          <input
            id="publicDocumentAccepted"
            type="checkbox"
            required
            .checked=${v.publicDocumentAccepted}
            aria-invalid=${invalid('publicDocumentAccepted')}
            aria-describedby=${this.describedBy('publicDocumentAccepted', 'notice')}
            @change=${(e: Event) => this.setValue('publicDocumentAccepted', (e.target as HTMLInputElement).checked)}
          />
          <label for="publicDocumentAccepted">
            ${msg('Jag förstår att förslaget blir en allmän handling och att rubriken, texten och mitt namn publiceras.', { id: 'petitions.accept' })}
          </label>
        </div>
      </div>
      <button type="submit" class="primary" part="button" aria-disabled=${this.sending ? 'true' : 'false'}>
        ${this.sending ? msg('Skickar …', { id: 'petitions.sending' }) : msg('Skicka förslaget', { id: 'petitions.submit' })}
      </button>
      <p class="visually-hidden" role="status">${this.sending ? msg('Skickar ditt förslag …', { id: 'petitions.sending-status' }) : ''}</p>
    </form>`;
  }

  private renderSent() {
    return html`<div class="message sent" part="message">
      <div id="sent-heading" class="subheading" role="heading" aria-level=${Math.min(6, this.subLevel + 1)} tabindex="-1">
        ${msg('Kolla din e-post', { id: 'petitions.sent-heading' })}
      </div>
      <p>${msg(str`Vi har skickat ett mejl till ${this.sent}.`, { id: 'petitions.sent-to' })}</p>
      <p>
        ${msg('Klicka på länken i mejlet. Då skickas förslaget till kommunen, som granskar det innan det publiceras. Länken gäller i sju dagar.', { id: 'petitions.sent-link' })}
      </p>
      <p class="hint">${msg('Har du inte fått något mejl? Titta i skräpposten.', { id: 'petitions.sent-spam' })}</p>
    </div>`;
  }

  private renderPropose() {
    return html`<section class="propose" aria-labelledby="propose-heading">
      <div id="propose-heading" class="subheading" role="heading" aria-level=${this.subLevel}>${msg('Har du ett eget förslag?', { id: 'petitions.propose-heading' })}</div>
      <button type="button" class="secondary" part="button" aria-expanded=${this.proposing ? 'true' : 'false'} aria-controls="propose" @click=${this.toggleForm}>
        ${msg('Skriv ett e-förslag', { id: 'petitions.propose' })}
      </button>
      <div id="propose" class="propose-body" ?hidden=${!this.proposing}>${this.proposing ? (this.sent ? this.renderSent() : this.renderForm()) : nothing}</div>
    </section>`;
  }

  private renderPanel(p: Opened) {
    return html`<div id="panel" class="panel" part="panel" role="region" aria-label=${p.title ?? msg('E-förslag', { id: 'petitions.heading' })} tabindex="-1" @keydown=${this.onPanelKeydown}>
      <button type="button" class="secondary back" part="button" @click=${this.close}>${msg('Tillbaka till alla förslag', { id: 'petitions.back' })}</button>
      ${this.panelUnavailable
        ? html`<p class="message" part="message">${msg('Förslaget går inte att öppna här just nu.', { id: 'petitions.unavailable' })}</p>`
        : (this.#openedWidget ?? html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'petitions.loading' })}</p>`)}
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    // While the first quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting' && !this.petitions) return nothing;
    const p = this.opened;
    return html`<div class="base" part="base" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${p
        ? this.renderPanel(p)
        : html`<div class="heading" part="heading" role="heading" aria-level=${this.level}>${msg('E-förslag', { id: 'petitions.heading' })}</div>
            ${this.renderFilters()} ${this.renderList()} ${this.renderPropose()}`}
      <p class="visually-hidden" aria-live="polite">${p ? '' : this.announcement?.()}</p>
    </div>`;
  }
}
