import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiRequestError } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str, type Locale, type Translations } from '../shared/localize.js';
import { chatApi, ChatRefusal, type ChatHours, type ChatMessage, type ChatStatus, type ConversationStatus, type Started } from './chat-api.js';
import { styles } from './panel.styles.js';
import type { StoredConversation } from './storage.js';

/**
 * What the panel shows: 'loading' while asking whether the contact centre is open;
 * 'unavailable' when that could not be asked; 'start' the form for the first message;
 * 'away' the form to leave a message while the centre is closed, 'left' its thank-you;
 * 'chat' a conversation, going on or ended; 'gone' a stored conversation the server no
 * longer knows.
 */
type View = 'loading' | 'unavailable' | 'start' | 'away' | 'left' | 'chat' | 'gone';
/**
 * The fields, by their element ids; each is also its key in `values`. `transcript` is no
 * field: it holds the address given at the start, the only one the transcript goes to.
 */
type Field = 'name' | 'email' | 'message' | 'draft' | 'transcript' | 'rating';
/** Where a problem that belongs to no one field is shown. */
type Place = 'start' | 'draft' | 'end' | 'transcript' | 'rating';
/** Texts are built at render time, so that they are in the element's language. */
type Say = () => string;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest message the server takes, in characters. */
const maxLength = 2000;
/** The contact centre's opening times are said in its own time zone. */
const timeZone = 'Europe/Stockholm';
/** A dropped connection is mentioned only if it is not back within this time. */
const lostAfterMs = 3000;
/** Reconnecting after the stream was given up: exponential backoff with full jitter, up to this. */
const maxBackoffMs = 30_000;

/**
 * The language of the strings written in this file, and the chunk with the other language's.
 * A chat shown in English fetches this panel built with its English strings in the code
 * instead (panel-en.ts, and `chatPanelInEnglish` in rollup.config.js, which rewrites these two
 * lines), so that it downloads no Swedish unless the page switches language.
 */
const inCode: Locale = 'sv';
const otherStrings = () => import('./locales/en.js');
/** The other language's strings, once asked for. */
let other: Promise<unknown> | undefined;

const invalidEmail: Say = () => msg('Skriv e-postadressen så här: namn@exempel.se.', { id: 'chat.error-email-invalid' });
const refusedEmail: Say = () =>
  msg('Adresser från den här e-postdomänen tas inte emot. Använd en annan e-postadress.', { id: 'chat.error-email-refused' });

/**
 * The conversation panel of `<medverka-chat>`: its own chunk, created by the launcher when
 * the resident opens the chat. It asks whether the contact centre is open, starts a
 * conversation with the first message (and a proof of work), follows it over server-sent
 * events, and at the end offers the transcript by e-mail and a one-question rating. While
 * the centre is closed it takes a message to answer by e-mail instead.
 *
 * @summary The chat's conversation panel (internal: use `<medverka-chat>`).
 *
 * @csspart panel - The dialog.
 * @csspart log - The list of messages.
 * @csspart message - One message.
 * @csspart form - The forms.
 * @csspart panel-button - The buttons.
 */
export class MedverkaChatPanel extends MedverkaElement {
  static override styles = styles;
  /** The language not written in the code, once fetched (see translate()). */
  static override translations: Translations = {};

  /** Makes the panel's strings in `locale` ready: fetches them (once) unless they are the ones in the code. */
  static translate(locale: Locale): Promise<unknown> {
    if (locale === inCode) return Promise.resolve();
    return (other ??= otherStrings().then(
      ({ templates }) => (MedverkaChatPanel.translations[locale] = templates),
      (err: unknown) => {
        other = undefined;
        throw err;
      },
    ));
  }

  static override properties = {
    shown: { type: Boolean },
    view: { state: true },
    hours: { state: true },
    messages: { state: true },
    status: { state: true },
    agentName: { state: true },
    lost: { state: true },
    values: { state: true },
    errors: { state: true },
    problem: { state: true },
    busy: { state: true },
    left: { state: true },
    transcriptSent: { state: true },
    rated: { state: true },
    announcements: { state: true },
  };

  /** Whether the panel is open; the launcher sets it. */
  declare shown: boolean;
  /** Called when the resident asks to close the panel (Escape, the close button). */
  onCloseRequest: () => void = () => {};
  /** Called whenever whether a conversation goes on, or the number of unread messages, may have changed. */
  onActivity: (ongoing: boolean, unread: number) => void = () => {};
  /**
   * The launcher keeps the conversation in sessionStorage (the panel's chunk shares no code
   * with the launcher's, so that each stays one file): it hands over the stored conversation
   * before the panel is connected, and stores what it is told to (undefined: forget it).
   */
  stored?: StoredConversation;
  onStore: (conversation: StoredConversation | undefined) => void = () => {};

  declare private view: View;
  declare private hours?: ChatHours;
  declare private messages: ChatMessage[];
  declare private status?: ConversationStatus;
  declare private agentName: string | null;
  declare private lost: boolean;
  declare private values: Record<Field, string>;
  declare private errors: Partial<Record<Field, Say>>;
  declare private problem?: { place: Place; say: Say };
  declare private busy?: Place;
  /** The address a message left while closed is answered at. */
  declare private left?: string;
  declare private transcriptSent?: string;
  declare private rated: boolean;
  declare private announcements: string[];

  constructor() {
    super();
    this.shown = false;
    this.view = 'loading';
    this.messages = [];
    this.agentName = null;
    this.lost = false;
    this.values = { name: '', email: '', message: '', draft: '', transcript: '', rating: '' };
    this.errors = {};
    this.rated = false;
    this.announcements = [];
  }

  #conversation?: { id: number; token: string };
  /** The id of the last message the stream delivered: where a new connection resumes. */
  #lastEvent = 0;
  /** The id of the newest message the resident has had in front of them. */
  #lastSeen = 0;
  #endedByResident = false;
  #source?: EventSource;
  #attempt = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #lostTimer?: ReturnType<typeof setTimeout>;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /**
   * The proof of work for the next first message or left message, started when the resident
   * starts writing (not on focus: opening the panel moves focus into the form by itself).
   */
  #pow?: Promise<string>;
  /** Focus goes to the view's first field once it is shown, unless the resident has started moving it. */
  #focusPending = false;
  /** Whether the log was scrolled to its end before an update. */
  #atEnd = true;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
    if (this.#conversation) {
      if (this.status !== 'closed') this.#connect();
      return;
    }
    const stored = this.stored;
    if (stored) {
      this.#conversation = { id: stored.id, token: stored.token };
      this.#lastSeen = stored.lastSeen ?? 0;
      this.view = 'chat';
      this.#connect();
    }
  }

  /** The language changed after the panel was made: fetch its strings if need be, then render again. */
  override followLang(): void {
    super.followLang();
    if (this.locale !== inCode && !MedverkaChatPanel.translations[this.locale]) {
      MedverkaChatPanel.translate(this.locale).then(
        () => this.requestUpdate(),
        () => {},
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
    this.#disconnect();
    clearTimeout(this.#lostTimer);
    this.#lostTimer = undefined;
  }

  protected override willUpdate(): void {
    const log = this.renderRoot.querySelector?.('.body');
    this.#atEnd = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('shown')) this.#showOrHide();
    const log = this.renderRoot.querySelector('.body');
    if (log && (changed.has('messages') || changed.has('shown')) && this.#atEnd) log.scrollTop = log.scrollHeight;
    if (this.shown && this.view === 'chat') {
      const newest = this.messages.at(-1)?.id ?? 0;
      if (newest > this.#lastSeen) {
        this.#lastSeen = newest;
        this.#remember();
      }
    }
    const unread = this.messages.filter((m) => m.author !== 'resident' && m.id > this.#lastSeen).length;
    this.onActivity(!!this.#conversation && this.status !== 'closed', unread);
  }

  // —— Opening and closing ——

  #showOrHide() {
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (this.shown && !dialog.open) {
      // Full screen and modal on narrow screens; beside the page on wide ones.
      if (matchMedia('(width < 40rem)').matches) dialog.showModal();
      else dialog.show();
      this.#focusPending = true;
      if (!this.#conversation) void this.#checkHours();
      else void this.#focusFirst();
    } else if (!this.shown && dialog.open) {
      dialog.close();
    }
    this.#remember();
  }

  #onKeydown = (event: KeyboardEvent) => {
    this.#focusPending = false;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.onCloseRequest();
    }
  };

  #onCancel = (event: Event) => {
    event.preventDefault();
    this.onCloseRequest();
  };

  /** Moves focus to where the resident starts in the view shown, if it is still ours to move. */
  async #focusFirst() {
    if (!this.#focusPending || !this.shown) return;
    await this.updateComplete;
    const first =
      this.view === 'start' || this.view === 'away'
        ? '#name'
        : this.view === 'chat'
          ? this.status === 'closed'
            ? '#ended-heading'
            : '#draft'
          : this.view === 'left'
            ? '#left-heading'
            : '#title';
    this.renderRoot.querySelector<HTMLElement>(first)?.focus();
    if (this.view !== 'loading') this.#focusPending = false;
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Keeps the conversation in sessionStorage while it goes on: only once it has started. */
  #remember() {
    const c = this.#conversation;
    if (c && this.status !== 'closed' && this.view === 'chat') this.onStore({ ...c, lastSeen: this.#lastSeen, open: this.shown });
  }

  // —— Before a conversation ——

  async #checkHours() {
    if (this.view !== 'start' && this.view !== 'away') this.view = 'loading';
    try {
      this.hours = await chatApi.hours(this.apiBase);
      if (this.#conversation) return;
      this.view = this.hours.open ? 'start' : 'away';
    } catch {
      if (this.#conversation) return;
      this.view = 'unavailable';
    }
    void this.#focusFirst();
  }

  #startProof = () => {
    this.#pow ??= this.#prove();
    // Handled where it is awaited; without this an early failure would be reported as unhandled.
    this.#pow.catch(() => {});
  };

  async #prove(): Promise<string> {
    // The proof of work's code is fetched with the challenge, once the resident starts
    // writing: opening the chat (or following a conversation) does not need it.
    const [challenge, { solve, encodeSolution }] = await Promise.all([chatApi.challenge(this.apiBase), import('../forms/proof-of-work.js')]);
    const number = await solve(challenge);
    if (number < 0) throw new ApiRequestError(null, 'pow_unsolved', 'No number solves the challenge.');
    return encodeSolution(challenge, number);
  }

  #set(field: Field, value: string) {
    this.values = { ...this.values, [field]: value };
  }

  async #showErrors(errors: Partial<Record<Field, Say>>, problem?: { place: Place; say: Say }) {
    this.errors = errors;
    this.problem = problem;
    const first = Object.keys(errors)[0];
    if (first) await this.#focus(first === 'rating' ? '#rating-1' : `#${first}`);
  }

  #clearErrors() {
    this.errors = {};
    this.problem = undefined;
  }

  /** Sends the first message (starting the conversation), or, while closed, leaves a message. */
  async #submitStart(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const away = this.view === 'away';
    const name = this.values.name.trim();
    const email = this.values.email.trim();
    const message = this.values.message.trim();
    const errors: Partial<Record<Field, Say>> = {};
    if (away && !email) errors.email = () => msg('Skriv din e-postadress, så att vi kan svara dig.', { id: 'chat.error-email-needed' });
    else if (email && !emailPattern.test(email)) errors.email = invalidEmail;
    if (!message) errors.message = () => (away ? msg('Skriv ditt meddelande.', { id: 'chat.error-message-away' }) : msg('Skriv din fråga.', { id: 'chat.error-message' }));
    if (Object.keys(errors).length) return this.#showErrors(errors);
    await this.#busyWith(
      'start',
      async () => {
        this.#startProof();
        const pow = await this.#pow!;
        this.#pow = undefined;
        const input = { name: name || null, message, lang: this.locale };
        if (away) {
          await chatApi.leaveMessage(this.apiBase, { ...input, email }, pow);
          this.left = email;
          this.values = { ...this.values, message: '' };
          this.view = 'left';
          void this.#focus('#left-heading');
        } else {
          this.#begin(await chatApi.start(this.apiBase, { ...input, email: email || null }, pow), email);
        }
      },
      (err) => {
        // Every solution is spent by a refusal: solve a new one for the next try.
        this.#pow = undefined;
        this.#startProof();
        return this.#refused(err, 'start', 'email');
      },
    );
  }

  /**
   * Does what the resident asked (`act`) with the form at `place` busy meanwhile, and says why
   * if it failed (`failed`). Busy with that form only: the stream may tell of the end before
   * the request is answered.
   */
  async #busyWith(place: Place, act: () => Promise<unknown>, failed: (err: unknown) => Promise<unknown>) {
    this.#clearErrors();
    this.busy = place;
    try {
      await act();
    } catch (err) {
      await failed(err);
    } finally {
      if (this.busy === place) this.busy = undefined;
    }
  }

  /** The conversation has started: from now on it is kept in sessionStorage, and followed. */
  #begin(started: Started, email: string) {
    this.#conversation = { id: started.conversation.id, token: started.token };
    this.#lastEvent = this.#lastSeen = started.message.id;
    this.messages = [started.message];
    this.status = started.conversation.status;
    this.values = { ...this.values, message: '', transcript: email };
    this.view = 'chat';
    this.#remember();
    emit(this, 'medverka-chat-started', { conversationId: started.conversation.id });
    this.#connect();
    void this.#focus('#draft');
  }

  /** Says why the server refused, at the field it was about when there is one. */
  async #refused(err: unknown, place: Place, emailField?: Field) {
    const refusal = err instanceof ChatRefusal ? err : undefined;
    const code = err instanceof ApiRequestError ? err.code : '';
    const errors: Partial<Record<Field, Say>> = {};
    if (code === 'email_domain_refused' && emailField) errors[emailField] = refusedEmail;
    else if (refusal?.status === 400) {
      for (const issue of refusal.issues) {
        const path = issue.path.split('.')[0];
        if (path === 'email' && emailField) errors[emailField] = invalidEmail;
        if (path === 'message' || path === 'body') {
          errors[path === 'body' ? 'draft' : 'message'] = () => msg(str`Skriv högst ${maxLength} tecken.`, { id: 'chat.error-too-long' });
        }
      }
    }
    if (Object.keys(errors).length) return this.#showErrors(errors);
    return this.#showErrors({}, { place, say: this.#problemText(refusal, code) });
  }

  #problemText(refusal: ChatRefusal | undefined, code: string): Say {
    if (refusal?.status === 429) {
      const seconds = Math.max(1, refusal.retryAfter ?? 60);
      const minutes = Math.ceil(seconds / 60);
      return () =>
        seconds < 120
          ? msg(str`Det har kommit många meddelanden härifrån på kort tid. Vänta ${seconds} sekunder och försök sedan igen.`, { id: 'chat.too-many-seconds' })
          : msg(str`Det har kommit många meddelanden härifrån på kort tid. Vänta ${minutes} minuter och försök sedan igen.`, { id: 'chat.too-many-minutes' });
    }
    if (code === 'email_domain_refused') return refusedEmail;
    if (code.startsWith('pow_')) return () => msg('Säkerhetskontrollen blev inte klar. Försök skicka igen.', { id: 'chat.pow-failed' });
    if (code === 'network_error') {
      return () => msg('Det gick inte att nå kommunen. Kontrollera din internetanslutning och försök igen.', { id: 'chat.network' });
    }
    return () => msg('Något gick fel hos oss. Försök igen om en stund.', { id: 'chat.failed' });
  }

  // —— The conversation ——

  /** Follows the conversation from after the last message the stream delivered. */
  #connect() {
    this.#disconnect();
    const c = this.#conversation;
    if (!c || !this.isConnected || typeof EventSource == 'undefined') return;
    const source = (this.#source = new EventSource(chatApi.eventsUrl(this.apiBase, c.id, c.token, this.#lastEvent)));
    source.onopen = () => {
      this.#attempt = 0;
      clearTimeout(this.#lostTimer);
      this.#lostTimer = undefined;
      this.lost = false;
    };
    source.addEventListener('message', (event) => {
      const message = parse<ChatMessage>(event);
      if (message) this.#receive(message);
    });
    source.addEventListener('status', (event) => {
      const status = parse<ChatStatus>(event);
      if (status) this.#onStatus(status);
    });
    source.onerror = () => {
      if (this.status === 'closed') return this.#disconnect();
      this.#lostTimer ??= setTimeout(() => (this.lost = true), lostAfterMs);
      // While CONNECTING the browser retries by itself, after the server's `retry:`. CLOSED
      // means it gave up (the server answered 5xx, or nothing): from here it is up to us.
      if (source.readyState === EventSource.CLOSED) this.#retry();
    };
  }

  #disconnect() {
    this.#source?.close();
    this.#source = undefined;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /**
   * Tries again after a random wait below a ceiling that doubles each time (full jitter), so
   * that a restarted server is not met by every page at once.
   */
  #retry() {
    this.#disconnect();
    const wait = Math.random() * Math.min(maxBackoffMs, 1000 * 2 ** this.#attempt++);
    this.#retryTimer = setTimeout(() => void this.#probe(), wait);
  }

  /** Back online: try at once rather than at the end of the wait. */
  #online = () => {
    if (this.#retryTimer) void this.#probe();
  };

  /**
   * Asks for the stream once with fetch, which (unlike EventSource) tells why it failed: a
   * conversation the server no longer knows is given up, anything else is tried again.
   */
  async #probe() {
    this.#disconnect();
    const c = this.#conversation;
    if (!c || !this.isConnected) return;
    const abort = new AbortController();
    try {
      const response = await fetch(chatApi.eventsUrl(this.apiBase, c.id, c.token, this.#lastEvent), { signal: abort.signal, credentials: 'omit' });
      abort.abort();
      if (response.status == 404 || response.status == 400) return this.#gone();
      if (!response.ok) return this.#retry();
    } catch {
      return this.#retry();
    }
    this.#connect();
  }

  #receive(message: ChatMessage) {
    this.#lastEvent = Math.max(this.#lastEvent, message.id);
    this.#add(message);
    if (message.author !== 'resident' && message.id > this.#lastSeen && this.shown) this.#announce(this.#spoken(message));
    if (message.author === 'system' && message.body.startsWith('ended-by-')) this.#closed(message.body === 'ended-by-resident' ? 'resident' : 'staff');
  }

  #add(message: ChatMessage) {
    this.messages = [...this.messages.filter((m) => m.id !== message.id), message].sort((a, b) => a.id - b.id);
  }

  #onStatus(event: ChatStatus) {
    this.agentName = event.agentName;
    // The server keeps the address from the start: a page loaded again learns it here.
    if (event.email) this.#set('transcript', event.email);
    if (event.status === 'closed') this.#closed(this.#endedByResident ? 'resident' : 'staff');
    else this.status = event.status;
  }

  /** The conversation has ended: stop keeping it, and offer the transcript and the rating. */
  #closed(by: 'resident' | 'staff') {
    const c = this.#conversation;
    if (!c || this.status === 'closed') return;
    const hadFocus = !!this.renderRoot.querySelector(':focus-within');
    this.status = 'closed';
    this.lost = false;
    this.onStore(undefined);
    this.#announce(msg('Samtalet är avslutat.', { id: 'chat.ended-announced' }));
    emit(this, 'medverka-chat-ended', { conversationId: c.id, by });
    // The message box is gone: focus, if it was in the panel, goes to what replaced it.
    if (hadFocus) void this.#focus('#ended-heading');
  }

  /** The server no longer knows the stored conversation (it was removed, or the key is wrong). */
  #gone() {
    this.#disconnect();
    this.onStore(undefined);
    this.#conversation = undefined;
    this.messages = [];
    this.status = undefined;
    this.lost = false;
    this.view = 'gone';
  }

  async #send(event?: Event) {
    event?.preventDefault();
    const c = this.#conversation;
    if (!c || this.busy) return;
    const body = this.values.draft.trim();
    if (!body) return this.#showErrors({ draft: () => msg('Skriv något först.', { id: 'chat.error-draft' }) });
    await this.#busyWith(
      'draft',
      async () => {
        const { message } = await chatApi.write(this.apiBase, c.id, c.token, body);
        this.#add(message);
        if (this.values.draft.trim() === body) this.#set('draft', '');
      },
      (err) => this.#conversationRefused(err, 'draft'),
    );
  }

  async #end() {
    const c = this.#conversation;
    if (!c || this.busy) return;
    await this.#busyWith(
      'end',
      async () => {
        // Set first: the stream may say the conversation closed before this request is answered.
        this.#endedByResident = true;
        await chatApi.end(this.apiBase, c.id, c.token);
        this.#closed('resident');
      },
      (err) => {
        this.#endedByResident = false;
        return this.#conversationRefused(err, 'draft');
      },
    );
  }

  async #conversationRefused(err: unknown, place: Place) {
    const status = err instanceof ApiRequestError ? err.status : null;
    if (status === 404) return this.#gone();
    if (status === 409 && this.status !== 'closed') {
      this.#closed('staff');
      return this.#showErrors({}, { place: 'end', say: () => msg('Samtalet hade redan avslutats, så ditt meddelande skickades inte.', { id: 'chat.already-ended' }) });
    }
    return this.#refused(err, place);
  }

  /** Mails the conversation to the address given at the start: the server sends it nowhere else. */
  async #sendTranscript(event: SubmitEvent) {
    event.preventDefault();
    const c = this.#conversation;
    const email = this.values.transcript;
    // Busy only with this form: the stream may have told of the end before the end request was answered.
    if (!c || this.busy === 'transcript') return;
    await this.#busyWith(
      'transcript',
      async () => {
        await chatApi.transcript(this.apiBase, c.id, c.token, email);
        this.transcriptSent = email;
        void this.#focus('#transcript-done');
      },
      (err) =>
        err instanceof ChatRefusal && err.status === 429
          ? this.#showErrors({}, { place: 'transcript', say: () => msg('Samtalet har redan mejlats tre gånger. Fler kopior går inte att få.', { id: 'chat.transcript-limit' }) })
          : this.#refused(err, 'transcript'),
    );
  }

  async #rate(event: SubmitEvent) {
    event.preventDefault();
    const c = this.#conversation;
    if (!c || this.busy === 'rating') return;
    const rating = Number(this.values.rating);
    if (!rating) return this.#showErrors({ rating: () => msg('Välj ett av svaren.', { id: 'chat.error-rating' }) });
    await this.#busyWith(
      'rating',
      async () => {
        await chatApi.rate(this.apiBase, c.id, c.token, rating);
        this.rated = true;
        void this.#focus('#rating-done');
      },
      (err) => this.#refused(err, 'rating'),
    );
  }

  #newConversation() {
    this.#disconnect();
    this.#conversation = undefined;
    this.#lastEvent = this.#lastSeen = 0;
    this.#endedByResident = false;
    this.messages = [];
    this.status = undefined;
    this.agentName = null;
    this.transcriptSent = undefined;
    this.rated = false;
    this.left = undefined;
    this.#clearErrors();
    this.values = { ...this.values, message: '', draft: '', transcript: '', rating: '' };
    this.#focusPending = true;
    void this.#checkHours();
  }

  #announce(text: string) {
    this.announcements = [...this.announcements, text];
    // Cleared once said, so the region does not grow; removals are not announced.
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => (this.announcements = []), 10_000);
  }

  // —— Wording ——

  #who(message: ChatMessage) {
    return message.author === 'resident' ? msg('Du', { id: 'chat.you' }) : (message.staffName ?? msg('Kommunen', { id: 'chat.municipality' }));
  }

  /** A system message's code in the resident's words; unknown codes are not shown. */
  #systemText({ body, staffName: name }: ChatMessage): string | undefined {
    switch (body) {
      case 'joined':
        return name ? msg(str`${name} svarar nu.`, { id: 'chat.joined' }) : msg('Någon på kommunen svarar nu.', { id: 'chat.joined-anonymous' });
      case 'transferred':
        return name
          ? msg(str`Samtalet har gått över till ${name}.`, { id: 'chat.transferred' })
          : msg('Samtalet har gått över till en kollega.', { id: 'chat.transferred-anonymous' });
      case 'ended-by-resident':
        return msg('Du avslutade samtalet.', { id: 'chat.ended-by-resident' });
      case 'ended-by-staff':
        return name ? msg(str`${name} avslutade samtalet.`, { id: 'chat.ended-by-staff' }) : msg('Kommunen avslutade samtalet.', { id: 'chat.ended-by-staff-anonymous' });
      default:
        return undefined;
    }
  }

  #spoken(message: ChatMessage) {
    return message.author === 'system' ? (this.#systemText(message) ?? '') : `${this.#who(message)}: ${message.body}`;
  }

  #time(iso: string) {
    return new Date(iso).toLocaleTimeString(this.locale === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit' });
  }

  #opensAgain() {
    const at = this.hours?.nextOpening;
    if (!at) return msg('Vi vet inte ännu när den öppnar igen.', { id: 'chat.opens-unknown' });
    const lang = this.locale === 'en' ? 'en-GB' : 'sv-SE';
    const day = new Date(at).toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone });
    const time = new Date(at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    return msg(str`Den öppnar igen ${day} klockan ${time}.`, { id: 'chat.opens-again' });
  }

  // —— Rendering ——

  #error(field: Field) {
    const say = this.errors[field];
    return say ? html`<p id="${field}-error" class="field-error">${say()}</p>` : nothing;
  }

  #problemAt(place: Place) {
    return this.problem?.place === place ? html`<p class="problem" role="alert">${this.problem.say()}</p>` : nothing;
  }

  #describedBy(field: Field, hint?: string) {
    return [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  /** A labelled field: an input, or a textarea for a message. Its hint goes under the label, or above it (`lead`) when it says what the field is for. */
  #field(field: Field, label: string, hint?: string, options: { type?: string; autocomplete?: string; max?: number; lead?: boolean } = {}) {
    const input = (e: Event) => this.#set(field, (e.target as HTMLInputElement).value);
    const common = { invalid: this.errors[field] ? 'true' : 'false', describedBy: this.#describedBy(field, hint) };
    const hintText = hint ? html`<p id="${field}-hint" class=${options.lead ? '' : 'hint'}>${hint}</p>` : nothing;
    return html`<div class="field">
      ${options.lead ? hintText : nothing}
      <label for=${field}>${label}</label>
      ${options.lead ? nothing : hintText} ${this.#error(field)}
      ${options.type
        ? html`<input
            id=${field}
            type=${options.type}
            autocomplete=${options.autocomplete ?? 'off'}
            maxlength=${options.max ?? 254}
            spellcheck=${options.type === 'email' ? 'false' : 'true'}
            .value=${this.values[field]}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            @input=${input}
          />`
        : html`<textarea id=${field} rows="4" maxlength=${maxLength} .value=${this.values[field]} aria-invalid=${common.invalid} aria-describedby=${common.describedBy} @input=${input}></textarea>`}
    </div>`;
  }

  #submit(label: string, busy: boolean, kind = 'primary') {
    return html`<button type="submit" class=${kind} part="panel-button" aria-disabled=${busy ? 'true' : 'false'}>
      ${busy ? msg('Skickar …', { id: 'chat.sending' }) : label}
    </button>`;
  }

  #renderStart() {
    const away = this.view === 'away';
    return html`${away
        ? html`<div class="notice">
            <p><strong>${msg('Chatten är stängd just nu.', { id: 'chat.closed-now' })}</strong> ${this.#opensAgain()}</p>
            <p>${msg('Lämna ett meddelande, så svarar vi dig på e-post.', { id: 'chat.leave-message' })}</p>
          </div>`
        : html`<p>${msg('Skriv din fråga, så svarar någon på kommunen. Du behöver inte tala om vem du är.', { id: 'chat.intro' })}</p>`}
      <form novalidate part="form" @submit=${this.#submitStart} @input=${this.#startProof}>
        ${this.#field('name', msg('Namn (frivilligt)', { id: 'chat.name' }), undefined, { type: 'text', autocomplete: 'name', max: 100 })}
        ${this.#field(
          'email',
          away ? msg('E-postadress', { id: 'chat.email-required' }) : msg('E-postadress (frivilligt)', { id: 'chat.email' }),
          away
            ? msg('Hit skickar vi svaret.', { id: 'chat.email-hint-away' })
            : msg('Om du skriver din e-postadress kan du få samtalet mejlat till dig efteråt.', { id: 'chat.email-hint' }),
          { type: 'email', autocomplete: 'email' },
        )}
        ${this.#field('message', away ? msg('Ditt meddelande', { id: 'chat.message-away' }) : msg('Din fråga', { id: 'chat.message' }))}
        <p class="hint">${msg('Skriv aldrig ditt personnummer eller känsliga uppgifter, till exempel om din hälsa.', { id: 'chat.privacy' })}</p>
        ${this.#problemAt('start')}
        ${this.#submit(away ? msg('Skicka meddelandet', { id: 'chat.leave-submit' }) : msg('Starta chatten', { id: 'chat.start' }), this.busy === 'start')}
      </form>`;
  }

  #renderMessage(m: ChatMessage) {
    const time = html`<time datetime=${m.createdAt}>${this.#time(m.createdAt)}</time>`;
    if (m.author === 'system') {
      const text = this.#systemText(m);
      return text ? html`<p class="system" part="message">${text} ${time}</p>` : nothing;
    }
    const mine = m.author === 'resident';
    return html`<div class="message ${mine ? 'mine' : 'theirs'}" part="message">
      <p class="meta"><span class="who">${this.#who(m)}</span> ${time}</p>
      <p class="text">${m.body}</p>
      ${m.masked
        ? html`<p class="masked">
            ${mine
              ? msg('Vi dolde ett personnummer i ditt meddelande. Skriv aldrig ditt personnummer i chatten.', { id: 'chat.masked-mine' })
              : msg('Vi dolde ett personnummer i meddelandet.', { id: 'chat.masked' })}
          </p>`
        : nothing}
    </div>`;
  }

  #renderEnded() {
    const ratings = [
      msg('1 – Mycket missnöjd', { id: 'chat.rating-1' }),
      msg('2 – Ganska missnöjd', { id: 'chat.rating-2' }),
      msg('3 – Varken nöjd eller missnöjd', { id: 'chat.rating-3' }),
      msg('4 – Ganska nöjd', { id: 'chat.rating-4' }),
      msg('5 – Mycket nöjd', { id: 'chat.rating-5' }),
    ];
    return html`<section class="ended" aria-labelledby="ended-heading">
      <div id="ended-heading" class="subheading" role="heading" aria-level="3" tabindex="-1">${msg('Samtalet är avslutat', { id: 'chat.ended-heading' })}</div>
      ${this.#problemAt('end')}
      ${this.transcriptSent
        ? html`<p id="transcript-done" class="done" tabindex="-1">${msg(str`Vi har mejlat samtalet till ${this.transcriptSent}.`, { id: 'chat.transcript-sent' })}</p>`
        : this.values.transcript
          ? html`<form class="transcript" novalidate part="form" @submit=${this.#sendTranscript}>
              <p>${msg(str`Vill du ha en kopia av samtalet? Vi mejlar den till ${this.values.transcript}.`, { id: 'chat.transcript-offer' })}</p>
              ${this.#problemAt('transcript')} ${this.#submit(msg('Mejla samtalet', { id: 'chat.transcript-submit' }), this.busy === 'transcript', 'secondary')}
            </form>`
          : html`<p class="transcript">${msg('Du skrev ingen e-postadress när samtalet började, så vi kan inte mejla samtalet till dig.', { id: 'chat.transcript-none' })}</p>`}
      ${this.rated
        ? html`<p id="rating-done" class="done" tabindex="-1">${msg('Tack för ditt svar!', { id: 'chat.rated' })}</p>`
        : html`<form novalidate part="form" @submit=${this.#rate}>
            <fieldset aria-describedby=${this.#describedBy('rating')}>
              <legend>${msg('Hur nöjd är du med hjälpen du fick?', { id: 'chat.rating' })}</legend>
              ${this.#error('rating')}
              ${ratings.map(
                (label, i) => html`<div class="choice">
                  <input type="radio" id="rating-${i + 1}" name="rating" value=${i + 1} .checked=${this.values.rating === String(i + 1)} @change=${() => this.#set('rating', String(i + 1))} />
                  <label for="rating-${i + 1}">${label}</label>
                </div>`,
              )}
            </fieldset>
            ${this.#problemAt('rating')} ${this.#submit(msg('Skicka svaret', { id: 'chat.rating-submit' }), this.busy === 'rating', 'secondary')}
          </form>`}
      <button type="button" class="primary" part="panel-button" @click=${this.#newConversation}>${msg('Starta ett nytt samtal', { id: 'chat.new' })}</button>
    </section>`;
  }

  #renderComposer() {
    const sendsOnEnter = !matchMedia('(pointer: coarse)').matches;
    const keys = (event: KeyboardEvent) => {
      if (sendsOnEnter && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.#send();
      }
    };
    return html`<form class="composer" novalidate part="form" @submit=${this.#send}>
      ${this.#problemAt('draft')}
      <label for="draft">${msg('Ditt meddelande', { id: 'chat.draft' })}</label>
      ${this.#error('draft')}
      <div class="row">
        <textarea
          id="draft"
          rows="2"
          maxlength=${maxLength}
          .value=${this.values.draft}
          aria-invalid=${this.errors.draft ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('draft', sendsOnEnter ? 'keys' : undefined)}
          @input=${(e: Event) => this.#set('draft', (e.target as HTMLTextAreaElement).value)}
          @keydown=${keys}
        ></textarea>
        ${this.#submit(msg('Skicka', { id: 'chat.send' }), this.busy === 'draft')}
      </div>
      <div class="foot">
        ${sendsOnEnter ? html`<p id="draft-hint" class="hint">${msg('Enter skickar. Skift+Enter ger en ny rad.', { id: 'chat.keys' })}</p>` : nothing}
        <button type="button" class="link" part="panel-button" aria-disabled=${this.busy === 'end' ? 'true' : 'false'} @click=${this.#end}>
          ${msg('Avsluta samtalet', { id: 'chat.end' })}
        </button>
      </div>
    </form>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    switch (this.view) {
      case 'loading':
        return html`<p class="loading" role="status">${msg('Laddar …', { id: 'chat.loading' })}</p>`;
      case 'unavailable':
        return html`<div class="notice" role="alert">
          <p>${msg('Det går inte att nå chatten just nu.', { id: 'chat.unavailable' })}</p>
          <button type="button" class="secondary" part="panel-button" @click=${() => void this.#checkHours()}>${msg('Försök igen', { id: 'chat.retry' })}</button>
        </div>`;
      case 'start':
      case 'away':
        return this.#renderStart();
      case 'left':
        return html`<section class="notice" aria-labelledby="left-heading">
          <div id="left-heading" class="subheading" role="heading" aria-level="3" tabindex="-1">${msg('Tack för ditt meddelande!', { id: 'chat.left-heading' })}</div>
          <p>${msg(str`Vi har skickat en bekräftelse till ${this.left}.`, { id: 'chat.left-receipt' })}</p>
          <p>${msg('Vi svarar dig på e-post så snart vi kan.', { id: 'chat.left-answer' })}</p>
        </section>`;
      case 'gone':
        return html`<div class="notice">
          <p>${msg('Samtalet finns inte längre.', { id: 'chat.gone' })}</p>
          <button type="button" class="primary" part="panel-button" @click=${this.#newConversation}>${msg('Starta ett nytt samtal', { id: 'chat.new' })}</button>
        </div>`;
      case 'chat':
        return html`<div class="log" role="log" aria-live="off" aria-label=${msg('Meddelanden', { id: 'chat.messages' })} part="log">
            ${this.messages.map((m) => this.#renderMessage(m))}
          </div>
          <p class="connection" role="status">${this.lost ? msg('Anslutningen bröts. Vi försöker ansluta igen …', { id: 'chat.lost' }) : ''}</p>
          ${this.status === 'closed' ? this.#renderEnded() : nothing}`;
    }
  }

  #renderState() {
    if (this.view !== 'chat' || !this.status || this.status === 'closed') return nothing;
    return html`<p class="state">
      ${this.status === 'waiting'
        ? msg('Du är i kö. Någon på kommunen svarar så snart som möjligt.', { id: 'chat.waiting' })
        : this.agentName
          ? msg(str`Du chattar med ${this.agentName}.`, { id: 'chat.ongoing' })
          : msg('Du chattar med kommunen.', { id: 'chat.ongoing-anonymous' })}
    </p>`;
  }

  protected override render(): TemplateResult {
    const composing = this.view === 'chat' && this.status !== 'closed';
    return html`<dialog part="panel" aria-labelledby="title" @keydown=${this.#onKeydown} @pointerdown=${() => (this.#focusPending = false)} @cancel=${this.#onCancel}>
      <div class="header">
        <div>
          <div id="title" class="title" role="heading" aria-level="2" tabindex="-1">${msg('Chatta med kommunen', { id: 'chat.title' })}</div>
          ${this.#renderState()}
        </div>
        <button type="button" class="close" part="panel-button" aria-label=${msg('Stäng chatten', { id: 'chat.close' })} @click=${() => this.onCloseRequest()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg>
        </button>
      </div>
      ${this.view === 'chat'
        ? // The conversation scrolls: focusable, so that it can be scrolled by keyboard too.
          html`<div class="body" role="region" aria-labelledby="title" tabindex="0">${this.#renderBody()}</div>`
        : html`<div class="body">${this.#renderBody()}</div>`}
      ${composing ? this.#renderComposer() : nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcements.map((a) => html`<p>${a}</p>`)}</div>
    </dialog>`;
  }
}

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}
