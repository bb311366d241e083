/**
 * What a resident's ballot adds up to, and amounts in kronor the way people say them. Pure
 * functions of the process and the ballot, so the element, the results view and the tests
 * read the same numbers. The server checks the same rule again (server/budgets/rules.ts).
 */
import { msg, str, type Locale } from '../shared/localize.js';
import type { BudgetItem, PublicBudget } from './budget-api.js';

/**
 * An amount in words, as it is said: "12,5 miljoner kronor", "250 000 kronor" (English:
 * "12.5 million kronor"). Millions and billions are words only when that is exact, so a
 * screen reader never rounds someone's choice. Call it while rendering (msg() reads the
 * element's language).
 */
export function kronor(amount: number, locale: Locale): string {
  const abs = Math.abs(amount);
  const words = abs >= 1e6 && abs % (abs >= 1e9 ? 1e6 : 1e3) === 0;
  const n = numbers(locale, words).format(amount);
  return abs === 1 ? msg(str`${n} krona`, { id: 'budget.krona' }) : msg(str`${n} kronor`, { id: 'budget.kronor' });
}

/** Digits grouped as the language writes them, for the exact-amount field: "2 500 000". */
export const digits = (amount: number, locale: Locale) => numbers(locale, false).format(amount);

/**
 * A number format, made once per language and style: making one costs far more than using
 * it, and a budget's render says dozens of amounts, again at every slider step. The first
 * one a page makes also loads the language's number data (see MedverkaBudget.load).
 */
const formats = new Map<string, Intl.NumberFormat>();
function numbers(locale: Locale, words: boolean): Intl.NumberFormat {
  const key = locale + words;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, words ? { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 3 } : {})));
  return format;
}

/** The text localised: English when asked for and written, else Swedish. */
export const pick = (text: { sv: string; en: string | null }, locale: Locale) => (locale === 'en' && text.en ? text.en : text.sv);

/** The items of one district: its own and those that belong to every district. */
export function itemsOf(budget: PublicBudget, districtId: number | null): BudgetItem[] {
  if (!budget.districts.length) return budget.items;
  return budget.items.filter((i) => i.districtId === null || i.districtId === districtId);
}

/** The total a resident shares out: the district's, or the whole process's. */
export function totalOf(budget: PublicBudget, districtId: number | null): number {
  return budget.districts.find((d) => d.id === districtId)?.total ?? budget.total;
}

/** 'over': more than the total (beyond the tolerance when balancing); 'under': short of a balanced total. */
export type TallyState = 'ok' | 'over' | 'under';

export interface Tally {
  total: number;
  spent: number;
  /** What is left to share out; negative when over. */
  left: number;
  state: TallyState;
  /** How much must go (over) or come (under) for the ballot to keep the rule. */
  off: number;
}

/** The ballot as it stands: amounts per line (a line not touched keeps its start), or the chosen projects. */
export function tally(budget: PublicBudget, districtId: number | null, amounts: ReadonlyMap<number, number>, chosen: ReadonlySet<number>): Tally {
  const total = totalOf(budget, districtId);
  const items = itemsOf(budget, districtId);
  const sliders = budget.mode === 'sliders';
  const spent = items.reduce((sum, i) => sum + (sliders ? (amounts.get(i.id) ?? i.start) : chosen.has(i.id) ? i.cost : 0), 0);
  const slack = sliders && budget.rule === 'balanced' ? budget.tolerance : 0;
  const state: TallyState = spent > total + slack ? 'over' : sliders && budget.rule === 'balanced' && spent < total - slack ? 'under' : 'ok';
  const off = state === 'over' ? spent - total - slack : state === 'under' ? total - slack - spent : 0;
  return { total, spent, left: total - spent, state, off };
}

/** The nearest amount a line can take: on its steps from its minimum, within its range. */
export function snap(item: BudgetItem, amount: number): number {
  const stepped = item.min + Math.round((amount - item.min) / item.step) * item.step;
  return Math.min(item.max, Math.max(item.min, stepped));
}

