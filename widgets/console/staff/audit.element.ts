import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { staffApi, type AuditEntry } from '../kit/api.js';
import { problemText } from '../kit/forms.js';
import { auditActionText, auditTargetText, dateTime } from '../kit/labels.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The latest things staff (and the system) did, newest first. */
export class MedverkaConsoleAudit extends ConsoleScreen {
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      /* A data table may scroll sideways on a phone (WCAG 1.4.10 allows it); squeezed
         into 320 px, its columns would break words letter by letter. */
      table {
        min-width: 44rem;
      }
      td {
        overflow-wrap: break-word;
      }
      td code {
        overflow-wrap: anywhere;
      }
      /* The event's code, for whoever searches the documentation or the server's log. */
      .code {
        display: block;
        font-size: 0.8125rem;
      }
    `,
  ];

  static override properties = {
    ...ConsoleScreen.properties,
    entries: { state: true },
    loadProblem: { state: true },
  };

  declare private entries?: AuditEntry[];
  declare private loadProblem?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.loadProblem = undefined;
    try {
      this.entries = (await staffApi.audit(100)).entries;
      if (this.hasUpdated) this.announce(msg('Loggen är uppdaterad.', { id: 'console.audit.refreshed' }));
    } catch (err) {
      this.loadProblem = problemText(err);
    }
  }

  private renderDetail(entry: AuditEntry) {
    if (!entry.detail || Object.keys(entry.detail).length === 0) return nothing;
    // Shown as text: whatever staff typed stays inert.
    return html`<code>${JSON.stringify(entry.detail)}</code>`;
  }

  private renderTable(entries: AuditEntry[]): TemplateResult {
    if (entries.length === 0) return html`<p>${msg('Loggen är tom.', { id: 'console.audit.empty' })}</p>`;
    return html`<div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
      <table>
        <caption id="audit-caption">
          ${msg('De senaste 100 händelserna, den nyaste först', { id: 'console.audit.caption' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('När', { id: 'console.audit.when' })}</th>
            <th scope="col">${msg('Vem', { id: 'console.audit.who' })}</th>
            <th scope="col">${msg('Vad', { id: 'console.audit.action' })}</th>
            <th scope="col">${msg('Gäller', { id: 'console.audit.target' })}</th>
            <th scope="col">${msg('Detaljer', { id: 'console.audit.detail' })}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (e) => html`<tr>
              <td><time datetime=${e.at}>${dateTime(e.at, this.locale)}</time></td>
              <td>${e.actor ?? msg('Systemet', { id: 'console.audit.system' })}</td>
              <td>${auditActionText(e.action)} <code class="code muted">${e.action}</code></td>
              <td>${e.target ? auditTargetText(e.target) : ''}</td>
              <td>${this.renderDetail(e)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Händelselogg', { id: 'console.nav.audit' })}</h1>
      <p>
        ${msg(
          'Vem som har gjort vad, och när: inloggningar, ändringar av användare och rutor, stegen för e-förslag, budgetar, snabbfrågor och enkäter, svarsmallar i chatten, nedladdningar och raderade personuppgifter. Det som gjorts från kommandoraden finns också här, som gjort av systemet.',
          { id: 'console.audit.intro' },
        )}
      </p>
      <div class="actions">
        <button type="button" @click=${() => void this.load()}>${msg('Hämta igen', { id: 'console.audit.refresh' })}</button>
      </div>
      ${this.loadProblem
        ? html`<div class="notice problem"><p>${this.loadProblem}</p></div>`
        : this.entries
          ? this.renderTable(this.entries)
          : html`<p>${msg('Laddar …', { id: 'console.loading' })}</p>`}
    `;
  }
}
