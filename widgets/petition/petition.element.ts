import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SignaturesPerDay } from '../../server/petitions/schemas.js';
import { formStyles } from '../forms/form.styles.js';
import { FormRefusal } from '../forms/post.js';
import { Proof } from '../forms/proof.js';
import { codeOf, refusalText, refusedFields } from '../forms/refusal.js';
import { focusAfterRender, paragraphs } from '../forms/text.js';
import { ApiRequestError, type PublicPetition } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { followLive } from '../shared/live.js';
import { msg, str } from '../shared/localize.js';
import { templates as en } from './locales/en.js';
import { petitionApi } from './petition-api.js';
import { errorText, fields, validate, type Field, type Problem, type Values } from './sign-form.js';
import { petitionPageStyles } from './petition-page.styles.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'not-found' | 'error';

type Petition = PublicPetition;

/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;
/** The count changes on screen at once, but is announced at most this often. */
const announceEvery = 15_000;
/** Signers' names shown before "Visa alla". */
const signersShown = 10;

/**
 * One e-petition (e-förslag): its text, status and signature count, the municipality's answer
 * once there is one, and a form to sign it while it is open. Signing needs no account: the
 * signer confirms by a link mailed to them, and a proof of work, solved in the background
 * once they start the form, keeps scripts from signing in bulk.
 *
 * @summary One petition: read it, follow its count, and sign it.
 *
 * @event medverka-signed - A resident sent a signature; it counts once they follow the
 *   mailed link. `detail`: `{ petitionId }`.
 * @event medverka-load-error - The petition could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The petition's title.
 * @csspart status - The status in words (open, closed, answered).
 * @csspart body - The petition's text.
 * @csspart count - The signature count and its progress bar.
 * @csspart answer - The municipality's answer.
 * @csspart signers - The names of signers who chose to show them.
 * @csspart share - The copy-link button and the share links.
 * @csspart form - The signing form.
 * @csspart button - The form's and the messages' buttons.
 * @csspart message - The loading, not-found, error and check-your-e-mail messages.
 *
 * @cssproperty --medverka-color-accent - Buttons, links and the progress bar. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the answer and the form. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaPetition extends MedverkaElement {
  static override styles = [formStyles, petitionPageStyles];
  static override translations = { en };

  static override properties = {
    petition: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    data: { state: true },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    sending: { state: true },
    sent: { state: true },
    allSigners: { state: true },
    announcement: { state: true },
    shareUrl: { attribute: 'share-url' },
    copied: { state: true },
    daysShown: { state: true },
    days: { state: true },
  };

  /**
   * The address to share: the page the petition is shown on (the list sets it to its own
   * address for the petition). Default: the petition's page on the Medverka server.
   */
  declare shareUrl?: string;

  /** The petition's number, as shown in its address (e.g. "42"). */
  declare petition?: string;

  /** The heading level of the petition's title (1–6); its sections use the level below. Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private data?: Petition;
  declare private values: Values;
  declare private errors: Partial<Record<Field, Problem>>;
  /** Built at render time, so it is in the element's language. */
  declare private formError?: () => string;
  declare private sending: boolean;
  declare private sent?: string;
  declare private allSigners: boolean;
  /** Built at render time, so it is in the element's language. */
  declare private announcement?: () => string;
  /** Whether the last copy of the link worked; undefined before any. */
  declare private copied?: boolean;
  declare private daysShown: boolean;
  /** Signatures per day with the code that shows them; undefined while loading, null if they could not be loaded. */
  declare private days?: { table: SignaturesPerDay; view: (typeof import('./signature-days.js'))['renderDays'] } | null;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'waiting';
    this.values = { name: '', email: '', connection: '', connectionText: '', showName: false, hearBack: false };
    this.errors = {};
    this.sending = false;
    this.allSigners = false;
    this.daysShown = false;
  }

  #abort?: AbortController;
  /** Stops following the count and status, which it does while the petition can still change (see followLive). */
  #unfollow?: () => void;
  #lastAnnounced = 0;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** The proof of work for the next submission, started when the resident starts the form. */
  #proof = new Proof(() => this.apiBase);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.data) this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollow();
    clearTimeout(this.#announceTimer);
    this.#abort?.abort();
  }

  /** Opens the server-sent event stream of an open or closed (not yet answered) petition. */
  private follow() {
    this.unfollow();
    const data = this.data;
    if (!data || data.status === 'answered' || typeof EventSource === 'undefined' || !this.isConnected) return;
    this.#unfollow = followLive(new URL(`api/petitions/${data.id}/live`, this.apiBase), (live) =>
      live.addEventListener('petition', (event) => {
        const fresh = JSON.parse((event as MessageEvent<string>).data) as Pick<PublicPetition, 'id' | 'status' | 'signatureCount' | 'answeredAt' | 'closesAt'>;
        const now = this.data;
        if (!now || fresh.id !== now.id) return;
        if (fresh.status !== now.status || fresh.answeredAt !== now.answeredAt) {
          // A new status may bring an answer: read the whole petition again.
          void this.refresh();
        } else if (fresh.signatureCount !== now.signatureCount) {
          this.data = { ...now, signatureCount: fresh.signatureCount, closesAt: fresh.closesAt };
          this.announceCount();
        }
      }),
    );
  }

  private unfollow() {
    this.#unfollow?.();
    this.#unfollow = undefined;
  }

  /** Tells screen-reader users the new count, politely and not more often than every 15 s. */
  private announceCount() {
    if (this.#announceTimer) return;
    const wait = Math.max(0, this.#lastAnnounced + announceEvery - Date.now());
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      this.#lastAnnounced = Date.now();
      if (this.data) {
        const count = this.data.signatureCount;
        this.announcement = () => msg(str`Underskrifter hittills: ${count}.`, { id: 'petition.count-changed' });
      }
    }, wait);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('petition') || changed.has('api')) void this.load();
  }

  /** Loads the petition again, e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    this.data = undefined;
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    this.unfollow();
    try {
      this.data = await petitionApi.petition(this.apiBase, this.petition ?? '', abort.signal);
      this.status = 'ready';
      this.follow();
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = err instanceof ApiRequestError ? err.status : null;
      this.status = status === 404 || status === 400 ? 'not-found' : 'error';
      emit(this, 'medverka-load-error', { what: 'petition', status });
    } finally {
      clearTimeout(slow);
    }
  }

  /** Reads the petition again (its status changed); announces a changed count. */
  private async refresh() {
    try {
      const fresh = await petitionApi.petition(this.apiBase, this.petition ?? '');
      const countChanged = this.data && fresh.id === this.data.id && fresh.signatureCount !== this.data.signatureCount;
      this.data = fresh;
      if (countChanged) this.announceCount();
      if (fresh.status === 'answered') this.unfollow();
    } catch {
      // The stream's next event tries again; what is shown stays true enough meanwhile.
    }
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private get subLevel() {
    return Math.min(6, this.level + 1);
  }

  // —— The form ——

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
    if (this.sending || !this.data) return;
    const errors = validate(this.values);
    if (Object.keys(errors).length) return this.showErrors(errors);
    this.errors = {};
    this.formError = undefined;
    this.sending = true;
    const v = this.values;
    const petitionId = this.data.id;
    try {
      const pow = await this.#proof.take();
      await petitionApi.sign(
        this.apiBase,
        String(petitionId),
        {
          name: v.name.trim(),
          email: v.email.trim(),
          showName: v.showName,
          hearBack: v.hearBack,
          connection: v.connection as 'resident' | 'other',
          ...(v.connection === 'other' ? { connectionText: v.connectionText.trim() } : {}),
          lang: this.locale,
        },
        pow,
      );
      this.sent = v.email.trim();
      this.sending = false;
      emit(this, 'medverka-signed', { petitionId });
      await focusAfterRender(this, '#sent-heading');
    } catch (err) {
      this.sending = false;
      // Every solution is spent by a refusal: solve a new one for the next try.
      this.#proof.start();
      await this.refused(err);
    }
  }

  private async refused(err: unknown) {
    const code = codeOf(err);
    const named = refusedFields(err, fields);
    if (named.length) return this.showErrors(Object.fromEntries(named.map((f) => [f, code === 'email_domain_refused' ? 'refused' : 'invalid'])));
    if (err instanceof FormRefusal && (err.status === 409 || err.status === 404)) {
      void this.refresh();
      return this.showErrors({}, () => msg('Förslaget går inte att skriva under längre.', { id: 'petition.not-open' }));
    }
    return this.showErrors(
      {},
      refusalText(
        err,
        (minutes) =>
          minutes === 1
            ? msg('Det har kommit för många underskrifter härifrån på kort tid. Vänta en minut och försök sedan igen.', { id: 'petition.too-many-minute' })
            : msg(str`Det har kommit för många underskrifter härifrån på kort tid. Vänta ${minutes} minuter och försök sedan igen.`, { id: 'petition.too-many' }),
        () => msg('Det gick inte att skicka din underskrift just nu. Försök igen om en stund.', { id: 'petition.send-failed' }),
      ),
    );
  }

  private onSummaryClick(event: MouseEvent, field: Field) {
    // The links point into the shadow root, which the page's own #fragment cannot reach.
    event.preventDefault();
    const target = field === 'connection' ? 'connection-resident' : field;
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  // —— The count over time ——

  /** Shows or hides the signatures per day, read afresh each time they are shown. */
  private async toggleDays() {
    this.daysShown = !this.daysShown;
    if (!this.daysShown) return;
    this.days = undefined;
    try {
      const [{ renderDays }, table] = await Promise.all([import('./signature-days.js'), petitionApi.signaturesPerDay(this.apiBase, this.data!.id)]);
      this.days = { table, view: renderDays };
    } catch {
      this.days = null;
    }
  }

  private renderDays(p: PublicPetition) {
    if (!p.signatureCount) return nothing;
    const days = this.days;
    return html`<button type="button" class="secondary" part="button" aria-expanded=${this.daysShown ? 'true' : 'false'} aria-controls="days" @click=${this.toggleDays}>
        ${msg('Visa underskrifter per dag', { id: 'petition.days-show' })}
      </button>
      <div id="days" class="days-list" ?hidden=${!this.daysShown}>
        ${!this.daysShown
          ? nothing
          : days
            ? // Short months, so that the table fits 320 px.
              days.view(days.table, (date) => this.day(date, 'short'))
            : html`<p role="status">
                ${days === null ? msg('Det gick inte att hämta underskrifterna per dag just nu.', { id: 'petition.days-error' }) : msg('Laddar …', { id: 'petition.loading' })}
              </p>`}
      </div>`;
  }

  // —— Sharing ——

  private get link() {
    return this.shareUrl || new URL(`e-forslag/${this.data!.id}`, this.apiBase).href;
  }

  private async copyLink() {
    try {
      await navigator.clipboard.writeText(this.link);
      this.copied = true;
    } catch {
      // Not allowed here (an old browser, a frame without the permission): the link, to copy by hand.
      this.copied = false;
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('#link');
      field?.focus();
      field?.select();
    }
  }

  private renderShare(p: PublicPetition) {
    const url = encodeURIComponent(this.link);
    const title = encodeURIComponent(p.title);
    // Plain links: no share buttons' scripts, so nothing is told who reads the page.
    const links = [
      [msg('E-post', { id: 'petition.share-email' }), `mailto:?subject=${title}&body=${url}`],
      ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
      ['X', `https://x.com/intent/post?text=${title}&url=${url}`],
      ['WhatsApp', `https://wa.me/?text=${encodeURIComponent(`${p.title} ${this.link}`)}`],
    ];
    return html`<section class="share" part="share" aria-labelledby="share-heading">
      <div id="share-heading" class="subheading" role="heading" aria-level=${this.subLevel}>${msg('Dela förslaget', { id: 'petition.share-heading' })}</div>
      <button type="button" class="secondary" part="button" @click=${this.copyLink}>${msg('Kopiera länken', { id: 'petition.copy' })}</button>
      ${this.copied === false
        ? html`<label for="link">${msg('Länk till förslaget', { id: 'petition.link' })}</label><input id="link" readonly .value=${this.link} />`
        : nothing}
      <p role="status">
        ${this.copied === undefined
          ? ''
          : this.copied
            ? msg('Länken är kopierad.', { id: 'petition.copied' })
            : msg('Det gick inte att kopiera. Markera länken och kopiera den.', { id: 'petition.copy-failed' })}
      </p>
      <ul class="share-links">
        ${links.map(([name, href]) => html`<li><a href=${href!}>${name}</a></li>`)}
      </ul>
    </section>`;
  }

  // —— Rendering ——

  private renderStatus(p: PublicPetition) {
    const words = {
      open: msg('Öppet för underskrifter', { id: 'petition.status-open' }),
      closed: msg('Stängt', { id: 'petition.status-closed' }),
      answered: msg('Besvarat', { id: 'petition.status-answered' }),
    } as Record<string, string>;
    return html`<p class="status status-${p.status}" part="status">${words[p.status] ?? p.status}</p>`;
  }

  private renderDaysLeft(p: PublicPetition) {
    if (p.status !== 'open' || !p.closesAt) return nothing;
    const days = Math.max(0, Math.floor((Date.parse(p.closesAt) - Date.now()) / 86_400_000));
    const text =
      days === 0
        ? msg('Sista dagen att skriva under.', { id: 'petition.last-day' })
        : days === 1
          ? msg('1 dag kvar att skriva under.', { id: 'petition.day-left' })
          : msg(str`${days} dagar kvar att skriva under.`, { id: 'petition.days-left' });
    return html`<p class="days">${text}</p>`;
  }

  private renderCount(p: PublicPetition) {
    return html`<div class="count" part="count">
      <p id="count-text" class="count-text">
        ${msg(str`${p.signatureCount} av ${p.threshold} underskrifter`, { id: 'petition.count' })}
      </p>
      <progress max=${p.threshold} .value=${Math.min(p.signatureCount, p.threshold)} aria-labelledby="count-text"></progress>
      ${p.signatureCount >= p.threshold ? html`<p class="reached">${msg('Förslaget har fått tillräckligt många underskrifter.', { id: 'petition.reached' })}</p>` : nothing}
      ${this.renderDaysLeft(p)} ${this.renderDays(p)}
    </div>`;
  }

  private renderSigners(p: PublicPetition) {
    if (!p.publicSigners.length) return nothing;
    const shown = this.allSigners ? p.publicSigners : p.publicSigners.slice(0, signersShown);
    const more = p.publicSigners.length > signersShown;
    return html`<section class="signers" part="signers" aria-labelledby="signers-heading">
      <div id="signers-heading" class="subheading" role="heading" aria-level=${this.subLevel}>
        ${msg('Några som har skrivit under', { id: 'petition.signers-heading' })}
      </div>
      <p class="hint">${msg('Här syns bara de som valde att visa sitt namn.', { id: 'petition.signers-note' })}</p>
      <ul id="signers-list" class="signer-list">
        ${shown.map((name) => html`<li>${name}</li>`)}
      </ul>
      ${more
        ? html`<button type="button" class="secondary" part="button" aria-expanded=${this.allSigners ? 'true' : 'false'} aria-controls="signers-list" @click=${() => (this.allSigners = !this.allSigners)}>
            ${this.allSigners
              ? msg('Visa färre namn', { id: 'petition.signers-fewer' })
              : msg(str`Visa alla ${p.publicSigners.length} namn`, { id: 'petition.signers-all' })}
          </button>`
        : nothing}
    </section>`;
  }

  /** A day as residents write it ("12 juni 2026"), in the municipality's time zone. */
  private day(iso: string, month: 'long' | 'short' = 'long') {
    return new Date(iso).toLocaleDateString(this.locale === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month, year: 'numeric', timeZone: 'Europe/Stockholm' });
  }

  private renderAnswer(p: Petition) {
    if (p.status !== 'answered' || !p.answer) return nothing;
    const day = p.answeredAt ? this.day(p.answeredAt) : '';
    const by = p.answerCommittee;
    const corrected = p.answerCorrectedAt ? this.day(p.answerCorrectedAt) : '';
    return html`<section class="answer" part="answer" aria-labelledby="answer-heading">
      <div id="answer-heading" class="subheading" role="heading" aria-level=${this.subLevel}>${msg('Kommunens svar', { id: 'petition.answer-heading' })}</div>
      ${day
        ? html`<p class="answered">
            ${by ? msg(str`Besvarat ${day} av ${by}.`, { id: 'petition.answered-by' }) : msg(str`Besvarat ${day}.`, { id: 'petition.answered-on' })}
            ${corrected ? msg(str`Rättat ${corrected}.`, { id: 'petition.answer-corrected' }) : nothing}
          </p>`
        : nothing}
      ${paragraphs(p.answer)}
    </section>`;
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
        ${listed.length ? msg('Rätta det här innan du skickar', { id: 'petition.summary-heading' }) : msg('Din underskrift skickades inte', { id: 'petition.not-sent' })}
      </div>
      ${listed.length
        ? html`<ul>
            ${listed.map(
              (f) => html`<li><a href="#${f === 'connection' ? 'connection-resident' : f}" @click=${(e: MouseEvent) => this.onSummaryClick(e, f)}>${errorText(f, this.errors[f]!)}</a></li>`,
            )}
          </ul>`
        : nothing}
      ${this.formError ? html`<p>${this.formError()}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const v = this.values;
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    return html`<section class="sign" aria-labelledby="form-heading">
      <div id="form-heading" class="subheading" role="heading" aria-level=${this.subLevel}>${msg('Skriv under förslaget', { id: 'petition.form-heading' })}</div>
      <form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.#proof.start} @input=${this.#proof.start}>
        ${this.renderSummary()}
        <div class="field">
          <label for="name">${msg('Namn', { id: 'petition.name' })}</label>
          ${this.renderFieldError('name')}
          <input id="name" name="name" autocomplete="name" maxlength="100" .value=${v.name} aria-invalid=${invalid('name')} aria-describedby=${this.describedBy('name')} @input=${(e: Event) => this.setValue('name', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="email">${msg('E-postadress', { id: 'petition.email' })}</label>
          <p id="email-hint" class="hint">${msg('Vi skickar en länk som du klickar på för att din underskrift ska räknas.', { id: 'petition.email-hint' })}</p>
          ${this.renderFieldError('email')}
          <input id="email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="254" .value=${v.email} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email', 'email-hint')} @input=${(e: Event) => this.setValue('email', (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="field" aria-describedby=${this.describedBy('connection')}>
          <legend>${msg('Din koppling till kommunen', { id: 'petition.connection' })}</legend>
          ${this.renderFieldError('connection')}
          <div class="choice">
            <input id="connection-resident" type="radio" name="connection" value="resident" .checked=${v.connection === 'resident'} aria-invalid=${invalid('connection')} @change=${() => this.setValue('connection', 'resident')} />
            <label for="connection-resident">${msg('Jag bor i kommunen', { id: 'petition.connection-resident' })}</label>
          </div>
          <div class="choice">
            <input id="connection-other" type="radio" name="connection" value="other" .checked=${v.connection === 'other'} aria-invalid=${invalid('connection')} @change=${() => this.setValue('connection', 'other')} />
            <label for="connection-other">${msg('Jag har en annan koppling till kommunen', { id: 'petition.connection-other' })}</label>
          </div>
          ${v.connection === 'other'
            ? html`<div class="field nested">
                <label for="connectionText">${msg('Vilken koppling har du?', { id: 'petition.connection-text' })}</label>
                <p id="connectionText-hint" class="hint">${msg('Till exempel att du arbetar, studerar eller har ett fritidshus här.', { id: 'petition.connection-text-hint' })}</p>
                ${this.renderFieldError('connectionText')}
                <input id="connectionText" name="connectionText" maxlength="200" .value=${v.connectionText} aria-invalid=${invalid('connectionText')} aria-describedby=${this.describedBy('connectionText', 'connectionText-hint')} @input=${(e: Event) => this.setValue('connectionText', (e.target as HTMLInputElement).value)} />
              </div>`
            : nothing}
        </fieldset>
        <div class="choice">
          <input id="showName" type="checkbox" .checked=${v.showName} @change=${(e: Event) => this.setValue('showName', (e.target as HTMLInputElement).checked)} />
          <label for="showName">${msg('Visa mitt namn bland dem som har skrivit under', { id: 'petition.show-name' })}</label>
        </div>
        <div class="choice">
          <input id="hearBack" type="checkbox" .checked=${v.hearBack} @change=${(e: Event) => this.setValue('hearBack', (e.target as HTMLInputElement).checked)} />
          <label for="hearBack">${msg('Jag vill få veta vad som händer med förslaget (mejl)', { id: 'petition.hear-back' })}</label>
        </div>
        <p class="privacy">
          ${msg(
            'Kommunen sparar ditt namn, din e-postadress och din koppling till kommunen för att räkna underskrifterna och för att kunna kontrollera dem. Din e-postadress visas aldrig för någon. Ditt namn visas bara om du väljer det ovan.',
            { id: 'petition.privacy' },
          )}
        </p>
        <button type="submit" class="primary" part="button" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? msg('Skickar …', { id: 'petition.sending' }) : msg('Skriv under', { id: 'petition.submit' })}
        </button>
        <p class="visually-hidden" role="status">${this.sending ? msg('Skickar din underskrift …', { id: 'petition.sending-status' }) : ''}</p>
      </form>
    </section>`;
  }

  private renderSent() {
    return html`<section class="message sent" part="message" aria-labelledby="sent-heading">
      <div id="sent-heading" class="subheading" role="heading" aria-level=${this.subLevel} tabindex="-1">${msg('Kolla din e-post', { id: 'petition.sent-heading' })}</div>
      <p>${msg(str`Vi har skickat ett mejl till ${this.sent}.`, { id: 'petition.sent-to' })}</p>
      <p>
        ${msg('Din underskrift räknas när du har klickat på länken i mejlet. Länken gäller i tre dagar.', { id: 'petition.sent-link' })}
      </p>
      <p class="hint">${msg('Har du inte fått något mejl? Titta i skräpposten.', { id: 'petition.sent-spam' })}</p>
    </section>`;
  }

  private renderPetition(p: PublicPetition) {
    return html`
      <div class="heading" part="heading" role="heading" aria-level=${this.level}>${p.title}</div>
      ${this.renderStatus(p)}
      ${p.proposerName ? html`<p class="proposer">${msg(str`Förslaget är skrivet av ${p.proposerName}.`, { id: 'petition.proposer' })}</p>` : nothing}
      ${p.openedAt ? html`<p class="published">${msg(str`Publicerat ${this.day(p.openedAt)}.`, { id: 'petition.published' })}</p>` : nothing}
      <div class="body" part="body">${paragraphs(p.body)}</div>
      ${this.renderCount(p)} ${this.renderAnswer(p)}
      ${p.status === 'open' ? (this.sent ? this.renderSent() : this.renderForm()) : nothing}
      ${p.status === 'closed' ? html`<p class="closed-note">${msg('Förslaget går inte att skriva under längre.', { id: 'petition.not-open' })}</p>` : nothing}
      ${this.renderSigners(p)} ${this.renderShare(p)}
    `;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'petition.loading' })}</p>`;
      case 'not-found':
        return html`<p class="message" part="message">${msg('Förslaget finns inte, eller har inte publicerats ännu.', { id: 'petition.not-found' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta förslaget just nu.', { id: 'petition.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'petition.retry' })}</button>
        </div>`;
      default:
        return this.data ? this.renderPetition(this.data) : html``;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting') return nothing;
    return html`<article class="base" part="base" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${this.renderBody()}
      <p class="visually-hidden" aria-live="polite">${this.announcement?.()}</p>
    </article>`;
  }
}
