import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Proof } from '../forms/proof.js';
import { codeOf, refusalText, refusedFields } from '../forms/refusal.js';
import { emailPattern, focusAfterRender, paragraphs } from '../forms/text.js';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { templates as en } from './locales/en.js';
import { panelApi, type PanelInfo } from './panel-api.js';
import { styles } from './panel.styles.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'error';

/** The form's fields, in the order they are shown (and listed in the error summary). */
const fields = ['name', 'email', 'ageBand', 'district', 'consent'] as const;
type Field = (typeof fields)[number];
/** 'refused': a well-formed address whose e-mail domain the municipality does not accept. */
type Problem = 'missing' | 'invalid' | 'refused';

interface Values {
  name: string;
  email: string;
  /** The chosen age band or district; null: "Vill inte svara"; undefined: nothing chosen (sent as null too). */
  ageBand: string | null | undefined;
  district: string | null | undefined;
  consent: boolean;
}

const loadingMessageDelay = 300;

/**
 * Joining the municipality's citizen panel (medborgarpanel): the members answer surveys now
 * and then and always hear back what was done with their answers. Joining needs no account:
 * the resident confirms by a link mailed to them. Age band and district are asked only when
 * the municipality asks them, and may always be left unsaid. A proof of work, solved in the
 * background once the resident starts the form, keeps scripts from signing up in bulk.
 *
 * @summary Join the citizen panel.
 *
 * @event medverka-panel-joined - A resident asked to join; they are a member once they follow
 *   the mailed link. `detail`: `{ lang }`.
 * @event medverka-load-error - What the panel asks could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The heading.
 * @csspart form - The form.
 * @csspart consent - The text saying what is stored, why and for how long.
 * @csspart button - The form's and the messages' buttons.
 * @csspart message - The loading, error and check-your-e-mail messages.
 *
 * @cssproperty --medverka-color-accent - Buttons and links. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the consent text. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaPanel extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    info: { state: true },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    sending: { state: true },
    sent: { state: true },
  };

  /** The heading level of the widget's heading (1–6). Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private info?: PanelInfo;
  declare private values: Values;
  declare private errors: Partial<Record<Field, Problem>>;
  /** Built at render time, so it is in the element's language. */
  declare private formError?: () => string;
  declare private sending: boolean;
  declare private sent?: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'waiting';
    this.values = { name: '', email: '', ageBand: undefined, district: undefined, consent: false };
    this.errors = {};
    this.sending = false;
  }

  #abort?: AbortController;
  /** The proof of work for the next submission, started when the resident starts the form. */
  #proof = new Proof(() => this.apiBase);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first time too: an editor's embed code usually has no attributes at all.
    if (!this.hasUpdated || changed.has('api')) void this.load();
  }

  /** Loads what the panel asks, again e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    try {
      this.info = await panelApi.info(this.apiBase, abort.signal);
      this.status = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      emit(this, 'medverka-load-error', { what: 'panel', status: err instanceof ApiRequestError ? err.status : null });
    } finally {
      clearTimeout(slow);
    }
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  // —— The form ——

  private setValue<K extends keyof Values>(field: K, value: Values[K]) {
    this.values = { ...this.values, [field]: value };
  }

  private validate(): Partial<Record<Field, Problem>> {
    const v = this.values;
    const errors: Partial<Record<Field, Problem>> = {};
    if (!v.email.trim()) errors.email = 'missing';
    else if (!emailPattern.test(v.email.trim())) errors.email = 'invalid';
    if (!v.consent) errors.consent = 'missing';
    return errors;
  }

  private errorText(field: Field, problem: Problem): string {
    switch (field) {
      case 'name':
        return msg('Skriv namnet kortare, högst 100 tecken.', { id: 'panel.error-name' });
      case 'email':
        return problem === 'missing'
          ? msg('Skriv din e-postadress.', { id: 'panel.error-email' })
          : problem === 'refused'
            ? msg('Adresser från den här e-postdomänen tas inte emot. Använd en annan e-postadress.', { id: 'panel.error-email-refused' })
            : msg('Skriv e-postadressen så här: namn@exempel.se.', { id: 'panel.error-email-invalid' });
      case 'ageBand':
        return msg('Välj en av åldersgrupperna, eller "Vill inte svara".', { id: 'panel.error-age' });
      case 'district':
        return msg('Välj ett av områdena, eller "Vill inte svara".', { id: 'panel.error-district' });
      case 'consent':
        return msg('Kryssa i att du vill vara med i panelen.', { id: 'panel.error-consent' });
    }
  }

  /** Where a summary link takes the resident: the field, or a group's first choice. */
  private fieldId(field: Field) {
    return field === 'ageBand' || field === 'district' ? `${field}-0` : field;
  }

  private async showErrors(errors: Partial<Record<Field, Problem>>, formError?: () => string) {
    this.errors = errors;
    this.formError = formError;
    await focusAfterRender(this, '#summary');
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.sending || !this.info) return;
    const errors = this.validate();
    if (Object.keys(errors).length) return this.showErrors(errors);
    this.errors = {};
    this.formError = undefined;
    this.sending = true;
    const v = this.values;
    const lang = this.locale;
    try {
      const pow = await this.#proof.take();
      await panelApi.join(
        this.apiBase,
        {
          name: v.name.trim() || null,
          email: v.email.trim(),
          ageBand: (this.info.ageBands.length && v.ageBand) || null,
          district: (this.info.districts.length && v.district) || null,
          consent: true,
          lang,
        },
        pow,
      );
      this.sent = v.email.trim();
      this.sending = false;
      emit(this, 'medverka-panel-joined', { lang });
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
    if (code === 'email_domain_refused') return this.showErrors({ email: 'refused' });
    return this.showErrors(
      {},
      refusalText(
        err,
        (minutes) =>
          minutes === 1
            ? msg('Det har kommit för många anmälningar härifrån på kort tid. Vänta en minut och försök sedan igen.', { id: 'panel.too-many-minute' })
            : msg(str`Det har kommit för många anmälningar härifrån på kort tid. Vänta ${minutes} minuter och försök sedan igen.`, { id: 'panel.too-many' }),
        () => msg('Det gick inte att skicka din anmälan just nu. Försök igen om en stund.', { id: 'panel.send-failed' }),
      ),
    );
  }

  private onSummaryClick(event: MouseEvent, field: Field) {
    // The link's #id would change the host page's address; focus the field instead.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${this.fieldId(field)}`)?.focus();
  }

  // —— Rendering ——

  private describedBy(field: Field, hint?: string) {
    const ids = [hint, this.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderFieldError(field: Field) {
    const problem = this.errors[field];
    return problem ? html`<p id="${field}-error" class="field-error">${this.errorText(field, problem)}</p>` : nothing;
  }

  private renderSummary() {
    const listed = fields.filter((f) => this.errors[f]);
    if (!listed.length && !this.formError) return nothing;
    return html`<div id="summary" class="summary" tabindex="-1" aria-labelledby="summary-heading">
      <div id="summary-heading" class="summary-heading" role="heading" aria-level=${Math.min(6, this.level + 1)}>
        ${listed.length ? msg('Rätta det här innan du skickar', { id: 'panel.summary-heading' }) : msg('Din anmälan skickades inte', { id: 'panel.not-sent' })}
      </div>
      ${listed.length
        ? html`<ul>
            ${listed.map((f) => html`<li><a href="#${this.fieldId(f)}" @click=${(e: MouseEvent) => this.onSummaryClick(e, f)}>${this.errorText(f, this.errors[f]!)}</a></li>`)}
          </ul>`
        : nothing}
      ${this.formError ? html`<p>${this.formError()}</p>` : nothing}
    </div>`;
  }

  /** Radio buttons for an age band or a district, with "Vill inte svara" (null) last. */
  private renderChoices(field: 'ageBand' | 'district', legend: string, hint: string, choices: string[]) {
    if (!choices.length) return nothing;
    const value = this.values[field];
    const invalid = this.errors[field] ? 'true' : 'false';
    const all: [string | null, string][] = [...choices.map((c): [string, string] => [c, c]), [null, msg('Vill inte svara', { id: 'panel.no-answer' })]];
    return html`<fieldset class="field" aria-describedby=${this.describedBy(field, `${field}-hint`)}>
      <legend>${legend} <span class="optional">${msg('(frivilligt)', { id: 'panel.optional' })}</span></legend>
      <p id="${field}-hint" class="hint">${hint}</p>
      ${this.renderFieldError(field)}
      <div class="choices">
        ${all.map(
          ([choice, label], i) => html`<div class="choice">
            <input
              id="${field}-${i}"
              type="radio"
              name=${field}
              .checked=${value === choice}
              aria-invalid=${invalid}
              @change=${() => this.setValue(field, choice)}
            />
            <label for="${field}-${i}">${label}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderForm(info: PanelInfo) {
    const v = this.values;
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    const consent = this.locale === 'en' ? (info.consent.en ?? info.consent.sv) : info.consent.sv;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.#proof.start} @input=${this.#proof.start}>
      ${this.renderSummary()}
      <div class="field">
        <label for="name">${msg('Namn', { id: 'panel.name' })} <span class="optional">${msg('(frivilligt)', { id: 'panel.optional' })}</span></label>
        <p id="name-hint" class="hint">${msg('Så att vi kan skriva ditt namn i mejlen. Det visas aldrig för någon annan.', { id: 'panel.name-hint' })}</p>
        ${this.renderFieldError('name')}
        <input id="name" name="name" autocomplete="name" maxlength="100" .value=${v.name} aria-invalid=${invalid('name')} aria-describedby=${this.describedBy('name', 'name-hint')} @input=${(e: Event) => this.setValue('name', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="email">${msg('E-postadress', { id: 'panel.email' })} <span class="required">${msg('(obligatoriskt)', { id: 'panel.required' })}</span></label>
        <p id="email-hint" class="hint">${msg('Hit skickar vi enkäterna. Först får du ett mejl med en länk som du klickar på för att bli medlem.', { id: 'panel.email-hint' })}</p>
        ${this.renderFieldError('email')}
        <input id="email" name="email" type="email" autocomplete="email" spellcheck="false" maxlength="254" aria-required="true" .value=${v.email} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email', 'email-hint')} @input=${(e: Event) => this.setValue('email', (e.target as HTMLInputElement).value)} />
      </div>
      ${this.renderChoices('ageBand', msg('Din ålder', { id: 'panel.age' }), msg('Så att kommunen kan se om svaren kommer från alla åldrar.', { id: 'panel.age-hint' }), info.ageBands)}
      ${this.renderChoices('district', msg('Var du bor', { id: 'panel.district' }), msg('Så att kommunen kan se om svaren kommer från hela kommunen.', { id: 'panel.district-hint' }), info.districts)}
      <div class="consent" part="consent" id="consent-text">${paragraphs(consent)}</div>
      <div class="field">
        ${this.renderFieldError('consent')}
        <div class="choice">
          <input id="consent" type="checkbox" aria-required="true" .checked=${v.consent} aria-invalid=${invalid('consent')} aria-describedby=${this.describedBy('consent', 'consent-text')} @change=${(e: Event) => this.setValue('consent', (e.target as HTMLInputElement).checked)} />
          <label for="consent">${msg('Jag har läst texten ovan och vill vara med i medborgarpanelen', { id: 'panel.consent' })} <span class="required">${msg('(obligatoriskt)', { id: 'panel.required' })}</span></label>
        </div>
      </div>
      <p class="hint">${msg('Du kan lämna panelen när du vill. Det finns en länk för det i varje mejl från panelen.', { id: 'panel.leave' })}</p>
      <button type="submit" class="primary" part="button" aria-disabled=${this.sending ? 'true' : 'false'}>
        ${this.sending ? msg('Skickar …', { id: 'panel.sending' }) : msg('Gå med i panelen', { id: 'panel.submit' })}
      </button>
      <p class="visually-hidden" role="status">${this.sending ? msg('Skickar din anmälan …', { id: 'panel.sending-status' }) : ''}</p>
    </form>`;
  }

  private renderSent() {
    return html`<section class="message sent" part="message" aria-labelledby="sent-heading">
      <div id="sent-heading" class="subheading" role="heading" aria-level=${Math.min(6, this.level + 1)} tabindex="-1">${msg('Kolla din e-post', { id: 'panel.sent-heading' })}</div>
      <p>${msg(str`Vi har skickat ett mejl till ${this.sent}.`, { id: 'panel.sent-to' })}</p>
      <p>${msg('Du blir medlem i panelen när du har klickat på länken i mejlet.', { id: 'panel.sent-link' })}</p>
      <p>${msg('Vill du lämna panelen senare finns det en länk för det längst ned i varje mejl från panelen.', { id: 'panel.sent-leave' })}</p>
      <p class="hint">${msg('Har du inte fått något mejl? Titta i skräpposten.', { id: 'panel.sent-spam' })}</p>
    </section>`;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'panel.loading' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta anmälan till medborgarpanelen just nu.', { id: 'panel.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'panel.retry' })}</button>
        </div>`;
      default:
        return html`<p class="intro">
            ${msg('I medborgarpanelen får du svara på enkäter från kommunen några gånger om året. Efteråt får du veta vad kommunen gjorde med svaren.', { id: 'panel.intro' })}
          </p>
          ${this.sent ? this.renderSent() : this.info ? this.renderForm(this.info) : nothing}`;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting') return nothing;
    return html`<section class="base" part="base" aria-labelledby="heading" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <div id="heading" class="heading" part="heading" role="heading" aria-level=${this.level}>${msg('Gå med i medborgarpanelen', { id: 'panel.heading' })}</div>
      ${this.renderBody()}
    </section>`;
  }
}
