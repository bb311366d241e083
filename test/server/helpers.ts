import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import pg from 'pg';
import { createApp, type AppOptions } from '../../server/app.js';
import { completeDeps, type Deps } from '../../server/deps.js';
import { loadConfig, type Config } from '../../server/config.js';
import { createDatabase, migrateToLatest, type Db } from '../../server/db/index.js';
import { createLogger, type Logger } from '../../server/log.js';
import { startTestSmtpServer, type CapturedMail, type TestSmtpServer } from '../../server/mail/capture.js';
import { createMailer, findLinks } from '../../server/mail/mailer.js';
import { checkedAgainstOpenApi } from './openapi-check.js';

/** The PostgreSQL server the suite runs against; each run makes and drops its own database. */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  database: Config['database'];
}

/**
 * The two storage back-ends, each fresh for the calling test file: an SQLite file in a
 * temporary folder, and a newly created PostgreSQL database. Both are removed afterwards.
 * Call at the top level of a test file; use the returned list inside tests.
 */
export function testDatabases(): TestDatabase[] {
  const dir = mkdtempSync(join(tmpdir(), 'medverka-test-'));
  const pgName = `medverka_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const pgUrl = new URL(postgresAdminUrl);
  pgUrl.pathname = `/${pgName}`;
  const list: TestDatabase[] = [
    { name: 'sqlite', database: { kind: 'sqlite', file: join(dir, 'test.sqlite') } },
    { name: 'postgres', database: { kind: 'postgres', url: pgUrl.href } },
  ];
  before(async () => {
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`create database ${pgName}`);
    await admin.end();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${pgName} with (force)`);
    await admin.end();
  });
  return list;
}

/** Collects log lines so tests can assert what was logged. */
export function memoryLogger(level: 'debug' | 'info' = 'info'): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return Object.assign(log, { lines });
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ PUBLIC_URL: 'http://dialog.test', LOG_LEVEL: 'silent', ...env });
}

/** A migrated database of the given kind, to be destroyed by the caller. */
export async function openDatabase(test: TestDatabase): Promise<Db> {
  const db = createDatabase(test.database);
  await migrateToLatest(db);
  return db;
}

/**
 * The whole app over a migrated database, as requests see it through app.request(); every
 * answer is checked against the app's OpenAPI document (see openapi-check.ts).
 */
export async function testApp(test: TestDatabase | null, env: Record<string, string> = {}, extra: Partial<Deps> & AppOptions = {}) {
  const config = testConfig(env);
  const db = test ? await openDatabase(test) : createDatabase({ kind: 'sqlite', file: ':memory:' });
  if (!test) await migrateToLatest(db);
  const log = memoryLogger();
  const app = checkedAgainstOpenApi(createApp(completeDeps({ config, db, log, ...extra })));
  return { app, db, config, log };
}

/**
 * A test that runs on what `open` makes (an app and its database, say), closing it after,
 * however the test ends: with its own close() when it has one (an app with mail), else by
 * destroying the database.
 */
export function using<T extends { db: Db; close?: () => Promise<void> }>(open: () => Promise<T>, test: (t: T) => Promise<void>) {
  return async () => {
    const t = await open();
    try {
      await test(t);
    } finally {
      if (t.close) await t.close();
      else await t.db.destroy();
    }
  };
}

/** A test on its own connection to the test database, destroyed after, however the test ends. */
export const withDatabase = (database: TestDatabase, test: (db: Db) => Promise<void>) => using(async () => ({ db: await openDatabase(database) }), ({ db }) => test(db));

/** Waits until `ok()` holds, looking every 10 ms; fails the test after `timeoutMs`. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) assert.fail(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Bindings that make getConnInfo() see a socket from `address`, as @hono/node-server gives. */
export function fromAddress(address: string) {
  return { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' } } };
}

/** A solved proof of work for the next write, as the widgets' worker would send it (X-Medverka-Pow). */
export async function pow(app: { request: (path: string) => Response | Promise<Response> }): Promise<string> {
  const c = (await (await app.request('/api/pow/challenge')).json()) as { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number };
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature })).toString('base64');
}

export type Requester = { request: (path: string, init?: RequestInit, env?: unknown) => Response | Promise<Response> };

let address = 0;
/**
 * A resident's write as a widget sends it: JSON (or `raw` as it is), with a solved proof of
 * work, each from its own address so the per-address limits stay out of the tests' way.
 */
export async function powPost(app: Requester, path: string, body: unknown, { raw, network = '198.51.100' }: { raw?: string; network?: string } = {}) {
  return app.request(
    path,
    { method: 'POST', headers: { 'Content-Type': 'application/json', [powHeader]: await pow(app) }, body: raw ?? JSON.stringify(body) },
    fromAddress(`${network}.${++address % 250}`),
  );
}

/**
 * A real SMTP server in the test process for the calling test file (call at the top level),
 * mailers that send to it, and the mails it received: each one found is taken out, so the
 * next look finds the one after.
 */
export function testMailbox() {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startTestSmtpServer();
  });
  after(() => smtp.close());
  const to = (address: string) => (m: CapturedMail) => m.envelope.to.some((t) => t.toLowerCase() === address.toLowerCase());
  const box = {
    get smtp() {
      return smtp;
    },
    mailer: (mailFrom = 'Exempelby kommun <medverka@kommun.test>', log: Logger = memoryLogger()) => createMailer({ smtpUrl: smtp.url, mailFrom, outboxDir: '/nonexistent' }, log),
    /** testApp() with mail going to this box; close() closes the mailer and the database. */
    async app(test: TestDatabase | null, env: Record<string, string> = {}, mailFrom?: string) {
      const mailer = box.mailer(mailFrom);
      const t = await testApp(test, env, { mailer });
      return { ...t, mailer, close: async () => { await mailer.close(); await t.db.destroy(); } };
    },
    /** The next mail to `address` (in any case) that matches. */
    async mailTo(address: string, match: (m: CapturedMail) => boolean = () => true) {
      const mail = await smtp.waitFor((m) => to(address)(m) && match(m));
      smtp.messages.splice(smtp.messages.indexOf(mail), 1);
      return mail;
    },
    /** Every mail to `address` received and not yet taken. */
    mailsTo: (address: string) => smtp.messages.filter(to(address)),
    /** The next mail to `address` with a link whose address matches `path`, and that link. */
    async linkIn(address: string, path: RegExp) {
      const mail = await box.mailTo(address, (m) => findLinks(m.text).some((l) => path.test(l)));
      return { mail, link: new URL(findLinks(mail.text).find((l) => path.test(l))!) };
    },
  };
  return box;
}
