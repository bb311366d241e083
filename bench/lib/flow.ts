import { setImmediate as yieldToEvents, setTimeout as sleep } from 'node:timers/promises';
import type { Flow, FlowScenario, StepTimes } from './scenario.js';
import type { Latency, LoadRow, LoadSettings } from './load.js';
import { perRequest, readAt } from './cpu.js';
import type { BenchServer } from './server.js';

/** A step of a flow's operation that did not get the answer it needed. */
export class StepError extends Error {
  constructor(
    /** The step's name, as in the flow's parts. */
    readonly step: string,
    /** What went wrong, short enough to count by: "HTTP 429", "timeout", "no mail". */
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

const describe = (err: unknown): string =>
  err instanceof StepError ? `${err.step}: ${err.message}` : err instanceof Error ? err.message : String(err);

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentiles of milliseconds, rounded to 0.01 ms. */
export function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { p50: round(at(50)), p90: round(at(90)), p99: round(at(99)), max: round(sorted.at(-1) ?? 0), mean: round(mean) };
}

interface Sample {
  total: number;
  steps: StepTimes;
}

/**
 * Runs a flow from `connections` virtual residents at once, each starting its next
 * operation as soon as its last one ended: first for the warm-up, unmeasured, then for the
 * duration. An operation counts in the window it ends in; those still under way when the
 * window closes are finished but not counted, as autocannon leaves out answers that come
 * after its duration.
 */
async function drive(flow: Flow, settings: LoadSettings, read: BenchServer['readCpu'], perSecond?: number) {
  // Paced: each resident starts an operation every `interval` ms, on a schedule of its own
  // (a late one starts at once), so the server is offered `perSecond` in all.
  const interval = perSecond ? (settings.connections / perSecond) * 1000 : 0;
  const measureFrom = performance.now() + settings.warmup * 1000;
  const measureTo = measureFrom + settings.duration * 1000;
  const inWindow = (t: number) => t >= measureFrom && t <= measureTo;
  const cpuFrom = readAt(read, measureFrom - performance.now());
  const cpuTo = readAt(read, measureTo - performance.now());
  const samples: Sample[] = [];
  const failures: Record<string, number> = {};
  const errorSamples = new Set<string>();

  const resident = async () => {
    let next = performance.now() + Math.random() * interval;
    while (performance.now() < measureTo) {
      if (interval) {
        const wait = next - performance.now();
        next += interval;
        if (wait > 0) await sleep(wait);
        if (performance.now() >= measureTo) break;
      }
      const begun = performance.now();
      try {
        const steps = await flow.operation();
        const ended = performance.now();
        if (inWindow(ended)) samples.push({ total: ended - begun, steps });
      } catch (err) {
        if (inWindow(performance.now())) {
          const key = err instanceof StepError ? `${err.step}: ${err.kind}` : 'error';
          failures[key] = (failures[key] ?? 0) + 1;
          if (errorSamples.size < 5) errorSamples.add(describe(err));
        }
        // A server that refuses at once must not turn this loop into a busy one.
        await yieldToEvents();
      }
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, resident));
  return { samples, failures, errorSamples: [...errorSamples], cpu: [await cpuFrom, await cpuTo] as const };
}

/** Measures a flow scenario; the row's rate is operations per second. */
export async function runFlow(server: BenchServer, scenario: FlowScenario, settings: LoadSettings): Promise<LoadRow> {
  const row: LoadRow = { scenario: scenario.name, database: server.database, baseline: false, unit: 'operation', method: '', path: '' };
  if (scenario.pace) {
    settings = { ...settings, connections: scenario.pace.residents };
    row.pace = scenario.pace;
  }
  let flow: Flow;
  try {
    flow = await scenario.flow(server, { connections: settings.connections });
  } catch (err) {
    return { ...row, unavailable: describe(err) };
  }
  try {
    row.method = flow.method;
    row.path = flow.path;
    row.requestsPerOperation = flow.requestsPerOperation;
    // One operation first: a flow that cannot complete gives a row that says why.
    try {
      await flow.operation();
    } catch (err) {
      return { ...row, unavailable: describe(err) };
    }

    const { samples, failures, errorSamples, cpu } = await drive(flow, settings, server.readCpu, scenario.pace?.perSecond);
    const cpuMsPerRequest = perRequest(cpu[0], cpu[1], samples.length * flow.requestsPerOperation);
    const perSecond = samples.length / settings.duration;
    const stepNames = [...new Set(Object.values(flow.parts).flat())];
    const sum = (s: Sample, steps: string[]) => steps.reduce((n, step) => n + (s.steps[step] ?? 0), 0);
    const failed = Object.values(failures).reduce((n, c) => n + c, 0);
    const httpFailures = Object.entries(failures)
      .filter(([key]) => key.includes(': HTTP '))
      .reduce((n, [, c]) => n + c, 0);
    return {
      ...row,
      operationsPerSecond: round(perSecond, 1),
      requestsPerSecond: round(perSecond * flow.requestsPerOperation, 1),
      latencyMs: latency(samples.map((s) => s.total)),
      parts: Object.fromEntries(
        Object.entries(flow.parts).map(([part, steps]) => [part, { steps, latencyMs: latency(samples.map((s) => sum(s, steps))) }]),
      ),
      steps: Object.fromEntries(stepNames.map((step) => [step, latency(samples.map((s) => s.steps[step] ?? 0))])),
      totalOperations: samples.length,
      failedOperations: failed,
      durationSeconds: settings.duration,
      non2xx: httpFailures,
      errors: failed - httpFailures,
      ...(failed ? { failures } : {}),
      ...(errorSamples.length ? { errorSamples } : {}),
      ...(cpuMsPerRequest ? { cpuMsPerRequest } : {}),
    };
  } finally {
    flow.close();
  }
}
