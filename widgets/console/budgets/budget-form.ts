import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError, staffApi } from '../kit/api.js';
import {
  checkDraft,
  fieldId,
  fieldOfIssue,
  inputOf,
  newDistrict,
  newItem,
  type BudgetDraft,
  type DistrictDraft,
  type ItemDraft,
} from './budget-draft.js';
import { budgetIssueText, budgetModeLabel, budgetRuleLabel, kronor, parseKronor } from './budget-format.js';
import { describedBy, fieldError, problemText } from '../kit/forms.js';
import { renderEntryActions } from '../kit/fields.js';
import { groupDigits } from '../kit/labels.js';
import { BudgetScreen } from './budget-screen.js';

/** A long text: three rows. */
const long = { multiline: true, rows: 3 } as const;

/** The budget's form: the whole process, its districts and its lines or projects, and saving it. */
export abstract class BudgetForm extends BudgetScreen {
  /** An amount in kronor: a numeric keyboard, and written back the Swedish way once left ("250000" → "250 000"). */
  protected amount(path: string, label: string, value: string, set: (v: string) => void, hint?: string): TemplateResult {
    const change = (v: string) => {
      const n = parseKronor(v);
      if (n === undefined) return;
      set(groupDigits(n));
      this.requestUpdate();
    };
    return this.field(path, label, value, set, { inputmode: 'numeric', spellcheck: false, readonly: this.locked, change, ...(hint ? { hint } : {}) });
  }

  /** Why a choice cannot change now, if it cannot. */
  protected get lockedHint(): string | undefined {
    return this.locked ? msg('Går inte att ändra när budgeten är öppen.', { id: 'console.budget.locked-field' }) : undefined;
  }

  protected async addItem() {
    const d = this.draft!;
    const item = newItem();
    const said = () => msg(str`${this.itemName(item)} har lagts till.`, { id: 'console.budget.item-added' });
    await this.addEntry(d, 'items', item, said, `#${fieldId(`i${item.key}.title.sv`)}`);
  }

  protected async removeItem(item: ItemDraft) {
    const d = this.draft!;
    const name = this.itemName(item);
    await this.removeEntry(d, 'items', item, {
      errors: `i${item.key}.`,
      said: () => msg(str`${name} har tagits bort.`, { id: 'console.budget.item-removed' }),
      focus: (next) => `#f-i${next.key}-heading`,
      otherwise: '#add-item',
    });
  }

  protected async moveItem(item: ItemDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    await this.moveEntry(d, 'items', item, by, action, `[data-item="${item.key}"]`, () =>
      msg(str`${this.itemName(item)} är nu på plats ${d.items.indexOf(item) + 1} av ${d.items.length}.`, { id: 'console.budget.item-moved' }),
    );
  }

  protected async addDistrict() {
    const d = this.draft!;
    const district = newDistrict();
    const said = () => msg(str`${this.districtName(district)} har lagts till.`, { id: 'console.budget.district-added' });
    await this.addEntry(d, 'districts', district, said, `#${fieldId(`d${district.key}.name.sv`)}`);
  }

  protected async removeDistrict(district: DistrictDraft) {
    const d = this.draft!;
    const name = this.districtName(district);
    // Its lines or projects now belong to every district, and the announcement says so.
    const orphans = d.items.filter((i) => i.district === district.key);
    for (const item of orphans) item.district = null;
    await this.removeEntry(d, 'districts', district, {
      errors: `d${district.key}.`,
      said: () =>
        orphans.length
          ? msg(str`${name} har tagits bort. Det som låg i området gäller nu i alla områden.`, { id: 'console.budget.district-removed-items' })
          : msg(str`${name} har tagits bort.`, { id: 'console.budget.district-removed' }),
      focus: (next) => `#f-d${next.key}-heading`,
      otherwise: '#add-district',
    });
  }

  protected async moveDistrict(district: DistrictDraft, by: -1 | 1, action: 'up' | 'down') {
    const d = this.draft!;
    await this.moveEntry(d, 'districts', district, by, action, `[data-district="${district.key}"]`, () =>
      msg(str`${this.districtName(district)} är nu på plats ${d.districts.indexOf(district) + 1} av ${d.districts.length}.`, {
        id: 'console.budget.district-moved',
      }),
    );
  }

  protected onSubmit(event: SubmitEvent) {
    return this.save(event, {
      summary: 'budget-errors',
      check: (draft) => checkDraft(draft, this.creating),
      snapshot: (draft) => ({ ...draft, items: [...draft.items], districts: [...draft.districts] }),
      send: async (draft) => {
        const input = inputOf(draft);
        if (this.creating) {
          const { budget } = await staffApi.createBudget(input);
          return this.created(() => msg(str`Budgeten ”${budget.title.sv}” är skapad som utkast.`, { id: 'console.budget.created' }), `#/budgets/${encodeURIComponent(budget.slug)}`);
        }
        const { budget } = await staffApi.updateBudget(this.slug, input);
        this.show(budget);
        this.announce(msg('Budgeten är sparad.', { id: 'console.budget.saved' }));
        await this.loadResults();
      },
      // Only fields on screen can show a problem (no name field once created, no margin for "within").
      fieldOf: fieldOfIssue,
      refused: (err) =>
        err instanceof StaffApiError && err.code === 'wrong_status'
          ? {
              message: msg('Ändringen går inte att spara: när budgeten är öppen går bara texter, bilder och sluttiden att ändra, och när den är stängd inget alls. Ladda om sidan för att se budgeten som den är sparad.', {
                id: 'console.budget.wrong-status-save',
              }),
            }
          : undefined,
      unplaced: (sent, path, message) => ({ path: path === '(body)' ? undefined : this.pathName(sent, path), message }),
      failed: (err) => ({ message: problemText(err) }),
    });
  }

  /** A path no field shows, in words where it names an item or a district ("Rad 2 (items.1.image)"). */
  protected pathName(sent: BudgetDraft, path: string): string {
    const m = /^(items|districts)\.(\d+)/.exec(path);
    if (!m) return path;
    const n = Number(m[2]) + 1;
    const kind = m[1] === 'items' ? (sent.mode === 'projects' ? msg('Projekt', { id: 'console.budget.project' }) : msg('Rad', { id: 'console.budget.line' })) : msg('Område', { id: 'console.budget.district' });
    return `${kind} ${n} (${path})`;
  }

  protected renderDistricts(d: BudgetDraft): TemplateResult {
    const locked = this.locked;
    const l = this.labels;
    return html`<h3 id="districts-heading">${msg('Områden (valfria)', { id: 'console.budget.districts' })}</h3>
      <p class="hint">
        ${msg('Med områden röstar varje invånare i ett område, med områdets egen budget. Rader och projekt utan område gäller i alla områden.', {
          id: 'console.budget.districts-hint',
        })}
      </p>
      ${d.districts.length
        ? this.renderEntries(
            d.districts,
            (x, i) => {
                const p = `d${x.key}`;
                const name = this.districtName(x);
                const named = html`<span class="visually-hidden">${name}</span>`;
                return html`<li class="entry" data-district=${x.key}>
                  <div role="group" aria-labelledby="f-${p}-heading">
                    <h4 id="f-${p}-heading" tabindex="-1">${name}</h4>
                    ${this.pair(`${p}.name`, [l.nameSv, l.nameEn], x, ['nameSv', 'nameEn'])}
                    ${this.amount(`${p}.total`, l.districtTotal, x.total, (v) => (x.total = v))}
                    ${locked
                      ? nothing
                      : renderEntryActions({
                          index: i,
                          count: d.districts.length,
                          named,
                          move: (by, action) => void this.moveDistrict(x, by, action),
                          remove: () => void this.removeDistrict(x),
                        })}
                  </div>
                </li>`;
            },
            { labelledBy: 'districts-heading' },
          )
        : html`<p>${msg('Inga områden: alla röstar om samma budget.', { id: 'console.budget.no-districts' })}</p>`}
      ${locked ? nothing : this.addButton('add-district', msg('Lägg till ett område', { id: 'console.budget.add-district' }), () => void this.addDistrict())}`;
  }

  protected renderItem(d: BudgetDraft, item: ItemDraft, i: number): TemplateResult {
    const locked = this.locked;
    const l = this.labels;
    const p = `i${item.key}`;
    const name = this.itemName(item);
    const named = html`<span class="visually-hidden">${name}</span>`;
    const districtError = this.errors[`${p}.district`];
    const sliderHint = `f-${p}-slider-hint`;
    return html`<li class="entry" data-item=${item.key}>
      <div role="group" aria-labelledby="f-${p}-heading">
        <h4 id="f-${p}-heading" tabindex="-1">${name}</h4>
        ${this.pair(`${p}.title`, [l.titleSv, l.titleEn], item, ['titleSv', 'titleEn'])}
        ${this.field(`${p}.description.sv`, l.descriptionSv, item.descriptionSv, (v) => (item.descriptionSv = v), long)}
        ${this.field(`${p}.description.en`, l.descriptionEn, item.descriptionEn, (v) => (item.descriptionEn = v), { ...long, lang: 'en' })}
        ${d.districts.length
          ? html`<div class="field">
              <label for="f-${p}-district">${l.district}</label>
              ${fieldError(`f-${p}-district`, districtError && budgetIssueText(districtError))}
              <select
                id="f-${p}-district"
                ?disabled=${locked}
                aria-invalid=${districtError ? 'true' : 'false'}
                aria-describedby=${describedBy(districtError && `f-${p}-district-error`)}
                @input=${(e: Event) => {
                  const v = (e.target as HTMLSelectElement).value;
                  item.district = v ? Number(v) : null;
                  this.touch();
                }}
              >
                <option value="" ?selected=${item.district === null}>${msg('Alla områden', { id: 'console.budget.all-districts' })}</option>
                ${d.districts.map((x) => html`<option value=${x.key} ?selected=${item.district === x.key}>${this.districtName(x)}</option>`)}
              </select>
            </div>`
          : nothing}
        <fieldset>
          <legend>${msg('Bild (valfri)', { id: 'console.budget.image' })}</legend>
          ${this.field(`${p}.image.url`, l.imageUrl, item.imageUrl, (v) => (item.imageUrl = v), {
            type: 'url',
            spellcheck: false,
            hint: msg('En adress som börjar med https://.', { id: 'console.budget.image-url-hint' }),
          })}
          ${this.field(`${p}.image.alt.sv`, l.altSv, item.altSv, (v) => (item.altSv = v), {
            hint: msg('Vad bilden visar. Lämna tomt bara om bilden är ren dekoration.', { id: 'console.budget.alt-hint' }),
          })}
          ${this.field(`${p}.image.alt.en`, l.altEn, item.altEn, (v) => (item.altEn = v), { lang: 'en' })}
        </fieldset>
        ${d.mode === 'sliders'
          ? html`<fieldset aria-describedby=${sliderHint}>
              <legend>${msg('Reglaget', { id: 'console.budget.slider' })}</legend>
              <p class="hint" id=${sliderHint}>
                ${msg('Hela kronor. Reglaget går från minsta till största belopp i steg, och står på startbeloppet från början.', { id: 'console.budget.slider-hint' })}
              </p>
              <div class="amounts">
                ${this.amount(`${p}.min`, l.min, item.min, (v) => (item.min = v))} ${this.amount(`${p}.max`, l.max, item.max, (v) => (item.max = v))}
                ${this.amount(`${p}.step`, l.step, item.step, (v) => (item.step = v))}
                ${this.amount(`${p}.start`, l.start, item.start, (v) => (item.start = v))}
              </div>
            </fieldset>`
          : this.amount(`${p}.cost`, l.cost, item.cost, (v) => (item.cost = v))}
        ${locked
          ? nothing
          : renderEntryActions({
              index: i,
              count: d.items.length,
              named,
              move: (by, action) => void this.moveItem(item, by, action),
              remove: () => void this.removeItem(item),
              removable: d.items.length > 1,
            })}
      </div>
    </li>`;
  }

  protected renderForm(d: BudgetDraft): TemplateResult {
    const l = this.labels;
    const sliders = d.mode === 'sliders';
    const locked = this.locked;
    const districtSum = d.districts.reduce((sum, x) => sum + (parseKronor(x.total) ?? 0), 0);
    const notice = locked
      ? html`<p class="notice warning" id="locked-notice">
          ${msg('Budgeten är öppen. Nu går bara texter, bilder och sluttiden att ändra: invånarnas röster gäller raderna och beloppen som de ser ut nu.', {
            id: 'console.budget.locked',
          })}
        </p>`
      : nothing;
    const title = this.creating ? msg('Uppgifter', { id: 'console.budget.form-new' }) : msg('Ändra budgeten', { id: 'console.budget.form-edit' });
    return this.renderDraftForm(
      { title, summary: 'budget-errors', save: ['save-budget', msg('Skapa budgeten', { id: 'console.budget.create' })], notice },
      html`
        ${this.creating
          ? this.field('slug', l.slug, d.slug, (v) => (d.slug = v), {
              spellcheck: false,
              hint: msg('Små bokstäver a–z, siffror och bindestreck, till exempel investeringar-2027. Står i koden som klistras in på webbplatsen och kan inte ändras sedan.', {
                id: 'console.budget.slug-hint',
              }),
            })
          : nothing}
        <fieldset>
          <legend>${msg('Titel', { id: 'console.tile.title' })}</legend>
          ${this.field('title.sv', l.titleSv, d.titleSv, (v) => (d.titleSv = v))}
          ${this.field('title.en', l.titleEn, d.titleEn, (v) => (d.titleEn = v), { lang: 'en' })}
        </fieldset>
        <fieldset>
          <legend>${msg('Beskrivning', { id: 'console.tile.description' })}</legend>
          ${this.field('description.sv', l.descriptionSv, d.descriptionSv, (v) => (d.descriptionSv = v), long)}
          ${this.field('description.en', l.descriptionEn, d.descriptionEn, (v) => (d.descriptionEn = v), { ...long, lang: 'en' })}
        </fieldset>
        ${this.radios(
          'mode',
          l.mode,
          d.mode,
          [
            ['sliders', budgetModeLabel('sliders')],
            ['projects', budgetModeLabel('projects')],
          ],
          (v) => (d.mode = v),
          this.lockedHint,
        )}
        ${this.amount(
          'total',
          l.total,
          d.total,
          (v) => (d.total = v),
          d.districts.length
            ? msg(str`Med områden gäller varje områdes egen budget. Områdena har tillsammans ${kronor(districtSum, this.locale)}.`, {
                id: 'console.budget.total-districts-hint',
              })
            : undefined,
        )}
        ${sliders
          ? html`${this.radios(
              'rule',
              l.rule,
              d.rule,
              [
                ['within', budgetRuleLabel('within')],
                ['balanced', budgetRuleLabel('balanced')],
              ],
              (v) => (d.rule = v),
              this.lockedHint,
            )}
            ${d.rule === 'balanced'
              ? this.amount(
                  'tolerance',
                  l.tolerance,
                  d.tolerance,
                  (v) => (d.tolerance = v),
                  msg('Så mycket får invånarens fördelning vara över eller under budgeten. 0 betyder exakt.', { id: 'console.budget.tolerance-hint' }),
                )
              : nothing}`
          : nothing}
        ${this.field('closesAt', l.closesAt, d.closesAt, (v) => (d.closesAt = v), {
          type: 'datetime-local',
          hint: msg('Efter den tiden tas inga röster emot. Lämna tomt om ni stänger budgeten själva.', { id: 'console.budget.closes-at-hint' }),
        })}
        ${this.renderDistricts(d)}
        <h3 id="items-heading">${sliders ? msg('Rader', { id: 'console.budget.lines' }) : msg('Projekt', { id: 'console.budget-mode.projects-short' })}</h3>
        <p class="hint">
          ${sliders
            ? msg('Varje rad får ett eget reglage, i den här ordningen.', { id: 'console.budget.lines-hint' })
            : msg('Invånarna väljer projekt så länge de ryms i budgeten. Projekten visas i den här ordningen.', { id: 'console.budget.projects-hint' })}
        </p>
        ${this.renderEntries(d.items, (x, i) => this.renderItem(d, x, i), { labelledBy: 'items-heading', problem: ['add-item', 'items'] })}
        ${locked
          ? nothing
          : this.addButton(
              'add-item',
              sliders ? msg('Lägg till en rad', { id: 'console.budget.add-line' }) : msg('Lägg till ett projekt', { id: 'console.budget.add-project' }),
              () => void this.addItem(),
              this.errors.items ? { describedBy: 'add-item-error' } : {},
            )}
      `,
    );
  }
}
