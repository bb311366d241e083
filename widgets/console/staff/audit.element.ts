import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { staffApi, type AuditEntry } from '../kit/api.js';
import { auditActionText, auditTargetText, dateTime } from '../kit/labels.js';
import { Loaded, renderTable } from '../kit/list.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The latest things staff (and the system) did, newest first. */
export class MedverkaConsoleAudit extends ConsoleScreen {
  static override heading = () => msg('Händelselogg', { id: 'console.nav.audit' });
  static override intro = () => msg('Vem som har gjort vad, och när: inloggningar, ändringar av användare och rutor, stegen för e-förslag, budgetar, snabbfrågor och enkäter, svarsmallar i chatten, nedladdningar och raderade personuppgifter. Det som gjorts från kommandoraden finns också här, som gjort av systemet.', { id: 'console.audit.intro' });
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

  #entries = new Loaded(this, async () => (await staffApi.audit(100)).entries);

  /** Fetches the log again, showing the old one meanwhile. */
  private async refresh(): Promise<void> {
    if (await this.#entries.load({ keep: true })) this.announce(msg('Loggen är uppdaterad.', { id: 'console.audit.refreshed' }));
  }

  private renderDetail(entry: AuditEntry) {
    if (!entry.detail || Object.keys(entry.detail).length === 0) return nothing;
    // Shown as text: whatever staff typed stays inert.
    return html`<code>${JSON.stringify(entry.detail)}</code>`;
  }

  private renderTable(entries: AuditEntry[]): TemplateResult {
    if (entries.length === 0) return html`<p>${msg('Loggen är tom.', { id: 'console.audit.empty' })}</p>`;
    return renderTable(
      msg('De senaste 100 händelserna, den nyaste först', { id: 'console.audit.caption' }),
      [
        msg('När', { id: 'console.audit.when' }),
        msg('Vem', { id: 'console.audit.who' }),
        msg('Vad', { id: 'console.audit.action' }),
        msg('Gäller', { id: 'console.audit.target' }),
        msg('Detaljer', { id: 'console.audit.detail' }),
      ],
      entries.map(
        (e) => html`<tr>
          <td><time datetime=${e.at}>${dateTime(e.at, this.locale)}</time></td>
          <td>${e.actor ?? msg('Systemet', { id: 'console.audit.system' })}</td>
          <td>${auditActionText(e.action)} <code class="code muted">${e.action}</code></td>
          <td>${e.target ? auditTargetText(e.target) : ''}</td>
          <td>${this.renderDetail(e)}</td>
        </tr>`,
      ),
      undefined,
      'audit-caption',
    );
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <div class="actions">
        <button type="button" @click=${() => void this.refresh()}>${msg('Hämta igen', { id: 'console.audit.refresh' })}</button>
      </div>
      ${this.#entries.render((entries) => this.renderTable(entries), { retry: false })}
    `;
  }
}
