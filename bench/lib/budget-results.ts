/**
 * How long a participatory budget's results take for many ballots: the bench fills the bench
 * database directly (as 100 000 residents would have, each with a confirmed ballot, a tenth of
 * them having changed their mind once), has the server's store bring the running totals up
 * to date (recountTotals), then times what staff's results screen asks the server for —
 * GET /api/staff/budgets/{slug}/results, over HTTP — and the store's computeResults alone,
 * several times each, and checks the results against a full recount of the ballots.
 */
import { performance } from 'node:perf_hooks';
import { createDatabase, type Db } from '../../server/db/index.js';
import type { BudgetInput } from '../../server/budgets/schemas.js';
import { computeResults, moveBudget, recountResults, recountTotals, saveBudget } from '../../server/budgets/store.js';
import { sql } from 'kysely';
import { BenchClient } from './client.js';
import type { BenchDatabase } from './databases.js';
import type { BenchServer } from './server.js';

/** What one results request may take (issue 8). */
export const budgetResultsTargetMs = 200;

export interface BudgetResultsRow {
  database: string;
  mode: 'sliders' | 'projects';
  ballots: number;
  /** Allocation rows written (counted and replaced ballots); a full recount reads them all, results do not. */
  allocationRows: number;
  /** Seconds to write the ballots and bring the running totals up to date. */
  fillSeconds: number;
  runs: number;
  /** computeResults alone, in this process. */
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** GET /api/staff/budgets/{slug}/results from the server, as staff's screen asks. */
  httpMinMs: number;
  httpMedianMs: number;
  httpMaxMs: number;
  targetMs: number;
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

async function signInAsStaff(client: BenchClient, server: BenchServer): Promise<string> {
  const res = await client.send({
    method: 'POST',
    path: '/api/staff/sign-in',
    headers: { Accept: 'application/json', Origin: server.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(server.staff),
  });
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`staff sign-in answered ${res.status}: ${res.text.slice(0, 200)}`);
  return cookie;
}

const rounded = (ms: number) => Math.round(ms * 10) / 10;
const spread = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: rounded(sorted[0]!), median: rounded(sorted[Math.floor(sorted.length / 2)]!), max: rounded(sorted.at(-1)!) };
};

/**
 * Writes `ballots` residents' confirmed ballots straight into the server's tables, made by
 * the database itself in a few statements (a recursive count, which SQLite and PostgreSQL both
 * have) rather than sent row by row: a tenth of residents sent an earlier ballot their later
 * one replaced, and amounts spread over the lines' steps. The running totals are left for
 * recountTotals. Returns how many allocation rows were written.
 */
export async function fillBallots(db: Db, slug: string, mode: 'sliders' | 'projects', ballots: number): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await sql`with recursive n (i) as (select 0 union all select i + 1 from n where i < ${ballots - 1})
      insert into budget_voters (budget_slug, email) select ${slug}, 'r' || i || '@bench.example' from n`.execute(trx);
    const voters = sql`select id from budget_voters where budget_slug = ${slug}`;
    // Ids grow with time: the earlier ballots of every tenth resident first, then everyone's counted one.
    await sql`insert into budget_ballots (voter_id, lang, created_at, confirmed_at) select id, 'sv', ${at}, ${at} from (${voters}) v where id % 10 = 0 order by id`.execute(trx);
    await sql`insert into budget_ballots (voter_id, lang, created_at, confirmed_at) select id, 'sv', ${at}, ${at} from (${voters}) v order by id`.execute(trx);
    await sql`update budget_voters set counted_ballot_id = latest.id
      from (select voter_id, max(id) as id from budget_ballots group by voter_id) as latest
      where latest.voter_id = budget_voters.id and budget_voters.budget_slug = ${slug}`.execute(trx);
    // A spread that repeats only every 1 009 ballots, without overflowing 32-bit integers.
    const spread = sql`((b.id % 1009) * 7919 + i.position * 104729)`;
    const inserted = await sql`insert into budget_allocations (ballot_id, item_id, amount)
      select b.id, i.id, ${mode === 'sliders' ? sql`(${spread} % 201) * 100000` : sql`i.cost`}
      from budget_ballots b join budget_voters v on v.id = b.voter_id join budget_items i on i.budget_slug = v.budget_slug
      where v.budget_slug = ${slug} ${mode === 'sliders' ? sql`` : sql`and ${spread} % 3 = 0`}`.execute(trx);
    return Number(inserted.numAffectedRows);
  });
}

/** Times computeResults here and the results route on the server, `runs` times each after one warm-up run. */
async function timeResults(db: Db, server: BenchServer, slug: string, runs: number) {
  const client = new BenchClient(server.origin, 1);
  try {
    const cookie = await signInAsStaff(client, server);
    const times: number[] = [];
    const httpTimes: number[] = [];
    let results = await computeResults(db, slug);
    let http = '';
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      results = await computeResults(db, slug);
      const ms = performance.now() - t0;
      const t1 = performance.now();
      const res = await client.send({ path: `/api/staff/budgets/${slug}/results`, headers: { Accept: 'application/json', Origin: server.origin, Cookie: cookie } });
      const httpMs = performance.now() - t1;
      if (res.status !== 200) throw new Error(`budget results answered ${res.status}: ${res.text.slice(0, 200)}`);
      http = res.text;
      // The first run warms the caches; it is not counted.
      if (i > 0) {
        times.push(ms);
        httpTimes.push(httpMs);
      }
    }
    return { times, httpTimes, results, http };
  } finally {
    client.close();
  }
}

export async function measureBudgetResults(database: BenchDatabase, ballots: number, server: BenchServer, runs = 7): Promise<BudgetResultsRow[]> {
  const db = createDatabase(database.kind === 'postgres' ? { kind: 'postgres', url: database.url } : { kind: 'sqlite', file: database.url });
  const rows: BudgetResultsRow[] = [];
  try {
    for (const mode of ['sliders', 'projects'] as const) {
      const input = budget(mode);
      await saveBudget(db, input);
      await moveBudget(db, input.slug, 'open');
      const started = performance.now();
      const allocationRows = await fillBallots(db, input.slug, mode, ballots);
      await recountTotals(db, input.slug);
      // 100 000 ballots in one go leave SQLite's write-ahead log far longer than ballots arriving
      // over weeks would (it is written back as they come); write it back, as then.
      if (database.kind === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(db);
      const fillSeconds = (performance.now() - started) / 1000;
      await moveBudget(db, input.slug, 'closed');
      // Signed in now, not before the fill: the server closes a connection left idle that long.
      const { times, httpTimes, results, http } = await timeResults(db, server, input.slug, runs);
      if (results.participants !== ballots) throw new Error(`budget results counted ${results.participants} participants, expected ${ballots}`);
      const recount = await recountResults(db, input.slug);
      if (JSON.stringify(results) !== JSON.stringify(recount)) throw new Error(`budget results (${mode}) differ from a full recount of the ballots`);
      if (http !== JSON.stringify({ results })) throw new Error(`the server's budget results (${mode}) differ from the store's`);
      const local = spread(times);
      const remote = spread(httpTimes);
      rows.push({
        database: database.kind,
        mode,
        ballots,
        allocationRows,
        fillSeconds: Math.round(fillSeconds * 10) / 10,
        runs,
        minMs: local.min,
        medianMs: local.median,
        maxMs: local.max,
        httpMinMs: remote.min,
        httpMedianMs: remote.median,
        httpMaxMs: remote.max,
        targetMs: budgetResultsTargetMs,
      });
    }
  } finally {
    await db.destroy();
  }
  return rows;
}

export function budgetResultsTable(rows: BudgetResultsRow[]): string {
  const head = ['database', 'mode', 'ballots', 'allocations', 'fill s', 'HTTP median ms', 'HTTP max ms', 'target ms', 'store median ms', 'runs'];
  const body = rows.map((r) => [
    r.database,
    r.mode,
    String(r.ballots),
    String(r.allocationRows),
    String(r.fillSeconds),
    String(r.httpMedianMs),
    String(r.httpMaxMs),
    `${r.httpMedianMs <= r.targetMs ? '≤' : '>'} ${r.targetMs}`,
    String(r.medianMs),
    String(r.runs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
