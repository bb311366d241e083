import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { postWithPow } from '../forms/post.js';
import { Proof } from '../forms/proof.js';
import { codeOf, refusalText } from '../forms/refusal.js';
import { emailPattern, focusAfterRender, paragraphs } from '../forms/text.js';
import { loadWidget } from '../loader/registry.js';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { dialoguesApi, type Channel, type PublicDialogue } from './dialogues-api.js';
import { styles } from './dialogues.styles.js';
import { templates as en } from './locales/en.js';

/** 'waiting': loading, but too briefly to be worth a message that would only flash. */
type Status = 'waiting' | 'loading' | 'ready' | 'error';
type Text = PublicDialogue['title'];

/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;

/** The tag and attribute of the widget that shows a channel's process in place. */
const channelWidgets: Record<string, [tag: string, attribute: string]> = {
  petition: ['medverka-petition', 'petition'],
  budget: ['medverka-budget', 'budget'],
  poll: ['medverka-poll', 'poll'],
  survey: ['medverka-survey', 'survey'],
};

/** What following a dialogue has come to, for one dialogue's form. */
interface Following {
  email: string;
  sending?: boolean;
  /** The address the confirmation link went to. */
  sent?: string;
  /** Why it was not sent; built at render time, so it is in the element's language. */
  problem?: () => string;
  /** The problem is the address's (not a refusal of the whole). */
  invalid?: boolean;
}

/**
 * The municipality's dialogue register for residents: the dialogues going on and coming up,
 * and under "Vad hände sen?" the finished ones with what came of them. Each opens in place
 * with its promise — what you can influence, who decides, when you hear back — its channels
 * (a petition, budget, poll or survey opens in place too) and, once published, its outcome and
 * the decision in the public record. A resident can follow a dialogue: an e-mail when its
 * feedback is published, confirmed by a mailed link.
 *
 * @summary The municipality's dialogues: what is going on, and what came of it.
 *
 * @event medverka-dialogue-followed - A resident asked to follow a dialogue; it starts once they follow the mailed link. `detail`: `{ dialogueId }`.
 * @event medverka-load-error - The register could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The widget's heading.
 * @csspart filters - The theme and district filters.
 * @csspart list - Each list of dialogues.
 * @csspart item - Each dialogue.
 * @csspart button - The widget's own buttons.
 * @csspart message - The loading, empty and error messages.
 *
 * @cssproperty --medverka-color-accent - Buttons, links and the open status. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of an opened dialogue. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space inside and between parts. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 */
export class MedverkaDialogues extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  // Written out rather than with states(): that helper would land in the chunk every widget downloads.
  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    dialogues: { state: true },
    theme: { state: true },
    district: { state: true },
    opened: { state: true },
    shown: { state: true },
    following: { state: true },
  };

  /** The heading level of the widget's heading (1–6); its parts use the levels below. Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private dialogues: PublicDialogue[];
  /** The chosen theme and district ('' for all). */
  declare private theme: string;
  declare private district: string;
  /** The dialogues opened in place, by id. */
  declare private opened: ReadonlySet<number>;
  /** The channels whose process is shown in place, by channel id. */
  declare private shown: ReadonlySet<number>;
  /** Each dialogue's follow form, by dialogue id. */
  declare private following: Readonly<Record<number, Following>>;

  constructor() {
    super();
    this.headingLevel = 2;
    this.status = 'waiting';
    this.dialogues = [];
    this.theme = '';
    this.district = '';
    this.opened = new Set();
    this.shown = new Set();
    this.following = {};
  }

  #abort?: AbortController;
  #asked = false;
  #proof = new Proof(() => this.apiBase);
  /** The widgets shown in place, kept while the page is, so a closed and reopened one keeps its state. */
  #widgets = new Map<number, HTMLElement>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || !this.#asked) {
      this.#asked = true;
      void this.load();
    }
  }

  /** Loads the register again, e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'waiting';
    const slow = setTimeout(() => {
      if (this.status === 'waiting') this.status = 'loading';
    }, loadingMessageDelay);
    try {
      this.dialogues = await dialoguesApi.list(this.apiBase, abort.signal);
      this.status = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      emit(this, 'medverka-load-error', { what: 'dialogues', status: err instanceof ApiRequestError ? err.status : null });
    } finally {
      clearTimeout(slow);
    }
  }

  private get level() {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private sub(by: number) {
    return Math.min(6, this.level + by);
  }

  private text(t: Text): string {
    return this.locale === 'en' && t.en ? t.en : t.sv;
  }

  private day(date: string | null): string {
    if (!date) return '';
    return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  }

  private toggle(id: number) {
    const opened = new Set(this.opened);
    if (!opened.delete(id)) opened.add(id);
    this.opened = opened;
  }

  /** Shows a channel's process in place: its widget is fetched the first time it is asked for. */
  private async show(channel: Channel) {
    const shown = new Set(this.shown);
    if (!shown.delete(channel.id)) {
      shown.add(channel.id);
      await loadWidget(channelWidgets[channel.kind]![0]).catch(() => undefined);
    }
    this.shown = shown;
  }

  // —— Following a dialogue ——

  private setFollowing(id: number, change: Partial<Following>) {
    this.following = { ...this.following, [id]: { email: '', ...this.following[id], ...change } };
  }

  private async follow(event: SubmitEvent, id: number) {
    event.preventDefault();
    const state = this.following[id] ?? { email: '' };
    if (state.sending) return;
    const email = state.email.trim();
    if (!emailPattern.test(email)) {
      this.setFollowing(id, { problem: () => msg('Skriv en e-postadress, till exempel namn@exempel.se.', { id: 'dialogues.email-invalid' }), invalid: true });
      await focusAfterRender(this, `#follow-email-${id}`);
      return;
    }
    this.setFollowing(id, { sending: true, problem: undefined, invalid: false });
    try {
      await postWithPow(this.apiBase, dialoguesApi.followPath(id), { email, lang: this.locale }, await this.#proof.take());
      this.setFollowing(id, { sending: false, sent: email, email: '' });
      emit(this, 'medverka-dialogue-followed', { dialogueId: id });
      await focusAfterRender(this, `#follow-sent-${id}`);
    } catch (err) {
      const invalid = codeOf(err) === 'email_refused' || codeOf(err) === 'invalid_request';
      const problem = invalid
        ? () => msg('Den e-postadressen kan inte användas här. Skriv en annan.', { id: 'dialogues.email-refused' })
        : refusalText(
            err,
            (minutes) => msg(str`Det har kommit för många förfrågningar härifrån. Vänta ${minutes} min och försök igen.`, { id: 'dialogues.too-many' }),
            () => msg('Det gick inte att skicka just nu. Försök igen om en stund.', { id: 'dialogues.send-failed' }),
          );
      this.setFollowing(id, { sending: false, problem, invalid });
      await focusAfterRender(this, invalid ? `#follow-email-${id}` : `#follow-problem-${id}`);
    }
  }

  // —— Rendering ——

  private phaseText(d: PublicDialogue): string {
    if (d.phase === 'open') return d.closesOn ? msg(str`Pågår till ${this.day(d.closesOn)}`, { id: 'dialogues.open-until' }) : msg('Pågår', { id: 'dialogues.open' });
    if (d.phase === 'planned') return d.opensOn ? msg(str`Startar ${this.day(d.opensOn)}`, { id: 'dialogues.starts' }) : msg('Planerad', { id: 'dialogues.planned' });
    return d.outcome ? msg('Avslutad, med återkoppling', { id: 'dialogues.finished-feedback' }) : msg('Avslutad', { id: 'dialogues.finished' });
  }

  private ladderText(step: PublicDialogue['ladder']): string {
    const words = {
      inform: () => msg('Information: kommunen berättar om beslutet.', { id: 'dialogues.ladder-inform' }),
      consult: () => msg('Samråd: du får tycka till, och kommunen väger in det du säger.', { id: 'dialogues.ladder-consult' }),
      dialogue: () => msg('Dialog: du och kommunen samtalar och utvecklar frågan tillsammans.', { id: 'dialogues.ladder-dialogue' }),
      influence: () => msg('Inflytande: det du tycker har stor betydelse för beslutet.', { id: 'dialogues.ladder-influence' }),
      'co-decide': () => msg('Medbestämmande: du är med och bestämmer.', { id: 'dialogues.ladder-co-decide' }),
    };
    return step ? words[step]() : '';
  }

  private channelName(c: Channel): string {
    const names: Record<string, () => string> = {
      petition: () => msg('E-förslag', { id: 'dialogues.channel-petition' }),
      budget: () => msg('Medborgarbudget', { id: 'dialogues.channel-budget' }),
      poll: () => msg('Snabbfråga', { id: 'dialogues.channel-poll' }),
      survey: () => msg('Enkät', { id: 'dialogues.channel-survey' }),
      meeting: () => msg('Möte', { id: 'dialogues.channel-meeting' }),
      walk: () => msg('Promenad', { id: 'dialogues.channel-walk' }),
      stand: () => msg('Träffa oss på plats', { id: 'dialogues.channel-stand' }),
      other: () => msg('På plats', { id: 'dialogues.channel-other' }),
    };
    return names[c.kind === 'offline' ? (c.format ?? 'other') : c.kind]!();
  }

  private renderChannel(c: Channel): TemplateResult {
    const [tag, attribute] = channelWidgets[c.kind] ?? [];
    const where = [c.title, this.day(c.heldOn), c.place].filter(Boolean).join(', ');
    if (!tag) return html`<li>${this.channelName(c)}: ${where}</li>`;
    const open = this.shown.has(c.id);
    let widget = this.#widgets.get(c.id);
    if (open && !widget) {
      widget = document.createElement(tag);
      widget.setAttribute(attribute!, c.ref ?? '');
      widget.setAttribute('heading-level', String(this.sub(4)));
      if (this.api) widget.setAttribute('api', this.api);
      this.#widgets.set(c.id, widget);
    }
    return html`<li>
      ${this.channelName(c)}: ${c.title}
      <button type="button" class="secondary" part="button" aria-expanded=${open ? 'true' : 'false'} @click=${() => void this.show(c)}>
        ${open ? msg('Dölj', { id: 'dialogues.hide' }) : msg('Visa och delta', { id: 'dialogues.show' })}<span class="visually-hidden">: ${c.title}</span>
      </button>
      ${open ? html`<div class="channel">${widget}</div>` : nothing}
    </li>`;
  }

  private renderFollow(d: PublicDialogue): TemplateResult {
    const f = this.following[d.id] ?? { email: '' };
    const id = `follow-email-${d.id}`;
    return html`<form class="follow" novalidate @submit=${(e: SubmitEvent) => void this.follow(e, d.id)}>
      <div class="field">
        <label for=${id}>${msg('Få ett mejl när kommunen berättar vad som hände', { id: 'dialogues.follow-label' })}</label>
        <p class="hint" id="${id}-hint">${msg('Skriv din e-postadress. Du får först ett mejl med en länk som du bekräftar med.', { id: 'dialogues.follow-hint' })}</p>
        ${f.problem && f.invalid ? html`<p class="field-error" id="${id}-error">${f.problem()}</p>` : nothing}
        <input
          id=${id}
          type="email"
          autocomplete="email"
          spellcheck="false"
          maxlength="254"
          aria-describedby="${id}-hint${f.problem && f.invalid ? ` ${id}-error` : ''}"
          aria-invalid=${f.invalid ? 'true' : 'false'}
          .value=${f.email}
          @focus=${this.#proof.start}
          @input=${(e: Event) => this.setFollowing(d.id, { email: (e.target as HTMLInputElement).value })}
        />
      </div>
      <button type="submit" class="primary" part="button" aria-disabled=${f.sending ? 'true' : 'false'}>
        ${f.sending ? msg('Skickar …', { id: 'dialogues.sending' }) : msg('Följ dialogen', { id: 'dialogues.follow' })}
      </button>
      ${f.problem && !f.invalid ? html`<p class="error" id="follow-problem-${d.id}" tabindex="-1" role="alert">${f.problem()}</p>` : nothing}
      ${f.sent
        ? html`<p class="sent" id="follow-sent-${d.id}" tabindex="-1" role="status">
            ${msg(str`Titta i din e-post (${f.sent}) och bekräfta med länken i mejlet.`, { id: 'dialogues.check-email' })}
          </p>`
        : nothing}
    </form>`;
  }

  private renderOutcome(d: PublicDialogue): TemplateResult | typeof nothing {
    const o = d.outcome;
    if (!o) return nothing;
    const part = (heading: string, t: Text) =>
      this.text(t) ? html`<div role="heading" aria-level=${this.sub(4)} class="part-heading">${heading}</div>${paragraphs(this.text(t))}` : nothing;
    return html`<section class="outcome">
      <div role="heading" aria-level=${this.sub(3)} class="subheading">${msg('Vad hände sen?', { id: 'dialogues.what-happened' })}</div>
      ${part(msg('Det här kom in', { id: 'dialogues.came-in' }), o.summary)} ${part(msg('Så här användes det', { id: 'dialogues.used' }), o.use)}
      ${part(msg('Beslutet', { id: 'dialogues.decision' }), o.decision)}
      ${o.caseNumber
        ? html`<p>
            ${msg(str`Diarienummer: ${o.caseNumber}`, { id: 'dialogues.case' })}
            ${o.caseUrl ? html`<a href=${o.caseUrl} target="_blank" rel="noopener">${msg('Läs beslutet i diariet', { id: 'dialogues.case-link' })}</a>` : nothing}
          </p>`
        : nothing}
    </section>`;
  }

  private renderDetails(d: PublicDialogue): TemplateResult {
    const row = (term: string, value: string) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
    const when = d.opensOn && d.closesOn ? `${this.day(d.opensOn)} – ${this.day(d.closesOn)}` : '';
    return html`<div class="details" id="dialogue-${d.id}">
      ${d.question.sv ? html`<p class="question">${this.text(d.question)}</p>` : nothing} ${paragraphs(this.text(d.purpose))}
      <dl>
        ${row(msg('Det här kan du påverka', { id: 'dialogues.can-change' }), this.text(d.canChange))}
        ${row(msg('Det här kan du inte påverka', { id: 'dialogues.cannot-change' }), this.text(d.cannotChange))}
        ${row(msg('Så mycket påverkar du', { id: 'dialogues.ladder' }), this.ladderText(d.ladder))}
        ${row(msg('Vem beslutar', { id: 'dialogues.who-decides' }), d.committee)} ${row(msg('När', { id: 'dialogues.when' }), when)}
        ${row(msg('Beslut väntas', { id: 'dialogues.decision-expected' }), this.day(d.decisionExpected))}
        ${row(msg('Du får veta vad som hände senast', { id: 'dialogues.feedback-by' }), this.day(d.feedbackBy))}
        ${row(msg('Kontaktperson', { id: 'dialogues.contact' }), d.contact?.name ?? '')}
      </dl>
      ${d.channels.length
        ? html`<div role="heading" aria-level=${this.sub(3)} class="subheading">
              ${d.phase === 'finished' ? msg('Så kunde man vara med', { id: 'dialogues.channels-past' }) : msg('Så kan du vara med', { id: 'dialogues.channels' })}
            </div>
            <ul class="channels">
              ${d.channels.map((c) => this.renderChannel(c))}
            </ul>`
        : nothing}
      ${this.renderOutcome(d)} ${d.outcome ? nothing : this.renderFollow(d)}
    </div>`;
  }

  private renderItem(d: PublicDialogue): TemplateResult {
    const open = this.opened.has(d.id);
    return html`<li class="item" part="item">
      <div role="heading" aria-level=${this.sub(2)} class="item-heading">
        <button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="dialogue-${d.id}" @click=${() => this.toggle(d.id)}>${this.text(d.title)}</button>
      </div>
      <p class="meta"><span class="phase phase-${d.phase}">${this.phaseText(d)}</span>${d.district ? ` · ${d.district}` : ''}</p>
      ${open ? this.renderDetails(d) : nothing}
    </li>`;
  }

  private renderList(heading: string, list: PublicDialogue[], empty: string): TemplateResult {
    return html`<section>
      <div role="heading" aria-level=${this.sub(1)} class="subheading">${heading}</div>
      ${list.length ? html`<ul class="list" part="list">${list.map((d) => this.renderItem(d))}</ul>` : html`<p class="message" part="message">${empty}</p>`}
    </section>`;
  }

  /** Filters by theme and district, applied when the resident presses "Visa" (the list below does not move while they choose). */
  private renderFilters(): TemplateResult | typeof nothing {
    const themes = [...new Set(this.dialogues.flatMap((d) => d.themes))].sort((a, b) => a.localeCompare(b, 'sv'));
    const districts = [...new Set(this.dialogues.map((d) => d.district).filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b, 'sv'));
    if (!themes.length && !districts.length) return nothing;
    const select = (id: string, label: string, values: string[], value: string) =>
      values.length
        ? html`<div class="field">
            <label for=${id}>${label}</label>
            <select id=${id} name=${id}>
              <option value="">${msg('Alla', { id: 'dialogues.all' })}</option>
              ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
            </select>
          </div>`
        : nothing;
    const apply = (e: SubmitEvent) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      this.theme = String(data.get('theme') ?? '');
      this.district = String(data.get('district') ?? '');
    };
    return html`<form class="filters" part="filters" aria-label=${msg('Visa dialoger om', { id: 'dialogues.filters' })} @submit=${apply}>
      ${select('theme', msg('Tema', { id: 'dialogues.theme' }), themes, this.theme)}
      ${select('district', msg('Område', { id: 'dialogues.district' }), districts, this.district)}
      <button type="submit" class="secondary" part="button">${msg('Visa', { id: 'dialogues.apply' })}</button>
    </form>`;
  }

  private renderRegister(): TemplateResult {
    const chosen = this.dialogues.filter((d) => (!this.theme || d.themes.includes(this.theme)) && (!this.district || d.district === this.district));
    const current = chosen.filter((d) => d.phase !== 'finished');
    const finished = chosen.filter((d) => d.phase === 'finished');
    const filtered = this.theme || this.district;
    return html`${this.renderFilters()}
      <p class="visually-hidden" role="status">${filtered ? msg(str`${chosen.length} dialoger visas.`, { id: 'dialogues.shown-count' }) : ''}</p>
      ${this.renderList(msg('Pågår och på gång', { id: 'dialogues.current' }), current, msg('Just nu finns inga dialoger här.', { id: 'dialogues.none-current' }))}
      ${this.renderList(msg('Vad hände sen?', { id: 'dialogues.finished-heading' }), finished, msg('Inga avslutade dialoger ännu.', { id: 'dialogues.none-finished' }))}`;
  }

  private renderBody(): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'dialogues.loading' })}</p>`;
      case 'error':
        return html`<div class="message error" part="message" role="alert">
          <p>${msg('Det gick inte att hämta dialogerna just nu.', { id: 'dialogues.error' })}</p>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'dialogues.retry' })}</button>
        </div>`;
      default:
        return this.renderRegister();
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all, so the page moves only once.
    if (this.status === 'waiting') return nothing;
    return html`<article class="base" part="base" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <div role="heading" aria-level=${this.level} class="heading" part="heading">${msg('Dialoger med kommunen', { id: 'dialogues.heading' })}</div>
      <p>${msg('Här ser du vad kommunen vill veta vad du tycker om, vad du kan påverka och vad som hände sen.', { id: 'dialogues.intro' })}</p>
      ${this.renderBody()}
    </article>`;
  }
}
