import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { loadWidget, widgetModules } from '../loader/registry.js';
import { api, ApiRequestError, type Tile, type TileSet } from '../shared/api.js';
import { MedverkaElement } from '../shared/base-element.js';
import { emit } from '../shared/events.js';
import { msg, str } from '../shared/localize.js';
import { safeColour, safeHref } from '../shared/safe-url.js';
import { icon } from './icons.js';
import { templates as en } from './locales/en.js';
import { styles } from './tiles.styles.js';

/** A tile as the widget draws it, whether it came from the API or from the editor's links. */
interface ShownTile {
  key: string;
  id: number;
  title: string;
  description: string;
  icon: string;
  colour: string | undefined;
  href: string | undefined;
  /** Set when the tile opens another Medverka widget in place. */
  widget?: { tag: string; attributes: Record<string, string> };
}

/**
 * Where loading the tile set stands. Waiting: loading, but too briefly to be worth a
 * message that would only flash. (Numbers rather than strings, for bytes.)
 */
const enum Status {
  Waiting,
  Loading,
  Ready,
  Error,
}

/** How long a load may take before 'Laddar …' is shown. */
const loadingMessageDelay = 300;

/**
 * An engagement portal: a grid of tiles, each an intent in the resident's words ("Jag vill
 * engagera mig ideellt") leading to a page, or to another Medverka widget opened in place.
 *
 * @summary Engagement tiles from a tile set, or enhanced from plain links.
 *
 * @slot - Plain `<a href>` links, shown as they are when JavaScript is off and turned into
 *   tiles when it is on. A link's `<strong>` is the tile's title and the rest of its text
 *   the description; `data-icon` picks an icon. Used when there is no `set`, or when the
 *   set cannot be loaded.
 *
 * @event medverka-tile-open - A resident opened a tile. `detail`: `{ tileId, title, target, destination }`.
 *   Cancel it to handle the tile yourself.
 * @event medverka-load-error - The tile set could not be loaded. `detail`: `{ what, status }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The tile set's title, when `show-title` is set.
 * @csspart list - The grid of tiles.
 * @csspart tile - Each tile (a link or a button).
 * @csspart tile-icon - The icon of a tile.
 * @csspart tile-title - The title of a tile.
 * @csspart tile-description - The description of a tile.
 * @csspart panel - Where a widget opened from a tile is shown.
 * @csspart message - The loading, empty and error messages.
 *
 * @cssproperty --medverka-color-accent - Links, icons and buttons. Default #005a9c.
 * @cssproperty --medverka-color-text - Text. Default #1b1b1b.
 * @cssproperty --medverka-color-muted - Descriptions. Default #4d4d4d.
 * @cssproperty --medverka-color-surface - Tile background. Default #ffffff.
 * @cssproperty --medverka-color-border - Tile border. Default #767676.
 * @cssproperty --medverka-color-focus - Focus ring. Default #1b1b1b.
 * @cssproperty --medverka-radius - Corner radius. Default 0.5em.
 * @cssproperty --medverka-spacing - Space between and inside tiles. Default 1em.
 * @cssproperty --medverka-font-family - Font. Default: the page's.
 * @cssproperty --medverka-tiles-columns - Largest number of columns (1–4). Default 4.
 */
export class MedverkaTiles extends MedverkaElement {
  static override styles = styles;
  static override translations = { en };

  static override properties = {
    set: { reflect: true },
    showTitle: { type: Boolean, reflect: true, attribute: 'show-title' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    status: { state: true },
    tileSet: { state: true },
    fallback: { state: true },
    openTile: { state: true },
    panelUnavailable: { state: true },
  };

  /** The tile set to show, as named in the console (e.g. "engagera-dig"). */
  declare set?: string;

  /** Show the tile set's title as a heading above the tiles. */
  declare showTitle: boolean;

  /** The heading level of that title (1–6). Default 2. */
  declare headingLevel: number;

  declare private status: Status;
  declare private tileSet?: TileSet;
  declare private fallback: ShownTile[];
  declare private openTile?: ShownTile;
  declare private panelUnavailable: boolean;

  constructor() {
    super();
    this.showTitle = false;
    this.headingLevel = 2;
    this.status = Status.Waiting;
    this.fallback = [];
    this.panelUnavailable = false;
  }

  #abort?: AbortController;
  #childObserver = new MutationObserver(() => this.#readFallback());
  #openedWidget?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readFallback();
    this.#childObserver.observe(this, { childList: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#childObserver.disconnect();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('set') || changed.has('api')) void this.load();
  }

  protected override updated(): void {
    // Staff's tile colours, set through the CSSOM: a style attribute would need
    // 'unsafe-inline' in the host page's Content-Security-Policy.
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-colour]')) {
      el.style.setProperty('--_tile-colour', el.dataset.colour!);
    }
  }

  /** Loads the tile set again, e.g. after an error. */
  async load(): Promise<void> {
    this.#abort?.abort();
    if (!this.set) {
      this.status = Status.Ready;
      this.tileSet = undefined;
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.status = Status.Waiting;
    const slow = setTimeout(() => {
      if (this.status === Status.Waiting) this.status = Status.Loading;
    }, loadingMessageDelay);
    try {
      this.tileSet = await api.tileSet(this.apiBase, this.set, abort.signal);
      this.status = Status.Ready;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.status = Status.Error;
      emit(this, 'medverka-load-error', {
        what: 'tile-set',
        status: err instanceof ApiRequestError ? err.status : null,
      });
    } finally {
      clearTimeout(slow);
    }
  }

  #readFallback() {
    const clean = (text: string) => text.trim().replace(/\s+/g, ' ');
    this.fallback = [...this.querySelectorAll<HTMLElement>('a[href]')].map((a, i) => {
      const strong = a.querySelector('strong, b');
      const text = a.textContent ?? '';
      const { description, icon, colour } = a.dataset;
      return {
        key: `f${i}`,
        id: i + 1,
        title: clean(strong ? strong.textContent! : text),
        description: clean(description ?? (strong ? text.replace(strong.textContent!, '') : '')),
        icon: icon ?? 'arrow',
        colour: safeColour(colour),
        href: safeHref(a.getAttribute('href')),
      };
    });
  }

  /** A text in the language shown: English where staff wrote it, else Swedish. */
  #text(t: { sv: string; en: string | null }) {
    return this.locale === 'en' && t.en ? t.en : t.sv;
  }

  #fromApi(tile: Tile): ShownTile {
    const target = tile.target;
    return {
      key: `t${tile.id}`,
      id: tile.id,
      title: this.#text(tile.title),
      description: this.#text(tile.description),
      icon: tile.icon,
      colour: safeColour(tile.colour),
      href: safeHref(target.href),
      ...(target.kind === 'widget' && { widget: { tag: `medverka-${target.widget}`, attributes: target.attributes } }),
    };
  }

  get #shownTiles(): ShownTile[] {
    const tiles = this.set && this.status === Status.Ready && this.tileSet ? this.tileSet.tiles.map((t) => this.#fromApi(t)) : this.fallback;
    // A link tile whose address is not safe to follow is left out rather than shown dead.
    return tiles.filter((t) => t.widget || t.href);
  }

  get #setTitle(): string {
    const t = this.tileSet?.title;
    return t ? this.#text(t) : msg('Sätt att vara med', { id: 'tiles.list-label' });
  }

  #onTileClick(event: MouseEvent, tile: ShownTile) {
    const proceed = emit(
      this,
      'medverka-tile-open',
      {
        tileId: tile.id,
        title: tile.title,
        target: tile.widget ? 'widget' : 'link',
        destination: tile.widget?.tag ?? tile.href ?? '',
      },
      { cancelable: true },
    );
    if (!proceed) {
      event.preventDefault();
      return;
    }
    if (tile.widget) {
      event.preventDefault();
      void this.#openWidget(tile);
    }
  }

  async #openWidget(tile: ShownTile) {
    const { tag, attributes } = tile.widget!;
    this.openTile = tile;
    this.panelUnavailable = false;
    this.#openedWidget = undefined;
    // One of ours (a "medverka-…" name is never one of an object's inherited ones), and not the tiles again.
    const known = tag in widgetModules && tag !== this.localName;
    const defined = known && (await loadWidget(tag).catch(() => false));
    if (this.openTile !== tile) return;
    if (defined) {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) {
        // A plain attribute name, and never an event handler (on…).
        if (/^(?!on)[a-z][a-z0-9-]*$/.test(name)) el.setAttribute(name, value);
      }
      if (this.api) el.setAttribute('api', this.api);
      this.#openedWidget = el;
    } else {
      this.panelUnavailable = true;
    }
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#panel')?.focus();
  }

  async #closeWidget() {
    // Focus goes back to the tile that opened the panel.
    const key = this.openTile?.key;
    this.openTile = undefined;
    this.#openedWidget = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`)?.focus();
  }

  #onPanelKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.#closeWidget();
    }
  }

  #renderTile(tile: ShownTile): TemplateResult {
    const content = html`
      <span class="icon" part="tile-icon">${icon(tile.icon)}</span>
      <span class="text">
        <span class="title" part="tile-title">${tile.title}</span>
        ${tile.description ? html`<span class="description" part="tile-description">${tile.description}</span>` : nothing}
      </span>
    `;
    if (tile.widget) {
      // A boolean in an attribute binding is written as "true" or "false".
      const open = this.openTile?.key === tile.key;
      return html`<li>
        <button
          type="button"
          class="tile"
          part="tile"
          data-key=${tile.key}
          data-colour=${tile.colour ?? nothing}
          aria-expanded=${open}
          aria-controls="panel"
          @click=${(e: MouseEvent) => this.#onTileClick(e, tile)}
        >
          ${content}
        </button>
      </li>`;
    }
    return html`<li>
      <a class="tile" part="tile" data-key=${tile.key} data-colour=${tile.colour ?? nothing} href=${tile.href!} @click=${(e: MouseEvent) => this.#onTileClick(e, tile)}>
        ${content}
      </a>
    </li>`;
  }

  #renderPanel(): TemplateResult | typeof nothing {
    const tile = this.openTile;
    if (!tile) return nothing;
    return html`<div id="panel" class="panel" part="panel" role="region" aria-label=${tile.title} tabindex="-1" @keydown=${this.#onPanelKeydown}>
      <button type="button" class="close" @click=${this.#closeWidget}>
        <span class="close-icon">${icon('arrow')}</span>${msg('Tillbaka till alla val', { id: 'tiles.close' })}
      </button>
      ${this.panelUnavailable
        ? html`<p class="message" part="message">
            ${msg('Det här går inte att öppna här just nu.', { id: 'tiles.unavailable' })}
            ${tile.href ? html`<a href=${tile.href}>${msg(str`Gå till ”${tile.title}” i stället`, { id: 'tiles.open-page' })}</a>` : nothing}
          </p>`
        : (this.#openedWidget ?? html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'tiles.loading' })}</p>`)}
    </div>`;
  }

  #renderHeading() {
    if (!this.showTitle) return nothing;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div class="heading" part="heading" role="heading" aria-level=${level}>${this.#setTitle}</div>`;
  }

  #renderBody(): TemplateResult {
    const tiles = this.#shownTiles;
    // Loading and Error come only from loading a set (load() without one is Ready at once).
    if (this.status === Status.Loading) {
      return html`<p class="message" part="message" role="status">${msg('Laddar …', { id: 'tiles.loading' })}</p>`;
    }
    if (this.status === Status.Error && tiles.length === 0) {
      return html`<div class="message error" part="message" role="alert">
        <p class="error-text">${msg('Det gick inte att hämta innehållet just nu.', { id: 'tiles.error' })}</p>
        <button type="button" class="retry" @click=${() => void this.load()}>${msg('Försök igen', { id: 'tiles.retry' })}</button>
      </div>`;
    }
    if (tiles.length === 0) {
      return html`<p class="message" part="message">${msg('Här finns inget att visa just nu.', { id: 'tiles.empty' })}</p>`;
    }
    // role="list" is not redundant: Safari drops list semantics when list-style is none.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul class="grid" part="list" role="list" aria-label=${this.#setTitle}>
      ${tiles.map((tile) => this.#renderTile(tile))}
    </ul>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    // While a quick load is under way, render nothing at all: an empty box would still
    // change how the page's margins collapse, and move the content below twice.
    if (this.set && this.status === Status.Waiting) return nothing;
    return html`<div class="base" part="base" aria-busy=${this.status === Status.Loading}>
      ${this.#renderHeading()} ${this.#renderBody()} ${this.#renderPanel()}
    </div>`;
  }
}
