import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FormRefusal } from '../forms/post.js';
import { Proof } from '../forms/proof.js';
import { codeOf, refusalText } from '../forms/refusal.js';
import { emailPattern, focusAfterRender, paragraphs } from '../forms/text.js';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { budgetApi, type BudgetItem, type PublicBudget } from './budget-api.js';
import type { FormHost, Problem } from './form.js';
import { styles } from './budget.styles.js';
import { templates as en } from './locales/en.js';
import { digits, itemsOf, kronor, pick, snap, tally, type Tally } from './tally.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'not-found' | 'error';

/** The results view, loaded only for a published process (it is its own chunk). */
type ResultsView = typeof import('./results.js');
/** The ballot form, loaded only for an open process (it is its own chunk). */
type FormView = typeof import('./form.js');

/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;
/** The amount left is announced once the resident pauses, not on every step of a slider. */
const announceAfter = 800;

/**
 * A participatory budget (medborgarbudget): residents share out part of the municipality's
 * budget with a slider per budget line, or choose projects that fit within it, and see what
 * came of it once the municipality has published the results. Sending needs no account: the
 * resident confirms by a link mailed to them, and may send a new ballot until the process
 * closes (the latest one they confirm counts). A proof of work, solved in the background once
 * they start, keeps scripts from voting in bulk.
 *
 * @summary A participatory budget: share it out, send it, and see the results.
 *
 * @event medverka-ballot-cast - A resident sent a ballot; it counts once they follow the
 *   mailed link. `detail`: `{ budget, districtId }`.
 * @event medverka-load-error - The budget could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The process's title.
 * @csspart status - The status in words (open, closed, results).
 * @csspart body - The process's description.
 * @csspart districts - The choice of district.
 * @csspart tally - What has been shared out and what is left.
 * @csspart line - One budget line: its slider and exact amount.
 * @csspart project - One project and its checkbox.
 * @csspart form - The ballot form.
 * @csspart button - The form's and the messages' buttons.
 * @csspart results - The published results: decision, bars and table.
 * @csspart message - The loading, not-found, error, closed and check-your-e-mail messages.
 *
 * @cssproperty --medverka-color-accent - Buttons, sliders and bars. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of the tally, the lines and the decision. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors and going over the budget. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaBudget extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    budget: { reflect: true },
    preview: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    data: { state: true },
    districtId: { state: true },
    amounts: { state: true },
    drafts: { state: true },
    chosen: { state: true },
    notes: { state: true },
    email: { state: true },
    problems: { state: true },
    formError: { state: true },
    sending: { state: true },
    sent: { state: true },
    lastChanged: { state: true },
    announcement: { state: true },
  };

  /** The process's name, as in its address (e.g. "investeringar-2027"). */
  declare budget?: string;

  /**
   * For staff's preview in the console: the process to show (as the API would give it, a
   * draft too) instead of loading it by its name. Nothing is sent from a preview.
   */
  declare preview?: PublicBudget;

  /** The heading level of the process's title (1–6); its sections use the level below. Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private data?: PublicBudget;
  /** The district the resident takes part in; null until chosen (or when there are none). */
  declare private districtId: number | null;
  /** Sliders: the amount per line; a line not yet touched has its starting value. */
  declare private amounts: Map<number, number>;
  /** What the resident is typing in a line's exact-amount field, until they leave it. */
  declare private drafts: Map<number, string>;
  /** Projects: the chosen ones. */
  declare private chosen: Set<number>;
  /** Per line: why its amount was changed from what was typed, or what the server said of it. */
  declare private notes: Map<number, () => string>;
  declare private email: string;
  declare private problems: Problem[];
  declare private formError?: () => string;
  declare private sending: boolean;
  declare private sent?: string;
  /** The line or project changed last: where going over the budget is explained. */
  declare private lastChanged?: number;
  declare private announcement: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'waiting';
    this.districtId = null;
    this.amounts = new Map();
    this.drafts = new Map();
    this.chosen = new Set();
    this.notes = new Map();
    this.email = '';
    this.problems = [];
    this.sending = false;
    this.announcement = '';
  }

  #abort?: AbortController;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** The proof of work for the next ballot, started when the resident starts. */
  #proof = new Proof(() => this.apiBase);
  #results?: ResultsView;
  #form?: FormView;
  /** What is left, in words, as last rendered (so in the element's language), for announcing. */
  private leftSaid = '';
  /** The formatters the form's chunk uses (form.ts imports nothing from this chunk). */
  private readonly say = { kronor, digits, pick };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.preview) {
      if (changed.has('preview')) void this.show(this.preview);
    } else if (changed.has('budget') || changed.has('api') || changed.has('preview')) void this.load();
  }

  private async show(data: PublicBudget) {
    this.#abort?.abort();
    if (this.data?.slug !== data.slug) this.reset();
    await this.loadView(data);
    this.data = data;
    this.status = 'ready';
  }

  /** Loads the process again, e.g. after an error; what the resident chose is kept if it still applies. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const slug = this.budget ?? '';
    if (this.data?.slug !== slug) this.reset();
    this.status = 'waiting';
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    try {
      const pending = budgetApi.budget(this.apiBase, slug, abort.signal);
      // A page's first number format loads the language's number data: 80–110 ms on a
      // slowed-down phone. Made while the process is on its way, it is not in the render.
      digits(0, this.locale);
      const data = await pending;
      await this.loadView(data);
      if (abort.signal.aborted) return;
      this.data = data;
      this.status = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      const status = err instanceof ApiRequestError ? err.status : null;
      this.status = status === 404 || status === 400 ? 'not-found' : 'error';
      emit(this, 'medverka-load-error', { what: 'budget', status });
    } finally {
      clearTimeout(slow);
    }
  }

  /** Loads what the process's state shows, each its own chunk: the form while it is open, the results once published. */
  private async loadView(data: PublicBudget) {
    if (data.status === 'open') this.#form ??= await import('./form.js');
    if (data.results && !this.#results) {
      const view = await import('./results.js');
      Object.assign(en, view.templates);
      this.#results = view;
    }
  }

  private reset() {
    this.data = undefined;
    this.districtId = null;
    this.amounts = new Map();
    this.drafts = new Map();
    this.chosen = new Set();
    this.notes = new Map();
    this.problems = [];
    this.formError = undefined;
    this.sent = undefined;
    this.lastChanged = undefined;
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private get subLevel() {
    return Math.min(6, this.level + 1);
  }

  private get needsDistrict() {
    return !!this.data?.districts.length && this.districtId === null;
  }

  private get items(): BudgetItem[] {
    return this.data ? itemsOf(this.data, this.districtId) : [];
  }

  private get tally(): Tally {
    return tally(this.data!, this.districtId, this.amounts, this.chosen);
  }

  private amountOf(item: BudgetItem) {
    return this.amounts.get(item.id) ?? item.start;
  }

  /** Starts the proof of work for the next ballot; the form calls it once the resident starts. */
  private startProof = this.#proof.start;

  // —— Sharing out ——

  /** A line or project changed: forget what was said about it, and announce what is left once the resident pauses. */
  private changed(id: number) {
    this.lastChanged = id;
    if (this.notes.has(id)) {
      this.notes = new Map(this.notes);
      this.notes.delete(id);
    }
    this.problems = this.problems.filter((p) => p.at !== `item-${id}` && p.at !== 'tally');
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => (this.announcement = this.leftSaid), announceAfter);
  }

  private setAmount(item: BudgetItem, amount: number) {
    this.amounts = new Map(this.amounts).set(item.id, amount);
    this.changed(item.id);
  }

  private onRange(item: BudgetItem, event: Event) {
    this.setAmount(item, Number((event.target as HTMLInputElement).value));
    if (this.drafts.has(item.id)) {
      this.drafts = new Map(this.drafts);
      this.drafts.delete(item.id);
    }
  }

  /** Whole kronor as typed: digits, with spaces (and, in English, commas) between groups. */
  private parse(text: string): number | undefined {
    const plain = text.replace(this.locale === 'en' ? /[\s,]/g : /\s/g, '');
    return /^\d{1,13}$/.test(plain) ? Number(plain) : undefined;
  }

  /** Typing in the exact field: the slider and the tally follow as soon as the amount is one the line can take. */
  private onExactInput(item: BudgetItem, event: Event) {
    const text = (event.target as HTMLInputElement).value;
    this.drafts = new Map(this.drafts).set(item.id, text);
    const amount = this.parse(text);
    if (amount !== undefined && snap(item, amount) === amount) this.setAmount(item, amount);
  }

  /** Leaving the exact field: the amount is put on the line's steps and within its range, and if that changed it, the line says why. */
  private onExactChange(item: BudgetItem, event: Event) {
    const text = (event.target as HTMLInputElement).value;
    const typed = this.parse(text);
    this.drafts = new Map(this.drafts);
    this.drafts.delete(item.id);
    if (typed === undefined) {
      this.notes = new Map(this.notes).set(item.id, () =>
        msg(str`Skriv beloppet i hela kronor, med siffror. Det är kvar på ${kronor(this.amountOf(item), this.locale)}.`, { id: 'budget.not-a-number' }),
      );
      return;
    }
    const amount = snap(item, typed);
    this.setAmount(item, amount);
    if (amount !== typed) this.notes = new Map(this.notes).set(item.id, () => this.rangeText(item, amount));
  }

  private rangeText(item: BudgetItem, amount: number) {
    const l = this.locale;
    return item.step > 1
      ? msg(str`Den här raden kan få från ${kronor(item.min, l)} till ${kronor(item.max, l)}, i steg om ${kronor(item.step, l)}. Beloppet är nu ${kronor(amount, l)}.`, { id: 'budget.snapped-step' })
      : msg(str`Den här raden kan få från ${kronor(item.min, l)} till ${kronor(item.max, l)}. Beloppet är nu ${kronor(amount, l)}.`, { id: 'budget.snapped' });
  }

  private onProject(item: BudgetItem, event: Event) {
    const chosen = new Set(this.chosen);
    if ((event.target as HTMLInputElement).checked) chosen.add(item.id);
    else chosen.delete(item.id);
    this.chosen = chosen;
    this.changed(item.id);
  }

  private chooseDistrict(id: number) {
    this.districtId = id;
    this.problems = this.problems.filter((p) => p.at !== 'district');
  }

  // —— Sending ——

  private validate(): Problem[] {
    const problems: Problem[] = [];
    const data = this.data!;
    if (this.needsDistrict) problems.push({ at: 'district', text: () => msg('Välj ett område.', { id: 'budget.error-district' }) });
    else {
      const t = this.tally;
      if (t.state !== 'ok') problems.push({ at: 'tally', text: () => this.leftText(this.tally) });
      if (data.mode === 'projects' && !this.items.some((i) => this.chosen.has(i.id))) {
        problems.push({ at: 'tally', text: () => msg('Välj minst ett projekt.', { id: 'budget.error-none' }) });
      }
    }
    const email = this.email.trim();
    if (!email) problems.push({ at: 'email', text: () => msg('Skriv din e-postadress.', { id: 'budget.error-email' }) });
    else if (!emailPattern.test(email)) problems.push({ at: 'email', text: () => msg('Skriv e-postadressen så här: namn@exempel.se.', { id: 'budget.error-email-invalid' }) });
    return problems;
  }

  private async showProblems(problems: Problem[], formError?: () => string) {
    this.problems = problems;
    this.formError = formError;
    await focusAfterRender(this, '#summary');
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = this.data;
    if (this.sending || !data) return;
    const problems = this.validate();
    if (problems.length) return this.showProblems(problems);
    if (this.preview) return this.showProblems([], () => msg('Det här är en förhandsvisning: inget skickas.', { id: 'budget.preview-not-sent' }));
    this.problems = [];
    this.formError = undefined;
    this.sending = true;
    const email = this.email.trim();
    const items = this.items;
    const sliders = data.mode === 'sliders';
    try {
      const pow = await this.#proof.take();
      await budgetApi.cast(
        this.apiBase,
        data.slug,
        {
          email,
          districtId: this.districtId,
          allocations: sliders ? items.map((i) => ({ itemId: i.id, amount: this.amountOf(i) })) : [],
          projects: sliders ? [] : items.filter((i) => this.chosen.has(i.id)).map((i) => i.id),
          lang: this.locale,
        },
        pow,
      );
      this.sent = email;
      this.sending = false;
      emit(this, 'medverka-ballot-cast', { budget: data.slug, districtId: this.districtId });
      await focusAfterRender(this, '#sent-heading');
    } catch (err) {
      this.sending = false;
      // Every solution is spent by a refusal: solve a new one for the next try.
      this.#proof.start();
      await this.refused(err);
    }
  }

  private async refused(err: unknown) {
    const refusal = err instanceof FormRefusal ? err : undefined;
    const code = codeOf(err);
    const breaksRule = code === 'ballot_breaks_rule';
    // A ballot the widget let through but the rule refuses was made on an outdated process
    // (staff changed it meanwhile): read it again, and explain with it as it is now.
    if (breaksRule) await this.load();
    const problems: Problem[] = [];
    const notes = new Map(this.notes);
    for (const issue of refusal?.issues ?? []) {
      // The server names a line by its id, in English; say it in the resident's language where we can.
      const line = breaksRule && /^allocations\.(\d+)$/.exec(issue.path);
      const item = line && this.items.find((i) => i.id === Number(line[1]));
      if (item) {
        const text = () => this.rangeText(item, this.amountOf(item));
        notes.set(item.id, text);
        problems.push({ at: `item-${item.id}`, text });
      } else if (issue.path === 'email') {
        problems.push({
          at: 'email',
          text:
            code === 'email_domain_refused'
              ? () => msg('Adresser från den här e-postdomänen tas inte emot. Använd en annan e-postadress.', { id: 'budget.error-email-refused' })
              : () => msg('Kontrollera din e-postadress. Det går inte att skicka mejl till den.', { id: 'budget.error-email-server' }),
        });
      } else if (issue.path === 'districtId') {
        problems.push({ at: 'district', text: () => msg('Välj ett område.', { id: 'budget.error-district' }) });
      } else if (breaksRule) {
        problems.push({ at: 'tally', text: () => (this.tally.state === 'ok' ? issue.message : this.leftText(this.tally)) });
      }
    }
    this.notes = notes;
    if (problems.length) return this.showProblems(problems);
    if (refusal?.status === 409 || refusal?.status === 404) {
      // Closed (or gone) meanwhile: show it as it is now, and say so where the form was.
      await this.load();
      return focusAfterRender(this, '.closed, .message');
    }
    return this.showProblems(
      [],
      refusalText(
        err,
        (minutes) =>
          minutes === 1
            ? msg('Det har kommit för många röster härifrån på kort tid. Vänta en minut och försök sedan igen.', { id: 'budget.too-many-minute' })
            : msg(str`Det har kommit för många röster härifrån på kort tid. Vänta ${minutes} minuter och försök sedan igen.`, { id: 'budget.too-many' }),
        () =>
          breaksRule
            ? msg('Budgeten har ändrats sedan du öppnade sidan. Kontrollera din fördelning och skicka igen.', { id: 'budget.changed' })
            : msg('Det gick inte att skicka din budget just nu. Försök igen om en stund.', { id: 'budget.send-failed' }),
      ),
    );
  }

  /** The element a problem's link moves focus to. */
  private targetOf(at: string): string {
    if (at === 'district') return `district-${this.data!.districts[0]?.id}`;
    const item = /^item-(\d+)$/.exec(at)?.[1];
    if (item) return `${this.data!.mode === 'sliders' ? 'range' : 'project'}-${item}`;
    return at;
  }

  private onSummaryClick(event: MouseEvent, at: string) {
    // The links point into the shadow root, which the page's own #fragment cannot reach.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${this.targetOf(at)}`)?.focus();
  }

  private sendAgain = async () => {
    this.sent = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#tally, #districts input')?.focus();
  };

  // —— Rendering ——

  /** What is left, or what is wrong, in one sentence (shown in the tally, announced, and in the summary). */
  private leftText(t: Tally): string {
    const l = this.locale;
    const projects = this.data!.mode === 'projects';
    if (t.state === 'over') {
      return projects
        ? msg(str`Projekten du har valt kostar ${kronor(t.off, l)} mer än budgeten. Välj bort något projekt.`, { id: 'budget.over-projects' })
        : msg(str`Du har fördelat ${kronor(t.off, l)} för mycket. Minska någon rad med minst så mycket.`, { id: 'budget.over' });
    }
    if (t.state === 'under') return msg(str`Fördela minst ${kronor(t.off, l)} till. Hela budgeten ska användas.`, { id: 'budget.under' });
    if (!projects && this.data!.rule === 'balanced' && t.left) {
      return t.left > 0
        ? msg(str`Budgeten går ihop: ${kronor(t.left, l)} kvar, inom marginalen.`, { id: 'budget.balanced-left' })
        : msg(str`Budgeten går ihop: ${kronor(-t.left, l)} över, inom marginalen.`, { id: 'budget.balanced-over' });
    }
    if (!projects && this.data!.rule === 'balanced') return msg('Budgeten går jämnt ut.', { id: 'budget.balanced' });
    return msg(str`Kvar att fördela: ${kronor(t.left, l)}.`, { id: 'budget.left' });
  }

  private problemAt(at: string) {
    return this.problems.find((p) => p.at === at);
  }

  private renderStatus(data: PublicBudget) {
    const words = {
      open: msg('Öppen', { id: 'budget.status-open' }),
      closed: msg('Stängd', { id: 'budget.status-closed' }),
      published: msg('Resultatet är klart', { id: 'budget.status-published' }),
    };
    const closes =
      data.status === 'open' && data.closesAt
        ? html`<p class="hint">
            ${msg(str`Du kan vara med till ${new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(data.closesAt))}.`, { id: 'budget.closes' })}
          </p>`
        : nothing;
    return html`<p class="status status-${data.status}" part="status">${words[data.status]}</p>
      ${closes}`;
  }

  private renderBudget(data: PublicBudget) {
    const l = this.locale;
    // Published results take the place of the invitation to share out the money.
    const description = !data.results && pick(data.description, l);
    let main: unknown = nothing;
    // The form reads the element's own state and handlers (FormHost in form.ts).
    const host = this as unknown as FormHost;
    if (data.status === 'open' && this.#form) main = this.sent ? this.#form.renderSent(host) : this.#form.renderForm(host, data);
    else if (data.status === 'closed')
      main = html`<p class="message closed" part="message" tabindex="-1">${msg('Omröstningen har stängt. Resultatet visas här när kommunen har publicerat det.', { id: 'budget.closed' })}</p>`;
    else if (data.results && this.#results) main = this.#results.renderResults(data, l, this.subLevel, { kronor, digits, paragraphs });
    return html`<div class="heading" part="heading" role="heading" aria-level=${this.level}>${pick(data.title, l)}</div>
      ${this.renderStatus(data)} ${description ? html`<div class="body" part="body">${paragraphs(description)}</div>` : nothing} ${main}`;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'budget.loading' })}</p>`;
      case 'not-found':
        return html`<p class="message" part="message">${msg('Budgeten finns inte, eller har inte öppnat ännu.', { id: 'budget.not-found' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta budgeten just nu.', { id: 'budget.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'budget.retry' })}</button>
        </div>`;
      default:
        return this.data ? this.renderBudget(this.data) : html``;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting' && !this.data) return nothing;
    return html`<article class="base" part="base" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${this.renderBody()}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    </article>`;
  }
}

