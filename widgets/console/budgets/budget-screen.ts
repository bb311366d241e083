import { states } from '../../shared/base-element.js';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type BudgetResults, type StaffBudget } from '../kit/api.js';
import {
  draftOf,
  emptyDraft,
  fieldId,
  type BudgetDraft,
  type DistrictDraft,
  type ItemDraft,
} from './budget-draft.js';
import { budgetIssueText } from './budget-format.js';
import { editorStyles } from '../kit/editor.styles.js';
import { DraftScreen, type Field } from '../kit/form-editor.js';
import { problemText, type FieldErrors } from '../kit/forms.js';
import { ConsoleScreen } from '../kit/screen.js';

/** A problem the server named by a path no field of the form shows, or none. */
export interface General {
  path?: string;
  message: string;
}

export type Phase = 'open' | 'close' | 'publish';

/** The server's minimum for a published decision (server/budgets/staff-routes.ts). */
export const decisionMinimum = 10;

/** What the budget screen's parts share: the budget, its draft, its results, and loading them. */
export abstract class BudgetScreen extends DraftScreen<BudgetDraft, General> {
  static override styles = [...ConsoleScreen.styles, editorStyles];

  static override properties = {
    ...DraftScreen.properties,
    /** The process's name, as in the embed code; none for a new process. */
    slug: {},
    ...states('budget', 'results', 'resultsProblem', 'decisionSv', 'decisionEn', 'selected', 'publishErrors', 'publishGeneral', 'previewLang', 'previewKey'),
  };

  declare slug: string;
  declare protected budget?: StaffBudget;
  declare protected results?: BudgetResults;
  declare protected resultsProblem?: string;
  declare protected decisionSv: string;
  declare protected decisionEn: string;
  /** Projects the municipality funds, chosen when publishing. */
  declare protected selected: Set<number>;
  declare protected publishErrors: FieldErrors;
  declare protected publishGeneral: string[];
  declare protected previewLang: 'sv' | 'en';
  /** Changed after every save and step, so the preview is a new widget that loads the saved state. */
  declare protected previewKey: number;

  constructor() {
    super();
    this.slug = '';
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

  protected get creating(): boolean {
    return !this.slug;
  }

  /** Once open, residents' ballots refer to the lines and amounts: only texts, images and the closing time may change. */
  protected get locked(): boolean {
    return this.budget?.status === 'open';
  }

  async load(): Promise<void> {
    if (await this.loadWith(async () => this.show((await staffApi.budget(this.slug)).budget))) await this.loadResults();
  }

  /** Shows the process as saved; the form follows unless it holds changes not yet saved. */
  protected show(budget: StaffBudget, keepDraft = false) {
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

  // ——— The form ———

  protected issueText(message: string): string {
    return budgetIssueText(message);
  }

  protected generalText(g: General): string {
    return g.path ? `${g.path}: ${budgetIssueText(g.message)}` : budgetIssueText(g.message);
  }

  protected itemKind(): string {
    return this.draft?.mode === 'projects' ? msg('Projekt', { id: 'console.budget.project' }) : msg('Rad', { id: 'console.budget.line' });
  }

  /** "Rad 2: Lekplatser" — an item's name wherever it is spoken of. */
  protected itemName(item: ItemDraft): string {
    const n = this.draft!.items.indexOf(item) + 1;
    const kind = this.itemKind();
    const title = item.titleSv.trim();
    return title ? msg(str`${kind} ${n}: ${title}`, { id: 'console.budget.named-item' }) : msg(str`${kind} ${n}`, { id: 'console.budget.item-n' });
  }

  protected districtName(d: DistrictDraft): string {
    const n = this.draft!.districts.indexOf(d) + 1;
    const name = d.nameSv.trim();
    return name ? msg(str`Område ${n}: ${name}`, { id: 'console.budget.named-district' }) : msg(str`Område ${n}`, { id: 'console.budget.district-n' });
  }

  protected get fields(): Field[] {
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

  protected get labels() {
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
}
