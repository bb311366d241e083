import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDatabase, DatabaseKind } from './databases.js';

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

/** Starts server/main.ts in a child process and resolves once /healthz answers. */
export async function startServer(options: StartOptions): Promise<BenchServer> {
  const { repoRoot, database, embeddingOrigin, startTimeoutMs = 60_000 } = options;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;

  // node --import tsx rather than the tsx CLI: the CLI is a wrapper process, and signals
  // and the measured CPU should go to the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      DATABASE_URL: database.url,
      SEED_DEMO: 'true',
      // Per-request logging would measure the terminal, not the server.
      LOG_LEVEL: 'warn',
      MEDVERKA_PRINT_URLS: '0',
      MEDVERKA_BENCH: '1',
      ALLOWED_ORIGINS: embeddingOrigin,
      TRUSTED_PROXIES: '',
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
    if (exited) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exit.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exit;
    }
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
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
  return { origin, database: database.kind, embeddingOrigin, died, stop };
}
