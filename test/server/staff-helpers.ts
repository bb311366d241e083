import type { App } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import type { Role } from '../../server/staff/schemas.js';
import { createStaffUser } from '../../server/staff/store.js';

export const ownOrigin = 'http://dialog.test';

export const staffAccounts: Record<Role, { email: string; password: string; name: string }> = {
  admin: { email: 'admin@kommun.test', password: 'admin-lösenord-123', name: 'Anna Admin' },
  moderator: { email: 'moderator@kommun.test', password: 'moderator-lösenord-123', name: 'Moa Moderator' },
  chat_agent: { email: 'agent@kommun.test', password: 'agent-lösenord-123', name: 'Chris Chatt' },
};

export async function seedStaff(db: Db) {
  const ids = {} as Record<Role, number>;
  for (const [role, account] of Object.entries(staffAccounts) as [Role, (typeof staffAccounts)[Role]][]) {
    ids[role] = (await createStaffUser(db, { ...account, role })).id;
  }
  return ids;
}

/** The staff accounts, made once per database: the test files share one database across their tests. */
export async function seedStaffOnce(db: Db) {
  if (!(await db.selectFrom('staff_users').select('id').executeTakeFirst())) await seedStaff(db);
}

/** A request as the console sends it: same origin, a body (if any) as JSON, with the session cookie. */
export function staffRequest(app: App, path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {}, env?: unknown) {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {
    ...(method === 'GET' ? {} : { Origin: ownOrigin }),
    ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...init.headers,
  };
  if (init.cookie) headers.Cookie = init.cookie;
  return app.request(path, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) }, env);
}

/** The `name=value` part of a Set-Cookie header, to send back. */
export const cookieFrom = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

export async function signIn(app: App, role: Role, env?: unknown): Promise<string> {
  const { email, password } = staffAccounts[role];
  const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email, password } }, env);
  if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  return cookieFrom(res);
}

/** The console's calls as one member of staff: signs in as `role` and sends its cookie with each call. */
export async function staffCalls(app: App, role: Role) {
  const cookie = await signIn(app, role);
  return (method: string, path: string, body?: unknown) => staffRequest(app, path, { method, body, cookie });
}
