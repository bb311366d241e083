/**
 * What came of a published budget: how many took part, what the municipality decided, and
 * per line the average and median amount (sliders) or per project its votes, as bars with
 * the same numbers in a table. Its own chunk, loaded only when a process has results, so the
 * form's page does not carry it. It imports nothing from the element's chunk (the element
 * hands it its formatters), so that chunk stays the widget's one entry.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str, type Locale, type TemplateMap } from '../shared/localize.js';
import type { BudgetItem, BudgetResults, PublicBudget } from './budget-api.js';
import { templates as en } from './locales/results.en.js';

/** English for this view; merged into the element's translations when the chunk arrives. */
export const templates: TemplateMap = en;

type ItemResult = BudgetResults['items'][number];

/** The element's ways of saying things (tally.ts), handed over rather than imported. */
export interface Say {
  kronor: (amount: number, locale: Locale) => string;
  /** Whole kronor in figures, grouped: "2 500 000". */
  digits: (amount: number, locale: Locale) => string;
  paragraphs: (text: string) => TemplateResult[];
}

const pick = (text: { sv: string; en: string | null }, l: Locale) => (l === 'en' && text.en ? text.en : text.sv);

interface Group {
  key: string;
  /** The district's name; none when the process has no districts. */
  name?: string;
  /** Null: fewer than the results' minGroup took part, and the server gave no figures. */
  participants: number | null;
  items: BudgetItem[];
}

function groupsOf(data: PublicBudget, r: BudgetResults, l: Locale): Group[] {
  if (!data.districts.length) return [{ key: 'all', participants: r.participants, items: data.items }];
  const groups: Group[] = data.districts.map((d) => ({
    key: String(d.id),
    name: pick(d.name, l),
    participants: r.districts.find((x) => x.districtId === d.id)?.participants ?? null,
    items: data.items.filter((i) => i.districtId === d.id),
  }));
  const everywhere = data.items.filter((i) => i.districtId === null);
  if (everywhere.length) groups.push({ key: 'all', name: msg('Alla områden', { id: 'budget.results-everywhere' }), participants: r.participants, items: everywhere });
  return groups.filter((g) => g.items.length);
}

const people = (n: number, l: Locale) =>
  n === 1 ? msg('1 person var med.', { id: 'budget.results-one' }) : msg(str`${new Intl.NumberFormat(l).format(n)} personer var med.`, { id: 'budget.results-people' });

/** One bar: the share of the widest, drawn with attributes only (no inline style, for strict CSPs). */
const bar = (share: number, marker?: number) =>
  html`<svg class="bar" focusable="false">
    <rect class="bar-track" width="100%" height="100%" />
    <rect class="bar-fill" width="${Math.max(0, Math.min(100, share * 100))}%" height="100%" />
    ${marker === undefined ? nothing : svg`<rect class="bar-marker" x="${Math.max(0, Math.min(99, marker * 100))}%" width="3" height="100%" />`}
  </svg>`;

/** Whether the server left out the group's figures: fewer than the results' minGroup took part. */
const few = (g: Group, byId: Map<number, ItemResult>) => g.items.some((i) => byId.get(i.id)?.hidden);

/** Each district's table region is named with the district too: landmarks must tell apart. */
const regionLabel = (g: Group) => (g.name ? `table-${g.key} group-${g.key}` : `table-${g.key}`);

function renderSliders(g: Group, byId: Map<number, ItemResult>, l: Locale, { kronor, digits }: Say) {
  const widest = Math.max(1, ...g.items.map((i) => Math.max(byId.get(i.id)?.average ?? 0, byId.get(i.id)?.median ?? 0)));
  const amount = (n: number | null | undefined) => (n === null || n === undefined ? '–' : kronor(n, l));
  // In the table, whole kronor in figures: a column of them reads at a glance.
  const figures = (n: number | null | undefined) => (n === null || n === undefined ? '–' : digits(n, l));
  return html`<div class="chart" role="img" aria-label=${msg('Stapeldiagram över genomsnitt och median per rad. Siffrorna finns i tabellen under.', { id: 'budget.results-chart-sliders' })}>
      <p class="hint">${msg('Stapeln visar genomsnittet och strecket medianen.', { id: 'budget.results-legend' })}</p>
      ${g.items.map((item) => {
        const r = byId.get(item.id);
        return html`<div class="bar-row">
          <p class="bar-label">${pick(item.title, l)}</p>
          ${bar((r?.average ?? 0) / widest, r?.median === null || r?.median === undefined ? undefined : r.median / widest)}
          <p class="bar-value">${msg(str`Genomsnitt ${amount(r?.average)}, median ${amount(r?.median)}`, { id: 'budget.results-bar-sliders' })}</p>
        </div>`;
      })}
    </div>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby=${regionLabel(g)}>
    <table>
      <caption id="table-${g.key}">
        ${msg('Genomsnitt och median per rad', { id: 'budget.results-table-sliders' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Rad', { id: 'budget.results-line' })}</th>
          <th scope="col" class="num">${msg('Genomsnitt, kronor', { id: 'budget.results-average' })}</th>
          <th scope="col" class="num">${msg('Median, kronor', { id: 'budget.results-median' })}</th>
        </tr>
      </thead>
      <tbody>
        ${g.items.map(
          (item) => html`<tr>
            <th scope="row">${pick(item.title, l)}</th>
            <td class="num">${figures(byId.get(item.id)?.average)}</td>
            <td class="num">${figures(byId.get(item.id)?.median)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    </div>`;
}

function renderProjects(g: Group, byId: Map<number, ItemResult>, l: Locale, { digits }: Say) {
  const percent = new Intl.NumberFormat(l, { style: 'percent' });
  const share = (votes: number) => (g.participants ? votes / g.participants : 0);
  const hidden = few(g, byId);
  const decided = (selected: boolean | null | undefined) =>
    selected ? msg('Genomförs', { id: 'budget.results-selected' }) : selected === false ? msg('Genomförs inte', { id: 'budget.results-not-selected' }) : '–';
  // Too few took part for votes: what the municipality decided is still shown, in the table.
  return html`${hidden ? nothing : html`<div class="chart" role="img" aria-label=${msg('Stapeldiagram över röster per projekt. Siffrorna finns i tabellen under.', { id: 'budget.results-chart-projects' })}>
      ${g.items.map((item) => {
        const r = byId.get(item.id);
        const votes = r?.votes ?? 0;
        return html`<div class="bar-row ${r?.selected ? 'selected' : ''}">
          <p class="bar-label">${pick(item.title, l)}${r?.selected ? html`<span class="badge">✓ ${decided(true)}</span>` : nothing}</p>
          ${bar(share(votes))}
          <p class="bar-value">
            ${votes === 1
              ? msg(str`1 röst (${percent.format(share(votes))})`, { id: 'budget.results-bar-project' })
              : msg(str`${digits(votes, l)} röster (${percent.format(share(votes))})`, { id: 'budget.results-bar-projects' })}
          </p>
        </div>`;
      })}
    </div>`}
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby=${regionLabel(g)}>
    <table>
      <caption id="table-${g.key}">
        ${msg('Röster per projekt', { id: 'budget.results-table-projects' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Projekt', { id: 'budget.results-project' })}</th>
          <th scope="col" class="num">${msg('Kostnad, kronor', { id: 'budget.results-cost' })}</th>
          <th scope="col" class="num">${msg('Röster', { id: 'budget.results-votes' })}</th>
          <th scope="col">${msg('Beslut', { id: 'budget.results-decision-column' })}</th>
        </tr>
      </thead>
      <tbody>
        ${g.items.map((item) => {
          const r = byId.get(item.id);
          return html`<tr>
            <th scope="row">${pick(item.title, l)}</th>
            <td class="num">${digits(item.cost, l)}</td>
            <td class="num">${r?.hidden ? '–' : digits(r?.votes ?? 0, l)}</td>
            <td>${decided(r?.selected)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    </div>`;
}

/** The results section; `level` is the heading level of its heading. */
export function renderResults(data: PublicBudget, l: Locale, level: number, say: Say) {
  const r = data.results!;
  const sub = Math.min(6, level + 1);
  const byId = new Map(r.items.map((i) => [i.itemId, i]));
  const published = new Intl.DateTimeFormat(l, { dateStyle: 'long' }).format(new Date(r.publishedAt));
  const decision = pick(r.decision, l);
  return html`<section class="results" part="results" aria-labelledby="results-heading">
    <div id="results-heading" class="subheading" role="heading" aria-level=${level}>${msg('Resultat', { id: 'budget.results-heading' })}</div>
    <p class="participants">${people(r.participants, l)}</p>
    <p class="hint">${msg(str`Publicerat ${published}.`, { id: 'budget.results-published' })}</p>
    ${decision
      ? html`<section class="decision" aria-labelledby="decision-heading">
          <div id="decision-heading" class="subheading" role="heading" aria-level=${sub}>${msg('Kommunens beslut', { id: 'budget.results-decision' })}</div>
          ${say.paragraphs(decision)}
        </section>`
      : nothing}
    ${groupsOf(data, r, l).map(
      (g) => html`<section class="result-group" aria-labelledby="group-${g.key}">
        <div id="group-${g.key}" class="subheading" role="heading" aria-level=${sub}>
          ${g.name ?? (data.mode === 'sliders' ? msg('Så fördelade invånarna budgeten', { id: 'budget.results-sliders' }) : msg('Så röstade invånarna', { id: 'budget.results-projects' }))}
        </div>
        ${few(g, byId)
          ? html`<p class="few">
              ${msg(str`Färre än ${r.minGroup} personer var med här. Därför visar vi inte hur de röstade: ingen ska kunna räkna ut hur en enskild person har röstat.`, { id: 'budget.results-few' })}
            </p>`
          : g.name && g.participants !== null
            ? html`<p>${people(g.participants, l)}</p>`
            : nothing}
        ${data.mode === 'projects' ? renderProjects(g, byId, l, say) : few(g, byId) ? nothing : renderSliders(g, byId, l, say)}
      </section>`,
    )}
  </section>`;
}
