/**
 * The rules of participatory budgets, apart from storage and HTTP so they can be read, and
 * tested, on their own. The server re-checks every ballot with these, whatever the widget
 * already told the resident.
 *
 * A process's life: draft → open → closed → published (results and the municipality's decision).
 */
import type { BudgetMode, BudgetResults, BudgetRule, BudgetStatus } from './schemas.js';

const transitions: Record<BudgetStatus, readonly BudgetStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['published'],
  published: [],
};

export function canMoveBudget(from: BudgetStatus, to: BudgetStatus): boolean {
  return transitions[from].includes(to);
}

export interface RuleItem {
  id: number;
  title: string;
  min: number;
  max: number;
  step: number;
  cost: number;
}

export interface RuleBudget {
  mode: BudgetMode;
  rule: BudgetRule;
  tolerance: number;
  /** The total for the resident's district (or the whole process). */
  total: number;
}

/** What is wrong with a ballot, at the line (or 'total' / 'projects') it concerns. */
export interface BallotIssue {
  path: string;
  message: string;
}

const kr = (n: number) => `${new Intl.NumberFormat('en').format(n)} kronor`;

/**
 * Checks a slider ballot: an amount for every line of the district and no other, each within
 * its line's range and on its steps, and the sum within the total (or balancing it, give or
 * take the tolerance). Every problem is named with its line and by how much.
 */
export function checkSliderBallot(budget: RuleBudget, items: readonly RuleItem[], allocations: readonly { itemId: number; amount: number }[]): BallotIssue[] {
  const issues: BallotIssue[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<number>();
  let sum = 0;
  for (const { itemId, amount } of allocations) {
    const item = byId.get(itemId);
    const path = `allocations.${itemId}`;
    if (!item) {
      issues.push({ path, message: `There is no line ${itemId} in this budget (or in the chosen district).` });
      continue;
    }
    if (seen.has(itemId)) {
      issues.push({ path, message: `“${item.title}” is given an amount twice.` });
      continue;
    }
    seen.add(itemId);
    sum += amount;
    if (amount < item.min) issues.push({ path, message: `“${item.title}” must get at least ${kr(item.min)}: ${kr(item.min - amount)} more.` });
    else if (amount > item.max) issues.push({ path, message: `“${item.title}” can get at most ${kr(item.max)}: ${kr(amount - item.max)} too much.` });
    else if ((amount - item.min) % item.step !== 0) issues.push({ path, message: `“${item.title}” goes in steps of ${kr(item.step)} from ${kr(item.min)}.` });
  }
  for (const item of items) {
    if (!seen.has(item.id)) issues.push({ path: `allocations.${item.id}`, message: `“${item.title}” needs an amount.` });
  }
  if (budget.rule === 'within' && sum > budget.total) {
    issues.push({ path: 'total', message: `The ballot gives out ${kr(sum)}, ${kr(sum - budget.total)} more than the ${kr(budget.total)} there is.` });
  }
  if (budget.rule === 'balanced' && Math.abs(sum - budget.total) > budget.tolerance) {
    const off = sum > budget.total ? `${kr(sum - budget.total)} too much` : `${kr(budget.total - sum)} too little`;
    issues.push({ path: 'total', message: `The ballot must give out ${kr(budget.total)}${budget.tolerance ? ` (give or take ${kr(budget.tolerance)})` : ''}; it gives out ${kr(sum)}, ${off}.` });
  }
  return issues;
}

/** Checks a project ballot: known projects of the district, each once, costing no more than the total together. */
export function checkProjectBallot(budget: RuleBudget, items: readonly RuleItem[], projects: readonly number[]): BallotIssue[] {
  const issues: BallotIssue[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<number>();
  let cost = 0;
  for (const id of projects) {
    const item = byId.get(id);
    if (!item) issues.push({ path: 'projects', message: `There is no project ${id} in this budget (or in the chosen district).` });
    else if (seen.has(id)) issues.push({ path: 'projects', message: `“${item.title}” is chosen twice.` });
    else {
      seen.add(id);
      cost += item.cost;
    }
  }
  if (projects.length === 0) issues.push({ path: 'projects', message: 'Choose at least one project.' });
  if (cost > budget.total) issues.push({ path: 'total', message: `The chosen projects cost ${kr(cost)}, ${kr(cost - budget.total)} more than the ${kr(budget.total)} there is.` });
  return issues;
}

/**
 * The median of amounts given as (amount, how many) in ascending order — the middle one, or
 * the mean of the middle two, in whole kronor; null when there are none.
 */
export function medianOfCounts(sorted: readonly { amount: number; n: number }[]): number | null {
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (k < seen) return c.amount;
    }
    return sorted.at(-1)!.amount;
  };
  return total % 2 ? at((total - 1) / 2) : Math.round((at(total / 2 - 1) + at(total / 2)) / 2);
}

/**
 * The fewest residents whose ballots a figure may come from, as the citizen panel's groups:
 * below it, a line's average or a project's votes would show how one or two people voted.
 */
export const budgetMinGroup = 5;

/**
 * The results with every figure that comes from fewer than budgetMinGroup ballots taken out:
 * a district's participants, and the figures of each line or project on the ballots of fewer
 * (a district's own items count its participants; an item in every district counts everyone).
 * Whether a project is funded is the municipality's decision, not a ballot, and stays.
 */
type Counted = Omit<BudgetResults, 'minGroup' | 'items'> & { minGroup?: number; items: (Omit<BudgetResults['items'][number], 'hidden'> & { hidden?: boolean })[] };

export function hideSmallGroups(results: Counted, items: readonly { id: number; districtId: number | null }[]): BudgetResults {
  const districtOf = new Map(items.map((i) => [i.id, i.districtId]));
  const inDistrict = new Map(results.districts.map((d) => [d.districtId, d.participants ?? 0]));
  const enough = (n: number | null | undefined) => (n ?? 0) >= budgetMinGroup;
  return {
    ...results,
    minGroup: budgetMinGroup,
    districts: results.districts.map((d) => ({ districtId: d.districtId, participants: enough(d.participants) ? d.participants : null })),
    items: results.items.map((r) => {
      const district = districtOf.get(r.itemId) ?? null;
      const shown = enough(district === null ? results.participants : inDistrict.get(district));
      return shown ? { ...r, hidden: false } : { itemId: r.itemId, hidden: true, average: null, median: null, votes: null, selected: r.selected };
    }),
  };
}
