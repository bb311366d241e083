import type { Generated, Insertable, Kysely, Selectable, WhereInterface } from 'kysely';
import type { Database } from '../db/index.js';
import { hashToken, newToken } from './tokens.js';

/** Why a confirmation link did not work, in words a page can show. */
export class ConfirmationError extends Error {
  constructor(readonly reason: 'unknown' | 'expired' | 'used' | 'closed') {
    super(`confirmation link ${reason}`);
  }
}

/** What every table of mailed links has: the secret's hash, when it stops working, when it was used. */
interface LinkColumns {
  id: Generated<number>;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
}

/** The tables that hold mailed links (petitions' `confirmations`, `ballot_confirmations`, `panel_confirmations`). */
type LinkTable = { [T in keyof Database]: Database[T] extends LinkColumns ? T : never }[keyof Database];

/** Any of those tables, as the queries below see it: a link's own columns and the rest. */
type AnyLinks = { links: LinkColumns & Record<string, unknown> };

/** A link table's queries: any of those tables, typed as one, under its real name. */
const asLinks = (db: Kysely<Database>) => db as unknown as Kysely<AnyLinks>;

/** Whether a link can still be used at `now`: not used, not expired. */
export const usable = (link: { used_at: string | null; expires_at: string }, now: Date) => !link.used_at && link.expires_at > now.toISOString();

/** Why a link could not be used: never issued (no row), used already, or else expired. */
export const whyUnusable = (link: { used_at: string | null } | undefined) => new ConfirmationError(!link ? 'unknown' : link.used_at ? 'used' : 'expired');

/**
 * One kind of mailed link that works once: a confirmation of a proposal, a signature, a ballot
 * or a panel sign-up. The secret goes in the mail, only its SHA-256 is stored (see newToken),
 * and it works for `lifetimeHours`. `scope` narrows a table several kinds share (petitions'
 * `confirmations` by purpose), so one kind's link never confirms another's.
 */
export class MailedLinks<T extends LinkTable, S extends Partial<Selectable<Database[T]>> = Record<never, never>> {
  constructor(
    readonly table: T,
    readonly lifetimeHours: number,
    readonly scope: S = {} as S,
  ) {}

  /** The table, as asLinks types it. */
  get #links() {
    return this.table as unknown as 'links';
  }

  /** A fresh secret, its hash and when it stops working (for a caller that writes the row in its own statement). */
  fresh(now: Date) {
    return { ...newToken(), expiresAt: new Date(now.getTime() + this.lifetimeHours * 3_600_000).toISOString() };
  }

  /** Stores a new link for what it confirms (`owner`, the table's other columns) and returns the secret to mail. */
  async issue(db: Kysely<Database>, owner: Omit<Insertable<Database[T]>, keyof LinkColumns | keyof S>, now: Date): Promise<string> {
    const { token, hash, expiresAt } = this.fresh(now);
    await asLinks(db)
      .insertInto(this.#links)
      .values({ ...owner, ...this.scope, token_hash: hash, expires_at: expiresAt, used_at: null })
      .execute();
    return token;
  }

  /**
   * Uses a link once, in the caller's transaction: one conditional update that succeeds only for
   * an unused, unexpired link, so two clicks racing each other cannot both count. Otherwise it
   * throws why (see whyUnusable). A caller that then refuses (ConfirmationError 'closed') throws
   * inside the same transaction, which leaves the link unused.
   */
  async use(trx: Kysely<Database>, token: string, now: Date): Promise<Selectable<Database[T]>> {
    const at = now.toISOString();
    const used = await this.#mine(asLinks(trx).updateTable(this.#links).set({ used_at: at }), token)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
    if (used) return used as unknown as Selectable<Database[T]>;
    // The reason it was not used is looked up after, off the way a link is meant to be used.
    throw whyUnusable(await this.#mine(asLinks(trx).selectFrom(this.#links).select(['used_at']), token).executeTakeFirst());
  }

  /** Narrows a query to this kind's link with this secret. */
  #mine<Q extends WhereInterface<AnyLinks, 'links'>>(q: Q, token: string): Q {
    let mine = q.where('token_hash', '=', hashToken(token)) as Q;
    for (const [column, value] of Object.entries(this.scope)) mine = mine.where(column, '=', value) as Q;
    return mine;
  }
}
