import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time spent by the processes a load row keeps busy: the server, the PostgreSQL backends
 * serving the bench's database, and the bench itself (its load generator and mailbox).
 *
 * On this kind of machine all three share two cores, so a row that needs PostgreSQL and a
 * mail per request leaves the server less of the machine than the bare endpoint's row does,
 * and requests/s alone mixes the server's cost with its neighbours'. CPU milliseconds per
 * request say what each one costs, and the server's figure beside the bare endpoint's is the
 * ratio the server would reach with a core to itself. Read from /proc: Linux only; elsewhere
 * the rows simply carry no CPU figures.
 */
export interface CpuReading {
  /** Cumulative CPU ms, user and system, all threads. */
  server: number;
  /**
   * Each backend connected to the bench database, by process id; absent for SQLite (it runs
   * in the server). Kept apart so that one that ends between two readings is not read as
   * time given back.
   */
  backends?: Map<string, number>;
  bench: number;
}

/** CPU ms per request of a row, by process; `database` is PostgreSQL's backends, together. */
export interface CpuPerRequest {
  server: number;
  database?: number;
  bench: number;
}

// /proc reports CPU time in USER_HZ ticks, 1/100 s on every Linux (fixed by the kernel's ABI).
const msPerTick = 10;

const backendTitle = /^postgres: (?:\S+: )?\S+ (\S+) /;

/** utime + stime of one process, in ms; undefined if it is gone (or this is not Linux). */
function cpuMsOf(pid: number | string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}

/**
 * Sum over the processes PostgreSQL titles as serving `database`: "postgres: user db host(port)
 * activity", with the cluster's name first where it has one ("postgres: 15/main: user db …").
 */
function backendsMs(database: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const ms = backendTitle.exec(title)?.[1] === database ? cpuMsOf(pid) : undefined;
    if (ms !== undefined) found.set(pid, ms);
  }
  return found;
}

/**
 * A reader of the row's CPU; `postgresDatabase` is the bench database's name on PostgreSQL.
 * A backend that ends between two readings takes that time with it; under load the pool's
 * connections stay open, so the rows lose none.
 */
export function cpuMeter(serverPid: number | undefined, postgresDatabase?: string): () => CpuReading | undefined {
  return () => {
    const server = serverPid === undefined ? undefined : cpuMsOf(serverPid);
    const bench = cpuMsOf(process.pid);
    if (server === undefined || bench === undefined) return undefined;
    return { server, bench, ...(postgresDatabase ? { backends: backendsMs(postgresDatabase) } : {}) };
  };
}

/** CPU ms per request between two readings. */
export function perRequest(from: CpuReading | undefined, to: CpuReading | undefined, requests: number): CpuPerRequest | undefined {
  if (!from || !to || requests <= 0) return undefined;
  const each = (a: number, b: number) => Math.round(((b - a) / requests) * 1000) / 1000;
  // A backend first seen in the later reading started within the window: all its time counts.
  const backends = to.backends && [...to.backends].reduce((sum, [pid, ms]) => sum + ms - (from.backends?.get(pid) ?? 0), 0);
  return {
    server: each(from.server, to.server),
    bench: each(from.bench, to.bench),
    ...(backends === undefined ? {} : { database: each(0, backends) }),
  };
}

/** Calls `read` once `ms` from now; the promise gives what it read. */
export function readAt(read: () => CpuReading | undefined, ms: number): Promise<CpuReading | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(read()), Math.max(0, ms)));
}
