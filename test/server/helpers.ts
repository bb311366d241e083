import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import pg from 'pg';
import { createApp, type AppOptions } from '../../server/app.js';
import { completeDeps, type Deps } from '../../server/deps.js';
import { loadConfig, type Config } from '../../server/config.js';
import { createDatabase, migrateToLatest, type Db } from '../../server/db/index.js';
import { createLogger, type Logger } from '../../server/log.js';
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
