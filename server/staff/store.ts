import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { StaffUserRow } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import type { AuditEntry, Role, StaffUser, WorkCounts } from './schemas.js';

export const canonicalEmail = (email: string) => email.trim().toLowerCase();

export function toStaffUser(row: StaffUserRow): StaffUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };
}

export class EmailTakenError extends Error {}

export async function createStaffUser(
  db: Db,
  input: { email: string; name: string; role: Role; password: string },
  now = new Date(),
): Promise<StaffUserRow> {
  const email = canonicalEmail(input.email);
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new EmailTakenError(email);
    return trx
      .insertInto('staff_users')
      .values({ email, name: input.name.trim(), role: input.role, password_hash, disabled: 0, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export const findStaffByEmail = (db: Db, email: string) =>
  db.selectFrom('staff_users').selectAll().where('email', '=', canonicalEmail(email)).executeTakeFirst();

export const findStaffById = (db: Db, id: number) => db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Changes the fields given, and only those; false when none was given. An UPDATE with nothing
 * to set is not SQL, so a change with nothing in it never reaches the database.
 */
export async function updateStaffUser(db: Db, id: number, change: { name?: string; role?: Role; disabled?: boolean }): Promise<boolean> {
  const set = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length === 0) return false;
  await db.updateTable('staff_users').set(set).where('id', '=', id).execute();
  return true;
}

export const countStaff = async (db: Db) =>
  Number((await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);

// --- sessions -------------------------------------------------------------------------

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function startSession(db: Db, userId: number, policy: SessionPolicy, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db
    .insertInto('staff_sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + policy.maxHours * 3_600_000).toISOString(),
    })
    .execute();
  return token;
}

/**
 * The signed-in staff member for a cookie token, or undefined when the session does not
 * exist, has been idle too long, has reached its absolute end, or its user is disabled.
 * Activity is written at most once a minute, not on every request.
 */
export async function resumeSession(db: Db, token: string, policy: SessionPolicy, now = new Date()) {
  const id = sha256(token);
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .selectAll('staff_users')
    .select(['staff_sessions.last_seen_at', 'staff_sessions.expires_at'])
    .where('staff_sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleLimit = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString();
  if (row.expires_at <= now.toISOString() || row.last_seen_at <= idleLimit || row.disabled) {
    await db.deleteFrom('staff_sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  const { last_seen_at: _seen, expires_at: _expires, ...user } = row;
  return { sessionId: id, user: user as StaffUserRow };
}

export const endSession = (db: Db, token: string) => db.deleteFrom('staff_sessions').where('id', '=', sha256(token)).execute();

export const endAllSessions = (db: Db, userId: number, except?: string) => {
  let q = db.deleteFrom('staff_sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  return q.execute();
};

// --- sign-in limits -------------------------------------------------------------------

export const signInWindowMinutes = 15;
export const maxFailuresPerAccount = 10;
export const maxFailuresPerIp = 50;

/** Seconds to wait before another attempt, or 0 when one may be made now. */
export async function signInWait(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - signInWindowMinutes * 60_000).toISOString();
  const waitFor = async (column: 'email' | 'ip', value: string, max: number) => {
    const rows = await db
      .selectFrom('sign_in_failures')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(max)
      .execute();
    if (rows.length < max) return 0;
    const oldest = Date.parse(rows[rows.length - 1]!.at);
    return Math.max(1, Math.ceil((oldest + signInWindowMinutes * 60_000 - now.getTime()) / 1000));
  };
  return Math.max(
    await waitFor('email', canonicalEmail(email), maxFailuresPerAccount),
    await waitFor('ip', ip, maxFailuresPerIp),
  );
}

export async function recordSignInFailure(db: Db, email: string, ip: string, now = new Date()) {
  await db.insertInto('sign_in_failures').values({ email: canonicalEmail(email), ip, at: now.toISOString() }).execute();
  // Keep the table small: what is older than the window no longer counts.
  const before = new Date(now.getTime() - signInWindowMinutes * 60_000).toISOString();
  await db.deleteFrom('sign_in_failures').where('at', '<', before).execute();
}

export const clearSignInFailures = (db: Db, email: string) =>
  db.deleteFrom('sign_in_failures').where('email', '=', canonicalEmail(email)).execute();

// --- what waits -------------------------------------------------------------------------

/** How much daily work waits, for the roles that do it (null for the rest). */
export async function workCounts(db: Db, role: Role): Promise<WorkCounts> {
  const count = async (table: 'petitions' | 'chat_conversations' | 'surveys', status: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('status', '=', status as never)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const moderates = role === 'admin' || role === 'moderator';
  const chats = role === 'admin' || role === 'chat_agent';
  return {
    petitionsAwaitingModeration: moderates ? await count('petitions', 'awaiting_moderation') : null,
    chatsWaiting: chats ? await count('chat_conversations', 'waiting') : null,
    surveysAwaitingApproval: moderates ? await count('surveys', 'draft') : null,
  };
}

// --- audit log ------------------------------------------------------------------------

export interface Actor {
  id: number;
  email: string;
}

/** Records who changed what. Never pass a password or a token in `detail`. */
export async function audit(
  db: Db,
  actor: Actor | null,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null = null,
  now = new Date(),
) {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      user_id: actor?.id ?? null,
      actor: actor?.email ?? null,
      action,
      target,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute();
}

export async function listAudit(db: Db, limit: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
