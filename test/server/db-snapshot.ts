import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/db/index.js';

/**
 * Bookkeeping that refused requests may leave without anything changing for anyone: a spent
 * proof of work, a session's last activity, a failed sign-in counted.
 */
const bookkeeping = new Set(['pow_used', 'staff_sessions', 'sign_in_failures']);

/** A digest of every row of every table, to compare before and after requests that must change nothing. */
export async function databaseSnapshot(db: Db): Promise<Record<string, string>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !bookkeeping.has(name) && !name.startsWith('kysely_')).sort();
  const digest: Record<string, string> = {};
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
    digest[table] = `${rows.length}:${createHash('sha1').update(lines.join('\n')).digest('hex')}`;
  }
  return digest;
}
