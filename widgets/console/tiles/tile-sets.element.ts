import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffTileSet } from '../kit/api.js';
import { errorSummary, formValues, required, type FieldErrors } from '../kit/forms.js';
import { SendingFormScreen } from '../kit/screen-form.js';
import { Loaded, renderTable } from '../kit/list.js';
import { inputField, submitRow, type FormField } from '../kit/screen-fields.js';

const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Every tile set, and a form to create one. Opening a set leads to its editor (#/tiles/<slug>). */
export class MedverkaConsoleTileSets extends SendingFormScreen {
  static override heading = () => msg('Rutor', { id: 'console.nav.tiles' });
  static override intro = () => msg('En rutsamling är de rutor som visas där en redaktör har klistrat in widgeten Engagemangsrutor. Öppna en samling för att ändra dess rutor.', { id: 'console.tile-sets.intro' });
  #tileSets = new Loaded(this, async () => (await staffApi.tileSets()).tileSets);

  private get fields(): FormField[] {
    return [
      { name: 'slug', id: 'new-slug', label: msg('Namn i koden', { id: 'console.tile-sets.slug' }) },
      { name: 'titleSv', id: 'new-title-sv', label: msg('Titel på svenska', { id: 'console.title-sv' }) },
      { name: 'titleEn', id: 'new-title-en', label: msg('Titel på engelska (valfri)', { id: 'console.title-en' }) },
    ];
  }

  private async onCreate(event: SubmitEvent) {
    event.preventDefault();
    const { slug = '', titleSv = '', titleEn = '' } = formValues(event.target as HTMLFormElement);
    const errors: FieldErrors = {};
    if (!slug) errors.slug = required;
    else if (!slugPattern.test(slug)) errors.slug = 'must be 1–64 lower-case';
    if (!titleSv) errors.titleSv = required;
    const create = async () => {
      const { tileSet } = await staffApi.createTileSet(slug, titleSv, titleEn || null);
      this.announce(msg(str`Rutsamlingen ”${tileSet.titleSv}” är skapad.`, { id: 'console.tile-sets.created' }));
      location.hash = `#/tiles/${encodeURIComponent(tileSet.slug)}`;
    };
    await this.send(errors, create, { summary: 'create-errors', fields: this.fields.map((f) => f.name), codeFields: { slug_taken: 'slug' } });
  }

  private renderList(tileSets: StaffTileSet[]): TemplateResult {
    if (tileSets.length === 0) return html`<p>${msg('Det finns inga rutsamlingar än.', { id: 'console.tile-sets.none' })}</p>`;
    return renderTable(
      null,
      [msg('Titel', { id: 'console.tile-sets.title' }), msg('Namn i koden', { id: 'console.tile-sets.slug' }), msg('Rutor', { id: 'console.tile-sets.count' })],
      tileSets.map((set) => {
        const hidden = set.tiles.filter((t) => t.hidden).length;
        return html`<tr>
          <td><a href="#/tiles/${encodeURIComponent(set.slug)}">${set.titleSv}</a></td>
          <td><code>${set.slug}</code></td>
          <td>
            ${set.tiles.length}
            ${hidden ? html`<span class="muted">${msg(str`(${hidden} dolda)`, { id: 'console.tile-sets.hidden-count' })}</span>` : nothing}
          </td>
        </tr>`;
      }),
    );
  }

  protected override render(): TemplateResult {
    const [slug, titleSv, titleEn] = this.fields as [FormField, FormField, FormField];
    const input = (f: FormField, hint?: string) => inputField(f, this.errors[f.name], { spellcheck: f.name !== 'slug', hint });
    return html`
      ${this.renderHeading()}
      <h2>${msg('Rutsamlingar', { id: 'console.tile-sets.heading' })}</h2>
      ${this.#tileSets.render((sets) => this.renderList(sets))}
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
        ${submitRow(msg('Skapa rutsamlingen', { id: 'console.tile-sets.create-submit' }), this.busy)}
      </form>
    `;
  }
}

