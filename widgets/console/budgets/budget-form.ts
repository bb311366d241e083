import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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
import { budgetIssueText, budgetModeLabel, budgetRuleLabel, groupDigits, kronor, parseKronor } from './budget-format.js';
import { describedBy, errorSummary, fieldError, focusSummary, problemText, type FieldErrors } from '../kit/forms.js';
import { renderEntryActions } from '../kit/fields.js';
import { BudgetScreen, type General, type InputOptions } from './budget-screen.js';

/** The budget's form: the whole process, its districts and its lines or projects, and saving it. */
export abstract class BudgetForm extends BudgetScreen {
  protected input(path: string, label: string, value: string, set: (v: string) => void, o: InputOptions = {}): TemplateResult {
    const id = fieldId(path);
    const error = this.errors[path];
    const hintId = o.hint ? `${id}-hint` : undefined;
    const described = describedBy(hintId, error && `${id}-error`);
    const invalid = error ? 'true' : 'false';
    const onInput = (e: Event) => {
      set((e.target as HTMLInputElement | HTMLTextAreaElement).value);
      this.touch();
    };
    // An amount is written back the Swedish way once it is left: "250000" → "250 000".
    const onChange = (e: Event) => {
      const n = parseKronor((e.target as HTMLInputElement).value);
      if (n === undefined) return;
      set(groupDigits(n));
      this.requestUpdate();
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${o.hint ? html`<p class="hint" id=${hintId!}>${o.hint}</p>` : nothing} ${fieldError(id, error && budgetIssueText(error))}
      ${o.multiline
        ? html`<textarea
            id=${id}
            rows="3"
            lang=${o.lang ?? nothing}
            .value=${value}
            ?readonly=${o.readonly}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${o.type ?? 'text'}
            inputmode=${o.amount ? 'numeric' : nothing}
            autocomplete="off"
            spellcheck=${o.spellcheck === false || o.amount ? 'false' : nothing}
            lang=${o.lang ?? nothing}
            .value=${value}
            ?readonly=${o.readonly}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${onInput}
            @change=${o.amount ? onChange : nothing}
          />`}
    </div>`;
  }

  protected amount(path: string, label: string, value: string, set: (v: string) => void, hint?: string): TemplateResult {
    return this.input(path, label, value, set, { amount: true, readonly: this.locked, ...(hint ? { hint } : {}) });
  }

  /** A choice among radio buttons; its first button is where the error summary leads. */
  protected radios<T extends string>(path: string, legend: string, value: T, choices: [T, string][], set: (v: T) => void): TemplateResult {
    const error = this.errors[path];
    const errorId = `f-${path}-error`;
    return html`<fieldset aria-describedby=${describedBy(error && errorId)}>
      <legend>${legend}</legend>
      ${fieldError(`f-${path}`, error && budgetIssueText(error))}
      ${this.locked ? html`<p class="hint">${msg('Går inte att ändra när budgeten är öppen.', { id: 'console.budget.locked-field' })}</p>` : nothing}
      ${choices.map(
        ([v, label]) => html`<label class="choice" for="f-${path}-${v}">
          <input
            type="radio"
            id="f-${path}-${v}"
            name=${path}
            .checked=${v === value}
            ?disabled=${this.locked}
            @change=${() => {
              set(v);
              this.touch();
            }}
          />
          ${label}
        </label>`,
      )}
    </fieldset>`;
  }

  protected async addItem() {
    const draft = this.draft!;
    const item = newItem();
    draft.items = [...draft.items, item];
    this.touch();
    this.announce(msg(str`${this.itemName(item)} har lagts till.`, { id: 'console.budget.item-added' }));
    await this.focusOn(`#${fieldId(`i${item.key}.title.sv`)}`);
  }

  protected async removeItem(item: ItemDraft) {
    const draft = this.draft!;
    const name = this.itemName(item);
    const at = draft.items.indexOf(item);
    draft.items = draft.items.filter((i) => i !== item);
    this.dropErrors(`i${item.key}.`);
    this.touch();
    this.announce(msg(str`${name} har tagits bort.`, { id: 'console.budget.item-removed' }));
    const next = draft.items[at] ?? draft.items[at - 1];
    await this.focusOn(next ? `#f-i${next.key}-heading` : '#add-item');
  }

  protected async moveItem(item: ItemDraft, by: -1 | 1, action: 'up' | 'down') {
    const draft = this.draft!;
    draft.items = this.moved(draft.items, item, by);
    this.touch();
    this.announce(msg(str`${this.itemName(item)} är nu på plats ${draft.items.indexOf(item) + 1} av ${draft.items.length}.`, { id: 'console.budget.item-moved' }));
    await this.refocus(`[data-item="${item.key}"]`, action);
  }

  protected async addDistrict() {
    const draft = this.draft!;
    const district = newDistrict();
    draft.districts = [...draft.districts, district];
    this.touch();
    this.announce(msg(str`${this.districtName(district)} har lagts till.`, { id: 'console.budget.district-added' }));
    await this.focusOn(`#${fieldId(`d${district.key}.name.sv`)}`);
  }

  protected async removeDistrict(district: DistrictDraft) {
    const draft = this.draft!;
    const name = this.districtName(district);
    const at = draft.districts.indexOf(district);
    draft.districts = draft.districts.filter((d) => d !== district);
    // Its lines or projects now belong to every district, and the announcement says so.
    const orphans = draft.items.filter((i) => i.district === district.key);
    for (const item of orphans) item.district = null;
    this.dropErrors(`d${district.key}.`);
    this.touch();
    this.announce(
      orphans.length
        ? msg(str`${name} har tagits bort. Det som låg i området gäller nu i alla områden.`, { id: 'console.budget.district-removed-items' })
        : msg(str`${name} har tagits bort.`, { id: 'console.budget.district-removed' }),
    );
    const next = draft.districts[at] ?? draft.districts[at - 1];
    await this.focusOn(next ? `#f-d${next.key}-heading` : '#add-district');
  }

  protected async moveDistrict(district: DistrictDraft, by: -1 | 1, action: 'up' | 'down') {
    const draft = this.draft!;
    draft.districts = this.moved(draft.districts, district, by);
    this.touch();
    this.announce(
      msg(str`${this.districtName(district)} är nu på plats ${draft.districts.indexOf(district) + 1} av ${draft.districts.length}.`, {
        id: 'console.budget.district-moved',
      }),
    );
    await this.refocus(`[data-district="${district.key}"]`, action);
  }

  protected moved<T>(list: T[], entry: T, by: -1 | 1): T[] {
    const out = [...list];
    const from = out.indexOf(entry);
    const to = from + by;
    if (from < 0 || to < 0 || to >= out.length) return list;
    [out[from], out[to]] = [out[to]!, out[from]!];
    return out;
  }

  /** After a move, focus stays on the moved entry's button; at the top or bottom it is disabled, so the other direction takes it. */
  protected async refocus(entry: string, action: 'up' | 'down') {
    await this.updateComplete;
    const button = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`${entry} [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  protected dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  protected async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.draft) return;
    const draft = this.draft;
    const errors = checkDraft(draft, this.creating);
    this.errors = errors;
    this.general = [];
    if (Object.keys(errors).length) return focusSummary(this, 'budget-errors');
    // The server names items by position: remember the order they were sent in.
    const sent: BudgetDraft = { ...draft, items: [...draft.items], districts: [...draft.districts] };
    const input = inputOf(draft);
    this.busy = true;
    try {
      if (this.creating) {
        const { budget } = await staffApi.createBudget(input);
        this.dirty = false;
        this.announce(msg(str`Budgeten ”${budget.title.sv}” är skapad som utkast.`, { id: 'console.budget.created' }));
        location.hash = `#/budgets/${encodeURIComponent(budget.slug)}`;
        return;
      }
      const { budget } = await staffApi.updateBudget(this.slug, input);
      this.show(budget);
      this.announce(msg('Budgeten är sparad.', { id: 'console.budget.saved' }));
      await this.loadResults();
    } catch (err) {
      const byField: FieldErrors = {};
      const general: General[] = [];
      if (err instanceof StaffApiError && err.code === 'wrong_status') {
        general.push({
          message: msg('Ändringen går inte att spara: när budgeten är öppen går bara texter, bilder och sluttiden att ändra, och när den är stängd inget alls. Ladda om sidan för att se budgeten som den är sparad.', {
            id: 'console.budget.wrong-status-save',
          }),
        });
      } else if (err instanceof StaffApiError && err.issues.length) {
        // Only fields on screen can show a problem (no name field once created, no margin for "within").
        const shown = new Set(this.fields.map((f) => f.name));
        for (const issue of err.issues) {
          const field = fieldOfIssue(sent, issue.path);
          if (field && shown.has(field)) byField[field] ??= issue.message;
          else general.push({ path: issue.path === '(body)' ? undefined : this.pathName(sent, issue.path), message: issue.message });
        }
      } else {
        general.push({ message: problemText(err) });
      }
      this.errors = byField;
      this.general = general;
      await focusSummary(this, 'budget-errors');
    } finally {
      this.busy = false;
    }
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
        ? html`<ol class="entries" aria-labelledby="districts-heading">
            ${repeat(
              d.districts,
              (x) => x.key,
              (x, i) => {
                const p = `d${x.key}`;
                const name = this.districtName(x);
                const named = html`<span class="visually-hidden">${name}</span>`;
                return html`<li class="entry" data-district=${x.key}>
                  <div role="group" aria-labelledby="f-${p}-heading">
                    <h4 id="f-${p}-heading" tabindex="-1">${name}</h4>
                    <div class="pair">
                      ${this.input(`${p}.name.sv`, l.nameSv, x.nameSv, (v) => (x.nameSv = v))}
                      ${this.input(`${p}.name.en`, l.nameEn, x.nameEn, (v) => (x.nameEn = v), { lang: 'en' })}
                    </div>
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
            )}
          </ol>`
        : html`<p>${msg('Inga områden: alla röstar om samma budget.', { id: 'console.budget.no-districts' })}</p>`}
      ${locked
        ? nothing
        : html`<div class="actions">
            <button type="button" id="add-district" @click=${() => void this.addDistrict()}>${msg('Lägg till ett område', { id: 'console.budget.add-district' })}</button>
          </div>`}`;
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
        <div class="pair">
          ${this.input(`${p}.title.sv`, l.titleSv, item.titleSv, (v) => (item.titleSv = v))}
          ${this.input(`${p}.title.en`, l.titleEn, item.titleEn, (v) => (item.titleEn = v), { lang: 'en' })}
        </div>
        ${this.input(`${p}.description.sv`, l.descriptionSv, item.descriptionSv, (v) => (item.descriptionSv = v), { multiline: true })}
        ${this.input(`${p}.description.en`, l.descriptionEn, item.descriptionEn, (v) => (item.descriptionEn = v), { multiline: true, lang: 'en' })}
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
          ${this.input(`${p}.image.url`, l.imageUrl, item.imageUrl, (v) => (item.imageUrl = v), {
            type: 'url',
            spellcheck: false,
            hint: msg('En adress som börjar med https://.', { id: 'console.budget.image-url-hint' }),
          })}
          ${this.input(`${p}.image.alt.sv`, l.altSv, item.altSv, (v) => (item.altSv = v), {
            hint: msg('Vad bilden visar. Lämna tomt bara om bilden är ren dekoration.', { id: 'console.budget.alt-hint' }),
          })}
          ${this.input(`${p}.image.alt.en`, l.altEn, item.altEn, (v) => (item.altEn = v), { lang: 'en' })}
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
    const summaryErrors = Object.fromEntries(Object.entries(this.errors).map(([k, v]) => [k, budgetIssueText(v)]));
    const general = this.general.map((g) => (g.path ? `${g.path}: ${budgetIssueText(g.message)}` : budgetIssueText(g.message)));
    return html`
      <h2 id="form-heading">${this.creating ? msg('Uppgifter', { id: 'console.budget.form-new' }) : msg('Ändra budgeten', { id: 'console.budget.form-edit' })}</h2>
      ${locked
        ? html`<p class="notice warning" id="locked-notice">
            ${msg('Budgeten är öppen. Nu går bara texter, bilder och sluttiden att ändra: invånarnas röster gäller raderna och beloppen som de ser ut nu.', {
              id: 'console.budget.locked',
            })}
          </p>`
        : nothing}
      ${errorSummary('budget-errors', summaryErrors, general, this.fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
        ${this.creating
          ? this.input('slug', l.slug, d.slug, (v) => (d.slug = v), {
              spellcheck: false,
              hint: msg('Små bokstäver a–z, siffror och bindestreck, till exempel investeringar-2027. Står i koden som klistras in på webbplatsen och kan inte ändras sedan.', {
                id: 'console.budget.slug-hint',
              }),
            })
          : nothing}
        <fieldset>
          <legend>${msg('Titel', { id: 'console.tile.title' })}</legend>
          ${this.input('title.sv', l.titleSv, d.titleSv, (v) => (d.titleSv = v))}
          ${this.input('title.en', l.titleEn, d.titleEn, (v) => (d.titleEn = v), { lang: 'en' })}
        </fieldset>
        <fieldset>
          <legend>${msg('Beskrivning', { id: 'console.tile.description' })}</legend>
          ${this.input('description.sv', l.descriptionSv, d.descriptionSv, (v) => (d.descriptionSv = v), { multiline: true })}
          ${this.input('description.en', l.descriptionEn, d.descriptionEn, (v) => (d.descriptionEn = v), { multiline: true, lang: 'en' })}
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
        ${this.input('closesAt', l.closesAt, d.closesAt, (v) => (d.closesAt = v), {
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
        ${fieldError('add-item', this.errors.items && budgetIssueText(this.errors.items))}
        <ol class="entries" aria-labelledby="items-heading">
          ${repeat(
            d.items,
            (x) => x.key,
            (x, i) => this.renderItem(d, x, i),
          )}
        </ol>
        ${locked
          ? nothing
          : html`<div class="actions">
              <button type="button" id="add-item" aria-describedby=${describedBy(this.errors.items && 'add-item-error')} @click=${() => void this.addItem()}>
                ${sliders ? msg('Lägg till en rad', { id: 'console.budget.add-line' }) : msg('Lägg till ett projekt', { id: 'console.budget.add-project' })}
              </button>
            </div>`}
        <div class="actions">
          <button type="submit" class="primary" id="save-budget" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.creating ? msg('Skapa budgeten', { id: 'console.budget.create' }) : msg('Spara ändringarna', { id: 'console.budget.save' })}
          </button>
          ${this.dirty && !this.creating ? html`<span class="muted">${msg('Det finns ändringar som inte är sparade.', { id: 'console.budget.unsaved' })}</span>` : nothing}
        </div>
      </form>
    `;
  }
}
