import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffBudgetSummary } from '../kit/api.js';
import { budgetModeShort, budgetStatusLabel, kronor } from './budget-format.js';
import { problemText } from '../kit/forms.js';
import { ConsoleScreen } from '../kit/screen.js';

/**
 * The address part of the form for a new process: #/budgets/_ny. An underscore is not allowed
 * in a budget's name, so no process can be called that.
 */
export const newBudgetPath = '_ny';

/**
 * Participatory budgets (medborgarbudgetar): every process with its status and how many took
 * part, and the way to a new one. Opening one leads to its page (#/budgets/<slug>).
 */
export class MedverkaConsoleBudgets extends ConsoleScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        padding: 0.375rem 1rem;
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_accent);
        color: var(--_on-accent);
        font-weight: 700;
        text-decoration: none;
      }
      a.button:hover {
        text-decoration: underline;
      }
      td.number,
      th.number {
        text-align: end;
        white-space: nowrap;
      }
      td {
        overflow-wrap: break-word;
      }
      .narrow-only {
        display: none;
      }
      /* On a phone, the way, the status and the participants go under the title, so the title keeps its width. */
      @media (max-width: 40rem) {
        .wide-only {
          display: none;
        }
        .narrow-only {
          display: block;
          margin-top: 0.25rem;
        }
      }
      @media (forced-colors: active) {
        a.button {
          border-color: LinkText;
        }
      }
    `,
  ];

  static override properties = {
    ...ConsoleScreen.properties,
    budgets: { state: true },
    loadProblem: { state: true },
  };

  declare private budgets?: StaffBudgetSummary[];
  declare private loadProblem?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    this.budgets = undefined;
    try {
      this.budgets = (await staffApi.budgets()).budgets;
    } catch (err) {
      this.loadProblem = problemText(err);
    }
  }

  private titleOf(b: StaffBudgetSummary): string {
    return (this.locale === 'en' && b.title.en) || b.title.sv;
  }

  private renderList(): TemplateResult {
    if (this.loadProblem) {
      return html`<div class="notice problem">
        <p>${this.loadProblem}</p>
        <button type="button" @click=${() => void this.load()}>${msg('Försök igen', { id: 'console.retry' })}</button>
      </div>`;
    }
    if (!this.budgets) return html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`;
    if (this.budgets.length === 0) {
      return html`<p class="none">${msg('Det finns inga budgetar än.', { id: 'console.budgets.none' })}</p>`;
    }
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${msg('Alla budgetar, den senaste först', { id: 'console.budgets.caption' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Titel', { id: 'console.budgets.title' })}</th>
            <th scope="col" class="wide-only">${msg('Sätt', { id: 'console.budgets.mode' })}</th>
            <th scope="col" class="wide-only">${msg('Status', { id: 'console.budgets.status' })}</th>
            <th scope="col" class="number">${msg('Budget', { id: 'console.budgets.total' })}</th>
            <th scope="col" class="number wide-only">${msg('Deltagare', { id: 'console.budgets.participants' })}</th>
          </tr>
        </thead>
        <tbody>
          ${this.budgets.map(
            (b) => html`<tr data-slug=${b.slug}>
              <td>
                <a href="#/budgets/${encodeURIComponent(b.slug)}">${this.titleOf(b)}</a>
                <span class="narrow-only muted"
                  >${budgetModeShort(b.mode)}, ${budgetStatusLabel(b.status).toLocaleLowerCase(this.locale)},
                  ${msg(str`${b.participants} deltagare`, { id: 'console.budgets.participants-count' })}</span
                >
              </td>
              <td class="wide-only">${budgetModeShort(b.mode)}</td>
              <td class="wide-only">${budgetStatusLabel(b.status)}</td>
              <td class="number">${kronor(b.total, this.locale)}</td>
              <td class="number wide-only">${b.participants}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Budgetar', { id: 'console.nav.budgets' })}</h1>
      <p>
        ${msg('I en medborgarbudget fördelar invånarna en del av kommunens budget med reglage, eller väljer projekt som ryms i den. Skapa en budget, öppna den för röster, stäng den och publicera resultatet med kommunens beslut.', {
          id: 'console.budgets.intro',
        })}
      </p>
      <p><a class="button" id="new-budget" href="#/budgets/${newBudgetPath}">${msg('Ny budget', { id: 'console.budgets.new' })}</a></p>
      ${this.renderList()}
    `;
  }
}
