import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError, staffApi, type BudgetResults, type StaffBudget } from '../kit/api.js';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  fieldId,
  fieldOfIssue,
  inputOf,
  newDistrict,
  newItem,
  type BudgetDraft,
  type DistrictDraft,
  type ItemDraft,
} from './budget-draft.js';
import { budgetIssueText, budgetModeLabel, budgetRuleLabel, budgetStatusLabel, groupDigits, kronor, parseKronor } from './budget-format.js';
import { renderCounts, renderDecision, renderDownloads, renderResultsTables } from './budget-results.js';
import { editorStyles } from '../kit/editor.styles.js';
import { atLeast, describedBy, errorSummary, fieldError, focusSummary, problemText, required, type FieldErrors } from '../kit/forms.js';
import { dateTime } from '../kit/labels.js';
import { ConsoleScreen } from '../kit/screen.js';

/** A problem the server named by a path no field of the form shows, or none. */
interface General {
  path?: string;
  message: string;
}

interface Field {
  name: string;
  id: string;
  label: string;
}

interface InputOptions {
  hint?: string;
  multiline?: boolean;
  readonly?: boolean;
  lang?: string;
  type?: string;
  spellcheck?: boolean;
  /** Amounts in kronor: numeric keyboard, and rewritten with the Swedish grouping once left. */
  amount?: boolean;
}

type Phase = 'open' | 'close' | 'publish';

/** The server's minimum for a published decision (server/budgets/staff-routes.ts). */
const decisionMinimum = 10;

/**
 * One participatory budget: the form for the whole process (new, or as saved), its phases
 * (open, close, publish the results with the municipality's decision), the results so far,
 * the downloads, and beside the form the real <medverka-budget> widget as residents see it.
 */
export class MedverkaConsoleBudget extends ConsoleScreen {
  static override styles = [...ConsoleScreen.styles, editorStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    /** The process's name, as in the embed code; none for a new process. */
    slug: {},
    budget: { state: true },
    draft: { state: true },
    loadProblem: { state: true },
    errors: { state: true },
    general: { state: true },
    busy: { state: true },
    dirty: { state: true },
    confirming: { state: true },
    actionProblems: { state: true },
    results: { state: true },
    resultsProblem: { state: true },
    decisionSv: { state: true },
    decisionEn: { state: true },
    selected: { state: true },
    publishErrors: { state: true },
    publishGeneral: { state: true },
    previewLang: { state: true },
    previewKey: { state: true },
  };

  declare slug: string;
  declare private budget?: StaffBudget;
  declare private draft?: BudgetDraft;
  declare private loadProblem?: string;
  /** The form's problems, by internal path (see budget-draft.ts), in raw form. */
  declare private errors: FieldErrors;
  declare private general: General[];
  declare private busy: boolean;
  /** The form has changes that are not saved. */
  declare private dirty: boolean;
  /** The step waiting for "yes". */
  declare private confirming?: Phase;
  declare private actionProblems: string[];
  declare private results?: BudgetResults;
  declare private resultsProblem?: string;
  declare private decisionSv: string;
  declare private decisionEn: string;
  /** Projects the municipality funds, chosen when publishing. */
  declare private selected: Set<number>;
  declare private publishErrors: FieldErrors;
  declare private publishGeneral: string[];
  declare private previewLang: 'sv' | 'en';
  /** Changed after every save and step, so the preview is a new widget that loads the saved state. */
  declare private previewKey: number;

  constructor() {
    super();
    this.slug = '';
    this.errors = {};
    this.general = [];
    this.busy = false;
    this.dirty = false;
    this.actionProblems = [];
    this.decisionSv = '';
    this.decisionEn = '';
    this.selected = new Set();
    this.publishErrors = {};
    this.publishGeneral = [];
    this.previewLang = 'sv';
    this.previewKey = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.creating) this.draft ??= emptyDraft();
    else void this.load();
  }

  private get creating(): boolean {
    return !this.slug;
  }

  /** Once open, residents' ballots refer to the lines and amounts: only texts, images and the closing time may change. */
  private get locked(): boolean {
    return this.budget?.status === 'open';
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      this.show((await staffApi.budget(this.slug)).budget);
    } catch (err) {
      this.loadProblem = problemText(err);
      return;
    }
    await this.loadResults();
  }

  /** Shows the process as saved; the form follows unless it holds changes not yet saved. */
  private show(budget: StaffBudget, keepDraft = false) {
    this.budget = budget;
    if (!keepDraft || !this.draft) {
      this.draft = draftOf(budget);
      this.dirty = false;
    }
    this.previewKey++;
  }

  async loadResults(announce = false): Promise<void> {
    if (!this.budget || this.budget.status === 'draft') return;
    this.resultsProblem = undefined;
    try {
      this.results = (await staffApi.budgetResults(this.slug)).results;
      if (announce) this.announce(msg('Resultatet är uppdaterat.', { id: 'console.budget.results-updated' }));
    } catch (err) {
      this.resultsProblem = problemText(err);
      if (announce) this.announce(this.resultsProblem);
    }
  }

  private budgetTitle(): string {
    const b = this.budget;
    if (!b) return this.slug;
    return (this.locale === 'en' && b.title.en) || b.title.sv;
  }

  private touch() {
    this.dirty = true;
    this.requestUpdate();
  }

  // ——— The form ———

  private itemKind(): string {
    return this.draft?.mode === 'projects' ? msg('Projekt', { id: 'console.budget.project' }) : msg('Rad', { id: 'console.budget.line' });
  }

  /** "Rad 2: Lekplatser" — an item's name wherever it is spoken of. */
  private itemName(item: ItemDraft): string {
    const n = this.draft!.items.indexOf(item) + 1;
    const kind = this.itemKind();
    const title = item.titleSv.trim();
    return title ? msg(str`${kind} ${n}: ${title}`, { id: 'console.budget.named-item' }) : msg(str`${kind} ${n}`, { id: 'console.budget.item-n' });
  }

  private districtName(d: DistrictDraft): string {
    const n = this.draft!.districts.indexOf(d) + 1;
    const name = d.nameSv.trim();
    return name ? msg(str`Område ${n}: ${name}`, { id: 'console.budget.named-district' }) : msg(str`Område ${n}`, { id: 'console.budget.district-n' });
  }

  /** Every field in the order the form shows them, with the label the error summary uses. */
  private get fields(): Field[] {
    const d = this.draft!;
    const sliders = d.mode === 'sliders';
    const f = (name: string, label: string, id = fieldId(name)): Field => ({ name, id, label });
    const labels = this.labels;
    const list: Field[] = [];
    if (this.creating) list.push(f('slug', labels.slug));
    list.push(
      f('title.sv', labels.titleSv),
      f('title.en', labels.titleEn),
      f('description.sv', labels.descriptionSv),
      f('description.en', labels.descriptionEn),
      f('mode', labels.mode, 'f-mode-sliders'),
      f('total', labels.total),
    );
    if (sliders) list.push(f('rule', labels.rule, 'f-rule-within'), f('tolerance', labels.tolerance));
    list.push(f('closesAt', labels.closesAt));
    for (const district of d.districts) {
      const name = this.districtName(district);
      const p = `d${district.key}`;
      list.push(
        f(`${p}.name.sv`, `${name}: ${labels.nameSv}`),
        f(`${p}.name.en`, `${name}: ${labels.nameEn}`),
        f(`${p}.total`, `${name}: ${labels.districtTotal}`),
      );
    }
    list.push(f('items', sliders ? msg('Rader', { id: 'console.budget.lines' }) : msg('Projekt', { id: 'console.budget-mode.projects-short' }), 'add-item'));
    for (const item of d.items) {
      const name = this.itemName(item);
      const p = `i${item.key}`;
      const at = (path: string, label: string) => f(`${p}.${path}`, `${name}: ${label}`);
      list.push(at('title.sv', labels.titleSv), at('title.en', labels.titleEn), at('description.sv', labels.descriptionSv), at('description.en', labels.descriptionEn));
      if (d.districts.length) list.push(at('district', labels.district));
      list.push(at('image.url', labels.imageUrl), at('image.alt.sv', labels.altSv), at('image.alt.en', labels.altEn));
      if (sliders) list.push(at('min', labels.min), at('max', labels.max), at('step', labels.step), at('start', labels.start));
      else list.push(at('cost', labels.cost));
    }
    return list;
  }

  private get labels() {
    return {
      slug: msg('Namn i koden', { id: 'console.tile-sets.slug' }),
      titleSv: msg('Titel på svenska', { id: 'console.title-sv' }),
      titleEn: msg('Titel på engelska (valfri)', { id: 'console.title-en' }),
      descriptionSv: msg('Beskrivning på svenska (valfri)', { id: 'console.tile.description-sv' }),
      descriptionEn: msg('Beskrivning på engelska (valfri)', { id: 'console.tile.description-en' }),
      mode: msg('Hur invånarna fördelar budgeten', { id: 'console.budget.mode' }),
      total: msg('Hela budgeten (kr)', { id: 'console.budget.total' }),
      rule: msg('Regel för reglagen', { id: 'console.budget.rule' }),
      tolerance: msg('Marginal (kr)', { id: 'console.budget.tolerance' }),
      closesAt: msg('Stänger (valfritt)', { id: 'console.budget.closes-at' }),
      nameSv: msg('Namn på svenska', { id: 'console.budget.name-sv' }),
      nameEn: msg('Namn på engelska (valfritt)', { id: 'console.budget.name-en' }),
      districtTotal: msg('Områdets budget (kr)', { id: 'console.budget.district-total' }),
      district: msg('Område', { id: 'console.budget.district' }),
      imageUrl: msg('Bildens adress (valfri)', { id: 'console.budget.image-url' }),
      altSv: msg('Alternativtext på svenska', { id: 'console.budget.alt-sv' }),
      altEn: msg('Alternativtext på engelska (valfri)', { id: 'console.budget.alt-en' }),
      min: msg('Minsta belopp (kr)', { id: 'console.budget.min' }),
      max: msg('Största belopp (kr)', { id: 'console.budget.max' }),
      step: msg('Steg (kr)', { id: 'console.budget.step' }),
      start: msg('Startbelopp (kr)', { id: 'console.budget.start' }),
      cost: msg('Kostnad (kr)', { id: 'console.budget.cost-kr' }),
    };
  }

  private input(path: string, label: string, value: string, set: (v: string) => void, o: InputOptions = {}): TemplateResult {
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

  private amount(path: string, label: string, value: string, set: (v: string) => void, hint?: string): TemplateResult {
    return this.input(path, label, value, set, { amount: true, readonly: this.locked, ...(hint ? { hint } : {}) });
  }

  /** A choice among radio buttons; its first button is where the error summary leads. */
  private radios<T extends string>(path: string, legend: string, value: T, choices: [T, string][], set: (v: T) => void): TemplateResult {
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

  private async addItem() {
    const draft = this.draft!;
    const item = newItem();
    draft.items = [...draft.items, item];
    this.touch();
    this.announce(msg(str`${this.itemName(item)} har lagts till.`, { id: 'console.budget.item-added' }));
    await this.focusOn(`#${fieldId(`i${item.key}.title.sv`)}`);
  }

  private async removeItem(item: ItemDraft) {
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

  private async moveItem(item: ItemDraft, by: -1 | 1, action: 'up' | 'down') {
    const draft = this.draft!;
    draft.items = this.moved(draft.items, item, by);
    this.touch();
    this.announce(msg(str`${this.itemName(item)} är nu på plats ${draft.items.indexOf(item) + 1} av ${draft.items.length}.`, { id: 'console.budget.item-moved' }));
    await this.refocus(`[data-item="${item.key}"]`, action);
  }

  private async addDistrict() {
    const draft = this.draft!;
    const district = newDistrict();
    draft.districts = [...draft.districts, district];
    this.touch();
    this.announce(msg(str`${this.districtName(district)} har lagts till.`, { id: 'console.budget.district-added' }));
    await this.focusOn(`#${fieldId(`d${district.key}.name.sv`)}`);
  }

  private async removeDistrict(district: DistrictDraft) {
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

  private async moveDistrict(district: DistrictDraft, by: -1 | 1, action: 'up' | 'down') {
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

  private moved<T>(list: T[], entry: T, by: -1 | 1): T[] {
    const out = [...list];
    const from = out.indexOf(entry);
    const to = from + by;
    if (from < 0 || to < 0 || to >= out.length) return list;
    [out[from], out[to]] = [out[to]!, out[from]!];
    return out;
  }

  /** After a move, focus stays on the moved entry's button; at the top or bottom it is disabled, so the other direction takes it. */
  private async refocus(entry: string, action: 'up' | 'down') {
    await this.updateComplete;
    const button = (a: string) => this.renderRoot.querySelector<HTMLButtonElement>(`${entry} [data-action="${a}"]`);
    const same = button(action);
    (same && !same.disabled ? same : button(action === 'up' ? 'down' : 'up'))?.focus();
  }

  private dropErrors(prefix: string) {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)));
  }

  private async onSubmit(event: SubmitEvent) {
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
  private pathName(sent: BudgetDraft, path: string): string {
    const m = /^(items|districts)\.(\d+)/.exec(path);
    if (!m) return path;
    const n = Number(m[2]) + 1;
    const kind = m[1] === 'items' ? (sent.mode === 'projects' ? msg('Projekt', { id: 'console.budget.project' }) : msg('Rad', { id: 'console.budget.line' })) : msg('Område', { id: 'console.budget.district' });
    return `${kind} ${n} (${path})`;
  }

  // ——— Phases ———

  private async ask(phase: Phase) {
    this.confirming = phase;
    this.actionProblems = [];
    await this.focusOn('#confirm-question');
  }

  private async cancel() {
    const phase = this.confirming;
    this.confirming = undefined;
    await this.focusOn(phase === 'publish' ? '#publish-submit' : `#${phase}-budget`);
  }

  private async step(phase: Phase) {
    if (this.busy) return;
    this.busy = true;
    try {
      let budget: StaffBudget;
      let done: string;
      if (phase === 'open') {
        budget = (await staffApi.openBudget(this.slug)).budget;
        done = msg('Budgeten är öppen. Invånarna kan rösta nu.', { id: 'console.budget.opened' });
      } else if (phase === 'close') {
        budget = (await staffApi.closeBudget(this.slug)).budget;
        done = msg('Budgeten är stängd. Inga fler röster tas emot.', { id: 'console.budget.closed' });
      } else {
        budget = (
          await staffApi.publishBudget(this.slug, {
            decision: { sv: this.decisionSv.trim(), en: this.decisionEn.trim() || null },
            selected: [...this.selected],
          })
        ).budget;
        done = msg('Resultatet och kommunens beslut är publicerade.', { id: 'console.budget.published' });
      }
      this.confirming = undefined;
      this.actionProblems = [];
      this.publishErrors = {};
      this.publishGeneral = [];
      this.show(budget, this.dirty && budget.status === 'open');
      this.announce(done);
      await this.loadResults();
      await this.focusOn('#status-heading');
    } catch (err) {
      this.confirming = undefined;
      if (err instanceof StaffApiError && err.code === 'wrong_status') {
        // Someone else moved it meanwhile: show what it is now.
        await this.load();
        this.actionProblems = [msg('Budgeten har fått en annan status under tiden. Sidan visar nu hur den ser ut.', { id: 'console.budget.wrong-status' })];
        await focusSummary(this, 'actions-errors');
      } else if (phase === 'publish') {
        const fields: FieldErrors = {};
        const general: string[] = [];
        if (err instanceof StaffApiError && err.issues.length) {
          for (const issue of err.issues) {
            if (issue.path === 'decision.sv' || issue.path === 'decision.en') fields[issue.path] ??= issue.message;
            else general.push(budgetIssueText(issue.message));
          }
        } else general.push(problemText(err));
        this.publishErrors = fields;
        this.publishGeneral = general;
        await focusSummary(this, 'publish-errors');
      } else {
        this.actionProblems = [problemText(err)];
        await focusSummary(this, 'actions-errors');
      }
    } finally {
      this.busy = false;
    }
  }

  private async onPublishSubmit(event: SubmitEvent) {
    event.preventDefault();
    const sv = this.decisionSv.trim();
    this.publishGeneral = [];
    this.publishErrors = sv.length >= decisionMinimum ? {} : { 'decision.sv': sv ? atLeast(decisionMinimum) : required };
    if (Object.keys(this.publishErrors).length) return focusSummary(this, 'publish-errors');
    await this.ask('publish');
  }

  private renderConfirm(question: string, yes: string, phase: Phase): TemplateResult {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question" tabindex="-1">${question}</p>
      <div class="actions">
        <button type="button" class="primary" data-action="confirm" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.step(phase)}>
          ${yes}
        </button>
        <button type="button" data-action="cancel" @click=${this.cancel}>${msg('Avbryt', { id: 'console.cancel' })}</button>
      </div>
    </div>`;
  }

  private renderPhase(b: StaffBudget): TemplateResult {
    const unsaved = this.dirty
      ? ` ${msg('Ändringar i formuläret som inte är sparade följer inte med.', { id: 'console.budget.unsaved-warning' })}`
      : '';
    let body: TemplateResult;
    if (b.status === 'draft') {
      body = html`<p>
          ${msg('Budgeten är ett utkast: bara personalen ser den. Öppna den när allt är klart, så kan invånarna rösta.', { id: 'console.budget.draft-notice' })}
        </p>
        ${this.confirming === 'open'
          ? this.renderConfirm(
              msg('Vill du öppna budgeten för röster? Sedan går bara texter, bilder och sluttiden att ändra, och den kan inte bli ett utkast igen.', {
                id: 'console.budget.confirm-open',
              }) + unsaved,
              msg('Ja, öppna budgeten', { id: 'console.budget.confirm-open-yes' }),
              'open',
            )
          : html`<div class="actions">
              <button type="button" class="primary" id="open-budget" @click=${() => void this.ask('open')}>${msg('Öppna för röster', { id: 'console.budget.open' })}</button>
            </div>`}`;
    } else if (b.status === 'open') {
      body = html`<p>
          ${msg('Invånarna kan rösta. Stäng budgeten när tiden är ute; sedan kan du publicera resultatet.', { id: 'console.budget.open-notice' })}
        </p>
        ${this.confirming === 'close'
          ? this.renderConfirm(
              msg('Vill du stänga budgeten? Invånarna kan inte rösta längre, och den går inte att öppna igen.', { id: 'console.budget.confirm-close' }),
              msg('Ja, stäng budgeten', { id: 'console.budget.confirm-close-yes' }),
              'close',
            )
          : html`<div class="actions">
              <button type="button" class="danger" id="close-budget" @click=${() => void this.ask('close')}>${msg('Stäng för röster', { id: 'console.budget.close' })}</button>
            </div>`}`;
    } else if (b.status === 'closed') {
      body = html`<p>
        ${msg('Budgeten är stängd. Se resultatet nedan och publicera det tillsammans med vad kommunen har beslutat.', { id: 'console.budget.closed-notice' })}
      </p>`;
    } else {
      body = html`<p>${msg('Invånarna ser resultatet och kommunens beslut där budgeten visas.', { id: 'console.budget.published-notice' })}</p>`;
    }
    return html`<h2 id="status-heading" tabindex="-1">${msg(str`Status: ${budgetStatusLabel(b.status)}`, { id: 'console.budget.status-heading' })}</h2>
      ${errorSummary('actions-errors', {}, this.actionProblems, [], () => this.renderRoot as ShadowRoot)} ${body}`;
  }

  private renderPublish(b: StaffBudget): TemplateResult {
    const fields: Field[] = [
      { name: 'decision.sv', id: 'publish-decision-sv', label: msg('Kommunens beslut på svenska', { id: 'console.budget.decision-sv' }) },
      { name: 'decision.en', id: 'publish-decision-en', label: msg('Kommunens beslut på engelska (valfritt)', { id: 'console.budget.decision-en' }) },
    ];
    const translated = Object.fromEntries(Object.entries(this.publishErrors).map(([k, v]) => [k, budgetIssueText(v)]));
    const textarea = (f: Field, value: string, set: (v: string) => void, hint?: string, lang?: string) => {
      const error = this.publishErrors[f.name];
      return html`<div class="field">
        <label for=${f.id}>${f.label}</label>
        ${hint ? html`<p class="hint" id="${f.id}-hint">${hint}</p>` : nothing} ${fieldError(f.id, error && budgetIssueText(error))}
        <textarea
          id=${f.id}
          rows="5"
          lang=${lang ?? nothing}
          .value=${value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(hint && `${f.id}-hint`, error && `${f.id}-error`)}
          @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>`;
    };
    const votes = new Map(this.results?.items.map((r) => [r.itemId, r.votes]) ?? []);
    return html`<h2 id="publish-heading">${msg('Publicera resultatet', { id: 'console.budget.publish' })}</h2>
      ${errorSummary('publish-errors', translated, this.publishGeneral, fields, () => this.renderRoot as ShadowRoot)}
      <form novalidate aria-labelledby="publish-heading" @submit=${this.onPublishSubmit}>
        ${textarea(
          fields[0]!,
          this.decisionSv,
          (v) => (this.decisionSv = v),
          msg('Visas för invånarna med resultatet. Skriv minst 10 tecken.', { id: 'console.budget.decision-hint' }),
        )}
        ${textarea(fields[1]!, this.decisionEn, (v) => (this.decisionEn = v), undefined, 'en')}
        ${b.mode === 'projects'
          ? html`<fieldset aria-describedby="publish-selected-hint">
              <legend>${msg('Projekt som kommunen genomför', { id: 'console.budget.selected-legend' })}</legend>
              <p class="hint" id="publish-selected-hint">${msg('Kryssa i de projekt som får pengar.', { id: 'console.budget.selected-hint' })}</p>
              ${b.items.map(
                (item) => html`<label class="choice" for="publish-item-${item.id}">
                  <input
                    type="checkbox"
                    id="publish-item-${item.id}"
                    .checked=${this.selected.has(item.id)}
                    @change=${(e: Event) => {
                      const next = new Set(this.selected);
                      if ((e.target as HTMLInputElement).checked) next.add(item.id);
                      else next.delete(item.id);
                      this.selected = next;
                    }}
                  />
                  ${votes.get(item.id) === null
                    ? msg(str`${item.title.sv} (${kronor(item.cost, this.locale)})`, { id: 'console.budget.selected-item-few' })
                    : (votes.get(item.id) ?? 0) === 1
                    ? msg(str`${item.title.sv} (${kronor(item.cost, this.locale)}, 1 röst)`, { id: 'console.budget.selected-item-one' })
                    : msg(str`${item.title.sv} (${kronor(item.cost, this.locale)}, ${votes.get(item.id) ?? 0} röster)`, { id: 'console.budget.selected-item' })}
                </label>`,
              )}
            </fieldset>`
          : nothing}
        ${this.confirming === 'publish'
          ? this.renderConfirm(
              msg('Vill du publicera resultatet och beslutet? Invånarna ser dem direkt, och de går inte att ändra efteråt.', { id: 'console.budget.confirm-publish' }),
              msg('Ja, publicera', { id: 'console.budget.confirm-publish-yes' }),
              'publish',
            )
          : html`<div class="actions">
              <button type="submit" class="primary" id="publish-submit">${msg('Publicera resultatet', { id: 'console.budget.publish' })}</button>
            </div>`}
      </form>`;
  }

  // ——— Rendering ———

  private renderFacts(b: StaffBudget): TemplateResult {
    const date = (label: string, iso: string | null) =>
      iso ? html`<dt>${label}</dt><dd><time datetime=${iso}>${dateTime(iso, this.locale)}</time></dd>` : nothing;
    return html`<dl class="facts">
      <dt>${msg('Namn i koden', { id: 'console.tile-sets.slug' })}</dt>
      <dd><code>${b.slug}</code></dd>
      <dt>${msg('Sätt', { id: 'console.budgets.mode' })}</dt>
      <dd>${budgetModeLabel(b.mode)}</dd>
      ${b.mode === 'sliders'
        ? html`<dt>${msg('Regel', { id: 'console.budget.rule-short' })}</dt>
            <dd>
              ${b.rule === 'balanced' && b.tolerance
                ? msg(str`Fördela exakt hela budgeten (marginal ± ${kronor(b.tolerance, this.locale)})`, { id: 'console.budget.rule-balanced-fact' })
                : budgetRuleLabel(b.rule)}
            </dd>`
        : nothing}
      <dt>${msg('Budget', { id: 'console.budgets.total' })}</dt>
      <dd>${kronor(b.total, this.locale)}</dd>
      ${date(msg('Skapad', { id: 'console.budget.created-at' }), b.createdAt)} ${date(msg('Öppnad', { id: 'console.budget.opened-at' }), b.openedAt)}
      ${date(msg('Stänger', { id: 'console.petitions.closes-at' }), b.status === 'open' || b.status === 'draft' ? b.closesAt : null)}
      ${date(msg('Stängd', { id: 'console.budget.closed-at' }), b.closedAt)} ${date(msg('Publicerad', { id: 'console.budget.published-at' }), b.publishedAt)}
    </dl>`;
  }

  private renderResults(b: StaffBudget): TemplateResult | typeof nothing {
    if (b.status === 'draft') return nothing;
    const results = this.results;
    return html`<h2 id="results-heading">${msg('Röster och resultat', { id: 'console.budget.results' })}</h2>
      ${renderCounts(b)}
      ${this.resultsProblem
        ? html`<div class="notice problem"><p>${this.resultsProblem}</p></div>`
        : results
          ? renderResultsTables(b, results, this.locale)
          : html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`}
      <div class="actions">
        <button type="button" id="refresh-results" @click=${() => void this.refresh()}>${msg('Hämta resultatet igen', { id: 'console.budget.refresh' })}</button>
      </div>
      ${renderDecision(b)} ${b.status === 'closed' ? this.renderPublish(b) : nothing}
      <h2>${msg('Ladda ner', { id: 'console.budget.downloads' })}</h2>
      ${renderDownloads(b, this.locale)}`;
  }

  /** The counts come with the process, the results apart: both anew. */
  private async refresh() {
    try {
      // The form and the preview stay as they are.
      this.budget = (await staffApi.budget(this.slug)).budget;
    } catch (err) {
      this.announce(problemText(err));
      return;
    }
    await this.loadResults(true);
  }

  private renderDistricts(d: BudgetDraft): TemplateResult {
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
                      : html`<div class="actions">
                          <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.moveDistrict(x, -1, 'up')}>
                            ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
                          </button>
                          <button type="button" data-action="down" ?disabled=${i === d.districts.length - 1} @click=${() => void this.moveDistrict(x, 1, 'down')}>
                            ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
                          </button>
                          <button type="button" class="danger" data-action="remove" @click=${() => void this.removeDistrict(x)}>
                            ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
                          </button>
                        </div>`}
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

  private renderItem(d: BudgetDraft, item: ItemDraft, i: number): TemplateResult {
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
          : html`<div class="actions">
              <button type="button" data-action="up" ?disabled=${i === 0} @click=${() => void this.moveItem(item, -1, 'up')}>
                ${msg('Flytta upp', { id: 'console.tile-set.up' })} ${named}
              </button>
              <button type="button" data-action="down" ?disabled=${i === d.items.length - 1} @click=${() => void this.moveItem(item, 1, 'down')}>
                ${msg('Flytta ned', { id: 'console.tile-set.down' })} ${named}
              </button>
              <button type="button" class="danger" data-action="remove" ?disabled=${d.items.length === 1} @click=${() => void this.removeItem(item)}>
                ${msg('Ta bort', { id: 'console.tile-set.delete' })} ${named}
              </button>
            </div>`}
      </div>
    </li>`;
  }

  private renderForm(d: BudgetDraft): TemplateResult {
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

  #preview?: HTMLElement;
  #previewFor = '';

  /**
   * The real widget, new after every save or step so it loads the saved state, and for a new
   * language (inside shadow roots a widget does not see its lang attribute change). Residents
   * see nothing of a draft, and neither does the widget: the public API does not know it yet.
   */
  private get preview(): HTMLElement | undefined {
    const b = this.budget;
    if (!b) return undefined;
    const key = `${b.slug} ${b.status} ${this.previewKey} ${this.previewLang}`;
    if (!this.#preview || key !== this.#previewFor) {
      this.#previewFor = key;
      // Defined on first use, as in the embed builder; the element upgrades once its code is here.
      import('../../budget/define.js').catch(() => undefined);
      const el = document.createElement('medverka-budget');
      el.setAttribute('budget', b.slug);
      el.setAttribute('api', location.origin);
      el.setAttribute('lang', this.previewLang);
      el.setAttribute('heading-level', '3');
      // Residents' API does not know a draft: the widget is given it as staff see it, and sends nothing.
      if (b.status === 'draft') {
        void staffApi.budgetPreview(b.slug).then(
          (data) => Object.assign(el, { preview: data }),
          () => undefined,
        );
      }
      this.#preview = el;
    }
    return this.#preview;
  }

  private renderPreview(): TemplateResult {
    const lang = this.previewLang;
    const preview = this.preview;
    const b = this.budget;
    return html`<section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg('Förhandsvisning', { id: 'console.preview' })}</h2>
      ${preview
        ? html`<p class="hint">
              ${b?.status === 'open'
                ? msg('Så här ser invånarna budgeten, som den är sparad. Det är den riktiga widgeten: en röst som skickas härifrån räknas när den har bekräftats.', {
                    id: 'console.budget.preview-hint-open',
                  })
                : b?.status === 'draft'
                  ? msg('Så här kommer invånarna att se budgeten, som den är sparad, när den öppnas. Invånarna ser ingenting av ett utkast, och inget kan skickas härifrån.', {
                      id: 'console.budget.preview-hint-draft',
                    })
                  : msg('Så här ser invånarna budgeten, som den är sparad.', { id: 'console.budget.preview-hint' })}
            </p>
            <fieldset>
              <legend>${msg('Språk i förhandsvisningen', { id: 'console.preview-language' })}</legend>
              <div class="choices">
                <label class="choice" for="preview-sv">
                  <input type="radio" id="preview-sv" name="preview-lang" .checked=${lang === 'sv'} @change=${() => (this.previewLang = 'sv')} />
                  ${msg('Svenska', { id: 'console.swedish' })}
                </label>
                <label class="choice" for="preview-en">
                  <input type="radio" id="preview-en" name="preview-lang" .checked=${lang === 'en'} @change=${() => (this.previewLang = 'en')} />
                  ${msg('Engelska', { id: 'console.english' })}
                </label>
              </div>
            </fieldset>
            <div class="preview-box">${preview}</div>`
        : html`<p class="notice" id="preview-pending">
            ${msg('Förhandsvisningen visas när budgeten är sparad.', { id: 'console.budget.preview-new' })}
          </p>`}
    </section>`;
  }

  protected override render(): TemplateResult {
    const back = html`<p><a href="#/budgets">${msg('Alla budgetar', { id: 'console.budget.back' })}</a></p>`;
    if (this.creating) {
      return html`${back}
        <h1 tabindex="-1">${msg('Ny budget', { id: 'console.budgets.new' })}</h1>
        <p>${msg('Budgeten sparas som ett utkast. Invånarna ser den först när du öppnar den.', { id: 'console.budget.new-intro' })}</p>
        <div class="layout">
          <div class="editor">${this.renderForm(this.draft!)}</div>
          ${this.renderPreview()}
        </div>`;
    }
    if (this.loadProblem) {
      return html`${back}
        <h1 tabindex="-1">${this.slug}</h1>
        <div class="notice problem">
          <p>${this.loadProblem}</p>
          <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
        </div>`;
    }
    const b = this.budget;
    const d = this.draft;
    if (!b || !d) {
      return html`${back}
        <h1 tabindex="-1">${this.slug}</h1>
        <p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    }
    const editable = b.status === 'draft' || b.status === 'open';
    return html`${back}
      <h1 tabindex="-1">${this.budgetTitle()}</h1>
      ${this.renderFacts(b)} ${this.renderPhase(b)} ${this.renderResults(b)}
      <div class="layout">
        <div class="editor">
          ${editable
            ? this.renderForm(d)
            : html`<h2>${msg('Innehåll', { id: 'console.budget.contents' })}</h2>
                <p class="notice">
                  ${msg('En stängd budget kan inte ändras: resultatet gäller raderna och beloppen som invånarna röstade om.', { id: 'console.budget.not-editable' })}
                </p>`}
        </div>
        ${this.renderPreview()}
      </div>`;
  }
}
