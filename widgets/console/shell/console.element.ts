import { html, nothing, type TemplateResult } from 'lit';
import { msg, renderIn, str } from '../../shared/localize.js';
import type { WorkCounts } from '../../../server/staff/schemas.js';
import { request, session, staffApi, type StaffUser } from '../kit/api.js';
import { residentName } from '../chat/chat-labels.js';
import { problemText } from '../kit/forms.js';
import { roleLabel } from '../kit/labels.js';
import { ConsoleScreen } from '../kit/screen.js';
import { ChatWatch } from './chat-watch.js';
import { chatRoles, screens, type ConsoleScreenEntry } from './screens.js';
import { shellStyles } from './shell.styles.js';

type Status = 'checking' | 'signed-out' | 'signed-in' | 'offline';
type SignedOutReason = 'signed-out' | 'everywhere' | 'expired';

interface Route {
  /** The screen, or undefined when the role may not open the one asked for. */
  screen: ConsoleScreenEntry | undefined;
  params: string[];
}

/**
 * The staff console at /admin: sign-in, then a header, the navigation the signed-in role may
 * use, and one screen at a time, chosen by the location's hash (#/tiles, #/users/…).
 *
 * @summary The Medverka staff console.
 */
export class MedverkaConsole extends ConsoleScreen {
  static override styles = [...ConsoleScreen.styles, shellStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    status: { state: true },
    user: { state: true },
    route: { state: true },
    announcement: { state: true },
    signedOutReason: { state: true },
    counts: { state: true },
  };

  declare private status: Status;
  declare private user?: StaffUser;
  declare private route?: Route;
  declare private announcement: string;
  /** Why the sign-in form is shown again, if the person did not just open the console. */
  declare private signedOutReason?: SignedOutReason;
  /** What waits for review, as last asked (the chat's count follows the inbox live instead). */
  declare private counts?: WorkCounts;

  constructor() {
    super();
    this.status = 'checking';
    this.announcement = '';
  }

  #onHashChange = () => void this.navigate(true);
  #onExpired = () => {
    if (this.status !== 'signed-in') return;
    void this.signedOut('expired');
  };
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** For roles that answer chats: how many conversations wait, and news of each new one. */
  #chat = new ChatWatch(this, (fresh) => {
    const { translations } = this.constructor as typeof MedverkaConsole;
    this.say(
      renderIn(this.locale, translations, () =>
        fresh.map((c) => msg(str`Ny chatt väntar: ${residentName(c)}`, { id: 'console.chat.new-waiting' })).join('. '),
      ),
    );
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen(true);
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen(false);
    clearTimeout(this.#announceTimer);
    this.#chat.follow(false);
  }

  /** What the console follows: the hash, the session, and what its screens tell it. */
  #listen(on: boolean) {
    const listeners: [EventTarget, string, EventListener][] = [
      [window, 'hashchange', this.#onHashChange],
      [session, 'expired', this.#onExpired],
      [this, 'medverka-console-announce', this.#onAnnounce as EventListener],
      [this, 'medverka-console-signed-in', this.#onSignedIn as EventListener],
      [this, 'medverka-console-signed-out', this.#onSignedOut],
      [this, 'medverka-console-user-changed', this.#onUserChanged as EventListener],
    ];
    for (const [target, type, listener] of listeners) {
      if (on) target.addEventListener(type, listener);
      else target.removeEventListener(type, listener);
    }
  }

  #onAnnounce = (event: CustomEvent<{ message: string }>) => {
    event.stopPropagation();
    this.say(event.detail.message);
    // A screen says what it did (published, approved …): what waits may have changed.
    void this.loadCounts();
  };

  /** Asks what waits for review; a failure keeps the counts shown (they are a help, not the work). */
  private async loadCounts() {
    if (this.status !== 'signed-in') return;
    try {
      this.counts = await request<WorkCounts>('GET', '/api/staff/counts');
    } catch {
      // See above.
    }
  }

  /** The count beside a screen in the navigation, if it has one. */
  private waitingOn(screen: ConsoleScreenEntry): number | undefined {
    const key = screen.waiting?.count;
    if (!key) return undefined;
    if (key === 'chatsWaiting' && this.#chat.following) return this.#chat.waiting;
    return this.counts?.[key] ?? 0;
  }

  #onSignedIn = (event: CustomEvent<{ user: StaffUser }>) => {
    event.stopPropagation();
    this.user = event.detail.user;
    this.status = 'signed-in';
    this.signedOutReason = undefined;
    void this.navigate(true);
  };

  /** The signed-in person changed their own account (their name): the header follows. */
  #onUserChanged = (event: CustomEvent<{ user: StaffUser }>) => {
    event.stopPropagation();
    this.user = event.detail.user;
  };

  #onSignedOut = (event: Event) => {
    event.stopPropagation();
    void this.signedOut('everywhere');
  };

  /** Asks the server who is signed in, if anyone. */
  async checkSession(): Promise<void> {
    this.status = 'checking';
    try {
      this.user = (await staffApi.me()).user;
      this.status = 'signed-in';
      void this.navigate(false);
    } catch (err) {
      this.user = undefined;
      this.status = (err as { status?: number | null }).status === null ? 'offline' : 'signed-out';
      this.updateTitle();
    }
  }

  /** Writes into the polite live region; clearing it first makes a repeated message heard again. */
  private say(message: string) {
    clearTimeout(this.#announceTimer);
    this.announcement = '';
    this.#announceTimer = setTimeout(() => (this.announcement = message), 100);
  }

  private get allowedScreens(): ConsoleScreenEntry[] {
    const role = this.user?.role;
    return role ? screens.filter((s) => s.roles.includes(role)) : [];
  }

  /** Reads the hash and shows its screen; `moveFocus` after the user navigated. */
  private async navigate(moveFocus: boolean) {
    if (this.status !== 'signed-in') return;
    const parts = location.hash
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          return p;
        }
      });
    const [path, ...params] = parts;
    const known = screens.find((s) => s.path === path);
    const allowed = this.allowedScreens;
    let route: Route;
    if (!known) {
      // No screen asked for (or one that does not exist): the first this role may use.
      const first = allowed[0];
      if (first) history.replaceState(null, '', `#/${first.path}`);
      route = { screen: first, params: [] };
    } else {
      route = { screen: allowed.includes(known) ? known : undefined, params };
    }
    // Every visit gets a fresh screen (its own state, loaded anew): render none in between,
    // which Lit does before the browser paints.
    this.route = undefined;
    await this.updateComplete;
    if (this.status !== 'signed-in') return;
    this.route = route;
    this.updateTitle();
    void this.loadCounts();
    if (!moveFocus) return;
    await this.updateComplete;
    const screen = this.renderRoot.querySelector('main > *');
    if (screen instanceof ConsoleScreen) await screen.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
  }

  private updateTitle() {
    const console = msg('Medverka – personal', { id: 'console.name' });
    const screen =
      this.status === 'signed-in'
        ? (this.route?.screen?.label() ?? msg('Ingen åtkomst', { id: 'console.forbidden.title' }))
        : msg('Logga in', { id: 'console.sign-in.title' });
    const waiting = this.status === 'signed-in' && this.#chat.waiting > 0 ? `(${this.#chat.waiting}) ` : '';
    document.title = `${waiting}${screen} – ${console}`;
  }

  override updated(): void {
    // The title follows a language switch too.
    if (this.status !== 'checking') this.updateTitle();
    const role = this.user?.role;
    // Lit may still update a console just taken off the page: it must not follow the inbox again.
    this.#chat.follow(this.isConnected && this.status === 'signed-in' && role !== undefined && chatRoles.includes(role));
  }

  /** Why the sign-in form is back, in the language being rendered. */
  private reasonText(reason: SignedOutReason): string {
    switch (reason) {
      case 'signed-out':
        return msg('Du är utloggad.', { id: 'console.signed-out' });
      case 'everywhere':
        return msg('Du är utloggad överallt.', { id: 'console.signed-out-everywhere' });
      case 'expired':
        return msg('Du har loggats ut. Logga in igen för att fortsätta.', { id: 'console.session-ended' });
    }
  }

  private async signedOut(reason: SignedOutReason) {
    this.user = undefined;
    this.counts = undefined;
    this.route = undefined;
    this.status = 'signed-out';
    this.signedOutReason = reason;
    this.say(this.reasonText(reason));
    await this.updateComplete;
    const signIn = this.renderRoot.querySelector('medverka-console-sign-in');
    await signIn?.focusHeading();
  }

  private async signOut() {
    try {
      await staffApi.signOut();
    } catch {
      // Signed out already, or the server is away: either way, forget the user here.
    }
    await this.signedOut('signed-out');
  }

  private setLanguage(lang: 'sv' | 'en') {
    document.documentElement.lang = lang;
  }

  private skipToContent() {
    const screen = this.renderRoot.querySelector('main > *');
    if (screen instanceof ConsoleScreen) void screen.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private renderHeader(): TemplateResult {
    const user = this.status === 'signed-in' ? this.user : undefined;
    // One button, offering the other language in that language.
    const other = this.locale === 'en' ? 'sv' : 'en';
    return html`<header>
      <p class="brand">${msg('Medverka – personal', { id: 'console.name' })}</p>
      ${user
        ? html`<p class="who">
            <span class="visually-hidden">${msg('Inloggad:', { id: 'console.signed-in-as' })}</span>
            ${user.name || user.email} <span class="badge">${roleLabel(user.role)}</span>
          </p>`
        : nothing}
      <div class="tools">
        <button type="button" class="language" lang=${other} @click=${() => this.setLanguage(other)}>
          ${other === 'en' ? 'In English' : 'På svenska'}
        </button>
        ${user ? html`<button type="button" class="sign-out" @click=${this.signOut}>${msg('Logga ut', { id: 'console.sign-out' })}</button>` : nothing}
      </div>
    </header>`;
  }

  private renderNav(): TemplateResult | typeof nothing {
    if (this.status !== 'signed-in') return nothing;
    const current = this.route?.screen;
    return html`<nav aria-label=${msg('Konsolens delar', { id: 'console.nav' })}>
      <ul>
        ${this.allowedScreens.map((s) => {
          const waiting = this.waitingOn(s);
          const said = waiting ? `waiting-${s.path}` : undefined;
          // The name stays the screen's; what waits is its description, in words.
          return html`<li>
            <a
              href="#/${s.path}"
              class=${waiting ? 'waiting' : nothing}
              data-count=${waiting ?? nothing}
              aria-current=${s === current ? 'page' : nothing}
              aria-describedby=${said ?? nothing}
              >${s.label()}</a
            >${said ? html`<span id=${said} hidden>${s.waiting!.words(waiting!)}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderMain(): TemplateResult | typeof nothing {
    switch (this.status) {
      case 'checking':
        return html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
      case 'offline':
        return html`<h1 tabindex="-1">${msg('Medverka – personal', { id: 'console.name' })}</h1>
          <div class="notice problem">
            <p>${problemText(null)}</p>
            <button type="button" @click=${() => void this.checkSession()}>${msg('Försök igen', { id: 'console.retry' })}</button>
          </div>`;
      case 'signed-out':
        return html`<medverka-console-sign-in reason=${this.signedOutReason ? this.reasonText(this.signedOutReason) : nothing}></medverka-console-sign-in>`;
      case 'signed-in': {
        const route = this.route;
        if (!route || !this.user) return nothing;
        if (!route.screen) {
          return html`<h1 tabindex="-1">${msg('Ingen åtkomst', { id: 'console.forbidden.title' })}</h1>
            <p>${msg('Din roll har inte tillgång till den här delen av konsolen. Välj en annan del i menyn.', { id: 'console.forbidden' })}</p>`;
        }
        return route.screen.render(route.params, this.user);
      }
    }
  }

  protected override render(): TemplateResult {
    return html`
      <button type="button" class="skip" @click=${this.skipToContent}>${msg('Till innehållet', { id: 'console.skip' })}</button>
      ${this.renderHeader()} ${this.renderNav()}
      <main id="main" tabindex="-1">${this.renderMain()}</main>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}
