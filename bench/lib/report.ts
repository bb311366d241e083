import type { BudgetResultsRow } from './budget-results.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { EmbedRow } from './embeds.js';
import type { FanoutRow } from './fanout.js';
import type { LoadRow, LoadSettings } from './load.js';
import type { PaintRow } from './paint.js';
import { table } from './table.js';

const fixed = (n: number | undefined, digits: number): string => (n === undefined ? '–' : n.toFixed(digits));

/**
 * The load rows. A flow's rate is operations/s ("op"), beside the requests/s ("req") of the
 * others; each part of its operation (submit, confirm) gets a row of its own latencies.
 */
export function loadTable(rows: LoadRow[]): string {
  return table(
    ['scenario', 'database', 'rate /s', 'p50 ms', 'p99 ms', 'ratio to bare', 'CPU ms/req: server', 'db', 'bench', 'server CPU ratio', 'notes'],
    rows.flatMap((r) => {
      const flow = r.unit === 'operation';
      const notes: string[] = [];
      if (r.unavailable) notes.push(`unavailable: ${r.unavailable}`);
      if (r.pace) notes.push(`${r.pace.residents} residents, ${fixed(r.pace.perSecond, 1)} op/s offered`);
      if (flow && r.operationsPerSecond !== undefined) notes.push(`${r.requestsPerOperation} requests per op (${fixed(r.requestsPerSecond, 0)} req/s${r.requestRatioToBaseline === undefined ? '' : `, ${fixed(r.requestRatioToBaseline, 2)} of bare`})`);
      if (flow && r.failedOperations) notes.push(`${r.failedOperations} failed ops: ${Object.entries(r.failures ?? {}).map(([k, n]) => `${n}× ${k}`).join(', ')}`);
      if (!flow && r.non2xx) notes.push(`${r.non2xx} non-2xx`);
      if (!flow && r.errors) notes.push(`${r.errors} errors`);
      const rate = flow ? r.operationsPerSecond : r.requestsPerSecond;
      const line = [
        r.scenario,
        r.database,
        rate === undefined ? '–' : `${rate.toFixed(0)} ${flow ? 'op' : 'req'}`,
        fixed(r.latencyMs?.p50, 0),
        fixed(r.latencyMs?.p99, 0),
        fixed(r.ratioToBaseline, 2),
        fixed(r.cpuMsPerRequest?.server, 3),
        fixed(r.cpuMsPerRequest?.database, 3),
        fixed(r.cpuMsPerRequest?.bench, 3),
        r.baseline ? (r.cpuMsPerRequest ? '1.00' : '–') : fixed(r.serverCpuRatioToBaseline, 2),
        notes.join('; '),
      ];
      const parts = Object.entries(r.parts ?? {}).map(([name, part]) => [
        `  ${name}`,
        r.database,
        '',
        fixed(part.latencyMs.p50, 0),
        fixed(part.latencyMs.p99, 0),
        '',
        '',
        '',
        '',
        '',
        part.steps.join(' + '),
      ]);
      return [line, ...parts];
    }),
    [2, 3, 4, 5, 6, 7, 8, 9],
  );
}

export function embedTable(rows: EmbedRow[]): string {
  return table(
    ['embed', 'database', 'files', 'scripts B', 'API B', 'total B', 'notes'],
    rows.map((r) => [
      r.widget,
      r.database,
      String(r.files.length),
      String(r.scriptBytes),
      String(r.apiBytes),
      String(r.totalBytes),
      r.notes.join('; '),
    ]),
    [2, 3, 4, 5],
  );
}

export interface Report {
  date: string;
  command: string;
  machine: {
    node: string;
    platform: string;
    arch: string;
    osRelease: string;
    cpuModel: string;
    cpuCount: number;
    totalMemoryBytes: number;
  };
  /** `server`: what the bench sets on its server besides address, database and mail. */
  settings: LoadSettings & { databases: Record<string, string>; server: Record<string, string> };
  load: LoadRow[];
  embeds: EmbedRow[];
  /** Budget results for many ballots, timed in the database. */
  budgetResults: BudgetResultsRow[];
  /** Server-sent-event streams held and one message's delivery to them. */
  fanout: FanoutRow[];
  /** Widgets' content painted and their pages' layout shift, in headless Chromium (bench/lib/paint.ts). */
  paint?: PaintRow[];
  /** Problems that stopped part of the run; the figures above are what was measured. */
  errors: string[];
}

/** How the bench was started, as someone would type it again. */
export function commandLine(): string {
  const args = process.argv.slice(2).map((a) => (/^[\w./:=@,+-]+$/.test(a) ? a : JSON.stringify(a)));
  if (process.env.npm_lifecycle_event === 'bench') {
    return ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
  }
  return ['tsx bench/run.ts', ...args].join(' ');
}

export function machine(): Report['machine'] {
  const cpu = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cpuCount: cpu.length,
    totalMemoryBytes: totalmem(),
  };
}

export function writeReport(file: string, report: Report): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
