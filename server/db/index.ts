import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { GroupCommitSqliteDialect } from './group-commit.js';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';

export type { Database } from './schema.js';
export type Db = Kysely<Database>;

/** Opens the configured database: an SQLite file by default, PostgreSQL for a postgres:// URL. */
export function createDatabase(database: Config['database'], onIdleError: (err: Error) => void = () => {}): Db {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection can be cut by PostgreSQL (a restart, an administrator, a failover).
    // Unhandled, pg turns that into an uncaught exception that stops the server; the pool
    // replaces the connection on its own, so it is only worth a log line.
    pool.on('error', onIdleError);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL lets readers run beside the one writer; FULL makes every acknowledged commit
  // durable on disk, so a crash of the server (or the machine) loses nothing acknowledged.
  // Transactions share those syncs: see GroupCommitSqliteDialect.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(withStatementCache(sqlite)) });
}

/** Prepared statements kept per SQLite connection; the SQL Kysely builds repeats a few dozen shapes. */
const statementCacheSize = 500;

/**
 * Kysely's SQLite driver prepares every query it runs afresh; in the signing flow that was
 * 7 % of the server's time. Kysely holds the one connection for one query (or one
 * transaction) at a time, so a statement is never run twice at once and can be kept and
 * reused, least recently used first out. SQLite re-prepares a kept statement by itself if
 * the schema changes under it.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (statement) {
        kept.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (kept.size >= statementCacheSize) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, statement);
      return statement;
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return result;
}
