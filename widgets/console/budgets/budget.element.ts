import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffBudget } from '../kit/api.js';
import { renderPreviewLanguage } from '../kit/fields.js';
import { budgetModeLabel, budgetRuleLabel, kronor } from './budget-format.js';
import { renderCounts, renderDecision, renderDownloads, renderResultsTables } from './budget-results.js';
import { problemText } from '../kit/forms.js';
import { dateTime, localized } from '../kit/labels.js';
import { screenHeading } from '../kit/screen.js';
import { BudgetPhases } from './budget-phases.js';

/**
 * One participatory budget: the form for the whole process (new, or as saved), its phases
 * (open, close, publish the results with the municipality's decision), the results so far,
 * the downloads, and beside the form the real <medverka-budget> widget as residents see it.
 */
export class MedverkaConsoleBudget extends BudgetPhases {
  // ——— Rendering ———

  protected renderFacts(b: StaffBudget): TemplateResult {
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

  protected renderResults(b: StaffBudget): TemplateResult | typeof nothing {
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
  protected async refresh() {
    try {
      // The form and the preview stay as they are.
      this.budget = (await staffApi.budget(this.slug)).budget;
    } catch (err) {
      this.announce(problemText(err));
      return;
    }
    await this.loadResults(true);
  }

  #preview?: HTMLElement;
  #previewFor = '';

  /**
   * The real widget, new after every save or step so it loads the saved state, and for a new
   * language (inside shadow roots a widget does not see its lang attribute change). Residents
   * see nothing of a draft, and neither does the widget: the public API does not know it yet.
   */
  protected get preview(): HTMLElement | undefined {
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

  protected renderPreview(): TemplateResult {
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
            ${renderPreviewLanguage(lang, (l) => (this.previewLang = l), 'choices')}
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
        ${screenHeading(msg('Ny budget', { id: 'console.budgets.new' }), msg('Budgeten sparas som ett utkast. Invånarna ser den först när du öppnar den.', { id: 'console.budget.new-intro' }))}
        <div class="layout">
          <div class="editor">${this.renderForm(this.draft!)}</div>
          ${this.renderPreview()}
        </div>`;
    }
    const b = this.budget;
    const d = this.draft;
    if (this.loadProblem || !b || !d) return this.renderPending(back, this.slug);
    const editable = b.status === 'draft' || b.status === 'open';
    return html`${back} ${screenHeading(localized(b.title, this.locale))}
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
