import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { iconNames, type IconName } from '../../../contract/icon-names.js';
import { icon } from '../../tiles/icons.js';
import { openableWidgets, staffApi, type StaffTile, type TileInput } from '../kit/api.js';
import { describedBy, errorSummary, fieldError, formValues, required, type FieldErrors } from '../kit/forms.js';
import { iconLabel, widgetLabel } from '../kit/labels.js';
import { colourRow, hexColour } from '../kit/screen-fields.js';
import { SendingFormScreen } from '../kit/screen-form.js';
import { ConsoleScreen } from '../kit/screen.js';

const defaultColour = '#005a9c';

declare global {
  interface GlobalEventHandlersEventMap {
    'medverka-console-tile-saved': CustomEvent<{ tile: StaffTile; created: boolean }>;
    'medverka-console-tile-cancel': CustomEvent<void>;
  }
}

interface Field {
  name: keyof TileInput;
  id: string;
  label: string;
}

/** "petition=42" lines → { petition: '42' }; undefined when a line has no "=". */
function parseAttributes(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    if (at < 1) return undefined;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/**
 * The form for one tile, new or existing: texts in both languages, icon, where it leads,
 * colour, hidden. Saves through the API itself and tells the set editor.
 *
 * @event medverka-console-tile-saved - Saved. `detail`: `{ tile, created }`.
 * @event medverka-console-tile-cancel - Closed without saving.
 */
export class MedverkaConsoleTileForm extends SendingFormScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      :host {
        padding: 1rem;
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      h2 {
        margin-top: 0;
      }
      @media (max-width: 30rem) {
        :host {
          padding: 0.75rem 0.5rem;
        }
      }
      h2[tabindex='-1']:focus {
        outline: none;
      }
      .icons {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0 0.5rem;
      }
      .icons svg {
        flex: none;
        width: 1.75rem;
        height: 1.75rem;
        color: var(--_accent);
      }
      .colour-row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: flex-end;
      }
      .colour-row .field {
        margin: 0 0 0.5rem;
      }
      #tile-colour-hex {
        width: 8rem;
      }
      @media (forced-colors: active) {
        .icons svg {
          color: CanvasText;
        }
      }
    `,
  ];

  static override properties = {
    ...SendingFormScreen.properties,
    /** The set a new tile goes into. */
    slug: {},
    /** The tile being edited; none for a new tile. */
    tile: { attribute: false },
    kind: { state: true },
    useColour: { state: true },
    colour: { state: true },
  };

  declare slug: string;
  declare tile?: StaffTile;
  declare private kind: 'link' | 'widget';
  declare private useColour: boolean;
  declare private colour: string;

  constructor() {
    super();
    this.slug = '';
    this.kind = 'link';
    this.useColour = false;
    this.colour = defaultColour;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.kind = this.tile?.targetKind ?? 'link';
    this.useColour = Boolean(this.tile?.colour);
    this.colour = this.tile?.colour ?? defaultColour;
  }

  override async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get fields(): Field[] {
    const link = this.kind === 'link';
    return [
      { name: 'titleSv', id: 'tile-title-sv', label: msg('Titel på svenska', { id: 'console.title-sv' }) },
      { name: 'titleEn', id: 'tile-title-en', label: msg('Titel på engelska (valfri)', { id: 'console.title-en' }) },
      { name: 'descriptionSv', id: 'tile-description-sv', label: msg('Beskrivning på svenska (valfri)', { id: 'console.tile.description-sv' }) },
      { name: 'descriptionEn', id: 'tile-description-en', label: msg('Beskrivning på engelska (valfri)', { id: 'console.tile.description-en' }) },
      { name: 'icon', id: `tile-icon-${this.tile?.icon ?? iconNames[0]}`, label: msg('Ikon', { id: 'console.tile.icon' }) },
      { name: 'targetKind', id: 'tile-kind-link', label: msg('Vad rutan gör', { id: 'console.tile.kind' }) },
      ...(link ? [] : [{ name: 'widget', id: 'tile-widget', label: msg('Widget', { id: 'console.tile.widget' }) } as Field]),
      {
        name: 'href',
        id: 'tile-href',
        label: link ? msg('Adress', { id: 'console.tile.href' }) : msg('Reservadress (valfri)', { id: 'console.tile.fallback-href' }),
      },
      ...(link
        ? []
        : [{ name: 'widgetAttributes', id: 'tile-attributes', label: msg('Inställningar för widgeten (valfria)', { id: 'console.tile.attributes' }) } as Field]),
      { name: 'colour', id: 'tile-colour-hex', label: msg('Färgkod', { id: 'console.tile.colour-hex' }) },
      { name: 'hidden', id: 'tile-hidden', label: msg('Dölj rutan för invånare', { id: 'console.tile.hidden' }) },
    ];
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const v = formValues(form);
    const errors: FieldErrors = {};
    const link = this.kind === 'link';
    const attributes = link ? {} : parseAttributes(v.widgetAttributes ?? '');
    if (!v.titleSv) errors.titleSv = required;
    if (link && !v.href) errors.href = 'a link tile needs an address';
    if (!link && !v.widget) errors.widget = 'a widget tile needs a widget';
    if (!attributes) errors.widgetAttributes = 'attribute line';
    if (this.useColour && !hexColour.test(this.colour)) errors.colour = 'must be a colour';

    const input: TileInput = {
      titleSv: v.titleSv!,
      titleEn: v.titleEn || null,
      descriptionSv: v.descriptionSv ?? '',
      descriptionEn: v.descriptionEn || null,
      icon: (v.icon ?? 'arrow') as IconName,
      targetKind: this.kind,
      href: v.href || null,
      widget: link ? null : (v.widget as TileInput['widget']),
      widgetAttributes: attributes ?? {},
      colour: this.useColour ? this.colour.toLowerCase() : null,
      hidden: (form.elements.namedItem('hidden') as HTMLInputElement).checked,
    };
    const save = async () => {
      const { tile } = this.tile ? await staffApi.replaceTile(this.tile.id, input) : await staffApi.createTile(this.slug, input);
      this.dispatchEvent(new CustomEvent('medverka-console-tile-saved', { detail: { tile, created: !this.tile }, bubbles: true, composed: true }));
    };
    await this.send(errors, save, { summary: 'tile-errors', fields: this.fields.map((f) => f.name) });
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('medverka-console-tile-cancel', { bubbles: true, composed: true }));
  }

  private renderText(f: Field, value: string | null | undefined, options: { multiline?: boolean; hint?: string } = {}): TemplateResult {
    const error = this.errors[f.name];
    const hintId = options.hint ? `${f.id}-hint` : undefined;
    const common = {
      invalid: error ? 'true' : 'false',
      describedBy: describedBy(hintId, error && `${f.id}-error`),
    };
    return html`<div class="field">
      <label for=${f.id}>${f.label}</label>
      ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldError(f.id, error)}
      ${options.multiline
        ? html`<textarea id=${f.id} name=${f.name} rows="3" aria-invalid=${common.invalid} aria-describedby=${common.describedBy} .value=${value ?? ''}></textarea>`
        : html`<input id=${f.id} name=${f.name} type="text" aria-invalid=${common.invalid} aria-describedby=${common.describedBy} .value=${value ?? ''} />`}
    </div>`;
  }

  private renderIcons(f: Field): TemplateResult {
    const chosen = this.tile?.icon ?? iconNames[0];
    return html`<fieldset aria-describedby=${describedBy(this.errors.icon && `${f.id}-error`)}>
      <legend>${f.label}</legend>
      ${fieldError(f.id, this.errors.icon)}
      <div class="icons">
        ${iconNames.map(
          (name) => html`<label class="choice" for="tile-icon-${name}">
            <input type="radio" id="tile-icon-${name}" name="icon" value=${name} .checked=${name === chosen} />
            ${icon(name)} ${iconLabel(name)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderTarget(fields: Record<string, Field>): TemplateResult {
    const link = this.kind === 'link';
    const t = this.tile;
    const widget = fields.widget;
    return html`<fieldset>
      <legend>${fields.targetKind!.label}</legend>
      <label class="choice" for="tile-kind-link">
        <input type="radio" id="tile-kind-link" name="targetKind" value="link" .checked=${link} @change=${() => (this.kind = 'link')} />
        ${msg('Länkar till en sida', { id: 'console.tile.kind-link' })}
      </label>
      <label class="choice" for="tile-kind-widget">
        <input type="radio" id="tile-kind-widget" name="targetKind" value="widget" .checked=${!link} @change=${() => (this.kind = 'widget')} />
        ${msg('Öppnar en annan Medverka-widget på samma plats', { id: 'console.tile.kind-widget' })}
      </label>
      ${widget
        ? html`<div class="field">
            <label for=${widget.id}>${widget.label}</label>
            ${fieldError(widget.id, this.errors.widget)}
            <select
              id=${widget.id}
              name="widget"
              aria-invalid=${this.errors.widget ? 'true' : 'false'}
              aria-describedby=${describedBy(this.errors.widget && `${widget.id}-error`)}
            >
              <option value="" ?selected=${!t?.widget}>${msg('Välj widget', { id: 'console.tile.choose-widget' })}</option>
              ${openableWidgets.map((w) => html`<option value=${w} ?selected=${t?.widget === w}>${widgetLabel(w)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${this.renderText(fields.href!, t?.href, {
        hint: link
          ? msg('https://… , mailto:… , tel:… eller en sökväg som börjar med / och leder till en sida på webbplatsen som visar rutorna.', { id: 'console.tile.href-hint' })
          : msg('Dit invånaren kommer om widgeten inte kan öppnas.', { id: 'console.tile.fallback-href-hint' }),
      })}
      ${fields.widgetAttributes
        ? this.renderText(
            fields.widgetAttributes,
            Object.entries(t?.widgetAttributes ?? {})
              .map(([k, val]) => `${k}=${val}`)
              .join('\n'),
            {
              multiline: true,
              hint: msg('En per rad, till exempel petition=42.', { id: 'console.tile.attributes-hint' }),
            },
          )
        : nothing}
    </fieldset>`;
  }

  private renderColour(f: Field): TemplateResult {
    const error = this.errors.colour;
    return html`<fieldset>
      <legend>${msg('Färg', { id: 'console.tile.colour' })}</legend>
      <label class="choice" for="tile-use-colour">
        <input type="checkbox" id="tile-use-colour" .checked=${this.useColour} @change=${(e: Event) => (this.useColour = (e.target as HTMLInputElement).checked)} />
        ${msg('Egen färg på rutan (annars widgetens färg)', { id: 'console.tile.use-colour' })}
      </label>
      ${this.useColour
        ? html`${colourRow({ id: 'tile-colour', label: msg('Välj färg', { id: 'console.tile.colour-picker' }) }, f, this.colour, (c) => (this.colour = c), {
              error,
              hintId: 'tile-colour-hint',
            })}
            <p class="hint" id="tile-colour-hint">
              ${msg('Välj en mörk färg: vit text och ikoner ska synas tydligt mot den.', { id: 'console.tile.colour-hint' })}
            </p>`
        : nothing}
    </fieldset>`;
  }

  protected override render(): TemplateResult {
    const list = this.fields;
    const f = Object.fromEntries(list.map((x) => [x.name, x])) as Record<string, Field>;
    const t = this.tile;
    return html`
      <h2 tabindex="-1">${t ? msg(str`Ändra rutan ”${t.titleSv}”`, { id: 'console.tile.edit-title' }) : msg('Ny ruta', { id: 'console.tile.new-title' })}</h2>
      ${errorSummary('tile-errors', this.errors, this.general, list, () => this.renderRoot as ShadowRoot)}
      <form novalidate @submit=${this.onSubmit}>
        <fieldset>
          <legend>${msg('Titel', { id: 'console.tile.title' })}</legend>
          ${this.renderText(f.titleSv!, t?.titleSv)} ${this.renderText(f.titleEn!, t?.titleEn)}
        </fieldset>
        <fieldset>
          <legend>${msg('Beskrivning', { id: 'console.tile.description' })}</legend>
          ${this.renderText(f.descriptionSv!, t?.descriptionSv, { multiline: true })}
          ${this.renderText(f.descriptionEn!, t?.descriptionEn, { multiline: true })}
        </fieldset>
        ${this.renderIcons(f.icon!)} ${this.renderTarget(f)} ${this.renderColour(f.colour!)}
        <div class="field">
          <label class="choice" for="tile-hidden">
            <input type="checkbox" id="tile-hidden" name="hidden" .checked=${t?.hidden ?? false} aria-describedby="tile-hidden-hint" />
            ${f.hidden!.label}
          </label>
          <p class="hint" id="tile-hidden-hint">${msg('En dold ruta syns bara här i konsolen.', { id: 'console.tile.hidden-hint' })}</p>
        </div>
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${t ? msg('Spara rutan', { id: 'console.tile.save' }) : msg('Lägg till rutan', { id: 'console.tile.add' })}
          </button>
          <button type="button" @click=${this.cancel}>${msg('Avbryt', { id: 'console.cancel' })}</button>
        </div>
      </form>
    `;
  }
}
