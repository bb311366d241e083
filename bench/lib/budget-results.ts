/**
 * How long a participatory budget's results take to compute for many ballots: the bench fills
 * the bench database directly (as 100 000 residents would have, each with a confirmed ballot,
 * a tenth of them having changed their mind once), then times the results query — the SQL
 * aggregation staff's results screen and publishing run — several times.
 */
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../../server/db/index.js';
import type { BudgetInput } from '../../server/budgets/schemas.js';
import { computeResults, moveBudget, saveBudget } from '../../server/budgets/store.js';
import type { BenchDatabase } from './databases.js';

export interface BudgetResultsRow {
  database: string;
  mode: 'sliders' | 'projects';
  ballots: number;
  /** Allocation rows the query reads (counted and replaced ballots). */
  allocationRows: number;
  fillSeconds: number;
  runs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
}

const lines = ['Lekplatser', 'Cykelvägar', 'Belysning', 'Parker', 'Skolgårdar', 'Idrottsplatser'];

function budget(mode: 'sliders' | 'projects'): BudgetInput {
  return {
    slug: `bench-${mode}`,
    title: { sv: `Bench ${mode}`, en: null },
    description: { sv: '', en: null },
    mode,
    total: mode === 'sliders' ? 60_000_000 : 5_000_000,
    rule: 'within',
    tolerance: 0,
    closesAt: null,
    districts: [],
    items: lines.map((title) => ({
      district: null,
      title: { sv: title, en: null },
      description: { sv: '', en: null },
      image: null,
      min: 0,
      max: 20_000_000,
      step: 100_000,
      start: 10_000_000,
      cost: 1_000_000,
    })),
  };
}

/** A deterministic spread of amounts, so runs compare. */
function* amounts(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield (x % 201) * 100_000;
  }
}

export async function measureBudgetResults(database: BenchDatabase, ballots: number, runs = 7): Promise<BudgetResultsRow[]> {
  const db = createDatabase(database.kind === 'postgres' ? { kind: 'postgres', url: database.url } : { kind: 'sqlite', file: database.url });
  const rows: BudgetResultsRow[] = [];
  try {
    for (const mode of ['sliders', 'projects'] as const) {
      const input = budget(mode);
      await saveBudget(db, input);
      await moveBudget(db, input.slug, 'open');
      const itemIds = (await db.selectFrom('budget_items').select('id').where('budget_slug', '=', input.slug).orderBy('position').execute()).map((r) => r.id);
      const started = performance.now();
      const random = amounts(mode === 'sliders' ? 7 : 11);
      const at = new Date().toISOString();
      let allocationRows = 0;
      const batch = 500;
      for (let from = 0; from < ballots; from += batch) {
        const n = Math.min(batch, ballots - from);
        await db.transaction().execute(async (trx) => {
          const voters = await trx
            .insertInto('budget_voters')
            .values(Array.from({ length: n }, (_, i) => ({ budget_slug: input.slug, email: `r${from + i}@bench.example`, counted_ballot_id: null, anonymised_at: null })))
            .returning('id')
            .execute();
          // Every tenth resident sent a ballot before the one that counts.
          const ballotsToWrite = voters.flatMap((v, i) => ((from + i) % 10 === 0 ? [v.id, v.id] : [v.id]));
          const written = await trx
            .insertInto('budget_ballots')
            .values(ballotsToWrite.map((voterId) => ({ voter_id: voterId, district_id: null, lang: 'sv' as const, created_at: at, confirmed_at: at })))
            .returning(['id', 'voter_id'])
            .execute();
          const allocations = written.flatMap((b) =>
            mode === 'sliders'
              ? itemIds.map((itemId) => ({ ballot_id: b.id, item_id: itemId, amount: random.next().value! }))
              : itemIds.filter(() => random.next().value! % 3 === 0).map((itemId) => ({ ballot_id: b.id, item_id: itemId, amount: 1_000_000 })),
          );
          allocationRows += allocations.length;
          // Parameters per statement stay under SQLite's and PostgreSQL's limits.
          for (let i = 0; i < allocations.length; i += 2000) await trx.insertInto('budget_allocations').values(allocations.slice(i, i + 2000)).execute();
          const latest = new Map<number, number>();
          for (const b of written) latest.set(b.voter_id, Math.max(latest.get(b.voter_id) ?? 0, b.id));
          for (const [voterId, ballotId] of latest) await trx.updateTable('budget_voters').set({ counted_ballot_id: ballotId }).where('id', '=', voterId).execute();
        });
      }
      const fillSeconds = (performance.now() - started) / 1000;
      await moveBudget(db, input.slug, 'closed');
      const times: number[] = [];
      let participants = 0;
      for (let i = 0; i < runs + 1; i++) {
        const t0 = performance.now();
        const results = await computeResults(db, input.slug);
        const ms = performance.now() - t0;
        participants = results.participants;
        // The first run warms the caches; it is not counted.
        if (i > 0) times.push(ms);
      }
      if (participants !== ballots) throw new Error(`budget results counted ${participants} participants, expected ${ballots}`);
      times.sort((a, b) => a - b);
      rows.push({
        database: database.kind,
        mode,
        ballots,
        allocationRows,
        fillSeconds: Math.round(fillSeconds * 10) / 10,
        runs,
        minMs: Math.round(times[0]! * 10) / 10,
        medianMs: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
        maxMs: Math.round(times.at(-1)! * 10) / 10,
      });
    }
  } finally {
    await db.destroy();
  }
  return rows;
}

export function budgetResultsTable(rows: BudgetResultsRow[]): string {
  const head = ['database', 'mode', 'ballots', 'rows read', 'median ms', 'min ms', 'max ms', 'runs'];
  const body = rows.map((r) => [r.database, r.mode, String(r.ballots), String(r.allocationRows), String(r.medianMs), String(r.minMs), String(r.maxMs), String(r.runs)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
