import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { states } from '../../shared/base-element.js';
import type { StaffUser } from '../kit/api.js';
import { chatApi, systemCodes, type StaffConversation } from './chat-api.js';
import { chatInbox, ongoingOf, waitingOf } from './chat-feed.js';
import { clockTime, residentName, systemText, waitedFor } from './chat-labels.js';
import { chatStyles } from './chat.styles.js';
import { problemText } from '../kit/forms.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The sub-route for the canned answers: #/chat/svar (a conversation's number is never a word). */
export const cannedAnswersPath = 'svar';

/**
 * The chat inbox: the conversations waiting for an agent (longest wait first) and the ongoing
 * ones (the agent's own first), followed live. Opening one leads to #/chat/<id>.
 */
export class MedverkaConsoleChatInbox extends ConsoleScreen {
  static override heading = () => msg('Chatt', { id: 'console.nav.chat' });
  static override intro = () => msg('Här ser du chattar som väntar på svar och samtal som pågår. Listorna uppdateras av sig själva. Öppna en chatt för att ta den och svara.', { id: 'console.chat.intro' });
  static override styles = [...ConsoleScreen.styles, chatStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    user: { attribute: false },
    ...states('conversations', 'streamState', 'now', 'closed', 'closedProblem'),
  };

  /** The signed-in agent, for "mine first". */
  declare user?: StaffUser;
  declare private conversations?: StaffConversation[];
  declare private streamState: string;
  /** The clock the waiting times are counted to; moves every half minute. */
  declare private now: number;
  /** The latest closed conversations, once asked for. */
  declare private closed?: StaffConversation[] | 'loading';
  declare private closedProblem?: string;

  #unfollow?: () => void;
  #clock?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.now = Date.now();
    this.streamState = 'connecting';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const read = () => {
      this.conversations = chatInbox.conversations;
      this.streamState = chatInbox.state;
      this.now = Date.now();
    };
    this.#unfollow = chatInbox.follow(read);
    read();
    this.#clock = setInterval(() => (this.now = Date.now()), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unfollow?.();
    clearInterval(this.#clock);
  }

  private async loadClosed() {
    this.closed = 'loading';
    this.closedProblem = undefined;
    try {
      this.closed = (await chatApi.conversations('closed')).conversations;
    } catch (err) {
      this.closed = undefined;
      this.closedProblem = problemText(err);
    }
    await this.focusOn('#closed-heading');
  }

  private renderItem(c: StaffConversation, kind: 'waiting' | 'ongoing' | 'closed'): TemplateResult {
    const mine = kind === 'ongoing' && c.agent?.id === this.user?.id;
    let meta: TemplateResult;
    if (kind === 'waiting') {
      meta = html`<p class="meta">
        ${msg(str`Har väntat ${waitedFor(c.createdAt, this.now)}`, { id: 'console.chat.waited' })} ·
        ${msg('startade', { id: 'console.chat.started-at' })} <time datetime=${c.createdAt}>${clockTime(c.createdAt, this.locale)}</time>
      </p>`;
    } else if (kind === 'ongoing') {
      const agent = mine ? msg('Du', { id: 'console.chat.you' }) : (c.agent?.name ?? '');
      meta = html`<p class="meta">
        ${msg(str`Handläggare: ${agent}`, { id: 'console.chat.agent-is' })} · ${msg('senaste meddelandet', { id: 'console.chat.last-at' })}
        <time datetime=${c.lastMessageAt}>${clockTime(c.lastMessageAt, this.locale)}</time>
      </p>`;
    } else {
      meta = html`<p class="meta">
        ${msg('avslutat', { id: 'console.chat.closed-at' })}
        <time datetime=${c.closedAt ?? c.lastMessageAt}>${clockTime(c.closedAt ?? c.lastMessageAt, this.locale)}</time>
        ${c.agent ? html` · ${c.agent.name}` : nothing}
        ${c.rating !== null ? html` · ${msg(str`betyg ${c.rating} av 5`, { id: 'console.chat.rating-short' })}` : nothing}
      </p>`;
    }
    // When a system message came last, the preview is its code.
    const preview = (systemCodes as readonly string[]).includes(c.preview) ? systemText({ body: c.preview, staffName: c.agent?.name ?? null }) : c.preview;
    return html`<li class="${kind}${mine ? ' mine' : ''}" data-id=${c.id}>
      <a class="conversation-name" href="#/chat/${c.id}">${residentName(c)}</a>
      ${preview ? html`<p class="preview">${preview}</p>` : nothing} ${meta}
    </li>`;
  }

  private renderLists(): TemplateResult {
    if (!this.conversations) {
      return html`<p class="loading">${msg('Laddar …', { id: 'console.loading' })}</p>`;
    }
    const waiting = waitingOf(this.conversations);
    const ongoing = ongoingOf(this.conversations, this.user?.id);
    // Each list keeps its id whether it lists something or says there is nothing.
    const list = (kind: 'waiting' | 'ongoing', heading: string, shown: StaffConversation[], none: string) =>
      html`<section aria-labelledby="${kind}-heading">
        <h2 id="${kind}-heading">${heading}</h2>
        ${shown.length
          ? html`<ul class="conversations" id=${kind}>
              ${shown.map((c) => this.renderItem(c, kind))}
            </ul>`
          : html`<p class="none" id=${kind}>${none}</p>`}
      </section>`;
    return html`<div class="lists">
      ${list('waiting', msg(str`Väntar (${waiting.length})`, { id: 'console.chat.waiting-heading' }), waiting, msg('Ingen väntar just nu.', { id: 'console.chat.none-waiting' }))}
      ${list('ongoing', msg(str`Pågår (${ongoing.length})`, { id: 'console.chat.ongoing-heading' }), ongoing, msg('Inga samtal pågår.', { id: 'console.chat.none-ongoing' }))}
    </div>`;
  }

  private renderClosed(): TemplateResult {
    const closed = this.closed;
    return html`<section aria-labelledby="closed-heading">
      <h2 id="closed-heading" tabindex="-1">${msg('Avslutade samtal', { id: 'console.chat.closed-heading' })}</h2>
      ${this.closedProblem ? html`<div class="notice problem"><p>${this.closedProblem}</p></div>` : nothing}
      ${closed === undefined
        ? html`<p>
            <button type="button" id="show-closed" @click=${this.loadClosed}>
              ${msg('Visa de senast avslutade samtalen', { id: 'console.chat.show-closed' })}
            </button>
          </p>`
        : closed === 'loading'
          ? html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`
          : closed.length === 0
            ? html`<p class="none">${msg('Inga samtal är avslutade än.', { id: 'console.chat.none-closed' })}</p>`
            : html`<ul class="conversations" id="closed">
                ${closed.map((c) => this.renderItem(c, 'closed'))}
              </ul>`}
    </section>`;
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <p><a href="#/chat/${cannedAnswersPath}">${msg('Svarsmallar', { id: 'console.chat.answers' })}</a></p>
      ${this.streamState === 'reconnecting'
        ? html`<div class="notice warning">
            <p>${msg('Anslutningen till servern bröts. Listorna visar läget som det var; de uppdateras igen när anslutningen är tillbaka.', { id: 'console.chat.reconnecting' })}</p>
          </div>`
        : nothing}
      ${this.renderLists()} ${this.renderClosed()}
    `;
  }
}
