import type { Db } from '../db/index.js';
import { csvFile } from '../csv.js';
import { computeResults, findStaffBudget } from './store.js';

type Staff = NonNullable<Awaited<ReturnType<typeof findStaffBudget>>>;

/** The counted ballots, one row each: a pseudonymous voter number, never an e-mail address. */
async function countedBallots(db: Db, slug: string, districtId?: number | null) {
  const rows = await db
    .selectFrom('budget_voters as v')
    .innerJoin('budget_ballots as b', 'b.id', 'v.counted_ballot_id')
    .innerJoin('budget_allocations as a', 'a.ballot_id', 'b.id')
    .where('v.budget_slug', '=', slug)
    .$if(districtId !== undefined, (q) => (districtId === null ? q.where('b.district_id', 'is', null) : q.where('b.district_id', '=', districtId!)))
    .select(['v.id as voter', 'b.district_id', 'b.confirmed_at', 'a.item_id', 'a.amount'])
    .orderBy('v.id')
    .orderBy('a.item_id')
    .execute();
  const ballots = new Map<number, { voter: number; districtId: number | null; confirmedAt: string | null; amounts: Map<number, number> }>();
  for (const r of rows) {
    let b = ballots.get(r.voter);
    if (!b) ballots.set(r.voter, (b = { voter: r.voter, districtId: r.district_id, confirmedAt: r.confirmed_at, amounts: new Map() }));
    b.amounts.set(r.item_id, r.amount);
  }
  return [...ballots.values()];
}

/** Every counted ballot: one column per line (amount) or project (1 when chosen). */
export async function ballotsCsv(db: Db, budget: Staff): Promise<string> {
  const ballots = await countedBallots(db, budget.row.slug);
  const districtName = new Map(budget.districts.map((d) => [d.id, d.name_sv]));
  const projects = budget.row.mode === 'projects';
  return csvFile([
    ['voter', 'district', 'confirmed_at', ...budget.items.map((i) => i.title_sv)],
    ...ballots.map((b) => [
      b.voter,
      b.districtId === null ? '' : (districtName.get(b.districtId) ?? ''),
      b.confirmedAt,
      ...budget.items.map((i) => (b.amounts.has(i.id) ? (projects ? 1 : b.amounts.get(i.id)!) : projects ? 0 : '')),
    ]),
  ]);
}

/**
 * The results, one row per line or project: average, median, votes, and whether it is funded;
 * empty figures where fewer than budgetMinGroup took part (computeResults hides them), as in
 * the published results, since this file is for sharing.
 */
export async function resultsCsv(db: Db, budget: Staff): Promise<string> {
  const results = await computeResults(db, budget.row.slug);
  const byItem = new Map(results.items.map((r) => [r.itemId, r]));
  const districtName = new Map(budget.districts.map((d) => [d.id, d.name_sv]));
  return csvFile([
    ['item', 'district', 'cost', 'votes', 'average', 'median', 'selected'],
    ...budget.items.map((i) => {
      const r = byItem.get(i.id)!;
      return [i.title_sv, i.district_id === null ? '' : (districtName.get(i.district_id) ?? ''), i.cost, r.votes, r.average, r.median, r.selected === null ? '' : r.selected ? 1 : 0];
    }),
  ]);
}

/** A pabulib field: the format is semicolon-separated with no quoting, so separators and line breaks become spaces. */
const pbField = (v: string | number | null) => String(v ?? '').replace(/[;\r\n]+/g, ' ').trim();
const pbDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');

/**
 * What greedy picks: projects by votes, most first (ties in the file's order), each one that
 * still fits what is left. The pabulib checker compares a file's `selected` with this when
 * its rule says greedy.
 */
export function greedySelection(projects: { id: number; cost: number; votes: number }[], budget: number): Set<number> {
  const chosen = new Set<number>();
  let left = budget;
  for (const p of [...projects].sort((a, b) => b.votes - a.votes)) {
    if (p.cost <= left) {
      chosen.add(p.id);
      left -= p.cost;
    }
  }
  return chosen;
}

/**
 * One district (or the whole process, without districts) in the pabulib format used by
 * participatory-budgeting research (pabulib.org/format): META, PROJECTS and VOTES,
 * semicolon-separated. Projects are an approval vote with the budget as max_sum_cost. Sliders
 * are written as a cumulative vote: each line a "project" costing its maximum, each ballot's
 * points the kronor it gave the line, most first (min_sum_points/max_sum_points bound the sum
 * of a ballot). PROJECTS counts exactly what VOTES holds: a line given 0 kr, or a shared
 * project chosen in another district, is no vote here.
 * `unit` is the municipality (MUNICIPALITY_NAME; "unknown" without it). `rule` says how the
 * published selection was made: greedy when it is what greedy picks, otherwise unknown (staff
 * decide; sliders select nothing). `selected` (0 or 1) is written once results are published.
 */
export async function pabulib(db: Db, budget: Staff, districtId: number | null, unit: string | undefined): Promise<string> {
  const { row } = budget;
  const district = districtId === null ? null : budget.districts.find((d) => d.id === districtId)!;
  const items = budget.items.filter((i) => i.district_id === null || i.district_id === districtId);
  const approval = row.mode === 'projects';
  const position = new Map(items.map((i, n) => [i.id, n]));
  // A ballot lists what it gave more than nothing, most first; a ballot giving nothing anywhere has no vote to write.
  const ballots = (await countedBallots(db, row.slug, budget.districts.length ? districtId : undefined))
    .map((b) => ({
      voter: b.voter,
      ids: [...b.amounts.keys()]
        .filter((id) => position.has(id) && (approval || b.amounts.get(id)! > 0))
        .sort((x, y) => (approval ? 0 : b.amounts.get(y)! - b.amounts.get(x)!) || position.get(x)! - position.get(y)!),
      amounts: b.amounts,
    }))
    .filter((b) => b.ids.length > 0);
  const votes = (id: number) => ballots.filter((b) => b.ids.includes(id)).length;
  const score = (id: number) => ballots.reduce((sum, b) => sum + (b.ids.includes(id) ? b.amounts.get(id)! : 0), 0);
  const total = district?.total ?? row.total;
  const published = approval && items.every((i) => i.selected !== null);
  const greedy = published && (() => {
    const picks = greedySelection(items.map((i) => ({ id: i.id, cost: i.cost, votes: votes(i.id) })), total);
    return items.every((i) => (i.selected === 1) === picks.has(i.id));
  })();
  const year = (row.opened_at ?? row.created_at).slice(0, 4);
  const meta: [string, string | number][] = [
    ['description', `${row.title_sv}${district ? ` | ${district.name_sv}` : ''}`],
    ['country', 'Sweden'],
    ['unit', unit || 'unknown'],
    ...(district ? ([['district', district.name_sv], ['subunit', district.name_sv]] as [string, string][]) : []),
    ['instance', year],
    ['num_projects', items.length],
    ['num_votes', ballots.length],
    ['budget', total],
    ['vote_type', approval ? 'approval' : 'cumulative'],
    ['rule', greedy ? 'greedy' : 'unknown'],
    ['date_begin', pbDate(row.opened_at) || year],
    // Still open: the planned closing day, or the year.
    ['date_end', pbDate(row.closed_at ?? row.closes_at) || year],
    ...(approval
      ? ([['min_length', 1], ['max_sum_cost', total]] as [string, number][])
      : ([['min_sum_points', row.rule === 'balanced' ? total - row.tolerance : 0], ['max_sum_points', row.rule === 'balanced' ? total + row.tolerance : total]] as [string, number][])),
    ['language', 'sv'],
    ['currency', 'SEK'],
  ];
  const lines = ['META', 'key;value', ...meta.map(([k, v]) => `${k};${pbField(v)}`), 'PROJECTS'];
  if (approval) {
    lines.push(`project_id;cost;votes;name${published ? ';selected' : ''}`);
    for (const i of items) lines.push([i.id, i.cost, votes(i.id), i.title_sv, ...(published ? [i.selected] : [])].map(pbField).join(';'));
  } else {
    lines.push('project_id;cost;votes;score;name');
    for (const i of items) lines.push([i.id, i.max, votes(i.id), score(i.id), i.title_sv].map(pbField).join(';'));
  }
  lines.push('VOTES', approval ? 'voter_id;vote' : 'voter_id;vote;points');
  for (const { voter, ids, amounts } of ballots) {
    lines.push(approval ? `${voter};${ids.join(',')}` : `${voter};${ids.join(',')};${ids.map((id) => amounts.get(id)).join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}
