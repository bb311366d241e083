/**
 * What came of a budget process, for staff: the ballots so far, the results per line or
 * project and per district as tables, the municipality's decision, and the downloads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type BudgetResults, type StaffBudget } from '../kit/api.js';
import { kronor } from './budget-format.js';
import { regionTable } from '../kit/fields.js';
import { localized } from '../kit/labels.js';

/** The ballots counted so far: sent, confirmed, and residents whose latest confirmed ballot counts. */
export function renderCounts(budget: StaffBudget): TemplateResult {
  return html`<dl class="facts counts">
    <dt>${msg('Skickade röstsedlar', { id: 'console.budget.ballots-sent' })}</dt>
    <dd data-count="sent">${budget.ballotsSent}</dd>
    <dt>${msg('Bekräftade via e-post', { id: 'console.budget.ballots-confirmed' })}</dt>
    <dd data-count="confirmed">${budget.ballotsConfirmed}</dd>
    <dt>${msg('Deltagare som räknas', { id: 'console.budget.participants' })}</dt>
    <dd data-count="participants">${budget.participants}</dd>
  </dl>
  <p class="hint">
    ${msg('Varje invånare räknas en gång: med den senaste röstsedel hen har bekräftat.', { id: 'console.budget.counts-hint' })}
  </p>`;
}

/** The results as a table per line or project, and the participants per district. */
export function renderResultsTables(budget: StaffBudget, results: BudgetResults, locale: string): TemplateResult {
  const sliders = budget.mode === 'sliders';
  const hasDistricts = budget.districts.length > 0;
  const districtName = new Map(budget.districts.map((d) => [d.id, localized(d.name, locale)]));
  const everywhere = msg('Alla områden', { id: 'console.budget.all-districts' });
  const byItem = new Map(results.items.map((r) => [r.itemId, r]));
  const amount = (n: number | null) => (n === null ? '–' : kronor(n, locale));
  const count = (n: number | null | undefined) => (n === null ? '–' : (n ?? 0));
  const few = results.items.some((r) => r.hidden) || results.districts.some((d) => d.participants === null);
  const published = budget.status === 'published';
  return html`${regionTable(
      'results-caption',
      sliders ? msg('Resultat per rad', { id: 'console.budget.results-per-line' }) : msg('Resultat per projekt', { id: 'console.budget.results-per-project' }),
      html`<th scope="col">${sliders ? msg('Rad', { id: 'console.budget.line' }) : msg('Projekt', { id: 'console.budget.project' })}</th>
        ${hasDistricts ? html`<th scope="col">${msg('Område', { id: 'console.budget.district' })}</th>` : nothing}
        ${sliders
          ? html`<th scope="col" class="number">${msg('Genomsnitt', { id: 'console.budget.average' })}</th>
              <th scope="col" class="number">${msg('Median', { id: 'console.budget.median' })}</th>
              <th scope="col" class="number">${msg('Röstsedlar', { id: 'console.budget.ballots' })}</th>`
          : html`<th scope="col" class="number">${msg('Kostnad', { id: 'console.budget.cost' })}</th>
              <th scope="col" class="number">${msg('Röster', { id: 'console.budget.votes' })}</th>
              ${published ? html`<th scope="col">${msg('Genomförs', { id: 'console.budget.selected' })}</th>` : nothing}`}`,
      budget.items.map((item) => {
        const r = byItem.get(item.id);
        return html`<tr data-item-id=${item.id}>
          <th scope="row">${localized(item.title, locale)}</th>
          ${hasDistricts ? html`<td>${item.districtId === null ? everywhere : (districtName.get(item.districtId) ?? '')}</td>` : nothing}
          ${sliders
            ? html`<td class="number">${amount(r?.average ?? null)}</td>
                <td class="number">${amount(r?.median ?? null)}</td>
                <td class="number">${count(r?.votes)}</td>`
            : html`<td class="number">${kronor(item.cost, locale)}</td>
                <td class="number">${count(r?.votes)}</td>
                ${published ? html`<td>${r?.selected ? msg('Ja', { id: 'console.yes' }) : msg('Nej', { id: 'console.no' })}</td>` : nothing}`}
        </tr>`;
      }),
      { cls: 'results' },
    )}
    ${hasDistricts
      ? regionTable(
          'districts-caption',
          msg('Deltagare per område', { id: 'console.budget.per-district' }),
          html`<th scope="col">${msg('Område', { id: 'console.budget.district' })}</th>
            <th scope="col" class="number">${msg('Budget', { id: 'console.budgets.total' })}</th>
            <th scope="col" class="number">${msg('Deltagare', { id: 'console.budgets.participants' })}</th>`,
          budget.districts.map(
            (d) => html`<tr data-district-id=${d.id}>
              <th scope="row">${localized(d.name, locale)}</th>
              <td class="number">${kronor(d.total, locale)}</td>
              <td class="number">${count(results.districts.find((x) => x.districtId === d.id)?.participants)}</td>
            </tr>`,
          ),
          {
            cls: 'districts',
            foot: html`<tr>
              <th scope="row">${msg('Totalt', { id: 'console.budget.in-all' })}</th>
              <td class="number">${kronor(budget.districts.reduce((sum, d) => sum + d.total, 0), locale)}</td>
              <td class="number" data-count="total-participants">${results.participants}</td>
            </tr>`,
          },
        )
      : nothing}
    ${few
      ? html`<p class="hint few">
          ${msg(
            str`– betyder att färre än ${results.minGroup} personer var med där. Då visas inga siffror, varken här, för invånarna eller i resultatfilen, så att ingen kan räkna ut hur en enskild person röstade. Röstsedlarna (CSV) har alla röster.`,
            { id: 'console.budget.few' },
          )}
        </p>`
      : nothing}`;
}

/** The published decision, in both languages when there are two. */
export function renderDecision(budget: StaffBudget): TemplateResult | typeof nothing {
  const decision = budget.results?.decision;
  if (budget.status !== 'published' || !decision) return nothing;
  return html`<h3>${msg('Kommunens beslut', { id: 'console.budget.decision' })}</h3>
    <div class="text decision">${decision.sv}</div>
    ${decision.en
      ? html`<h4>${msg('På engelska', { id: 'console.budget.in-english' })}</h4>
          <div class="text decision-en" lang="en">${decision.en}</div>`
      : nothing}`;
}

/** Links to the ballots and results as CSV, and to pabulib files (one per district). */
export function renderDownloads(budget: StaffBudget, locale: string): TemplateResult {
  const slug = budget.slug;
  return html`<ul class="downloads">
      <li>
        <a href=${staffApi.budgetBallotsCsvUrl(slug)} download="rostsedlar-${slug}.csv" data-download="ballots"
          >${msg('Röstsedlarna (CSV)', { id: 'console.budget.download-ballots' })}</a
        >
      </li>
      <li>
        <a href=${staffApi.budgetResultsCsvUrl(slug)} download="resultat-${slug}.csv" data-download="results"
          >${msg('Resultatet (CSV)', { id: 'console.budget.download-results' })}</a
        >
      </li>
      ${budget.districts.length === 0
        ? html`<li>
            <a href=${staffApi.budgetPabulibUrl(slug)} download="${slug}.pb" data-download="pabulib"
              >${msg('Pabulib-fil (.pb)', { id: 'console.budget.download-pabulib' })}</a
            >
          </li>`
        : budget.districts.map((d) => {
            const name = localized(d.name, locale);
            return html`<li>
              <a href=${staffApi.budgetPabulibUrl(slug, d.id)} download="${slug}-${d.id}.pb" data-download="pabulib"
                >${msg(str`Pabulib-fil för ${name} (.pb)`, { id: 'console.budget.download-pabulib-district' })}</a
              >
            </li>`;
          })}
    </ul>
    <p class="hint">
      ${msg('Röstsedlarna har ett löpnummer per deltagare, aldrig e-postadresser. Pabulib är formatet som forskning om medborgarbudgetar använder (pabulib.org); en fil per område.', {
        id: 'console.budget.downloads-hint',
      })}
    </p>`;
}
