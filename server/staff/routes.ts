import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { clientIp, type AppEnv } from '../http.js';
import { cookieAuth, errors, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { listTileSets } from '../tiles/store.js';
import { publicStatuses } from '../petitions/rules.js';
import { anyStaff, clearSessionCookie, requireRole, setSessionCookie } from './guard.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { AuditEntry, EmbedInfo, NewStaffUser, OwnAccountUpdate, PasswordChange, SignIn, StaffUser, StaffUserUpdate, WorkCounts } from './schemas.js';
import {
  EmailTakenError,
  audit,
  clearSignInFailures,
  createStaffUser,
  endAllSessions,
  endSession,
  findStaffByEmail,
  findStaffById,
  listAudit,
  recordSignInFailure,
  workCounts,
  signInWait,
  startSession,
  toStaffUser,
  updateStaffUser,
} from './store.js';

const UserBody = z.object({ user: StaffUser });
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 3 }) });
const noContent = { 204: { description: 'Done.' } };

const route = sectionRoutes('Staff', cookieAuth);

export function staffRoutes({ db, config, distDir }: Deps & { distDir: string }) {
  const app = router();
  const actorOf = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => {
    const staff = c.get('staff')!;
    return { id: staff.user.id, email: staff.user.email };
  };

  app.openapi(
    route({
      method: 'post',
      path: '/sign-in',
      summary: 'Sign in with e-mail and password',
      description:
        'Starts a new session (any session the browser had is ended: the session id is rotated). A wrong e-mail and a wrong password get the same answer. Ten failures for one account, or fifty from one address, within 15 minutes make further attempts wait.',
      security: [],
      request: jsonBody(SignIn),
      responses: { 200: json(UserBody, 'Signed in; the session cookie is set.'), ...errors(400, 401, 403, 415, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const ip = clientIp(c, config);
      const wait = await signInWait(db, email, ip);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'too_many_attempts', `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minutes.`);
      }
      const user = await findStaffByEmail(db, email);
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
      if (!user || !ok || user.disabled) {
        await recordSignInFailure(db, email, ip);
        throw new ApiError(401, 'wrong_credentials', 'The e-mail address or the password is wrong.');
      }
      await clearSignInFailures(db, email);
      const previous = c.get('staff');
      if (previous) await endSession(db, previous.token);
      setSessionCookie(c, config, await startSession(db, user.id, config.session));
      await audit(db, { id: user.id, email: user.email }, 'staff.sign-in', null, { ip });
      return c.json({ user: toStaffUser(user) }, 200);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/sign-out', summary: 'End this session', responses: { ...noContent, ...errors(403, 415) } }),
    async (c) => {
      const staff = c.get('staff');
      if (staff) await endSession(db, staff.token);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    },
  );

  app.use('/sign-out-everywhere', anyStaff);
  app.openapi(
    route({
      method: 'post',
      path: '/sign-out-everywhere',
      summary: 'End every session of the signed-in staff member',
      responses: { ...noContent, ...errors(401, 403, 415) },
    }),
    async (c) => {
      await endAllSessions(db, actorOf(c).id);
      await audit(db, actorOf(c), 'staff.sign-out-everywhere', null);
      clearSessionCookie(c, config);
      return c.body(null, 204);
    },
  );

  app.use('/me', anyStaff);
  app.openapi(
    route({ method: 'get', path: '/me', summary: 'Who is signed in', responses: { 200: json(UserBody, 'The staff member.'), ...errors(401) } }),
    (c) => c.json({ user: toStaffUser(c.get('staff')!.user) }, 200),
  );
  app.openapi(
    route({
      method: 'patch',
      path: '/me',
      summary: 'Change one’s own display name',
      description: 'The name residents see when this staff member answers in the chat. Empty: they see “Kommunen” (the municipality).',
      request: jsonBody(OwnAccountUpdate),
      responses: { 200: json(UserBody, 'Changed.'), ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const { name } = c.req.valid('json');
      const { user } = c.get('staff')!;
      await db.updateTable('staff_users').set({ name }).where('id', '=', user.id).execute();
      await audit(db, actorOf(c), 'staff.name-change', `staff ${user.id}`, { name });
      return c.json({ user: toStaffUser((await findStaffById(db, user.id))!) }, 200);
    },
  );

  app.use('/counts', anyStaff);
  app.openapi(
    route({
      method: 'get',
      path: '/counts',
      summary: 'What waits for review, for the navigation',
      description: 'Counts of the daily work the signed-in role does; null for what it may not see.',
      responses: { 200: json(WorkCounts, 'The counts.'), ...errors(401) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await workCounts(db, c.get('staff')!.user.role), 200);
    },
  );

  app.use('/password', anyStaff);
  app.openapi(
    route({
      method: 'post',
      path: '/password',
      summary: 'Change one’s own password',
      description: 'Needs the current password. Every other session of the staff member ends.',
      request: jsonBody(PasswordChange),
      responses: { ...noContent, ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const staff = c.get('staff')!;
      if (!(await verifyPassword(currentPassword, staff.user.password_hash))) {
        throw new ApiError(403, 'wrong_password', 'The current password is wrong.');
      }
      await db.updateTable('staff_users').set({ password_hash: await hashPassword(newPassword) }).where('id', '=', staff.user.id).execute();
      await endAllSessions(db, staff.user.id, staff.sessionId);
      await audit(db, actorOf(c), 'staff.password-change', null);
      return c.body(null, 204);
    },
  );

  app.use('/users', requireRole('admin'));
  app.use('/users/*', requireRole('admin'));
  app.openapi(
    route({
      method: 'get',
      path: '/users',
      summary: 'All staff accounts (administrators)',
      responses: { 200: json(z.object({ users: z.array(StaffUser) }), 'Staff accounts.'), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await db.selectFrom('staff_users').selectAll().orderBy('name').orderBy('id').execute();
      return c.json({ users: rows.map(toStaffUser) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/users',
      summary: 'Create a staff account (administrators)',
      request: jsonBody(NewStaffUser),
      responses: { 201: json(UserBody, 'Created.'), ...errors(400, 401, 403, 409, 415) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        const row = await createStaffUser(db, input);
        await audit(db, actorOf(c), 'staff.create', `staff ${row.id}`, { email: row.email, role: row.role });
        return c.json({ user: toStaffUser(row) }, 201);
      } catch (err) {
        if (err instanceof EmailTakenError) throw new ApiError(409, 'email_taken', 'There is already a staff account with that e-mail address.');
        throw err;
      }
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/users/{id}',
      summary: 'Change a staff account’s name, role or access (administrators)',
      description:
        'Changes only the fields given; with none, nothing changes (and nothing is logged). Disabling an account ends its sessions. Administrators cannot take away their own administrator role or access.',
      request: { params: IdParam, ...jsonBody(StaffUserUpdate) },
      responses: { 200: json(UserBody, 'Changed.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const actor = actorOf(c);
      if (id === actor.id && ((change.role && change.role !== 'admin') || change.disabled)) {
        throw new ApiError(400, 'would_lock_out', 'You cannot remove your own administrator role or access.');
      }
      const existing = await findStaffById(db, id);
      if (!existing) throw new ApiError(404, 'not_found', 'There is no such staff account.');
      if (!(await updateStaffUser(db, id, change))) return c.json({ user: toStaffUser(existing) }, 200);
      if (change.disabled || (change.role && change.role !== existing.role)) await endAllSessions(db, id);
      await audit(db, actor, 'staff.update', `staff ${id}`, change);
      return c.json({ user: toStaffUser((await findStaffById(db, id))!) }, 200);
    },
  );

  app.use('/audit', requireRole('admin'));
  app.openapi(
    route({
      method: 'get',
      path: '/audit',
      summary: 'Who changed what, newest first (administrators)',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
      responses: { 200: json(z.object({ entries: z.array(AuditEntry) }), 'Audit entries.'), ...errors(400, 401, 403) },
    }),
    async (c) => c.json({ entries: await listAudit(db, c.req.valid('query').limit) }, 200),
  );

  app.use('/embed-info', anyStaff);
  app.openapi(
    route({
      method: 'get',
      path: '/embed-info',
      summary: 'What the embed-snippet builder needs',
      responses: { 200: json(EmbedInfo, 'Origins, loader and its SRI hash, tile sets, and the public petitions, budgets, polls and open surveys.'), ...errors(401) },
    }),
    async (c) => {
      const base = config.publicUrl.href.replace(/\/$/, '');
      const manifestPath = join(distDir, 'widgets/manifest.json');
      const manifest = existsSync(manifestPath)
        ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, { integrity: string }> })
        : undefined;
      const sets = await listTileSets(db);
      const petitions = await db
        .selectFrom('petitions')
        .select(['id', 'title'])
        .where('status', 'in', [...publicStatuses])
        .orderBy('opened_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      const budgets = await db
        .selectFrom('budgets')
        .select(['slug', 'title_sv'])
        .where('status', '!=', 'draft')
        .orderBy('created_at', 'desc')
        .orderBy('slug')
        .execute();
      const polls = await db.selectFrom('polls').select(['id', 'question_sv']).where('status', '!=', 'draft').orderBy('id', 'desc').execute();
      const surveys = await db
        .selectFrom('surveys')
        .select(['id', 'title_sv'])
        .where('audience', '=', 'open')
        .where('status', 'in', ['open', 'closed'])
        .orderBy('id', 'desc')
        .execute();
      return c.json(
        {
          origin: config.publicUrl.origin,
          loaderUrl: `${base}/widgets/medverka.js`,
          loaderIntegrity: manifest?.files['medverka.js']?.integrity ?? null,
          allowedOrigins: config.allowedOrigins,
          tileSets: sets.map((s) => ({ slug: s.slug, titleSv: s.title.sv })),
          petitions,
          budgets: budgets.map((b) => ({ slug: b.slug, title: b.title_sv })),
          polls: polls.map((p) => ({ id: p.id, question: p.question_sv })),
          surveys: surveys.map((s) => ({ id: s.id, title: s.title_sv })),
        },
        200,
      );
    },
  );

  return app;
}
