import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type StaffBudgetSummary } from '../kit/api.js';
import { budgetModeShort, budgetStatusLabel, kronor } from './budget-format.js';
import { listStyles, Loaded, renderTable } from '../kit/list.js';
import { localized } from '../kit/labels.js';
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
  static override heading = () => msg('Budgetar', { id: 'console.nav.budgets' });
  static override intro = () => msg('I en medborgarbudget fördelar invånarna en del av kommunens budget med reglage, eller väljer projekt som ryms i den. Skapa en budget, öppna den för röster, stäng den och publicera resultatet med kommunens beslut.', { id: 'console.budgets.intro' });
  static override styles = [
    ...ConsoleScreen.styles,
    listStyles,
    css`
      td {
        overflow-wrap: break-word;
      }
    `,
  ];

  #budgets = new Loaded(this, async () => (await staffApi.budgets()).budgets);

  private renderList(budgets: StaffBudgetSummary[]): TemplateResult {
    if (budgets.length === 0) {
      return html`<p class="none">${msg('Det finns inga budgetar än.', { id: 'console.budgets.none' })}</p>`;
    }
    return renderTable(
      msg('Alla budgetar, den senaste först', { id: 'console.budgets.caption' }),
      [
        msg('Titel', { id: 'console.budgets.title' }),
        [msg('Sätt', { id: 'console.budgets.mode' }), 'wide-only'],
        [msg('Status', { id: 'console.budgets.status' }), 'wide-only'],
        [msg('Budget', { id: 'console.budgets.total' }), 'number'],
        [msg('Deltagare', { id: 'console.budgets.participants' }), 'number wide-only'],
      ],
      budgets.map(
        (b) => html`<tr data-slug=${b.slug}>
          <td>
            <a href="#/budgets/${encodeURIComponent(b.slug)}">${localized(b.title, this.locale)}</a>
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
      ),
    );
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <p><a class="button" id="new-budget" href="#/budgets/${newBudgetPath}">${msg('Ny budget', { id: 'console.budgets.new' })}</a></p>
      ${this.#budgets.render((budgets) => this.renderList(budgets))}
    `;
  }
}
