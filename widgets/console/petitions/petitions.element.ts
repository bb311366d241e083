import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type PetitionStatus, type StaffPetition } from '../kit/api.js';
import { states } from '../../shared/base-element.js';
import { dateTime } from '../kit/labels.js';
import { Loaded, renderTable } from '../kit/list.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The statuses the filter offers, in the order moderators work through them. */
const filterStatuses = ['awaiting_moderation', 'open', 'closed', 'answered', 'rejected', 'draft'] as const satisfies readonly PetitionStatus[];
type FilterStatus = (typeof filterStatuses)[number];

/** The filter remembers its choice while the console is open, so going back to the list keeps it. */
let lastFilter: FilterStatus = 'awaiting_moderation';

export function filterLabel(status: FilterStatus): string {
  switch (status) {
    case 'awaiting_moderation':
      return msg('Att granska', { id: 'console.petitions.filter.awaiting-moderation' });
    case 'open':
      return msg('Öppna', { id: 'console.petitions.filter.open' });
    case 'closed':
      return msg('Stängda', { id: 'console.petitions.filter.closed' });
    case 'answered':
      return msg('Besvarade', { id: 'console.petitions.filter.answered' });
    case 'rejected':
      return msg('Avvisade', { id: 'console.petitions.filter.rejected' });
    case 'draft':
      return msg('Utkast (ej bekräftade)', { id: 'console.petitions.filter.draft' });
  }
}

/** Whether a petition has reached its threshold and still waits for the municipality's answer. */
export function awaitsAnswer(p: StaffPetition): boolean {
  return Boolean(p.thresholdReachedAt) && p.status !== 'answered' && p.status !== 'rejected';
}

/** E-petitions for moderation, by status. Opening one leads to its page (#/petitions/<id>). */
export class MedverkaConsolePetitions extends ConsoleScreen {
  static override heading = () => msg('E-förslag', { id: 'console.nav.petitions' });
  static override intro = () => msg('Granska nya e-förslag innan de publiceras, rätta stavfel, stäng insamlingen och publicera kommunens svar.', { id: 'console.petitions.intro' });
  static override styles = [
    ...ConsoleScreen.styles,
    css`
      .filter {
        max-width: 20rem;
      }
      .filter .field {
        margin: 0;
      }
      td .badge {
        margin-top: 0.25rem;
      }
      .due {
        color: var(--_warning);
      }
    `,
  ];

  static override properties = {
    ...ConsoleScreen.properties,
    ...states('status'),
  };

  declare private status: FilterStatus;
  #petitions = new Loaded(this, async () => (await staffApi.petitions(this.status)).petitions);

  constructor() {
    super();
    this.status = lastFilter;
  }

  /** Shows the petitions with the chosen status, and says how many there are. */
  private async showStatus(status: FilterStatus): Promise<void> {
    this.status = status;
    lastFilter = status;
    const petitions = await this.#petitions.load();
    if (petitions) this.announce(msg(str`${filterLabel(status)}: ${petitions.length} e-förslag.`, { id: 'console.petitions.shown' }));
  }

  private onFilter(event: SubmitEvent) {
    event.preventDefault();
    const select = (event.target as HTMLFormElement).elements.namedItem('status') as HTMLSelectElement;
    void this.showStatus(select.value as FilterStatus);
  }

  private dates(p: StaffPetition): TemplateResult {
    const line = (label: string, iso: string | null) =>
      iso ? html`<div>${label} <time datetime=${iso}>${dateTime(iso, this.locale)}</time></div>` : nothing;
    return html`${line(msg('Skapat', { id: 'console.petitions.created-at' }), p.createdAt)}
    ${line(msg('Öppnat', { id: 'console.petitions.opened-at' }), p.openedAt)}
    ${line(msg('Stänger', { id: 'console.petitions.closes-at' }), p.status === 'open' ? p.closesAt : null)}
    ${line(msg('Besvarat', { id: 'console.petitions.answered-at' }), p.answeredAt)}`;
  }

  private renderList(petitions: StaffPetition[]): TemplateResult {
    if (petitions.length === 0) {
      return html`<p class="none">${msg('Det finns inga e-förslag med den statusen.', { id: 'console.petitions.none' })}</p>`;
    }
    // Every row has the status the filter chose, which the caption names: no column repeats it.
    return renderTable(
      filterLabel(this.status),
      [
        msg('Titel', { id: 'console.petitions.title' }),
        msg('Underskrifter', { id: 'console.petitions.signatures' }),
        msg('Datum', { id: 'console.petitions.dates' }),
      ],
      petitions.map(
        (p) => html`<tr>
          <td>
            <a href="#/petitions/${p.id}">${p.title}</a>
            ${awaitsAnswer(p)
              ? html`<div><span class="badge due">${msg('Har nått gränsen – ska besvaras', { id: 'console.petitions.due' })}</span></div>`
              : nothing}
          </td>
          <td>${msg(str`${p.signatureCount} av ${p.threshold}`, { id: 'console.petitions.count' })}</td>
          <td>${this.dates(p)}</td>
        </tr>`,
      ),
    );
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <form class="filter" novalidate @submit=${this.onFilter}>
        <div class="field">
          <label for="status-filter">${msg('Status', { id: 'console.petitions.status' })}</label>
          <select id="status-filter" name="status">
            ${filterStatuses.map((s) => html`<option value=${s} ?selected=${s === this.status}>${filterLabel(s)}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button type="submit">${msg('Visa', { id: 'console.petitions.filter' })}</button>
        </div>
      </form>
      ${this.#petitions.render((petitions) => this.renderList(petitions))}
    `;
  }
}
