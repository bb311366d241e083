import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, renderIn, str } from '../../shared/localize.js';
import { states } from '../../shared/base-element.js';
import { StaffApiError, type StaffUser } from '../kit/api.js';
import {
  chatApi,
  maxMessageLength,
  type CannedAnswer,
  type ChatAgent,
  type ChatMessage,
  type ConversationStatusEvent,
  type StaffConversation,
} from './chat-api.js';
import { LiveStream, type StreamState } from '../kit/live-stream.js';
import { chatStatusLabel, residentName } from './chat-labels.js';
import { chatStyles } from './chat.styles.js';
import { describedBy, fieldError, problemText, required } from '../kit/forms.js';
import { Loaded } from '../kit/list.js';
import { submitRow } from '../kit/screen-fields.js';
import { ConsoleScreen } from '../kit/screen.js';
import { renderFacts, renderLog, renderMessage } from './chat-messages.js';

/** Where a failed request's problem is shown: beside the control that made it. */
type Place = 'status' | 'transfer' | 'close' | 'load';
/** The step that is open below the actions, asking before anything is sent. */
type Step = 'transfer' | 'close' | undefined;

/**
 * One chat conversation: its messages, followed live, and what an agent does with it — take it,
 * reply (with a canned answer if one fits), hand it over to another agent, and end it.
 */
export class MedverkaConsoleChatConversation extends ConsoleScreen {
  static override styles = [...ConsoleScreen.styles, chatStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    /** The conversation's number, from the hash. */
    conversationId: { attribute: 'conversation-id' },
    user: { attribute: false },
    ...states('conversation', 'messages', 'streamState', 'answers', 'agents', 'step', 'problem', 'replyError', 'busy'),
  };

  declare conversationId: string;
  declare user?: StaffUser;
  declare private conversation?: StaffConversation;
  declare private messages: ChatMessage[];
  declare private streamState: StreamState;
  declare private answers: CannedAnswer[];
  declare private agents?: ChatAgent[];
  declare private step: Step;
  declare private problem?: { place: Place; text: string };
  declare private replyError?: string;
  declare private busy: boolean;

  #stream?: LiveStream;
  /** The log was scrolled to its end before the last change, so it follows new messages. */
  #atEnd = true;

  constructor() {
    super();
    this.conversationId = '';
    this.messages = [];
    this.answers = [];
    this.streamState = 'connecting';
    this.busy = false;
  }

  /** The conversation and its messages so far; then the stream brings what comes. */
  #loaded = new Loaded(this, async () => {
    const { conversation, messages } = await chatApi.conversation(this.number);
    this.conversation = conversation;
    this.merge(messages);
    this.follow();
    return conversation;
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stream?.stop();
    this.#stream = undefined;
  }

  private get number(): number {
    return /^[1-9][0-9]{0,9}$/.test(this.conversationId) ? Number(this.conversationId) : 0;
  }

  private get lastId(): number {
    return this.messages.at(-1)?.id ?? 0;
  }

  /** Says something in the console's live region, in the language being shown. */
  private say(words: () => string) {
    this.announce(renderIn(this.locale, MedverkaConsoleChatConversation.translations, words));
  }

  private words(words: () => string): string {
    return renderIn(this.locale, MedverkaConsoleChatConversation.translations, words);
  }

  /** Follows the conversation live, once it has loaded, and fetches the canned answers. */
  private follow(): void {
    // The screen may have been left while it loaded.
    if (!this.#stream && this.isConnected) {
      this.#stream = new LiveStream(
        () => chatApi.eventsUrl(this.number, this.lastId),
        {
          message: (data) => {
            // A system message means the status or the agent changed too.
            if (this.merge([data as ChatMessage]).some((m) => m.author === 'system')) void this.refresh();
          },
          status: (data) => void this.onStatus(data as ConversationStatusEvent),
        },
        (state) => (this.streamState = state),
      );
      this.#stream.start();
    }
    chatApi.answers().then(
      ({ answers }) => (this.answers = answers),
      () => {
        // Without canned answers the agent can still write; the picker is not shown.
      },
    );
  }

  /** Reads the conversation again (its status, agent and rating), keeping the messages. */
  private async refresh(): Promise<void> {
    try {
      const { conversation, messages } = await chatApi.conversation(this.number);
      this.conversation = conversation;
      this.merge(messages);
    } catch {
      // The stream goes on; the next change tries again.
    }
  }

  private async onStatus(event: ConversationStatusEvent) {
    const before = this.conversation;
    if (before && (before.status !== event.status || (before.agent?.name ?? null) !== event.agentName)) await this.refresh();
  }

  /** Adds messages not yet shown, in order; the same message from the stream and a reply's answer is shown once. */
  private merge(fresh: ChatMessage[]): ChatMessage[] {
    const known = new Set(this.messages.map((m) => m.id));
    const added = fresh.filter((m) => m && typeof m.id === 'number' && !known.has(m.id));
    if (added.length === 0) return added;
    const log = this.renderRoot?.querySelector?.('.log');
    this.#atEnd = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    this.messages = [...this.messages, ...added].sort((a, b) => a.id - b.id);
    return added;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('messages') && this.#atEnd) {
      const log = this.renderRoot.querySelector('.log');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  private get mine(): boolean {
    return Boolean(this.conversation?.agent && this.conversation.agent.id === this.user?.id);
  }

  /** Someone else has the conversation: this agent may not take it or reply. */
  private get someoneElses(): boolean {
    const c = this.conversation;
    return Boolean(c && c.status === 'ongoing' && c.agent && c.agent.id !== this.user?.id);
  }

  /** Puts a failed request's problem in words at its place, and moves focus there. */
  private async fail(place: Place, err: unknown) {
    let text: string;
    if (err instanceof StaffApiError && err.code === 'conversation_claimed') {
      await this.refresh();
      const name = this.conversation?.agent?.name;
      text = this.words(() =>
        name
          ? msg(str`${name} har redan tagit samtalet.`, { id: 'console.chat.claimed-by' })
          : msg('En annan handläggare har redan tagit samtalet.', { id: 'console.chat.claimed' }),
      );
      place = 'status';
    } else if (err instanceof StaffApiError && err.code === 'conversation_closed') {
      await this.refresh();
      text = this.words(() => msg('Samtalet är redan avslutat.', { id: 'console.chat.already-closed' }));
      place = 'status';
    } else if (err instanceof StaffApiError && err.status === 400 && place === 'transfer') {
      text = this.words(() => msg('Den handläggaren kan inte ta emot samtalet. Välj en annan.', { id: 'console.chat.transfer-refused' }));
    } else {
      text = this.words(() => problemText(err));
    }
    this.problem = { place, text };
    if (place === 'status') this.step = undefined;
    await this.focusOn(`#${place}-problem`);
  }

  /**
   * Takes the conversation, hands it over or ends it: one request at a time; once done, the
   * step's form closes, the news is said and focus moves on; a refusal is shown at `place`.
   */
  private async act(place: Place, request: () => Promise<{ conversation: StaffConversation }>, done: () => string, focus: string) {
    if (this.busy) return;
    this.busy = true;
    this.problem = undefined;
    try {
      this.conversation = (await request()).conversation;
      if (place !== 'status') this.step = undefined;
      this.say(done);
      await this.focusOn(focus);
    } catch (err) {
      await this.fail(place, err);
    } finally {
      this.busy = false;
    }
  }

  private async claim() {
    if (this.someoneElses) return;
    await this.act('status', () => chatApi.claim(this.number), () => msg('Du har tagit samtalet.', { id: 'console.chat.claimed-by-you' }), '#reply');
  }

  private onReplyKey(event: KeyboardEvent) {
    // Enter sends (as in most chats); Shift+Enter makes a new line; Ctrl/Cmd+Enter sends too.
    if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.altKey) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }

  private async onReply(event: SubmitEvent) {
    event.preventDefault();
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#reply')!;
    const body = box.value.trim();
    if (!body) {
      this.replyError = required;
      return;
    }
    if (body.length > maxMessageLength) {
      this.replyError = `must be at most ${maxMessageLength} characters`;
      return;
    }
    if (this.busy) return;
    this.busy = true;
    this.replyError = undefined;
    this.problem = undefined;
    const wasWaiting = this.conversation?.status === 'waiting';
    try {
      const { message } = await chatApi.reply(this.number, body);
      box.value = '';
      this.merge([message]);
      if (wasWaiting) await this.refresh();
    } catch (err) {
      if (err instanceof StaffApiError && err.code !== 'conversation_claimed' && err.code !== 'conversation_closed') {
        const issue = err.issues[0]?.message;
        this.replyError = issue ?? this.words(() => problemText(err));
      } else {
        await this.fail('status', err);
      }
    } finally {
      this.busy = false;
    }
  }

  private insertAnswer() {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#canned')!;
    const answer = this.answers.find((a) => String(a.id) === select.value);
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#reply');
    if (!answer || !box) return;
    // At the caret, replacing a selection; the agent reads it through and sends it themselves.
    box.setRangeText(answer.body, box.selectionStart, box.selectionEnd, 'end');
    box.focus();
    this.replyError = undefined;
    this.say(() => msg(str`Svarsmallen ”${answer.title}” står i svarsrutan.`, { id: 'console.chat.answer-inserted' }));
  }

  private async openStep(step: Step) {
    this.problem = undefined;
    this.step = step;
    if (step === 'transfer' && !this.agents) {
      try {
        this.agents = (await chatApi.agents()).agents;
      } catch (err) {
        await this.fail('transfer', err);
        return;
      }
    }
    await this.focusOn(step === 'transfer' ? '#transfer-to' : '#close-heading');
  }

  private async cancelStep() {
    const step = this.step;
    this.step = undefined;
    this.problem = undefined;
    await this.focusOn(step === 'transfer' ? '#transfer' : '#close');
  }

  private async onTransfer(event: SubmitEvent) {
    event.preventDefault();
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#transfer-to')!;
    const to = Number(select.value);
    const agent = this.agents?.find((a) => a.id === to);
    if (!agent) return;
    await this.act(
      'transfer',
      () => chatApi.transfer(this.number, to),
      () => msg(str`Samtalet är överlämnat till ${agent.name}.`, { id: 'console.chat.transferred' }),
      '#status-heading',
    );
  }

  private async onClose(event: SubmitEvent) {
    event.preventDefault();
    await this.act('close', () => chatApi.close(this.number), () => msg('Samtalet är avslutat.', { id: 'console.chat.closed' }), '#status-heading');
  }

  private problemAt(place: Place): TemplateResult | typeof nothing {
    if (this.problem?.place !== place) return nothing;
    return html`<div class="notice problem" id="${place}-problem" tabindex="-1">
      <p><span class="visually-hidden">${msg('Fel:', { id: 'console.error-prefix' })} </span>${this.problem.text}</p>
    </div>`;
  }

  private renderClaim(c: StaffConversation): TemplateResult | typeof nothing {
    if (c.status === 'waiting') {
      return html`<div class="actions">
        <button id="claim" class="primary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.claim}>
          ${msg('Ta samtalet', { id: 'console.chat.claim' })}
        </button>
      </div>`;
    }
    if (this.someoneElses) {
      const name = c.agent!.name;
      return html`<p class="notice" id="claim-why">
          ${msg(str`${name} har samtalet. Du kan inte ta det eller svara, men det kan lämnas över till dig.`, { id: 'console.chat.someone-elses' })}
        </p>
        <div class="actions">
          <button id="claim" class="blocked" type="button" aria-disabled="true" aria-describedby="claim-why" @click=${this.claim}>
            ${msg('Ta samtalet', { id: 'console.chat.claim' })}
          </button>
        </div>`;
    }
    return nothing;
  }

  private renderReply(c: StaffConversation): TemplateResult | typeof nothing {
    if (c.status === 'closed' || this.someoneElses) return nothing;
    const error = this.replyError;
    return html`<form class="reply" novalidate aria-labelledby="reply-heading" @submit=${this.onReply}>
      <h2 id="reply-heading">${msg('Svara', { id: 'console.chat.reply-heading' })}</h2>
      ${this.answers.length
        ? html`<div class="canned">
            <div class="field">
              <label for="canned">${msg('Svarsmall', { id: 'console.chat.canned' })}</label>
              <select id="canned">
                ${this.answers.map((a) => html`<option value=${a.id}>${a.title}</option>`)}
              </select>
            </div>
            <button type="button" id="insert-answer" @click=${this.insertAnswer}>
              ${msg('Lägg in i svaret', { id: 'console.chat.insert-answer' })}
            </button>
          </div>`
        : nothing}
      <div class="field">
        <label for="reply">${msg('Ditt svar', { id: 'console.chat.reply' })}</label>
        <p class="hint" id="reply-hint">
          ${c.status === 'waiting'
            ? msg('Enter skickar, Skift+Enter ger en ny rad. När du svarar tar du samtalet.', { id: 'console.chat.reply-hint-claims' })
            : msg('Enter skickar, Skift+Enter ger en ny rad.', { id: 'console.chat.reply-hint' })}
        </p>
        ${fieldError('reply', error)}
        <textarea
          id="reply"
          name="body"
          maxlength=${maxMessageLength}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy('reply-hint', error && 'reply-error')}
          @keydown=${this.onReplyKey}
          @input=${() => (this.replyError = undefined)}
        ></textarea>
      </div>
      ${submitRow(msg('Skicka', { id: 'console.chat.send' }), this.busy)}
    </form>`;
  }

  private renderManage(c: StaffConversation): TemplateResult | typeof nothing {
    if (c.status === 'closed') return nothing;
    const busy = this.busy ? 'true' : 'false';
    const others = (this.agents ?? []).filter((a) => a.id !== c.agent?.id);
    return html`<h2>${msg('Hantera', { id: 'console.chat.manage' })}</h2>
      <div class="actions">
        ${this.step === 'transfer'
          ? nothing
          : html`<button id="transfer" type="button" @click=${() => this.openStep('transfer')}>${msg('Överlämna', { id: 'console.chat.transfer' })}</button>`}
        ${this.step === 'close'
          ? nothing
          : html`<button id="close" class="danger" type="button" @click=${() => this.openStep('close')}>${msg('Avsluta', { id: 'console.chat.close' })}</button>`}
      </div>
      ${this.step === 'transfer'
        ? html`<form class="confirm" novalidate aria-labelledby="transfer-heading" @submit=${this.onTransfer}>
            <h3 id="transfer-heading">${msg('Lämna över samtalet', { id: 'console.chat.transfer-heading' })}</h3>
            ${this.problemAt('transfer')}
            ${!this.agents
              ? this.problem?.place === 'transfer'
                ? nothing
                : html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`
              : others.length === 0
                ? html`<p id="no-agents">${msg('Det finns ingen annan handläggare att lämna över till.', { id: 'console.chat.no-agents' })}</p>`
                : html`<div class="field">
                    <label for="transfer-to">${msg('Till vem?', { id: 'console.chat.transfer-to' })}</label>
                    <select id="transfer-to" name="to">
                      ${others.map(
                        (a) =>
                          html`<option value=${a.id}>
                            ${a.id === this.user?.id ? msg(str`Dig själv (${a.name})`, { id: 'console.chat.yourself' }) : a.name}
                          </option>`,
                      )}
                    </select>
                  </div>`}
            <div class="actions">
              ${others.length
                ? html`<button class="primary" type="submit" aria-disabled=${busy}>${msg('Lämna över', { id: 'console.chat.transfer-submit' })}</button>`
                : nothing}
              <button type="button" @click=${this.cancelStep}>${msg('Avbryt', { id: 'console.cancel' })}</button>
            </div>
          </form>`
        : nothing}
      ${this.step === 'close'
        ? html`<form class="confirm danger" novalidate aria-labelledby="close-heading" @submit=${this.onClose}>
            <h3 id="close-heading" tabindex="-1">${msg('Avsluta samtalet?', { id: 'console.chat.close-heading' })}</h3>
            <p>${msg('Invånaren kan inte skriva mer i samtalet, men kan få det som e-post och betygsätta det.', { id: 'console.chat.close-intro' })}</p>
            ${this.problemAt('close')}
            <div class="actions">
              <button class="danger primary" type="submit" aria-disabled=${busy}>${msg('Avsluta samtalet', { id: 'console.chat.close-submit' })}</button>
              <button type="button" @click=${this.cancelStep}>${msg('Avbryt', { id: 'console.cancel' })}</button>
            </div>
          </form>`
        : nothing}`;
  }

  protected override render(): TemplateResult {
    const c = this.conversation;
    // One heading for every state, so the focus the console puts on it stays once the conversation has loaded.
    return html`<p><a href="#/chat">${msg('Till inkorgen', { id: 'console.chat.back' })}</a></p>
      <h1 tabindex="-1">${c ? msg(str`Chatt med ${residentName(c)}`, { id: 'console.chat.heading' }) : msg('Chatt', { id: 'console.nav.chat' })}</h1>
      ${this.#loaded.render(() => this.renderConversation(this.conversation!))}`;
  }

  private renderConversation(c: StaffConversation): TemplateResult {
    const status =
      c.status === 'ongoing' && c.agent
        ? this.mine
          ? msg('Pågår – du har samtalet', { id: 'console.chat.status.mine' })
          : msg(str`Pågår – ${c.agent.name} har samtalet`, { id: 'console.chat.status.agent' })
        : chatStatusLabel(c.status);
    return html`<h2 id="status-heading" class="status" tabindex="-1">${msg(str`Status: ${status}`, { id: 'console.chat.status-heading' })}</h2>
      ${this.problemAt('status')} ${this.renderClaim(c)}
      ${c.status === 'closed'
        ? html`<p class="notice">
            ${c.rating !== null
              ? msg(str`Samtalet är avslutat. Invånaren gav betyget ${c.rating} av 5.`, { id: 'console.chat.closed-rated' })
              : msg('Samtalet är avslutat.', { id: 'console.chat.closed' })}
          </p>`
        : nothing}
      <div class="layout">
        <div class="talk">${renderLog(this.messages, this.streamState, (m) => renderMessage(m, c, this.user, this.locale))} ${this.renderReply(c)}</div>
        <div class="side">${renderFacts(c, this.locale)} ${this.renderManage(c)}</div>
      </div>`;
  }
}
