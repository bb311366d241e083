import type { Db } from '../db/index.js';
import { escapeHtml } from '../pages/html.js';
import { hashToken } from '../verify/tokens.js';
import type { PublicBudget } from './schemas.js';
import { findPublicBudget } from './store.js';

type Lang = 'sv' | 'en';

/** What a resident's ballot says, in their language: for the confirmation mail and page. */
export interface BallotSummary {
  /** The process's title. */
  title: string;
  district: string | null;
  /** Sliders: every line with its amount. Projects: the chosen ones with their cost. */
  lines: { name: string; amount: number }[];
  /** What the ballot gives out, and of how much. */
  sum: number;
  total: number;
  mode: PublicBudget['mode'];
}

const pick = (text: { sv: string; en: string | null }, lang: Lang) => (lang === 'en' && text.en ? text.en : text.sv);
const kronor = (n: number, lang: Lang) => (lang === 'en' ? `${new Intl.NumberFormat('en').format(n)} kronor` : `${new Intl.NumberFormat('sv').format(n)} kr`);

/** The summary of a ballot, from the process and the amounts per item (a chosen project: its cost). */
export function summarise(budget: PublicBudget, districtId: number | null, amounts: Map<number, number>, lang: Lang): BallotSummary {
  const district = budget.districts.find((d) => d.id === districtId) ?? null;
  const lines = budget.items.filter((i) => amounts.has(i.id)).map((i) => ({ name: pick(i.title, lang), amount: amounts.get(i.id)! }));
  return {
    title: pick(budget.title, lang),
    district: district ? pick(district.name, lang) : null,
    lines,
    sum: lines.reduce((s, l) => s + l.amount, 0),
    total: district?.total ?? budget.total,
    mode: budget.mode,
  };
}

/** The ballot a confirmation link is for, summarised; undefined for a link that does not exist. */
export async function ballotSummaryFor(db: Db, token: string, lang: Lang): Promise<BallotSummary | undefined> {
  const ballot = await db
    .selectFrom('ballot_confirmations as c')
    .innerJoin('budget_ballots as b', 'b.id', 'c.ballot_id')
    .innerJoin('budget_voters as v', 'v.id', 'b.voter_id')
    .select(['b.id', 'b.district_id', 'v.budget_slug'])
    .where('c.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!ballot) return undefined;
  const budget = await findPublicBudget(db, ballot.budget_slug);
  if (!budget) return undefined;
  const allocations = await db.selectFrom('budget_allocations').select(['item_id', 'amount']).where('ballot_id', '=', ballot.id).execute();
  return summarise(budget, ballot.district_id, new Map(allocations.map((a) => [a.item_id, a.amount])), lang);
}

const words = {
  sv: {
    sliders: 'Så här fördelade du pengarna:',
    projects: 'Du valde de här projekten:',
    district: (name: string) => `Område: ${name}`,
    sum: (sum: string, total: string) => `Sammanlagt ${sum} av ${total}.`,
  },
  en: {
    sliders: 'This is how you shared out the money:',
    projects: 'You chose these projects:',
    district: (name: string) => `Area: ${name}`,
    sum: (sum: string, total: string) => `${sum} in all, of ${total}.`,
  },
};

/** The summary as lines of a plain-text mail. */
export function summaryText(s: BallotSummary, lang: Lang): string {
  const w = words[lang];
  return [
    ...(s.district ? [w.district(s.district), ''] : []),
    w[s.mode],
    ...s.lines.map((l) => `- ${l.name}: ${kronor(l.amount, lang)}`),
    w.sum(kronor(s.sum, lang), kronor(s.total, lang)),
  ].join('\n');
}

/** The summary as HTML for the confirmation page, every text escaped. */
export function summaryHtml(s: BallotSummary, lang: Lang): string {
  const w = words[lang];
  return (
    `<section class="ballot-summary">\n<h2>${escapeHtml(s.title)}</h2>\n` +
    (s.district ? `<p>${escapeHtml(w.district(s.district))}</p>\n` : '') +
    `<p>${escapeHtml(w[s.mode])}</p>\n<ul>\n${s.lines.map((l) => `<li>${escapeHtml(`${l.name}: ${kronor(l.amount, lang)}`)}</li>`).join('\n')}\n</ul>\n` +
    `<p>${escapeHtml(w.sum(kronor(s.sum, lang), kronor(s.total, lang)))}</p>\n</section>\n`
  );
}

/** For the confirmation page (server/verify/pages.ts): the link's ballot as HTML, or nothing for a link that does not exist. */
export async function budgetConfirmationSummary(db: Db, token: string, lang: Lang): Promise<string> {
  const summary = await ballotSummaryFor(db, token, lang);
  return summary ? summaryHtml(summary, lang) : '';
}
