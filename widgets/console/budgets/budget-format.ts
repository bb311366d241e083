/**
 * Words and numbers for the budget screens: statuses and modes in the municipality's words,
 * amounts in kronor written the Swedish way, and the budget API's problems in klarspråk.
 */
import { msg } from '../../shared/localize.js';
import type { BudgetMode, BudgetRule, BudgetStatus } from '../kit/api.js';
import { fieldIssueText } from '../kit/fields.js';
import { atLeast, issueText } from '../kit/forms.js';

/** Client-side problems, in the same raw form as the server's (put into words when rendered). */
export const notKronor = 'whole kronor';

export function budgetStatusLabel(status: BudgetStatus): string {
  switch (status) {
    case 'draft':
      return msg('Utkast', { id: 'console.budget-status.draft' });
    case 'open':
      return msg('Öppen för röster', { id: 'console.budget-status.open' });
    case 'closed':
      return msg('Stängd', { id: 'console.budget-status.closed' });
    case 'published':
      return msg('Resultatet är publicerat', { id: 'console.budget-status.published' });
  }
}

export function budgetModeLabel(mode: BudgetMode): string {
  return mode === 'sliders'
    ? msg('Reglage: invånarna fördelar belopp', { id: 'console.budget-mode.sliders' })
    : msg('Projekt: invånarna väljer projekt', { id: 'console.budget-mode.projects' });
}

/** The short name, for tables. */
export function budgetModeShort(mode: BudgetMode): string {
  return mode === 'sliders' ? msg('Reglage', { id: 'console.budget-mode.sliders-short' }) : msg('Projekt', { id: 'console.budget-mode.projects-short' });
}

export function budgetRuleLabel(rule: BudgetRule): string {
  return rule === 'within'
    ? msg('Hålla sig inom budgeten', { id: 'console.budget-rule.within' })
    : msg('Fördela exakt hela budgeten (med marginal)', { id: 'console.budget-rule.balanced' });
}

/** An amount for reading: "12 500 000 kr" in Swedish, "SEK 12,500,000" in English. */
export function kronor(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(n);
}

/**
 * What staff typed as an amount, in whole kronor: digits with spaces between groups
 * ("250 000", "250000", "250 000 kr"), or English-style commas between groups of three.
 * A Swedish decimal comma ("12,5") is not a whole number and is refused.
 */
export function parseKronor(text: string): number | undefined {
  const bare = text
    .replace(/\s|\u00a0|\u202f/g, '')
    .replace(/(kr|kronor|sek)$/i, '')
    .replace(/^sek/i, '');
  let digits = bare;
  if (/^\d{1,3}(,\d{3})+$/.test(bare)) digits = bare.replace(/,/g, '');
  if (!/^\d{1,10}$/.test(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A problem with a budget field, in the language being rendered. The server's own phrases
 * (server/budgets/staff-routes.ts) first, then the schemas' and the console's shared ones.
 */
export function budgetIssueText(message: string): string {
  if (message === notKronor) return msg('Skriv ett helt antal kronor med siffror, till exempel 250 000.', { id: 'console.budget.issue.kronor' });
  if (message === 'must be at least the minimum') return msg('Maxbeloppet får inte vara mindre än minimibeloppet.', { id: 'console.budget.issue.max-below-min' });
  if (message === 'must be between the minimum and the maximum') {
    return msg('Startbeloppet måste ligga mellan minimi- och maxbeloppet.', { id: 'console.budget.issue.start-outside' });
  }
  if (message === 'must be the minimum plus whole steps') {
    return msg('Beloppet måste vara minimibeloppet plus ett helt antal steg.', { id: 'console.budget.issue.steps' });
  }
  if (message === 'must be more than 0') return msg('Kostnaden måste vara mer än 0 kr.', { id: 'console.budget.issue.cost' });
  if (message === 'no such district') return msg('Välj ett av områdena.', { id: 'console.budget.issue.district' });
  if (message === 'projects always stay within the total') {
    return msg('När invånarna väljer projekt måste de alltid hålla sig inom budgeten.', { id: 'console.budget.issue.projects-rule' });
  }
  if (message === 'is taken') return msg('Det namnet har redan en annan budget.', { id: 'console.budget.issue.slug-taken' });
  if (message === 'must be an http(s) address') {
    return msg('Skriv en adress som börjar med https:// (eller http://).', { id: 'console.budget.issue.image-url' });
  }
  if (message === 'needs at least one line or project') {
    return msg('Lägg till minst en rad eller ett projekt.', { id: 'console.budget.issue.no-items' });
  }
  if (message.startsWith('say what was decided')) return issueText(atLeast(10));
  return fieldIssueText(message);
}
