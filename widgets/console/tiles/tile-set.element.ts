import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../shared/localize.js';
import { states } from '../../shared/base-element.js';
import { safeColour } from '../../shared/safe-url.js';
import { icon } from '../../tiles/icons.js';
import { staffApi, tileInputOf, type StaffTile, type StaffTileSet } from '../kit/api.js';
import { describedBy, errorsFrom, errorSummary, fieldError, focusSummary, formValues, problemText, required, type FieldErrors } from '../kit/forms.js';
import { widgetLabel } from '../kit/labels.js';
import { renderPreviewLanguage } from '../kit/fields.js';
import { Loaded } from '../kit/list.js';
import { ConsoleScreen } from '../kit/screen.js';
import { tileSetStyles } from './tile-set.styles.js';
import type { MedverkaConsoleTileForm } from './tile-form.element.js';

/**
 * One tile set's editor: its titles, its tiles in order (move, hide, edit, delete, add), and
 * beside it the real <medverka-tiles> widget showing what residents see once saved.
 */
export class MedverkaConsoleTileSet extends ConsoleScreen {
  static override styles = [...ConsoleScreen.styles, tileSetStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    /** The tile set's name, as in the embed code. */
    slug: {},
    ...states('editing', 'confirming', 'previewLang', 'previewKey', 'titleErrors', 'titleGeneral', 'busy'),
  };

  declare slug: string;
  /** The tile whose form is open, or 'new'. */
  declare private editing?: number | 'new';
  /** What is waiting for "yes, delete": a tile's id, or 'set'. */
  declare private confirming?: number | 'set';
  declare private previewLang: 'sv' | 'en';
  /** Changed after every save, so the preview is a new widget that loads the saved state. */
  declare private previewKey: number;
  declare private titleErrors: FieldErrors;
  declare private titleGeneral: string[];
  declare private busy: boolean;

  constructor() {
    super();
    this.slug = '';
    this.previewLang = 'sv';
    this.previewKey = 0;
    this.titleErrors = {};
    this.titleGeneral = [];
    this.busy = false;
  }

  #tileSet = new Loaded(this, async () => (await staffApi.tileSet(this.slug)).tileSet);

  protected override updated(): void {
    // Tiles' own colours through the CSSOM: the console's policy allows no style attributes.
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.summary .icon')) {
      if (el.dataset.colour) el.style.setProperty('--_tile-colour', el.dataset.colour);
      else el.style.removeProperty('--_tile-colour');
    }
  }

  private get tileSet(): StaffTileSet | undefined {
    return this.#tileSet.value;
  }

  private get tiles(): StaffTile[] {
    return this.tileSet?.tiles ?? [];
  }

  private saved(tileSet: StaffTileSet) {
    this.#tileSet.set(tileSet);
    this.previewKey++;
  }

  /** Runs one change at a time; a problem is announced and shown. */
  private async change(work: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await work();
      return true;
    } catch (err) {
      this.announce(problemText(err));
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async move(tile: StaffTile, by: -1 | 1, action: 'up' | 'down') {
    const ids = this.tiles.map((t) => t.id);
    const from = ids.indexOf(tile.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    const ok = await this.change(async () => this.saved((await staffApi.orderTiles(this.slug, ids)).tileSet));
    if (!ok) return;
    const position = this.tiles.findIndex((t) => t.id === tile.id) + 1;
    this.announce(msg(str`”${tile.titleSv}” är nu på plats ${position} av ${this.tiles.length}.`, { id: 'console.tile-set.moved' }));
    // The moved tile's button has moved with it (and lost focus on the way); at the top or
    // bottom it is disabled, so the other direction takes focus.
    await this.updateComplete;
    const buttons = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`[data-tile-id="${tile.id}"] [data-action="${a}"]`);
    const same = buttons(action);
    (same && !same.disabled ? same : buttons(action === 'up' ? 'down' : 'up'))?.focus();
  }

  private async toggleHidden(tile: StaffTile) {
    const hidden = !tile.hidden;
    const ok = await this.change(async () => {
      await staffApi.replaceTile(tile.id, { ...tileInputOf(tile), hidden });
      this.saved((await staffApi.tileSet(this.slug)).tileSet);
    });
    if (!ok) return;
    this.announce(
      hidden
        ? msg(str`”${tile.titleSv}” är dold för invånare.`, { id: 'console.tile-set.now-hidden' })
        : msg(str`”${tile.titleSv}” visas för invånare.`, { id: 'console.tile-set.now-shown' }),
    );
    await this.focusOn(`[data-tile-id="${tile.id}"] [data-action="hide"]`);
  }

  private async askToDelete(what: number | 'set') {
    this.editing = undefined;
    this.confirming = what;
    await this.focusOn('#confirm-question');
  }

  private async cancelDelete() {
    const what = this.confirming;
    this.confirming = undefined;
    await this.focusOn(what === 'set' ? '#delete-set' : `[data-tile-id="${what}"] [data-action="delete"]`);
  }

  private async deleteTile(tile: StaffTile) {
    const ok = await this.change(async () => {
      await staffApi.deleteTile(tile.id);
      this.confirming = undefined;
      this.saved((await staffApi.tileSet(this.slug)).tileSet);
    });
    if (!ok) return;
    this.announce(msg(str`”${tile.titleSv}” är borttagen.`, { id: 'console.tile-set.tile-deleted' }));
    await this.focusOn('#tiles-heading');
  }

  private async deleteSet() {
    const title = this.tileSet?.titleSv ?? this.slug;
    const ok = await this.change(async () => {
      await staffApi.deleteTileSet(this.slug);
    });
    if (!ok) return;
    this.announce(msg(str`Rutsamlingen ”${title}” är borttagen.`, { id: 'console.tile-set.deleted' }));
    location.hash = '#/tiles';
  }

  private async openForm(what: number | 'new') {
    this.confirming = undefined;
    this.editing = what;
    await this.updateComplete;
    await this.renderRoot.querySelector<MedverkaConsoleTileForm>('medverka-console-tile-form')?.focusHeading();
  }

  private async closeForm() {
    const what = this.editing;
    this.editing = undefined;
    await this.focusOn(what === 'new' ? '#add-tile' : `[data-tile-id="${what}"] [data-action="edit"]`);
  }

  private async onTileSaved(event: CustomEvent<{ tile: StaffTile; created: boolean }>) {
    event.stopPropagation();
    const { tile, created } = event.detail;
    this.editing = undefined;
    try {
      this.saved((await staffApi.tileSet(this.slug)).tileSet);
    } catch (err) {
      this.announce(problemText(err));
    }
    this.announce(
      created
        ? msg(str`Rutan ”${tile.titleSv}” är tillagd.`, { id: 'console.tile-set.tile-added' })
        : msg(str`Rutan ”${tile.titleSv}” är sparad.`, { id: 'console.tile-set.tile-saved' }),
    );
    await this.focusOn(`[data-tile-id="${tile.id}"] [data-action="edit"]`);
  }

  private async onTitleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { titleSv = '', titleEn = '' } = formValues(event.target as HTMLFormElement);
    this.titleErrors = titleSv ? {} : { titleSv: required };
    this.titleGeneral = [];
    if (!titleSv) return focusSummary(this, 'title-errors');
    if (this.busy) return;
    this.busy = true;
    try {
      this.saved((await staffApi.updateTileSet(this.slug, titleSv, titleEn || null)).tileSet);
      this.announce(msg('Titeln är sparad.', { id: 'console.tile-set.title-saved' }));
    } catch (err) {
      const { fields, general } = errorsFrom(err, ['titleSv', 'titleEn']);
      this.titleErrors = fields;
      this.titleGeneral = general;
      await focusSummary(this, 'title-errors');
    } finally {
      this.busy = false;
    }
  }

  private renderTitleForm(set: StaffTileSet): TemplateResult {
    const fields = [
      { name: 'titleSv', id: 'set-title-sv', label: msg('Titel på svenska', { id: 'console.title-sv' }), value: set.titleSv },
      { name: 'titleEn', id: 'set-title-en', label: msg('Titel på engelska (valfri)', { id: 'console.title-en' }), value: set.titleEn },
    ];
    return html`
      <h2>${msg('Titel', { id: 'console.tile.title' })}</h2>
      ${errorSummary('title-errors', this.titleErrors, this.titleGeneral, fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onTitleSubmit}>
        ${fields.map((f) => {
          const error = this.titleErrors[f.name];
          return html`<div class="field">
            <label for=${f.id}>${f.label}</label>
            ${fieldError(f.id, error)}
            <input
              id=${f.id}
              name=${f.name}
              type="text"
              .value=${f.value ?? ''}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy(error && `${f.id}-error`)}
            />
          </div>`;
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Spara titeln', { id: 'console.tile-set.save-title' })}</button>
        </div>
      </form>
    `;
  }

  private renderConfirm(question: string, onYes: () => void): TemplateResult {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question" tabindex="-1">${question}</p>
      <div class="actions">
        <button type="button" class="danger primary" data-action="confirm-delete" @click=${onYes}>
          ${msg('Ja, ta bort', { id: 'console.tile-set.confirm-yes' })}
        </button>
        <button type="button" @click=${this.cancelDelete}>${msg('Avbryt', { id: 'console.cancel' })}</button>
      </div>
    </div>`;
  }

  private renderTile(tile: StaffTile, index: number, count: number): TemplateResult {
    const title = tile.titleSv;
    const named = html`<span class="visually-hidden">”${title}”</span>`;
    const where =
      tile.targetKind === 'widget'
        ? msg(str`Öppnar: ${widgetLabel(tile.widget ?? '')}`, { id: 'console.tile-set.opens' })
        : msg(str`Länk: ${tile.href ?? ''}`, { id: 'console.tile-set.links-to' });
    return html`<li class="tile entry ${tile.hidden ? 'is-hidden' : ''}" data-tile-id=${tile.id}>
      <div class="summary">
        <span class="icon" data-colour=${safeColour(tile.colour) ?? nothing}>${icon(tile.icon)}</span>
        <div>
          <h3>
            ${title}
            <span class="position">${msg(str`(plats ${index + 1} av ${count})`, { id: 'console.tile-set.position' })}</span>
          </h3>
          ${tile.titleEn ? html`<p lang="en">${tile.titleEn}</p>` : nothing}
          <p class="muted">${where}</p>
          ${tile.hidden ? html`<p><span class="badge">${msg('Dold för invånare', { id: 'console.tile-set.hidden' })}</span></p>` : nothing}
        </div>
      </div>
      <div class="actions">
        <button type="button" data-action="up" ?disabled=${index === 0} @click=${() => void this.move(tile, -1, 'up')}>
          ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
        </button>
        <button type="button" data-action="down" ?disabled=${index === count - 1} @click=${() => void this.move(tile, 1, 'down')}>
          ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
        </button>
        <button type="button" data-action="hide" @click=${() => void this.toggleHidden(tile)}>
          ${tile.hidden ? msg('Visa', { id: 'console.tile-set.show' }) : msg('Dölj', { id: 'console.tile-set.hide' })} ${named}
        </button>
        <button type="button" data-action="edit" aria-expanded=${this.editing === tile.id ? 'true' : 'false'} @click=${() => void this.openForm(tile.id)}>
          ${msg('Ändra', { id: 'console.tile-set.edit' })} ${named}
        </button>
        <button type="button" class="danger" data-action="delete" @click=${() => void this.askToDelete(tile.id)}>
          ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
        </button>
      </div>
      ${this.confirming === tile.id
        ? this.renderConfirm(
            msg(str`Vill du ta bort rutan ”${title}”? Det går inte att ångra.`, { id: 'console.tile-set.confirm-tile' }),
            () => void this.deleteTile(tile),
          )
        : nothing}
      ${this.editing === tile.id
        ? html`<medverka-console-tile-form
            .tile=${tile}
            slug=${this.slug}
            @medverka-console-tile-saved=${this.onTileSaved}
            @medverka-console-tile-cancel=${this.closeForm}
          ></medverka-console-tile-form>`
        : nothing}
    </li>`;
  }

  private renderTiles(): TemplateResult {
    const tiles = this.tiles;
    return html`
      <h2 id="tiles-heading" tabindex="-1">${msg('Rutor', { id: 'console.nav.tiles' })}</h2>
      <p class="hint">${msg('Rutorna visas i den här ordningen.', { id: 'console.tile-set.order-hint' })}</p>
      ${tiles.length === 0 ? html`<p>${msg('Samlingen har inga rutor än.', { id: 'console.tile-set.empty' })}</p>` : nothing}
      <ol class="tiles entries" aria-labelledby="tiles-heading">
        ${repeat(
          tiles,
          (t) => t.id,
          (t, i) => this.renderTile(t, i, tiles.length),
        )}
      </ol>
      ${this.editing === 'new'
        ? html`<medverka-console-tile-form
            slug=${this.slug}
            @medverka-console-tile-saved=${this.onTileSaved}
            @medverka-console-tile-cancel=${this.closeForm}
          ></medverka-console-tile-form>`
        : html`<div class="actions">
            <button type="button" class="primary" id="add-tile" @click=${() => void this.openForm('new')}>
              ${msg('Lägg till en ruta', { id: 'console.tile-set.add' })}
            </button>
          </div>`}
    `;
  }

  #preview?: HTMLElement;
  #previewFor = '';

  /**
   * The real widget, new after every save so it loads the saved state, and for a new
   * language (inside shadow roots a widget does not see its lang attribute change).
   */
  private get preview(): HTMLElement {
    const key = `${this.previewKey} ${this.previewLang}`;
    if (!this.#preview || key !== this.#previewFor) {
      this.#previewFor = key;
      const el = document.createElement('medverka-tiles');
      el.setAttribute('set', this.slug);
      el.setAttribute('api', location.origin);
      el.setAttribute('lang', this.previewLang);
      el.toggleAttribute('show-title', true);
      this.#preview = el;
    }
    return this.#preview;
  }

  private renderPreview(): TemplateResult {
    const lang = this.previewLang;
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Förhandsvisning', { id: 'console.preview' })}</h2>
      <p class="hint">
        ${msg('Så här ser invånarna rutorna när de har sparats. Dolda rutor visas inte.', { id: 'console.tile-set.preview-hint' })}
      </p>
      ${renderPreviewLanguage(lang, (l) => (this.previewLang = l))}
      <div class="preview-box">${this.preview}</div>
    </section>`;
  }

  protected override render(): TemplateResult {
    return html`
      <p><a href="#/tiles">${msg('Alla rutsamlingar', { id: 'console.tile-set.back' })}</a></p>
      <h1 tabindex="-1">${this.tileSet?.titleSv ?? this.slug}</h1>
      ${this.#tileSet.render(
        (set) =>
          html`<p>${msg('Namn i koden:', { id: 'console.tile-set.slug' })} <code>${set.slug}</code></p>
              <div class="layout">
                <div class="editor">
                  ${this.renderTitleForm(set)} ${this.renderTiles()}
                  <h2>${msg('Ta bort rutsamlingen', { id: 'console.tile-set.delete-set' })}</h2>
                  <p>
                    ${msg('Sidor som visar samlingen visar ett felmeddelande i stället för rutorna när den är borttagen.', {
                      id: 'console.tile-set.delete-set-hint',
                    })}
                  </p>
                  ${this.confirming === 'set'
                    ? this.renderConfirm(
                        msg(str`Vill du ta bort rutsamlingen ”${set.titleSv}” och alla dess rutor? Det går inte att ångra.`, {
                          id: 'console.tile-set.confirm-set',
                        }),
                        () => void this.deleteSet(),
                      )
                    : html`<div class="actions">
                        <button type="button" class="danger" id="delete-set" @click=${() => void this.askToDelete('set')}>
                          ${msg('Ta bort rutsamlingen', { id: 'console.tile-set.delete-set' })}
                        </button>
                      </div>`}
                </div>
                ${this.renderPreview()}
              </div>`,
      )}
    `;
  }
}
