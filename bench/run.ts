/**
 * npm run bench — puts the real server under load from this process and prints what it
 * costs: requests/s and latency beside a bare Hono endpoint on the same server (the ratio
 * travels between machines; the raw figures do not), and the bytes each embed puts on a
 * page. It prints figures and never fails on speed. Scenarios live in bench/scenarios.ts.
 *
 *   npm run bench -- [--duration 10] [--warmup 2] [--connections 50] [--postgres]
 *                    [--db sqlite,postgres] [--only "tile-set read"] [--ballots 100000]
 *                    [--streams 5000] [--out file.json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isFlow } from './lib/scenario.js';
import { embedScenarios, loadScenarios } from './scenarios.js';
import { Cleanup } from './lib/cleanup.js';
import {
  createPostgres,
  createSqlite,
  defaultPostgresUrl,
  type BenchDatabase,
  type DatabaseKind,
} from './lib/databases.js';
import { measureEmbed, type EmbedRow, type Manifest } from './lib/embeds.js';
import { budgetResultsTable, measureBudgetResults, type BudgetResultsRow } from './lib/budget-results.js';
import { chatSubject, fanoutTable, measureFanout, petitionSubject, type FanoutRow, type FanoutSubject } from './lib/fanout.js';
import { measurePaint, paintTable, type PaintRow } from './lib/paint.js';
import { runFlow } from './lib/flow.js';
import { benchPetition } from './lib/petitions.js';
import { addRatios, runLoad, stripFigures, type LoadRow, type LoadSettings } from './lib/load.js';
import { commandLine, embedTable, loadTable, machine, writeReport, type Report } from './lib/report.js';
import { benchServerSettings, startServer, type BenchServer } from './lib/server.js';

const repoRoot = resolve(import.meta.dirname, '..');
const usage = `Usage: npm run bench -- [options]

  --duration <s>      seconds of measured load per scenario (default 10)
  --warmup <s>        seconds of unmeasured load before each (default 2)
  --connections <n>   concurrent connections, or virtual residents for flows (default 50)
  --db <list>         the databases, "sqlite,postgres" by default; on PostgreSQL a fresh
                      database on BENCH_POSTGRES_URL (default ${defaultPostgresUrl}),
                      dropped afterwards
  --postgres          the same as the default (kept for older command lines)
  --only <names>      only these load scenarios (comma-separated; the baseline always runs)
  --ballots <n>       ballots to compute budget results for (default 100000; 0 to skip)
  --streams <n>       server-sent-event streams to hold, following one chat conversation and
                      then one petition's count, and time one change to (default 5000; 0 to
                      skip); on PostgreSQL also split over two instances
  --out <file>        where the JSON goes (default bench/results/latest.json)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}`);
  process.exit(2);
}

function parseOptions() {
  return parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      postgres: { type: 'boolean', default: false },
      db: { type: 'string' },
      only: { type: 'string' },
      ballots: { type: 'string', default: '100000' },
      streams: { type: 'string', default: '5000' },
      out: { type: 'string', default: 'bench/results/latest.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
}
const args = (() => {
  try {
    return parseOptions();
  } catch (err) {
    // parseArgs throws for an unknown or malformed option; a stack trace would hide the usage.
    fail(err instanceof Error ? err.message : String(err));
  }
})();
if (args.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const positive = (name: string, value: string, min: number): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) fail(`--${name} must be a number of at least ${min} (got "${value}")`);
  return n;
};
const settings: LoadSettings = {
  duration: positive('duration', args.duration, 1),
  warmup: positive('warmup', args.warmup, 0),
  connections: Math.round(positive('connections', args.connections, 1)),
};

const postgresUrl = process.env.BENCH_POSTGRES_URL || defaultPostgresUrl;
const kinds: DatabaseKind[] = (() => {
  if (args.db !== undefined) {
    const list = args.db.split(',').map((s) => s.trim()).filter(Boolean);
    for (const k of list) if (k !== 'sqlite' && k !== 'postgres') fail(`--db: unknown database "${k}"`);
    if (!list.length) fail('--db: name at least one database');
    return [...new Set(list)] as DatabaseKind[];
  }
  return ['sqlite', 'postgres'];
})();

const only = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
if (only) {
  const unknown = only.filter((name) => !loadScenarios.some((s) => s.name === name));
  if (unknown.length) {
    const quote = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
    fail(`--only: no scenario called ${quote(unknown)}; there are ${quote(loadScenarios.map((s) => s.name))}`);
  }
}
const scenarios = loadScenarios.filter((s) => s.baseline || !only || only.includes(s.name));
if (loadScenarios.filter((s) => s.baseline).length !== 1) {
  throw new Error('bench/scenarios.ts must mark exactly one load scenario as the baseline');
}

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping the server and removing the bench database…\n`);
    void cleanup.unwind().finally(() => process.exit(130));
  });
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const about = (seconds: number) => (seconds < 120 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`);

function loadManifest(): Manifest {
  const file = resolve(repoRoot, 'dist/widgets/manifest.json');
  if (!existsSync(file)) {
    log('bench: no build in dist/widgets; running "npm run build" first');
    const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(file)) {
      throw new Error('"npm run build" failed; the embed sizes need a build');
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

async function createDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') return createSqlite();
  try {
    return await createPostgres(postgresUrl);
  } catch (err) {
    const where = new URL(postgresUrl);
    where.password = '';
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`could not create a bench database on ${where.href}: ${why}`);
  }
}

async function main(): Promise<number> {
  const manifest = loadManifest();
  const loadRows: LoadRow[] = [];
  const embedRows: EmbedRow[] = [];
  const budgetRows: BudgetResultsRow[] = [];
  const fanoutRows: FanoutRow[] = [];
  const paintRows: PaintRow[] = [];
  const streams = Math.round(Number(args.streams));
  if (!Number.isFinite(streams) || streams < 0) fail(`--streams must be a whole number (got "${args.streams}")`);
  const ballots = Math.round(Number(args.ballots));
  if (!Number.isFinite(ballots) || ballots < 0) fail(`--ballots must be a whole number (got "${args.ballots}")`);
  const errors: string[] = [];
  const databases: Record<string, string> = {};

  const perRun = scenarios.length * (settings.duration + settings.warmup);
  log(
    `bench: ${scenarios.length} scenarios × ${kinds.join(' and ')}, ${settings.connections} connections, ` +
      `${settings.warmup} s warm-up + ${settings.duration} s each — about ${about(perRun * kinds.length)} of load`,
  );

  for (const kind of kinds) {
    const mark = cleanup.depth;
    try {
      const database = await createDatabase(kind);
      cleanup.add(database.drop);
      databases[kind] = database.label;
      const server = await startServer({ repoRoot, database, embeddingOrigin: 'https://www.kommun.example' });
      cleanup.add(server.stop);
      log(`bench: server up at ${server.origin} on ${database.label}`);

      const embeds: EmbedRow[] = [];
      for (const widget of Object.keys(manifest.widgets).sort()) {
        embeds.push(await measureEmbed(server, manifest, widget, embedScenarios.find((e) => e.widget === widget)));
      }
      const gone = server.died();
      if (gone) throw new Error(gone);
      embedRows.push(...embeds);
      // Paint and layout shift depend on the browser, not the database: measured once.
      if (kind === kinds[0]) {
        log(`bench: widgets painted and layout shift, headless Chromium at 375 and 1280 px (${kind})…`);
        try {
          paintRows.push(...(await measurePaint(server)));
        } catch (err) {
          errors.push(`paint: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      for (const scenario of scenarios) {
        log(`bench: ${scenario.name} (${kind})…`);
        const row = isFlow(scenario) ? await runFlow(server, scenario, settings) : await runLoad(server, scenario, settings);
        const death = server.died();
        // Figures from a server that went away part-way measure nothing; say why instead.
        if (death) {
          loadRows.push({ ...stripFigures(row), unavailable: 'the server stopped during the run' });
          throw new Error(death);
        }
        loadRows.push(row);
      }
      // What the pages follow: a chat conversation, then a petition's count. The petition is
      // made through the first server (it holds the administrator's password); fresh servers
      // on the same database serve it as well.
      const fanoutRuns: [(on: BenchServer) => Promise<FanoutSubject>, string][] = [
        [chatSubject, 'one chat message'],
        [async (on) => petitionSubject(on, await benchPetition(server)), 'one signature counted'],
      ];
      for (const [subjectOn, what] of streams > 0 ? fanoutRuns : []) {
        // Fresh servers for each: one that has just carried the load rows (or other streams)
        // has memory to spare and to free, and its resident memory then says little about
        // what the streams take.
        const serversFor = async (n: number) => {
          const started: BenchServer[] = [];
          for (let i = 0; i < n; i++) {
            const fresh = await startServer({ repoRoot, database, embeddingOrigin: 'https://www.kommun.example' });
            cleanup.add(fresh.stop);
            started.push(fresh);
          }
          return started;
        };
        const [fresh] = await serversFor(1);
        log(`bench: ${streams} event streams, ${what} (${kind})…`);
        fanoutRows.push(await measureFanout([fresh!], [fresh!.pid], streams, await subjectOn(fresh!)));
        if (kind === 'postgres') {
          // Two instances on the same database, as behind a load balancer.
          const pair = await serversFor(2);
          log(`bench: ${streams} event streams over two instances, ${what} (${kind})…`);
          fanoutRows.push(await measureFanout(pair, pair.map((instance) => instance.pid), streams, await subjectOn(pair[0]!)));
        }
      }
      if (ballots > 0) {
        log(`bench: budget results for ${ballots} ballots (${kind})…`);
        budgetRows.push(...(await measureBudgetResults(database, ballots, server)));
      }
    } catch (err) {
      const message = `${kind}: ${err instanceof Error ? err.message : String(err)}`;
      errors.push(message);
      log(`bench: ${message}`);
    } finally {
      // This database's server and files go before the next database's run starts.
      await cleanup.unwind(mark);
    }
  }

  addRatios(loadRows);
  const report: Report = {
    date: new Date().toISOString(),
    command: commandLine(),
    machine: machine(),
    settings: { ...settings, databases, server: benchServerSettings },
    load: loadRows,
    embeds: embedRows,
    budgetResults: budgetRows,
    fanout: fanoutRows,
    paint: paintRows,
    errors,
  };
  const out = resolve(repoRoot, args.out);
  writeReport(out, report);

  const m = report.machine;
  process.stdout.write(
    `\nMedverka bench — ${report.date}\n` +
      `${m.cpuModel} × ${m.cpuCount}, ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${m.node}, ` +
      `${settings.connections} connections, ${settings.duration} s per row\n\n` +
      `${loadTable(loadRows)}\n\n` +
      `Bytes a page receives per embed (Accept-Encoding: gzip, body bytes as sent):\n` +
      `${embedTable(embedRows)}\n\n` +
      (paintRows.length ? `Widgets in headless Chromium: ms from navigation to the content painted, and the page's cumulative layout shift:\n${paintTable(paintRows)}\n\n` : '') +
      (fanoutRows.length ? `Server-sent events: streams held on one chat conversation or one petition’s count, memory per stream, time for one change to reach them:\n${fanoutTable(fanoutRows)}\n\n` : '') +
      (budgetRows.length ? `Budget results for many ballots (each resident's latest confirmed ballot), from running totals, beside the 200 ms target:\n${budgetResultsTable(budgetRows)}\n\n` : '') +
      `JSON: ${out}\n`,
  );
  if (errors.length) process.stderr.write(`\nbench: some runs did not complete:\n  ${errors.join('\n  ')}\n`);
  // A slow server is a figure, not a failure; a run that could not measure at all is one.
  return errors.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  await cleanup.unwind();
}
process.exit(code);
