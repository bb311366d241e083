import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { listStyles, Loaded, renderTable } from '../kit/list.js';
import { panelApi, type PanelCounts, type StaffSurvey } from './panel-api.js';
import { regionTable } from '../kit/fields.js';
import { localized } from '../kit/labels.js';
import { ConsoleScreen } from '../kit/screen.js';
import { audienceShort, groupLabel, surveyStepLabel } from './survey-format.js';

/** The address part of the form for a new survey: #/panel/_ny (no survey's number looks like it). */
export const newSurveyPath = '_ny';

/**
 * The citizen panel (medborgarpanel): how many are members, by age band and district — with
 * groups smaller than the server's minimum shown only as "fewer than N", and never who they
 * are — and the surveys, with the step each has reached. Opening one leads to its page
 * (#/panel/<id>).
 */
export class MedverkaConsolePanel extends ConsoleScreen {
  static override heading = () => msg('Medborgarpanel', { id: 'console.nav.panel' });
  static override intro = () => msg('Medborgarpanelen är invånare som har anmält sig för att svara på kommunens enkäter. De får alltid veta vad som hände med svaren: först en återkoppling, sedan vad som beslutades.', { id: 'console.panel.intro' });
  static override styles = [
    ...ConsoleScreen.styles,
    listStyles,
    css`
      tbody th {
        background: none;
      }
      .members {
        font-size: 1.25rem;
      }
      .groups {
        display: grid;
        gap: 0 2rem;
        max-width: 50rem;
      }
      @media (min-width: 48rem) {
        .groups {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  #counts = new Loaded(this, () => panelApi.counts());
  #surveys = new Loaded(this, async () => (await panelApi.surveys()).surveys);

  private renderGroups(id: string, caption: string, heading: string, rows: { group: string | null; count: number | null }[]): TemplateResult {
    const hidden = msg('visas inte', { id: 'console.panel.not-shown' });
    return regionTable(
      `${id}-caption`,
      caption,
      html`<th scope="col">${heading}</th>
        <th scope="col" class="number">${msg('Medlemmar', { id: 'console.panel.members' })}</th>`,
      rows.map(
        (r) => html`<tr data-group=${r.group ?? ''}>
          <th scope="row">${groupLabel(r.group)}</th>
          <td class="number" data-count=${r.count === null ? 'hidden' : r.count}>${r.count === null ? hidden : r.count}</td>
        </tr>`,
      ),
      { id },
    );
  }

  private renderCounts(c: PanelCounts): TemplateResult {
    const bands = c.byAgeBand.map((r) => ({ group: r.band, count: r.count }));
    const districts = c.byDistrict.map((r) => ({ group: r.district, count: r.count }));
    return html`<p class="members" id="members" data-members=${c.members}>
        <strong
          >${c.members === 1
            ? msg('1 medlem', { id: 'console.panel.one-member' })
            : msg(str`${c.members} medlemmar`, { id: 'console.panel.n-members' })}</strong
        >
      </p>
      <p class="hint" id="small-groups">
        ${msg(
          str`En grupp med färre än ${c.minGroup} medlemmar visas inte, och inte heller en grupp som skulle gå att räkna fram ur summan, så att ingen kan pekas ut. Konsolen visar aldrig vilka som är med.`,
          { id: 'console.panel.small-groups' },
        )}
      </p>
      <div class="groups">
        <div>
          ${bands.length
            ? this.renderGroups('by-age', msg('Efter ålder', { id: 'console.panel.by-age' }), msg('Ålder', { id: 'console.panel.age' }), bands)
            : html`<p>${msg('Panelen frågar inte efter ålder.', { id: 'console.panel.no-age' })}</p>`}
        </div>
        <div>
          ${districts.length
            ? this.renderGroups(
                'by-district',
                msg('Efter område', { id: 'console.panel.by-district' }),
                msg('Område', { id: 'console.budget.district' }),
                districts,
              )
            : html`<p id="no-districts">${msg('Panelen frågar inte efter område.', { id: 'console.panel.no-districts' })}</p>`}
        </div>
      </div>`;
  }

  private renderSurveys(list: StaffSurvey[]): TemplateResult {
    if (list.length === 0) return html`<p class="none">${msg('Det finns inga enkäter än.', { id: 'console.panel.no-surveys' })}</p>`;
    return renderTable(
      msg('Alla enkäter, den senaste först', { id: 'console.panel.surveys-caption' }),
      [
        msg('Titel', { id: 'console.budgets.title' }),
        [msg('Vilka som svarar', { id: 'console.survey.audience' }), 'wide-only'],
        [msg('Steg', { id: 'console.survey.step' }), 'wide-only'],
        [msg('Inskickade svar', { id: 'console.survey.submitted' }), 'number'],
      ],
      list.map(
        (s) => html`<tr data-survey=${s.id}>
          <td>
            <a href="#/panel/${s.id}">${localized(s.title, this.locale)}</a>
            <span class="narrow-only muted">${audienceShort(s.audience)}, ${surveyStepLabel(s).toLocaleLowerCase(this.locale)}</span>
          </td>
          <td class="wide-only">${audienceShort(s.audience)}</td>
          <td class="wide-only" data-step>${surveyStepLabel(s)}</td>
          <td class="number" data-submitted>${s.counts.submitted}</td>
        </tr>`,
      ),
      'surveys',
    );
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <h2 id="members-heading">${msg('Medlemmar', { id: 'console.panel.members' })}</h2>
      ${this.#counts.render((c) => this.renderCounts(c))}
      <h2 id="surveys-heading">${msg('Enkäter', { id: 'console.panel.surveys' })}</h2>
      <p><a class="button" id="new-survey" href="#/panel/${newSurveyPath}">${msg('Ny enkät', { id: 'console.panel.new-survey' })}</a></p>
      ${this.#surveys.render((list) => this.renderSurveys(list))}
    `;
  }
}
