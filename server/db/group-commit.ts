import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * SQLite with group commit, for Kysely.
 *
 * Every acknowledged write must survive a crash of the server or the machine, so SQLite syncs
 * its log to disk at each commit (`synchronous = FULL`). A sync costs a tenth of a millisecond
 * or more whatever was written, and with one sync per transaction the signing benchmark spent
 * a third of the server's time waiting for them.
 *
 * So transactions share syncs. Each transaction (and each write run outside one) runs inside
 * one outer transaction as a savepoint: it is released, not committed, and the connection
 * goes to the next one at once. A commit is scheduled for the next turn of the event loop; it
 * commits the outer transaction, with one sync, and only then are the transactions in it told
 * they have committed. A request is therefore answered only once its write is on disk, as
 * before; under load many transactions share one sync, and alone a transaction waits one
 * turn of the event loop. A transaction that fails is rolled back to its savepoint and takes
 * no other with it. If SQLite itself rolls back the whole outer transaction (a full disk, an
 * I/O error) or its commit fails, every transaction waiting in it gets the error: none of them
 * had been acknowledged.
 *
 * The price: a read outside a transaction can see a released write a few milliseconds before
 * it is on disk. Kysely's own SQLite driver is the model for the rest (one connection, a
 * queue for it, statements prepared through `database.prepare`).
 */
export class GroupCommitSqliteDialect implements Dialect {
  constructor(private readonly database: SqliteDatabase) {}
  createDriver(): Driver {
    return new GroupCommitDriver(this.database);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

/** What the driver needs of a better-sqlite3 database (a wrapper may keep statements). */
export interface SqliteDatabase {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  readonly inTransaction: boolean;
}

/** The one connection, handed out first come, first served. */
class Queue {
  #busy = false;
  #waiting: (() => void)[] = [];
  take(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  give() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }
}

/** The savepoint each transaction runs in. */
const own = '"medverka_own"';

interface Waiting {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * One hold of the connection, from Kysely's acquireConnection to its releaseConnection; the
 * connection may be given back earlier, when a transaction has been released and waits for
 * its group's commit.
 */
class Hold implements DatabaseConnection {
  /** The connection has been given back already (see commitTransaction). */
  given = false;
  /** Inside a transaction of Kysely's. */
  inTransaction = false;
  constructor(private readonly driver: GroupCommitDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.driver.prepare(query.sql);
    // `readonly`, not `reader`: an insert … returning reads rows back but still writes.
    if (this.inTransaction || statement.readonly) return run<R>(statement, query);
    // A write on its own is a transaction of its own.
    this.driver.open();
    let result: QueryResult<R>;
    try {
      result = run<R>(statement, query);
    } catch (err) {
      this.driver.undo();
      throw err;
    }
    await this.driver.release(this);
    // Kysely may send this hold more queries; it holds the connection again until it gives it back.
    await this.driver.queue.take();
    this.given = false;
    return result;
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.driver.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}

function run<R>(statement: SQLite.Statement, { parameters }: CompiledQuery): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(parameters as unknown[]) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters as unknown[]);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class GroupCommitDriver implements Driver {
  readonly queue = new Queue();
  /** The outer transaction is open. */
  #open = false;
  /** Transactions released into the outer transaction, waiting for its commit. */
  #waiting: Waiting[] = [];
  #commitPlanned = false;
  #closing?: Promise<void>;

  constructor(private readonly database: SqliteDatabase) {}

  prepare(sql: string) {
    return this.database.prepare(sql);
  }

  #exec(sql: string) {
    this.database.prepare(sql).run();
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.take();
    return new Hold(this);
  }

  async releaseConnection(connection: DatabaseConnection) {
    const hold = connection as Hold;
    if (hold.given) return;
    hold.given = true;
    this.queue.give();
  }

  /** Starts a transaction's savepoint, and the outer transaction if none is open. */
  open() {
    if (!this.#open || !this.database.inTransaction) {
      // SQLite may have ended the outer transaction by itself (see undo).
      if (this.#open) this.#lost(new Error('SQLite rolled back the open transactions'));
      this.#exec('begin');
      this.#open = true;
    }
    this.#exec(`savepoint ${own}`);
  }

  /** Rolls a transaction back to its savepoint; the others in the outer transaction stay. */
  undo() {
    if (this.database.inTransaction) {
      this.#exec(`rollback to ${own}`);
      this.#exec(`release ${own}`);
      // Even with nothing else in it, the outer transaction must end soon: open, it would keep
      // this connection from seeing what other processes (the admin CLI) write.
      this.#planCommit();
      return;
    }
    // SQLite rolled back the whole outer transaction (a full disk, an I/O error): every
    // transaction released into it is gone too, and learns so.
    this.#lost(new Error('SQLite rolled back the transaction this write was committed in'));
  }

  #lost(err: Error) {
    this.#open = false;
    const lost = this.#waiting;
    this.#waiting = [];
    for (const w of lost) w.reject(err);
  }

  /**
   * Releases a transaction's savepoint, gives the connection to the next in line, and waits
   * for the commit that puts it on disk.
   */
  async release(hold: Hold) {
    this.#exec(`release ${own}`);
    const committed = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    this.#planCommit();
    hold.given = true;
    this.queue.give();
    await committed;
  }

  #planCommit() {
    if (this.#commitPlanned) return;
    this.#commitPlanned = true;
    setImmediate(() => void this.#commit());
  }

  async #commit() {
    await this.queue.take();
    this.#commitPlanned = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    try {
      if (this.#open) {
        this.#open = false;
        if (this.database.inTransaction) this.#exec('commit');
        else throw new Error('SQLite rolled back the transaction these writes were in');
      }
      for (const w of waiting) w.resolve();
    } catch (err) {
      if (this.database.inTransaction) {
        try {
          this.#exec('rollback');
        } catch {
          // Nothing more to undo.
        }
      }
      for (const w of waiting) w.reject(err);
    } finally {
      this.queue.give();
    }
  }

  async beginTransaction(connection: DatabaseConnection) {
    this.open();
    (connection as Hold).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection) {
    const hold = connection as Hold;
    hold.inTransaction = false;
    await this.release(hold);
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    const hold = connection as Hold;
    // After a failed group commit Kysely rolls back too; there is nothing left to undo.
    if (hold.given) return;
    hold.inTransaction = false;
    this.undo();
  }

  async savepoint(connection: DatabaseConnection, name: string) {
    this.#exec(`savepoint "${name.replaceAll('"', '""')}"`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    this.#exec(`rollback to "${name.replaceAll('"', '""')}"`);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    this.#exec(`release "${name.replaceAll('"', '""')}"`);
  }

  /** Commits what is waiting, then closes the file. */
  async destroy() {
    this.#closing ??= (async () => {
      if (this.#open || this.#waiting.length) await this.#commit();
      this.database.close();
    })();
    await this.#closing;
  }
}
