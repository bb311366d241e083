import autocannon from 'autocannon';
import type { LoadRequest, RequestScenario } from './scenario.js';
import { perRequest, readAt, type CpuPerRequest } from './cpu.js';
import type { BenchServer } from './server.js';

export interface LoadSettings {
  /** Seconds of measured load per scenario. */
  duration: number;
  /** Seconds of load before measuring, so the JIT and the database's caches are warm. */
  warmup: number;
  connections: number;
}

/** Milliseconds. */
export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadRow {
  scenario: string;
  database: string;
  baseline: boolean;
  /**
   * What the rate counts: one request repeated by autocannon, or one operation of a flow
   * (several dependent requests, bench/lib/flow.ts).
   */
  unit: 'request' | 'operation';
  method: string;
  path: string;
  /** Why there are no figures (e.g. the route is not on this server); absent when measured. */
  unavailable?: string;
  /** HTTP requests per second; for a flow, operationsPerSecond × requestsPerOperation. */
  requestsPerSecond?: number;
  /** Flows only: whole operations completed per second. */
  operationsPerSecond?: number;
  /** Paced flows only: the residents and the rate of operations offered (see FlowScenario.pace). */
  pace?: { residents: number; perSecond: number };
  /** Flows only: HTTP requests in one operation. */
  requestsPerOperation?: number;
  /**
   * Of one request, or for a flow of one whole operation. autocannon records whole
   * milliseconds; flows record to 0.01 ms.
   */
  latencyMs?: Latency;
  /** Flows only: each part of an operation (e.g. submit, confirm), the sum of the steps named. */
  parts?: Record<string, { steps: string[]; latencyMs: Latency }>;
  /** Flows only: each step of an operation. */
  steps?: Record<string, Latency>;
  /** Flows only: their requests/s ÷ the baseline's requests/s. */
  requestRatioToBaseline?: number;
  /** The row's rate (requests/s, or operations/s for a flow) ÷ the baseline's requests/s, on the same server. */
  ratioToBaseline?: number;
  totalRequests?: number;
  /** Flows only: operations completed, and failed, within the measured duration. */
  totalOperations?: number;
  failedOperations?: number;
  durationSeconds?: number;
  non2xx?: number;
  errors?: number;
  timeouts?: number;
  /** A few distinct connection errors (or failed operations), when there were any. */
  errorSamples?: string[];
  statusCodes?: Record<string, number>;
  /** Flows only: failed operations by step and cause, e.g. "sign: HTTP 429". */
  failures?: Record<string, number>;
  /** CPU ms per request over the measured window, by process (bench/lib/cpu.ts); Linux only. */
  cpuMsPerRequest?: CpuPerRequest;
  /** The baseline's server CPU per request ÷ this row's: the ratio with a core to itself. */
  serverCpuRatioToBaseline?: number;
}

const resolveRequest = async (scenario: RequestScenario, server: BenchServer): Promise<LoadRequest> =>
  typeof scenario.request === 'function' ? scenario.request(server) : scenario.request;

/**
 * One request before the load: a route that is missing or broken gives a row that says so,
 * instead of a fast stream of 404s that would look like a figure.
 */
async function probe(server: BenchServer, request: LoadRequest): Promise<string | undefined> {
  const expected = request.expectStatus ?? 200;
  try {
    const res = await fetch(server.origin + request.path, {
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      body: request.body?.replaceAll('[<id>]', 'probe') ?? null,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    if (res.status !== expected) return `HTTP ${res.status} (expected ${expected})`;
  } catch (err) {
    return `request failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  return undefined;
}

export async function runLoad(server: BenchServer, scenario: RequestScenario, settings: LoadSettings): Promise<LoadRow> {
  const named = { scenario: scenario.name, database: server.database, baseline: scenario.baseline === true, unit: 'request' as const };
  let request: LoadRequest;
  try {
    request = await resolveRequest(scenario, server);
  } catch (err) {
    // What the scenario needed could not be made (a petition, say); the other rows still run.
    return { ...named, method: '', path: '', unavailable: err instanceof Error ? err.message : String(err) };
  }
  const row: LoadRow = { ...named, method: request.method ?? 'GET', path: request.path };
  const problem = await probe(server, request);
  if (problem) return { ...row, unavailable: problem };

  const options: autocannon.Options = {
    url: server.origin + request.path,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    connections: settings.connections,
    duration: settings.duration,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.idReplacement ? { idReplacement: true } : {}),
    ...(settings.warmup > 0 ? { warmup: { connections: settings.connections, duration: settings.warmup } } : {}),
  };
  const instance = autocannon(options);
  // autocannon measures after its warm-up; the CPU is read over the same window.
  const cpuFrom = readAt(server.readCpu, settings.warmup * 1000);
  // The count alone does not say whether the server reset connections or the bench timed out.
  const errorSamples = new Set<string>();
  instance.on('reqError', (err: unknown) => {
    if (errorSamples.size >= 5) return;
    const code = (err as NodeJS.ErrnoException | null)?.code;
    errorSamples.add(err instanceof Error ? `${code ?? err.name}: ${err.message}` : String(err));
  });
  const result = await instance;
  const cpuMsPerRequest = perRequest(await cpuFrom, server.readCpu(), result.requests.total);

  const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    ...row,
    requestsPerSecond: round(result.requests.average, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.average),
    },
    totalRequests: result.requests.total,
    durationSeconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...(errorSamples.size ? { errorSamples: [...errorSamples] } : {}),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    ...(cpuMsPerRequest ? { cpuMsPerRequest } : {}),
  };
}

/** Divides each measured row by the baseline measured on the same server. */
export function addRatios(rows: LoadRow[]): void {
  for (const row of rows) {
    // A paced row's rate is what it was offered, not what the server could do.
    if (row.pace) continue;
    const base = rows.find((r) => r.baseline && r.database === row.database);
    const rate = row.unit === 'operation' ? row.operationsPerSecond : row.requestsPerSecond;
    if (rate !== undefined && base?.requestsPerSecond) {
      row.ratioToBaseline = Math.round((rate / base.requestsPerSecond) * 1000) / 1000;
      if (row.unit === 'operation' && row.requestsPerSecond !== undefined) {
        row.requestRatioToBaseline = Math.round((row.requestsPerSecond / base.requestsPerSecond) * 1000) / 1000;
      }
    }
    if (row.cpuMsPerRequest?.server && base?.cpuMsPerRequest?.server) {
      row.serverCpuRatioToBaseline = Math.round((base.cpuMsPerRequest.server / row.cpuMsPerRequest.server) * 1000) / 1000;
    }
  }
}

/** The row without its measurements, for a run whose figures cannot be trusted. */
export function stripFigures(row: LoadRow): LoadRow {
  const { scenario, database, baseline, unit, method, path } = row;
  return { scenario, database, baseline, unit, method, path };
}
