/**
 * How a petition's count grew, as a table of days: a chunk of its own, fetched only when a
 * resident asks to see it, so the petition's first view stays within its byte budget.
 */
import { html } from 'lit';
import type { SignaturesPerDay } from '../../server/petitions/schemas.js';
import { msg } from '../shared/localize.js';

/** The table; `day` writes a YYYY-MM-DD day as residents read it. */
export function renderDays({ days }: SignaturesPerDay, day: (date: string) => string) {
  let total = 0;
  return html`<table class="days-table">
    <caption>${msg('Bekräftade underskrifter per dag', { id: 'petition.days-caption' })}</caption>
    <thead>
      <tr>
        <th scope="col">${msg('Dag', { id: 'petition.days-day' })}</th>
        <th scope="col">${msg('Nya underskrifter', { id: 'petition.days-new' })}</th>
        <th scope="col">${msg('Totalt', { id: 'petition.days-total' })}</th>
      </tr>
    </thead>
    <tbody>
      ${days.map(({ date, count }) => {
        total += count;
        return html`<tr>
          <th scope="row">${day(date)}</th>
          <td>${count}</td>
          <td>${total}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
