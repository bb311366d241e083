/**
 * The chat's launcher: a button with an inviting prompt. It is all a page downloads for the
 * chat until the resident opens it, so it is written without Lit and imports nothing from
 * widgets/shared/ (which is the Lit chunk): plain DOM built with createElement and
 * textContent (Trusted Types allow it), and a constructed stylesheet (a strict CSP allows it).
 * The conversation panel is its own chunk, imported when the resident opens the chat, or at
 * once when a conversation from earlier on the site is still going.
 */
import type { MedverkaChatOpenedDetail } from '../shared/events.js';
import type { MedverkaChatPanel } from './panel.element.js';
import { readConversation, writeConversation } from './storage.js';

/** The launcher's few strings; the panel has its own, in locales/. */
const texts = {
  sv: ['Hej! Har du en fråga till kommunen?', 'Chatta med oss', 'Pågående chatt', 'Dölj hälsningen', 'nytt meddelande', 'nya meddelanden', 'Nytt meddelande i chatten.', 'Det gick inte att öppna chatten. Försök igen om en stund.'],
  en: ['Hi! Do you have a question for the municipality?', 'Chat with us', 'Ongoing chat', 'Hide this greeting', 'new message', 'new messages', 'New message in the chat.', 'The chat could not be opened. Try again in a moment.'],
};

// The same tokens as tokens.styles.ts (which is in the Lit chunk, so cannot be imported here).
// Nothing of the chat prints (the panel lives in this shadow root): a printed page is the page.
const css = `
:host{--_accent:var(--medverka-color-accent,#005a9c);--_on-accent:var(--medverka-color-on-accent,#fff);--_text:var(--medverka-color-text,#1b1b1b);--_surface:var(--medverka-color-surface,#fff);--_border:var(--medverka-color-border,#767676);--_focus:var(--medverka-color-focus,#1b1b1b);--_radius:var(--medverka-radius,.5em);--_offset:var(--medverka-chat-offset,1rem);
display:block;box-sizing:border-box;color:var(--_text);font-family:var(--medverka-font-family,inherit);font-size:var(--medverka-font-size,1em);font-style:normal;font-weight:normal;line-height:1.5;letter-spacing:normal;word-spacing:normal;text-align:start;text-transform:none;text-indent:0;white-space:normal}
:host([hidden]){display:none}
@media print{:host{display:none}}
*{box-sizing:border-box}
.launcher{display:flex;flex-wrap:wrap;align-items:center;gap:.5em .75em}
button{font:inherit;letter-spacing:inherit;text-transform:none;cursor:pointer}
.open{display:inline-flex;align-items:center;gap:.5em;min-height:44px;max-width:100%;padding:.5em 1.125em .5em .875em;border:2px solid var(--_accent);border-radius:2em;background:var(--_accent);color:var(--_on-accent);font-weight:700;text-align:start}
svg{flex:none;width:1.5em;height:1.5em;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.badge{min-width:1.5em;padding:0 .375em;border-radius:1em;background:var(--_on-accent);color:var(--_accent);text-align:center;font-size:.875em}
.badge:empty{display:none}
.prompt{display:flex;align-items:center;gap:.25em;max-width:20em;padding:.25em .25em .25em .875em;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface);box-shadow:0 .125em .5em rgb(0 0 0/.2);visibility:hidden;opacity:0;transform:translateY(.5em);transition:opacity .3s,transform .3s}
.prompt p{margin:0}
.shown{visibility:visible;opacity:1;transform:none}
.gone{display:none}
.hide{display:grid;place-items:center;flex:none;width:44px;height:44px;padding:0;border:0;border-radius:var(--_radius);background:none;color:inherit}
.hide svg{width:1.125em}
:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (width>=40rem){.launcher{position:fixed;z-index:var(--medverka-chat-z-index,1000);right:var(--_offset);bottom:var(--_offset);flex-flow:row-reverse;align-items:flex-end}.open{box-shadow:0 .125em .75em rgb(0 0 0/.3)}}
@media (prefers-reduced-motion:reduce){.prompt{transition:none;transform:none}}
@media (forced-colors:active){.open{border-color:ButtonText}.prompt{border-color:CanvasText}.badge{border:1px solid}:focus-visible{outline-color:Highlight}}`;

let sheet: CSSStyleSheet | undefined;
const moduleUrl = import.meta.url; // not inline: bundlers would try to resolve the folder as an asset
const svgNs = 'http://www.w3.org/2000/svg';

function icon(d: string) {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.append(document.createElementNS(svgNs, 'path'));
  svg.firstElementChild!.setAttribute('d', d);
  return svg;
}

function add<K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, className = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  parent.appendChild(el);
  return el;
}

/**
 * A chat with the municipality's contact centre. A small launcher button, with a prompt
 * that appears after a delay and can be hidden; opening it loads the conversation panel.
 * On wide screens the launcher floats in the bottom right corner; on narrow ones (below
 * 40rem) it sits where the tag is, in the flow of the page, so it never covers the page, and
 * the panel opens full screen. A conversation survives a reload on the same site (kept in
 * sessionStorage from the first message sent until it ends).
 *
 * @summary A chat with the municipality: launcher, prompt and conversation.
 *
 * @attr api - The Medverka server's origin. By default, the server the loader was served from.
 * @attr prompt-delay - Seconds before the prompt appears. Default 5; 0 shows it at once; a negative number or "none" never shows it.
 * @attr lang - The language (sv or en), as on any element: the nearest `lang` attribute counts.
 *
 * @event medverka-chat-opened - The resident opened the chat. `detail`: `{ ongoing }`.
 * @event medverka-chat-started - The resident sent their first message. `detail`: `{ conversationId }`.
 * @event medverka-chat-ended - The conversation ended. `detail`: `{ conversationId, by }` (`resident` or `staff`).
 *
 * @csspart launcher - The launcher: the button and the prompt.
 * @csspart button - The button that opens and closes the chat.
 * @csspart prompt - The prompt beside the button.
 * @csspart badge - The number of new messages on the button.
 * @csspart panel - The conversation panel.
 * @csspart log - The list of messages.
 * @csspart message - One message.
 * @csspart form - The panel's forms.
 * @csspart panel-button - The panel's buttons.
 *
 * @cssproperty --medverka-color-accent - The button, the resident's messages. Default #005a9c.
 * @cssproperty --medverka-color-on-accent - Text on the accent colour. Default #ffffff.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Secondary text. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Background. Default #ffffff.
 * @cssproperty --medverka-color-subtle - Background of staff messages. Default #f2f2f2.
 * @cssproperty --medverka-color-border - Borders and fields. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-color-danger - Errors. Default #b3261e.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 * @cssproperty --medverka-chat-offset - Distance of the floating launcher and panel from the window's edges. Default 1rem.
 * @cssproperty --medverka-chat-z-index - Stacking of the floating launcher and panel above the page. Default 1000.
 */
export class MedverkaChat extends HTMLElement {
  static observedAttributes = ['lang'];

  #launcher: HTMLDivElement;
  #button: HTMLButtonElement;
  #label: HTMLSpanElement;
  #badge: HTMLSpanElement;
  #unreadText: HTMLSpanElement;
  #prompt: HTMLDivElement;
  #promptText: HTMLParagraphElement;
  #hide: HTMLButtonElement;
  #live: HTMLParagraphElement;
  #panel?: Promise<MedverkaChatPanel>;
  #timer?: ReturnType<typeof setTimeout>;
  #langObserver = new MutationObserver(() => this.#render());
  #ongoing = false;
  #unread = 0;
  #failed = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    const launcher = (this.#launcher = add(root, 'div', 'launcher'));
    const button = (this.#button = add(launcher, 'button', 'open'));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-haspopup', 'dialog');
    button.append(icon('M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H10l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8 9h8M8 12h5'));
    this.#label = add(button, 'span');
    this.#badge = add(button, 'span', 'badge');
    this.#badge.setAttribute('aria-hidden', 'true');
    this.#unreadText = add(button, 'span', 'visually-hidden');
    button.onclick = () => (button.getAttribute('aria-expanded') == 'true' ? this.close() : void this.open());
    const prompt = (this.#prompt = add(launcher, 'div', 'prompt'));
    this.#promptText = add(prompt, 'p');
    const hide = (this.#hide = add(prompt, 'button', 'hide'));
    hide.type = 'button';
    hide.append(icon('M6 6l12 12M18 6 6 18'));
    hide.onclick = () => {
      this.#dismiss();
      button.focus();
    };
    // Escape closes the panel from the launcher too (the panel's own Escape comes through here as well).
    // (A block, not an expression: a handler that returns false cancels the key, Enter included.)
    launcher.onkeydown = (e) => {
      if (e.key == 'Escape') this.close();
    };
    this.#live = add(launcher, 'p', 'visually-hidden');
    this.#live.setAttribute('aria-live', 'polite');
    for (const [el, part] of [
      [launcher, 'launcher'],
      [button, 'button'],
      [prompt, 'prompt'],
      [this.#badge, 'badge'],
    ] as const) {
      el.setAttribute('part', part);
    }
  }

  /** The Medverka server's origin. By default, the server the loader was served from. */
  get api(): string {
    return this.getAttribute('api') ?? '';
  }
  set api(value: string) {
    this.setAttribute('api', value);
  }

  /**
   * Seconds before the prompt appears (attribute `prompt-delay`). Default 5; 0 shows it at
   * once; a negative number or "none" never shows it.
   */
  get promptDelay(): number {
    const value = this.getAttribute('prompt-delay');
    return value == null ? 5 : value.trim() ? Number(value) : NaN;
  }

  /** The API's base URL, always ending in a slash. */
  get #apiBase() {
    const base = this.api.trim() || new URL('../../', moduleUrl).href;
    return base.endsWith('/') ? base : `${base}/`;
  }

  connectedCallback(): void {
    this.#render();
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    if (this.#panel) return;
    const stored = readConversation(this.#apiBase);
    if (stored) {
      // A conversation from another page of the site: show it is going on, and follow it.
      this.#dismiss();
      this.#ongoing = true;
      this.#render();
      void this.#load().then(
        () => void (stored.open && this.open()),
        () => {},
      );
    } else if (this.promptDelay >= 0) {
      this.#timer = setTimeout(() => this.#prompt.classList.add('shown'), this.promptDelay * 1000);
    } else {
      this.#dismiss();
    }
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
    this.#langObserver.disconnect();
  }

  attributeChangedCallback(): void {
    this.#render();
  }

  /** Opens the conversation panel, loading it first if need be. */
  async open(): Promise<void> {
    this.#dismiss();
    this.#failed = false;
    this.#button.setAttribute('aria-expanded', 'true');
    this.#render();
    try {
      (await this.#load()).shown = true;
    } catch (err) {
      // Said where the resident looks (the prompt) and to screen readers.
      this.#button.setAttribute('aria-expanded', 'false');
      this.#failed = true;
      this.#prompt.className = 'prompt shown';
      this.#render();
      this.#announce(this.#texts[7]!);
      console.error('Medverka: could not load the chat', err);
      return;
    }
    this.dispatchEvent(
      new CustomEvent<MedverkaChatOpenedDetail>('medverka-chat-opened', { detail: { ongoing: this.#ongoing }, bubbles: true, composed: true }),
    );
  }

  /** Closes the panel (the conversation goes on) and gives focus back to the launcher. */
  close(): void {
    if (this.#button.getAttribute('aria-expanded') != 'true') return;
    this.#button.setAttribute('aria-expanded', 'false');
    void this.#panel?.then(async (panel) => {
      panel.shown = false;
      // A modal panel makes the launcher inert until it has closed.
      await panel.updateComplete;
      this.#button.focus();
    });
  }

  #load() {
    // A chat shown in English fetches the panel built with its strings in English.
    const lang = this.#lang;
    return (this.#panel ??= (lang == 'en' ? import('./panel-en.js') : import('./panel.js')).then(
      async () => {
        // The panel defined first on the page is the one used: it fetches this chat's strings if it lacks them.
        await (customElements.get('medverka-chat-panel') as typeof MedverkaChatPanel).translate(lang);
        const panel = document.createElement('medverka-chat-panel');
        const api = (panel.api = this.#apiBase);
        panel.stored = readConversation(api);
        panel.onStore = (conversation) => writeConversation(api, conversation);
        panel.setAttribute('exportparts', 'panel, log, message, form, panel-button');
        panel.onCloseRequest = () => this.close();
        panel.onActivity = (ongoing, unread) => {
          if (unread > this.#unread && !panel.shown) this.#announce(this.#texts[6]!);
          this.#ongoing = ongoing;
          this.#unread = unread;
          this.#render();
        };
        this.#launcher.append(panel);
        return panel;
      },
      (err: unknown) => {
        this.#panel = undefined;
        throw err;
      },
    ));
  }

  /** The prompt goes for good (for this page view): hidden by the resident, or the chat opened. */
  #dismiss() {
    clearTimeout(this.#timer);
    this.#prompt.className = 'prompt gone';
  }

  get #lang() {
    // The nearest lang attribute, crossing out of shadow roots, as the Lit widgets do.
    let lang: string | null = null;
    for (let node: Element | null = this as Element; node && !(lang = node.getAttribute('lang')); ) {
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return /^en(-|$)/i.test(lang ?? document.documentElement.lang) ? 'en' : 'sv';
  }

  get #texts() {
    return texts[this.#lang];
  }

  #render() {
    const t = this.#texts;
    const unread = this.#unread;
    this.#label.textContent = t[this.#ongoing ? 2 : 1]!;
    this.#badge.textContent = unread ? String(unread) : '';
    this.#unreadText.textContent = unread ? `, ${unread} ${t[unread == 1 ? 4 : 5]}` : '';
    this.#promptText.textContent = t[this.#failed ? 7 : 0]!;
    this.#hide.setAttribute('aria-label', t[3]!);
  }

  /** Says something politely; cleared first, so that the same words are said again. */
  #announce(text: string) {
    this.#live.textContent = '';
    setTimeout(() => (this.#live.textContent = text), 50);
  }
}
