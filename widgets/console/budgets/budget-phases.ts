import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError, staffApi, type StaffBudget } from '../kit/api.js';
import { budgetIssueText, budgetStatusLabel, kronor } from './budget-format.js';
import { textField } from '../kit/fields.js';
import type { Field } from '../kit/form-editor.js';
import { Lifecycle, unsavedWarning } from '../kit/lifecycle.js';
import { atLeast, errorSummary, focusSummary, problemText, required, type FieldErrors } from '../kit/forms.js';
import { BudgetForm } from './budget-form.js';
import { decisionMinimum, type Phase } from './budget-screen.js';

/** The budget's phases: open, close, and publish the results with the municipality's decision, each asked before it is taken. */
export abstract class BudgetPhases extends BudgetForm {
  // ——— Phases ———

  protected readonly lifecycle = new Lifecycle<Phase, StaffBudget>(this, {
    buttonId: (phase) => (phase === 'publish' ? 'publish-submit' : `${phase}-budget`),
    words: (phase) => this.confirmWords(phase),
    take: async (phase) => {
      if (phase === 'open') return (await staffApi.openBudget(this.slug)).budget;
      if (phase === 'close') return (await staffApi.closeBudget(this.slug)).budget;
      const decision = { sv: this.decisionSv.trim(), en: this.decisionEn.trim() || null };
      return (await staffApi.publishBudget(this.slug, { decision, selected: [...this.selected] })).budget;
    },
    done: async (phase, budget) => {
      this.publishErrors = {};
      this.publishGeneral = [];
      this.show(budget, this.dirty && budget.status === 'open');
      this.announce(
        phase === 'open'
          ? msg('Budgeten är öppen. Invånarna kan rösta nu.', { id: 'console.budget.opened' })
          : phase === 'close'
            ? msg('Budgeten är stängd. Inga fler röster tas emot.', { id: 'console.budget.closed' })
            : msg('Resultatet och kommunens beslut är publicerade.', { id: 'console.budget.published' }),
      );
      await this.loadResults();
      await this.focusOn('#status-heading');
    },
    failed: async (phase, err) => {
      if (err instanceof StaffApiError && err.code === 'wrong_status') {
        // Someone else moved it meanwhile: show what it is now.
        await this.load();
        await this.lifecycle.fail(msg('Budgeten har fått en annan status under tiden. Sidan visar nu hur den ser ut.', { id: 'console.budget.wrong-status' }));
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
        await this.lifecycle.fail(problemText(err));
      }
    },
  });

  /** The question a phase asks before it is taken, and the button that says yes. */
  protected confirmWords(phase: Phase): [question: string, yes: string] {
    switch (phase) {
      case 'open':
        return [
          msg('Vill du öppna budgeten för röster? Sedan går bara texter, bilder och sluttiden att ändra, och den kan inte bli ett utkast igen.', {
            id: 'console.budget.confirm-open',
          }) + unsavedWarning(this.dirty),
          msg('Ja, öppna budgeten', { id: 'console.budget.confirm-open-yes' }),
        ];
      case 'close':
        return [
          msg('Vill du stänga budgeten? Invånarna kan inte rösta längre, och den går inte att öppna igen.', { id: 'console.budget.confirm-close' }),
          msg('Ja, stäng budgeten', { id: 'console.budget.confirm-close-yes' }),
        ];
      case 'publish':
        return [
          msg('Vill du publicera resultatet och beslutet? Invånarna ser dem direkt, och de går inte att ändra efteråt.', { id: 'console.budget.confirm-publish' }),
          msg('Ja, publicera', { id: 'console.budget.confirm-publish-yes' }),
        ];
    }
  }

  protected async onPublishSubmit(event: SubmitEvent) {
    event.preventDefault();
    const sv = this.decisionSv.trim();
    this.publishGeneral = [];
    this.publishErrors = sv.length >= decisionMinimum ? {} : { 'decision.sv': sv ? atLeast(decisionMinimum) : required };
    if (Object.keys(this.publishErrors).length) return focusSummary(this, 'publish-errors');
    await this.lifecycle.ask('publish');
  }

  protected renderPhase(b: StaffBudget): TemplateResult {
    const lifecycle = this.lifecycle;
    let next: TemplateResult;
    if (b.status === 'draft') {
      next = lifecycle.renderNext(
        msg('Budgeten är ett utkast: bara personalen ser den. Öppna den när allt är klart, så kan invånarna rösta.', { id: 'console.budget.draft-notice' }),
        [lifecycle.button('open', msg('Öppna för röster', { id: 'console.budget.open' }), 'primary')],
        ['open'],
      );
    } else if (b.status === 'open') {
      next = lifecycle.renderNext(
        msg('Invånarna kan rösta. Stäng budgeten när tiden är ute; sedan kan du publicera resultatet.', { id: 'console.budget.open-notice' }),
        [lifecycle.button('close', msg('Stäng för röster', { id: 'console.budget.close' }), 'danger')],
        ['close'],
      );
    } else if (b.status === 'closed') {
      next = html`<p>
        ${msg('Budgeten är stängd. Se resultatet nedan och publicera det tillsammans med vad kommunen har beslutat.', { id: 'console.budget.closed-notice' })}
      </p>`;
    } else {
      next = html`<p>${msg('Invånarna ser resultatet och kommunens beslut där budgeten visas.', { id: 'console.budget.published-notice' })}</p>`;
    }
    return html`${lifecycle.renderStatus(budgetStatusLabel(b.status))} ${next}`;
  }

  protected renderPublish(b: StaffBudget): TemplateResult {
    const fields: Field[] = [
      { name: 'decision.sv', id: 'publish-decision-sv', label: msg('Kommunens beslut på svenska', { id: 'console.budget.decision-sv' }) },
      { name: 'decision.en', id: 'publish-decision-en', label: msg('Kommunens beslut på engelska (valfritt)', { id: 'console.budget.decision-en' }) },
    ];
    const translated = Object.fromEntries(Object.entries(this.publishErrors).map(([k, v]) => [k, budgetIssueText(v)]));
    const textarea = (f: Field, value: string, set: (v: string) => void, hint?: string, lang?: string) =>
      textField(f.name, f.label, value, this.publishErrors[f.name], set, { id: f.id, multiline: true, rows: 5, issue: budgetIssueText, ...(hint ? { hint } : {}), ...(lang ? { lang } : {}) });
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
        ${this.lifecycle.renderAsking(
          html`<div class="actions">
            <button type="submit" class="primary" id="publish-submit">${msg('Publicera resultatet', { id: 'console.budget.publish' })}</button>
          </div>`,
          ['publish'],
        )}
      </form>`;
  }
}
