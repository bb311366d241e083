import { html, type TemplateResult } from 'lit';
import { msg } from '../../shared/localize.js';
import { listStyles, Loaded, renderTable } from '../kit/list.js';
import { answerKindLabel, localized } from '../kit/labels.js';
import { pollApi, type PollKind, type PollStatus, type StaffPoll } from './poll-api.js';
import { ConsoleScreen } from '../kit/screen.js';

/** The address part of the form for a new poll: #/polls/_ny (no poll's number looks like it). */
export const newPollPath = '_ny';

export function pollStatusLabel(status: PollStatus): string {
  switch (status) {
    case 'draft':
      return msg('Utkast', { id: 'console.poll-status.draft' });
    case 'open':
      return msg('Öppen för svar', { id: 'console.poll-status.open' });
    case 'closed':
      return msg('Stängd', { id: 'console.poll-status.closed' });
  }
}

export const pollKindLabel: (kind: PollKind) => string = answerKindLabel;

/**
 * Quick polls (snabbfrågor): every poll with its status and how many answered, and the way to
 * a new one. Opening one leads to its page (#/polls/<id>).
 */
export class MedverkaConsolePolls extends ConsoleScreen {
  static override heading = () => msg('Snabbfrågor', { id: 'console.nav.polls' });
  static override intro = () => msg('En snabbfråga är en fråga med några svarsalternativ eller en skala, till exempel på ett möte. Invånarna svarar med ett klick, och resultatet syns direkt, också på en storbild.', { id: 'console.polls.intro' });
  static override styles = [
    ...ConsoleScreen.styles,
    listStyles,
  ];

  // The newest first, as people look for the one they just made.
  #polls = new Loaded(this, async () => (await pollApi.polls()).polls.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id));

  private renderList(polls: StaffPoll[]): TemplateResult {
    if (polls.length === 0) {
      return html`<p class="none">${msg('Det finns inga snabbfrågor än.', { id: 'console.polls.none' })}</p>`;
    }
    return renderTable(
      msg('Alla snabbfrågor, den senaste först', { id: 'console.polls.caption' }),
      [
        msg('Fråga', { id: 'console.polls.question' }),
        [msg('Sätt att svara', { id: 'console.polls.kind' }), 'wide-only'],
        [msg('Status', { id: 'console.budgets.status' }), 'wide-only'],
        [msg('Svar', { id: 'console.poll.answers' }), 'number'],
      ],
      polls.map(
        (p) => html`<tr data-poll=${p.id}>
          <td>
            <a href="#/polls/${p.id}">${localized(p.question, this.locale)}</a>
            <span class="narrow-only muted">${pollKindLabel(p.kind)}, ${pollStatusLabel(p.status).toLocaleLowerCase(this.locale)}</span>
          </td>
          <td class="wide-only">${pollKindLabel(p.kind)}</td>
          <td class="wide-only" data-status=${p.status}>${pollStatusLabel(p.status)}</td>
          <td class="number" data-answers>${p.results.total}</td>
        </tr>`,
      ),
    );
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      <p><a class="button" id="new-poll" href="#/polls/${newPollPath}">${msg('Ny snabbfråga', { id: 'console.polls.new' })}</a></p>
      ${this.#polls.render((polls) => this.renderList(polls))}
    `;
  }
}
