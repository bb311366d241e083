import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { startTestSmtpServer, type TestSmtpServer } from '../../server/mail/capture.js';
import { postgresAdminUrl } from '../server/helpers.js';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** A municipality's page on another origin, showing whatever the test pastes into it. */
export interface HostPage {
  origin: string;
  paste(html: string): void;
  close(): Promise<void>;
}

/**
 * Serves a host page on a free port of its own (so another origin than the server's). Each
 * request gets what `serve` makes of the pasted HTML: the page, and any headers it sends.
 */
export async function startHostPage(serve: (pasted: string) => { html: string; headers?: Record<string, string> }): Promise<HostPage> {
  let pasted = '';
  const port = await freePort();
  const server = createHttpServer((_, res) => {
    const { html, headers } = serve(pasted);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${port}`,
    paste: (html) => (pasted = html),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Widgets on a municipality's page: the host page, the server it embeds from, and a browser. */
export interface HostedWidgets {
  host: HostPage;
  server: RunningServer;
  browser: Browser;
  /** Ends all three and drops the database; safe to call after a start that failed half-way. */
  close(): Promise<void>;
}

/**
 * A host page on another origin serving `page(serverUrl, pasted)`, the server on a fresh SQLite
 * database allowing that origin (and `env`), and a browser.
 */
export async function startHostedWidgets(page: (serverUrl: string, pasted: string) => string, env: Record<string, string> = {}): Promise<HostedWidgets> {
  let served: ServedBrowser | undefined;
  const host = await startHostPage((pasted) => ({ html: page(served!.server.url, pasted) }));
  try {
    served = await startServedBrowser('sqlite', { ALLOWED_ORIGINS: host.origin, ...env });
  } catch (err) {
    await host.close();
    throw err;
  }
  const { server, browser } = served;
  return {
    host,
    server,
    browser,
    close: async () => {
      await served.close();
      await host.close();
    },
  };
}

/** The real server on a database of its own, and a browser: what every end-to-end suite starts. */
export interface ServedBrowser {
  server: RunningServer;
  browser: Browser;
  /** Ends both and drops the database. */
  close(): Promise<void>;
}

interface ServedOptions {
  /** Fills the fresh database (given its URL) before the server starts. */
  seed?: (databaseUrl: string) => Promise<void>;
  /** The server mails to a capture (`smtp`), which `close` ends too. */
  mail?: boolean;
}

/**
 * The server (with `env`) on a fresh `kind` database, and a browser. A start that fails half-way
 * ends what it had started.
 */
export async function startServedBrowser(kind: DatabaseKind, env: Record<string, string>, options: ServedOptions & { mail: true }): Promise<ServedBrowser & { smtp: TestSmtpServer }>;
export async function startServedBrowser(kind: DatabaseKind, env?: Record<string, string>, options?: ServedOptions): Promise<ServedBrowser>;
export async function startServedBrowser(kind: DatabaseKind, env: Record<string, string> = {}, { seed, mail = false }: ServedOptions = {}): Promise<ServedBrowser & { smtp?: TestSmtpServer }> {
  let smtp: TestSmtpServer | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let drop: (() => Promise<void>) | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    await drop?.();
    await smtp?.close();
  };
  try {
    if (mail) smtp = await startTestSmtpServer();
    const db = await freshDatabase(kind);
    drop = db.drop;
    await seed?.(db.url);
    const launching = launchBrowser();
    server = await startServer(db.url, smtp ? { ...env, SMTP_URL: smtp.url } : env);
    browser = await launching;
    return { server, browser, close, ...(smtp ? { smtp } : {}) };
  } catch (err) {
    await close();
    throw err;
  }
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** A fresh database for one server: an SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(kind: DatabaseKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'medverka-e2e-'));
    return { url: join(dir, 'e2e.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `medverka_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface RunningServer {
  url: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL, as a power cut or the OOM killer would end it; resolves once the process is gone. */
  kill: () => Promise<void>;
}

/**
 * Starts the real server as its own process, as `npm run serve` does, and waits until it is
 * healthy. `port` starts it again where an earlier one was (a restart pages must live through).
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}, port?: number, options: { widgets?: boolean } = {}): Promise<RunningServer> {
  // A test that loads no widget (options.widgets false) can run without the build.
  if (options.widgets !== false && !existsSync(join(repoRoot, 'dist/widgets/medverka.js'))) {
    throw new Error('The widgets are not built: run "npm run build" before the end-to-end tests.');
  }
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), PUBLIC_URL: url, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
    kill: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}

export const databaseKinds: DatabaseKind[] = ['sqlite', 'postgres'];

/** Console errors and uncaught exceptions on a page; the console's expected 401 before sign-in is not one. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    // The console asks /api/staff/me before anyone has signed in: that 401 is expected.
    if (m.type() === 'error' && !/401/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}
