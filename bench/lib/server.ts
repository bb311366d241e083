import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMeter, type CpuReading } from './cpu.js';
import type { BenchDatabase, DatabaseKind } from './databases.js';
import { Mailbox } from './mailbox.js';

/**
 * What the bench sets on its server beyond the address and the database, and why; also
 * written to the results JSON.
 */
export const benchServerSettings = {
  // The bench is 127.0.0.1 to the server, as a reverse proxy would be; each virtual
  // resident names its own address in X-Forwarded-For, so the per-address limits count
  // residents, not the bench.
  TRUSTED_PROXIES: '127.0.0.1',
  // Every submission still fetches, solves and spends its own challenge, and the server
  // still checks and records each one; an easy puzzle (the tests' difficulty, against
  // 50 000 in production) keeps the bench's own solving from being what is measured.
  POW_MAX_NUMBER: '1000',
  // The default, pinned so that the environment cannot change the work: during signing one
  // confirmation crosses it and mails staff, as on a real petition.
  PETITION_THRESHOLD: '500',
  // Per-request logging would measure the terminal, not the server.
  LOG_LEVEL: 'warn',
} as const;

/**
 * The SMTP connections the server may hold open to the mailbox (nodemailer's pool, 5 unless
 * SMTP_URL says otherwise). A resident's request waits until the mail is handed over, so with
 * 5 the pool was what limited signing: 34 against 83 operations/s with 20 on the same
 * machine. A municipality's own relay takes 20 as readily as the bench's mailbox does.
 */
export const benchSmtpQuery = '?maxConnections=20';

/** The real server, running as its own process, as the scenarios see it. */
export interface BenchServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  origin: string;
  database: DatabaseKind;
  /** The site the widgets are embedded in; the server allows it, and the bench sends it. */
  embeddingOrigin: string;
  /**
   * Why the server is gone, with the end of its output, if it exited without being asked to;
   * otherwise undefined. A crash mid-load would otherwise read as a row of connection errors.
   */
  died(): string | undefined;
  /** The mail the server sends (its SMTP_URL points here), for the links residents follow. */
  mailbox: Mailbox;
  /** The administrator the server creates at its first start (ADMIN_EMAIL, ADMIN_PASSWORD). */
  staff: { email: string; password: string };
  /** The server process, for its memory. */
  pid: number | undefined;
  /** CPU spent so far by the server, its PostgreSQL backends and the bench (bench/lib/cpu.ts). */
  readCpu(): CpuReading | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  repoRoot: string;
  database: BenchDatabase;
  embeddingOrigin: string;
  /** How long migrations, seeding and tsx's first compile may take. */
  startTimeoutMs?: number;
}

/**
 * A port nobody listens on now. A child cannot be told "port 0" and report back, so we ask
 * the OS for one and hand it over. Should another process take it in the gap, the child
 * fails with EADDRINUSE and died() reports it, so a stranger's figures are never printed.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  probe.listen(0, host);
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

const running = new Set<ChildProcess>();

// Whatever way the bench ends (an error, process.exit from a signal handler), no server
// may be left holding a port and a database connection.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts server/main.ts in a child process, with an SMTP server in this process for its
 * mail, and resolves once /healthz answers.
 */
export async function startServer(options: StartOptions): Promise<BenchServer> {
  const { repoRoot, database, embeddingOrigin, startTimeoutMs = 60_000 } = options;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const staff = { email: 'bench-admin@kommun.example', password: randomBytes(18).toString('base64url') };
  const mailbox = await Mailbox.start();

  // BENCH_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // to see where its time goes.
  // node --import tsx rather than the tsx CLI: the CLI is a wrapper process, and signals
  // and the measured CPU should go to the server itself.
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), '--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: database.url,
      SEED_DEMO: 'true',
      MEDVERKA_PRINT_URLS: '0',
      MEDVERKA_BENCH: '1',
      ALLOWED_ORIGINS: embeddingOrigin,
      SMTP_URL: `${mailbox.url}${benchSmtpQuery}`,
      ADMIN_EMAIL: staff.email,
      ADMIN_PASSWORD: staff.password,
      ...benchServerSettings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  // Kept so that a server that dies (or warns) says why in the bench's own output.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  let exited = false;
  let stopping = false;
  let exitReason = '';
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitReason = signal ? `killed by ${signal}` : `exit code ${code}`;
      running.delete(child);
      resolve();
    });
  });

  const stop = async () => {
    stopping = true;
    if (!exited) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    // After the server: it closes its SMTP pool on the way out.
    await mailbox.close();
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      await mailbox.close();
      throw new Error(`the server (${database.kind}) exited before it was ready (${exitReason}):\n${output.trim()}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) {
        const body = (await res.json()) as { status?: string };
        if (body.status === 'ok') break;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      const seconds = startTimeoutMs / 1000;
      throw new Error(`the server (${database.kind}) did not answer /healthz within ${seconds} s:\n${output.trim()}`);
    }
    await sleep(100);
  }

  const died = () => {
    if (!exited || stopping) return undefined;
    return `the server (${database.kind}) stopped (${exitReason}):\n${output.trim() || '(no output)'}`;
  };
  const readCpu = cpuMeter(child.pid, database.kind === 'postgres' ? new URL(database.url).pathname.slice(1) : undefined);
  return { origin, database: database.kind, embeddingOrigin, died, mailbox, staff, pid: child.pid, readCpu, stop };
}
