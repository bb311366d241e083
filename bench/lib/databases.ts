import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/** A database made for one bench run: what the server is given, and how to get rid of it. */
export interface BenchDatabase {
  kind: DatabaseKind;
  /** Passed to the server as DATABASE_URL. */
  url: string;
  /** Where it is, for the report, without anything secret. */
  label: string;
  drop(): Promise<void>;
}

/**
 * A fresh SQLite file in its own temporary folder: WAL mode leaves -wal and -shm files
 * beside it, and removing the folder takes them all.
 */
export function createSqlite(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'medverka-bench-'));
  const file = join(dir, 'medverka.sqlite');
  return {
    kind: 'sqlite',
    url: file,
    label: file,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh PostgreSQL database on the server `adminUrl` points at. The server outlives the
 * bench and may hold what earlier runs left, so every run gets its own database.
 */
export async function createPostgres(adminUrl: string): Promise<BenchDatabase> {
  const name = `medverka_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const safe = new URL(url);
  safe.password = '';
  return {
    kind: 'postgres',
    url: url.href,
    label: safe.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // FORCE (PostgreSQL 13+) ends connections a killed server may have left for a moment.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
