import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { GroupCommitSqliteDialect } from '../../server/db/group-commit.js';

interface Db {
  notes: { id: Generated<number>; text: string };
}

const dir = mkdtempSync(join(tmpdir(), 'medverka-group-commit-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/**
 * A Kysely on an SQLite file through the group-commit dialect, as the server opens it, that
 * counts the commits it sends; and a second, plain connection to the same file, which sees
 * only what has been committed.
 */
async function open() {
  const file = join(dir, `db-${files++}.sqlite`);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const counted = { commits: 0 };
  const db = new Kysely<Db>({
    dialect: new GroupCommitSqliteDialect({
      prepare(text) {
        if (text === 'commit') counted.commits++;
        return sqlite.prepare(text);
      },
      close: () => sqlite.close(),
      get inTransaction() {
        return sqlite.inTransaction;
      },
    }),
  });
  await sql`create table notes (id integer primary key, text text not null unique)`.execute(db);
  const other = new SQLite(file, { readonly: true });
  const seen = () => (other.prepare('select text from notes order by id').all() as { text: string }[]).map((r) => r.text);
  return { db, sqlite, counted, seen, close: async () => (other.close(), await db.destroy()) };
}

describe('SQLite group commit', () => {
  it('acknowledges a transaction only once another connection can read it, and lets many share one commit', async () => {
    const { db, counted, seen, close } = await open();
    try {
      counted.commits = 0;
      const texts = Array.from({ length: 50 }, (_, i) => `note ${i}`);
      await Promise.all(
        texts.map((text) =>
          db.transaction().execute(async (trx) => {
            await trx.insertInto('notes').values({ text }).execute();
            // Something else to wait for inside the transaction, as a handler would.
            await new Promise((r) => setImmediate(r));
            return text;
          }).then(() => assert.ok(seen().includes(text), `${text} is committed when acknowledged`)),
        ),
      );
      assert.deepEqual(seen().sort(), [...texts].sort());
      assert.ok(counted.commits < texts.length / 2, `50 transactions took ${counted.commits} commits`);

      // Alone, a transaction still commits, one event-loop turn later.
      await db.transaction().execute((trx) => trx.insertInto('notes').values({ text: 'alone' }).execute());
      assert.ok(seen().includes('alone'));
    } finally {
      await close();
    }
  });

  it('rolls back a failed transaction alone; the ones committed with it stay', async () => {
    const { db, sqlite, seen, close } = await open();
    try {
      const results = await Promise.allSettled([
        db.transaction().execute((trx) => trx.insertInto('notes').values({ text: 'first' }).execute()),
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ text: 'half of a failed one' }).execute();
          // A unique violation: the whole transaction must go, its first insert included.
          await trx.insertInto('notes').values({ text: 'first' }).execute();
        }),
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ text: 'thrown away' }).execute();
          throw new Error('the handler changed its mind');
        }),
        db.transaction().execute((trx) => trx.insertInto('notes').values({ text: 'last' }).execute()),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'rejected', 'fulfilled'],
      );
      assert.deepEqual(seen(), ['first', 'last']);

      // A transaction that fails alone leaves no outer transaction open behind it.
      await assert.rejects(db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ text: 'first' }).execute();
      }), /UNIQUE/);
      await new Promise((r) => setImmediate(r));
      assert.equal(sqlite.inTransaction, false);
    } finally {
      await close();
    }
  });

  it('commits a write outside a transaction before answering, and the same connection can go on', async () => {
    const { db, seen, close } = await open();
    try {
      // A write that returns rows, sent while other transactions wait for their commit.
      await Promise.all([
        db.transaction().execute((trx) => trx.insertInto('notes').values({ text: 'in a transaction' }).execute()),
        db
          .insertInto('notes')
          .values({ text: 'returning its id' })
          .returning('id')
          .executeTakeFirstOrThrow()
          .then(() => assert.ok(seen().includes('returning its id'), 'committed when answered')),
      ]);
      await db.deleteFrom('notes').execute();

      await db.insertInto('notes').values({ text: 'on its own' }).execute();
      assert.deepEqual(seen(), ['on its own']);
      await assert.rejects(db.insertInto('notes').values({ text: 'on its own' }).execute(), /UNIQUE/);
      const rows = await db.connection().execute(async (conn) => {
        await conn.insertInto('notes').values({ text: 'one' }).execute();
        await conn.insertInto('notes').values({ text: 'two' }).execute();
        return conn.selectFrom('notes').select('text').orderBy('id').execute();
      });
      assert.deepEqual(rows.map((r) => r.text), ['on its own', 'one', 'two']);
      assert.deepEqual(seen(), ['on its own', 'one', 'two']);
    } finally {
      await close();
    }
  });
});
