import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffTileSet } from '../kit/api.js';
import { describedBy, errorsFrom, errorSummary, fieldError, focusSummary, formValues, required, type FieldErrors } from '../kit/forms.js';
import { FormScreen } from '../kit/form-screen.js';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Every tile set, and a form to create one. Opening a set leads to its editor (#/tiles/<slug>). */
export class MedverkaConsoleTileSets extends FormScreen {
  static override properties = {
    ...FormScreen.properties,
    tileSets: { state: true },
    loadProblem: { state: true },
  };

  declare private tileSets?: StaffTileSet[];
  declare private loadProblem?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      this.tileSets = (await staffApi.tileSets()).tileSets;
    } catch (err) {
      this.loadProblem = errorsFrom(err, []).general[0];
    }
  }

  private get fields() {
    return [
      { name: 'slug', id: 'new-slug', label: msg('Namn i koden', { id: 'console.tile-sets.slug' }) },
      { name: 'titleSv', id: 'new-title-sv', label: msg('Titel på svenska', { id: 'console.title-sv' }) },
      { name: 'titleEn', id: 'new-title-en', label: msg('Titel på engelska (valfri)', { id: 'console.title-en' }) },
    ];
  }

  private async onCreate(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const { slug = '', titleSv = '', titleEn = '' } = formValues(event.target as HTMLFormElement);
    const errors: FieldErrors = {};
    if (!slug) errors.slug = required;
    else if (!slugPattern.test(slug)) errors.slug = 'must be 1–64 lower-case';
    if (!titleSv) errors.titleSv = required;
    this.errors = errors;
    this.general = [];
    if (Object.keys(errors).length) return focusSummary(this, 'create-errors');
    this.busy = true;
    try {
      const { tileSet } = await staffApi.createTileSet(slug, titleSv, titleEn || null);
      this.announce(msg(str`Rutsamlingen ”${tileSet.titleSv}” är skapad.`, { id: 'console.tile-sets.created' }));
      location.hash = `#/tiles/${encodeURIComponent(tileSet.slug)}`;
    } catch (err) {
      const { fields, general } = errorsFrom(
        err,
        this.fields.map((f) => f.name),
        { slug_taken: 'slug' },
      );
      this.errors = fields;
      this.general = general;
      await focusSummary(this, 'create-errors');
    } finally {
      this.busy = false;
    }
  }

  private renderList(): TemplateResult {
    if (this.loadProblem) {
      return html`<div class="notice problem">
        <p>${this.loadProblem}</p>
        <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
      </div>`;
    }
    if (!this.tileSets) return html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    if (this.tileSets.length === 0) return html`<p>${msg('Det finns inga rutsamlingar än.', { id: 'console.tile-sets.none' })}</p>`;
    return html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Titel', { id: 'console.tile-sets.title' })}</th>
            <th scope="col">${msg('Namn i koden', { id: 'console.tile-sets.slug' })}</th>
            <th scope="col">${msg('Rutor', { id: 'console.tile-sets.count' })}</th>
          </tr>
        </thead>
        <tbody>
          ${this.tileSets.map((set) => {
            const hidden = set.tiles.filter((t) => t.hidden).length;
            return html`<tr>
              <td><a href="#/tiles/${encodeURIComponent(set.slug)}">${set.titleSv}</a></td>
              <td><code>${set.slug}</code></td>
              <td>
                ${set.tiles.length}
                ${hidden ? html`<span class="muted">${msg(str`(${hidden} dolda)`, { id: 'console.tile-sets.hidden-count' })}</span>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  protected override render(): TemplateResult {
    const [slug, titleSv, titleEn] = this.fields as [Field, Field, Field];
    const input = (f: Field, hint?: string) => html`<div class="field">
      <label for=${f.id}>${f.label}</label>
      ${hint ? html`<p class="hint" id="${f.id}-hint">${hint}</p>` : nothing} ${fieldError(f.id, this.errors[f.name])}
      <input
        id=${f.id}
        name=${f.name}
        type="text"
        spellcheck=${f.name === 'slug' ? 'false' : 'true'}
        aria-invalid=${this.errors[f.name] ? 'true' : 'false'}
        aria-describedby=${describedBy(hint && `${f.id}-hint`, this.errors[f.name] && `${f.id}-error`)}
      />
    </div>`;
    return html`
      <h1 tabindex="-1">${msg('Rutor', { id: 'console.nav.tiles' })}</h1>
      <p>
        ${msg('En rutsamling är de rutor som visas där en redaktör har klistrat in widgeten Engagemangsrutor. Öppna en samling för att ändra dess rutor.', {
          id: 'console.tile-sets.intro',
        })}
      </p>
      <h2>${msg('Rutsamlingar', { id: 'console.tile-sets.heading' })}</h2>
      ${this.renderList()}
      <h2>${msg('Skapa en rutsamling', { id: 'console.tile-sets.create' })}</h2>
      ${errorSummary('create-errors', this.errors, this.general, this.fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onCreate}>
        ${input(
          slug,
          msg('Står i inbäddningskoden, till exempel engagera-dig. Små bokstäver a–z, siffror och bindestreck. Kan inte ändras senare.', {
            id: 'console.tile-sets.slug-hint',
          }),
        )}
        ${input(titleSv)} ${input(titleEn)}
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Skapa rutsamlingen', { id: 'console.tile-sets.create-submit' })}
          </button>
        </div>
      </form>
    `;
  }
}

interface Field {
  name: string;
  id: string;
  label: string;
}
