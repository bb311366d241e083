import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moveBudget, publishBudget, saveBudget } from '../../server/budgets/store.js';
import type { Role } from '../../server/staff/schemas.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { startConversation } from '../../server/chat/store.js';
import { createSurvey, moveSurvey } from '../../server/panel/store.js';
import { proposePetition } from '../../server/petitions/store.js';
import { fromAddress, testApp, testDatabases, using } from './helpers.js';
import { budgetInput, projectLine, sv } from './budget-fixtures.js';
import { cookieFrom, ownOrigin, seedStaff, signIn, staffAccounts, staffRequest } from './staff-helpers.js';

type ErrorJson = { error: { code: string; message: string; issues?: { path: string }[] } };

for (const database of testDatabases()) {
  async function setup(env: Record<string, string> = {}) {
    const t = await testApp(database, env);
    await t.db.deleteFrom('staff_users').execute();
    await t.db.deleteFrom('sign_in_failures').execute();
    await t.db.deleteFrom('audit_log').execute();
    await t.db.deleteFrom('tile_sets').execute();
    await seedDemoTiles(t.db);
    const ids = await seedStaff(t.db);
    return { ...t, ids };
  }

  describe(`staff sign-in and sessions on ${database.name}`, () => {
    it('signs in with a session cookie that scripts cannot read and other sites do not send', using(setup, async ({ app, db }) => {
      const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: 'ADMIN@kommun.test ', password: staffAccounts.admin.password } });
      assert.equal(res.status, 200);
      assert.deepEqual(((await res.json()) as { user: { role: string; email: string } }).user.role, 'admin');
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^medverka_staff=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'plain http in the tests');
      const me = await staffRequest(app, '/api/staff/me', { cookie: cookieFrom(res) });
      assert.equal(((await me.json()) as { user: { email: string } }).user.email, 'admin@kommun.test');
      const stored = await db.selectFrom('staff_sessions').select('id').execute();
      assert.equal(stored.length, 1);
      assert.ok(!cookie.includes(stored[0]!.id), 'the database holds a hash, not the token');
    }));

    it('marks the cookie Secure when the server is reached over HTTPS', using(() => setup({ PUBLIC_URL: 'https://dialog.test' }), async ({ app }) => {
      const res = await app.request('/api/staff/sign-in', {
        method: 'POST',
        headers: { Origin: 'https://dialog.test', 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: staffAccounts.admin.email, password: staffAccounts.admin.password }),
      });
      assert.match(res.headers.get('set-cookie') ?? '', /Secure/);
    }));

    it('gives the same answer for an unknown e-mail, a wrong password and a disabled account', using(setup, async ({ app, db, ids }) => {
      await db.updateTable('staff_users').set({ disabled: 1 }).where('id', '=', ids.moderator).execute();
      const answers = [];
      for (const body of [
        { email: 'nobody@kommun.test', password: 'whatever-password' },
        { email: staffAccounts.admin.email, password: 'wrong-password-123' },
        { email: staffAccounts.moderator.email, password: staffAccounts.moderator.password },
      ]) {
        const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body });
        answers.push([res.status, await res.json()]);
        assert.equal(res.headers.get('set-cookie'), null);
      }
      const [first, ...others] = answers.map(([status, body]) => JSON.stringify([status, { ...(body as ErrorJson).error }]));
      for (const other of others) assert.equal(other, first);
      assert.match(first!, /401.*wrong_credentials/);
    }));

    it('makes an account wait after ten failures, tells how long, and resets on success', using(setup, async ({ app }) => {
      const attempt = (password: string) =>
        staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: staffAccounts.admin.email, password } });
      for (let i = 0; i < 9; i++) assert.equal((await attempt('wrong-password-123')).status, 401);
      assert.equal((await attempt(staffAccounts.admin.password)).status, 200, 'nine failures still let the right password in');
      for (let i = 0; i < 10; i++) assert.equal((await attempt('wrong-password-123')).status, 401);
      const limited = await attempt(staffAccounts.admin.password);
      assert.equal(limited.status, 429);
      assert.equal(((await limited.json()) as ErrorJson).error.code, 'too_many_attempts');
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait > 800 && wait <= 900, `Retry-After ${wait}`);
      // Another account is not locked by someone guessing this one.
      assert.equal((await signIn(app, 'moderator')).length > 0, true);
    }));

    it('makes one address wait after fifty failures, whichever accounts it tries', using(() => setup({ TRUSTED_PROXIES: '10.0.0.1' }), async ({ app }) => {
      const from = (ip: string) => fromAddress(ip);
      for (let i = 0; i < 50; i++) {
        const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: `guess${i}@kommun.test`, password: 'x' } }, from('203.0.113.9'));
        assert.equal(res.status, 401);
      }
      const blocked = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: staffAccounts.admin }, from('203.0.113.9'));
      assert.equal(blocked.status, 429);
      const elsewhere = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: staffAccounts.admin }, from('198.51.100.4'));
      assert.equal(elsewhere.status, 200);
    }));

    it('rotates the session at sign-in: the cookie from before no longer works', using(setup, async ({ app }) => {
      const first = await signIn(app, 'admin');
      const res = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: staffAccounts.admin, cookie: first });
      const second = cookieFrom(res);
      assert.notEqual(second, first);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: first })).status, 401);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: second })).status, 200);
    }));

    it('ends a session that has been idle too long, and any session at its absolute end', using(() => setup({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' }), async ({ app, db }) => {
      const idle = await signIn(app, 'admin');
      await db.updateTable('staff_sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() }).execute();
      const res = await staffRequest(app, '/api/staff/me', { cookie: idle });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('set-cookie') ?? '', /medverka_staff=;/, 'the browser is told to forget it');
      assert.equal((await db.selectFrom('staff_sessions').select('id').execute()).length, 0);

      const busy = await signIn(app, 'admin');
      await db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: busy })).status, 401);

      const active = await signIn(app, 'admin');
      await db.updateTable('staff_sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000).toISOString() }).execute();
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: active })).status, 200);
      const seen = await db.selectFrom('staff_sessions').select('last_seen_at').executeTakeFirstOrThrow();
      assert.ok(Date.now() - Date.parse(seen.last_seen_at) < 5000, 'activity keeps it alive');
    }));

    it('signs out on the server, and everywhere', using(setup, async ({ app }) => {
      const a = await signIn(app, 'admin');
      const b = await signIn(app, 'admin');
      const out = await staffRequest(app, '/api/staff/sign-out', { method: 'POST', cookie: a });
      assert.equal(out.status, 204);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: a })).status, 401, 'the token is dead, not just the cookie');
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: b })).status, 200);
      const c = await signIn(app, 'admin');
      assert.equal((await staffRequest(app, '/api/staff/sign-out-everywhere', { method: 'POST', cookie: c })).status, 204);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: b })).status, 401);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: c })).status, 401);
    }));

    it('changes a password only with the current one, and ends the other sessions', using(setup, async ({ app, db }) => {
      const here = await signIn(app, 'moderator');
      const there = await signIn(app, 'moderator');
      const wrong = await staffRequest(app, '/api/staff/password', { method: 'POST', cookie: here, body: { currentPassword: 'nope-nope-nope', newPassword: 'ett-helt-nytt-lösenord' } });
      assert.equal(wrong.status, 403);
      const short = await staffRequest(app, '/api/staff/password', { method: 'POST', cookie: here, body: { currentPassword: staffAccounts.moderator.password, newPassword: 'kort' } });
      assert.equal(short.status, 400);
      assert.deepEqual(((await short.json()) as ErrorJson).error.issues?.map((i) => i.path), ['newPassword']);
      const ok = await staffRequest(app, '/api/staff/password', { method: 'POST', cookie: here, body: { currentPassword: staffAccounts.moderator.password, newPassword: 'ett-helt-nytt-lösenord' } });
      assert.equal(ok.status, 204);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: here })).status, 200);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: there })).status, 401);
      const old = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: staffAccounts.moderator });
      assert.equal(old.status, 401);
      const renewed = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: staffAccounts.moderator.email, password: 'ett-helt-nytt-lösenord' } });
      assert.equal(renewed.status, 200);
      const hash = await db.selectFrom('staff_users').select('password_hash').where('email', '=', staffAccounts.moderator.email).executeTakeFirstOrThrow();
      assert.match(hash.password_hash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!hash.password_hash.includes('lösenord'));
    }));
  });

  describe(`staff routes refuse what they must on ${database.name}`, () => {
    it('refuses cookie-authenticated writes from another origin, without an origin, or not as JSON', using(() => setup({ ALLOWED_ORIGINS: 'https://www.kommun.se' }), async ({ app, db }) => {
      const cookie = await signIn(app, 'admin');
      const body = JSON.stringify({ slug: 'ny', titleSv: 'Ny' });
      const attempts: [Record<string, string>, number, string][] = [
        [{ Origin: 'https://evil.example', 'Content-Type': 'application/json' }, 403, 'cross_origin_refused'],
        [{ Origin: 'https://www.kommun.se', 'Content-Type': 'application/json' }, 403, 'cross_origin_refused'],
        [{ Origin: 'null', 'Content-Type': 'application/json' }, 403, 'cross_origin_refused'],
        [{ 'Content-Type': 'application/json' }, 403, 'cross_origin_refused'],
        [{ Origin: ownOrigin, 'Content-Type': 'text/plain' }, 415, 'json_only'],
        [{ Origin: ownOrigin, 'Content-Type': 'application/x-www-form-urlencoded' }, 415, 'json_only'],
        [{ Origin: ownOrigin }, 415, 'json_only'],
      ];
      for (const [headers, status, code] of attempts) {
        const res = await app.request('/api/staff/tile-sets', { method: 'POST', headers: { ...headers, Cookie: cookie }, body });
        assert.equal(res.status, status, JSON.stringify(headers));
        assert.equal(((await res.json()) as ErrorJson).error.code, code);
      }
      assert.equal((await db.selectFrom('tile_sets').select('slug').where('slug', '=', 'ny').execute()).length, 0, 'nothing changed');
    }));

    it('checks the role on every staff route (anonymous, chat agent, moderator, administrator)', using(setup, async ({ app, db }) => {
      const tileId = (await db.selectFrom('tiles').select('id').executeTakeFirstOrThrow()).id;
      const tile = { titleSv: 'Ny ruta', icon: 'info', targetKind: 'link', href: '/ny' };
      const everyone: Role[] = ['admin', 'moderator', 'chat_agent'];
      const admins: Role[] = ['admin'];
      const matrix: [string, string, unknown, Role[]][] = [
        ['GET', '/api/staff/me', undefined, everyone],
        ['GET', '/api/staff/embed-info', undefined, everyone],
        ['GET', '/api/staff/counts', undefined, everyone],
        ['PATCH', '/api/staff/me', { name: 'Namn' }, everyone],
        ['POST', '/api/staff/password', { currentPassword: 'wrong-password', newPassword: 'ett-helt-nytt-lösenord' }, everyone],
        ['GET', '/api/staff/users', undefined, admins],
        ['POST', '/api/staff/users', { email: 'ny@kommun.test', name: 'Ny', role: 'moderator', password: 'ett-långt-lösenord' }, admins],
        ['PATCH', '/api/staff/users/999', { name: 'X' }, admins],
        ['GET', '/api/staff/audit', undefined, admins],
        ['GET', '/api/staff/tile-sets', undefined, admins],
        ['POST', '/api/staff/tile-sets', { slug: 'matris', titleSv: 'Matris' }, admins],
        ['GET', '/api/staff/tile-sets/engagera-dig', undefined, admins],
        ['PATCH', '/api/staff/tile-sets/engagera-dig', { titleSv: 'Engagera dig' }, admins],
        ['POST', '/api/staff/tile-sets/engagera-dig/tiles', tile, admins],
        ['PUT', `/api/staff/tiles/${tileId}`, tile, admins],
        ['PUT', '/api/staff/tile-sets/engagera-dig/order', { tileIds: [1] }, admins],
        ['DELETE', '/api/staff/tiles/999999', undefined, admins],
        ['DELETE', '/api/staff/tile-sets/finns-inte', undefined, admins],
        ['POST', '/api/staff/sign-out-everywhere', undefined, everyone],
      ];
      for (const who of ['anonymous', 'chat_agent', 'moderator', 'admin'] as const) {
        for (const [method, path, body] of matrix) {
          const cookie = who === 'anonymous' ? undefined : await signIn(app, who);
          const res = await staffRequest(app, path, { method, body, ...(cookie ? { cookie } : {}) });
          const allowed = who !== 'anonymous' && matrix.find((m) => m[0] === method && m[1] === path)![3].includes(who);
          const expected = who === 'anonymous' ? [401] : allowed ? null : [403];
          if (expected) assert.deepEqual([res.status], expected, `${who} ${method} ${path}`);
          else assert.ok(![401, 403].includes(res.status) || ((await res.clone().json()) as ErrorJson).error.code === 'wrong_password', `${who} ${method} ${path} → ${res.status}`);
        }
      }
    }));
  });

  describe(`the embed builder's budgets on ${database.name}`, () => {
    it('offers the budgets residents can see — open, closed and published, not drafts — newest first, to every role', using(setup, async ({ app, db }) => {
      await db.deleteFrom('budgets').execute();
      const budget = (slug: string, title: string) =>
        budgetInput({ slug, title: { sv: title, en: `${title} (en)` }, mode: 'projects', total: 1_000_000, items: [projectLine(null, 'Utegym', 400_000)] });
      // One after another, a millisecond apart, so "newest first" has one answer.
      const at = (n: number) => new Date(Date.UTC(2027, 0, 1, 12, 0, 0, n));
      await saveBudget(db, budget('utkast-2027', 'Utkastet'), at(1));
      await saveBudget(db, budget('oppen-2027', 'Den öppna'), at(2));
      await moveBudget(db, 'oppen-2027', 'open');
      await saveBudget(db, budget('stangd-2027', 'Den stängda'), at(3));
      await moveBudget(db, 'stangd-2027', 'open');
      await moveBudget(db, 'stangd-2027', 'closed');
      await saveBudget(db, budget('publicerad-2027', 'Den publicerade <script>'), at(4));
      await moveBudget(db, 'publicerad-2027', 'open');
      await moveBudget(db, 'publicerad-2027', 'closed');
      await publishBudget(db, 'publicerad-2027', { decision: { sv: 'Kommunen bygger utegymmet.', en: null }, selected: [] });

      for (const role of ['chat_agent', 'moderator', 'admin'] as const) {
        const res = await staffRequest(app, '/api/staff/embed-info', { cookie: await signIn(app, role) });
        assert.equal(res.status, 200, role);
        const info = (await res.json()) as { budgets: { slug: string; title: string }[] };
        assert.deepEqual(
          info.budgets,
          [
            { slug: 'publicerad-2027', title: 'Den publicerade <script>' },
            { slug: 'stangd-2027', title: 'Den stängda' },
            { slug: 'oppen-2027', title: 'Den öppna' },
          ],
          role,
        );
      }

      // Opening the draft puts it on offer too.
      await moveBudget(db, 'utkast-2027', 'open');
      const info = (await (await staffRequest(app, '/api/staff/embed-info', { cookie: await signIn(app, 'moderator') })).json()) as { budgets: { slug: string }[] };
      assert.deepEqual(info.budgets.map((b) => b.slug), ['publicerad-2027', 'stangd-2027', 'oppen-2027', 'utkast-2027']);
    }));
  });

  describe(`staff answers as the OpenAPI document says, on ${database.name}`, () => {
    // testApp() checks every answer against /api/openapi.json (openapi-check.ts): these ask for
    // what the document once got wrong, so each request here fails if the document is untrue.
    it('documents a draft budget, a survey with no feedback yet, and the CSV and pabulib downloads', using(setup, async ({ app, db }) => {
      const cookie = await signIn(app, 'admin');
      await db.deleteFrom('budgets').execute();
      await saveBudget(db, budgetInput({ slug: 'utkast-2027', title: sv('Utkastet'), mode: 'projects', total: 1_000_000, items: [projectLine(null, 'Utegym', 400_000)] }));
      const draft = await staffRequest(app, '/api/staff/budgets/utkast-2027', { cookie });
      assert.equal(draft.status, 200);
      assert.equal(((await draft.json()) as { budget: { status: string } }).budget.status, 'draft');
      for (const file of ['ballots.csv', 'results.csv', 'pabulib']) {
        assert.equal((await staffRequest(app, `/api/staff/budgets/utkast-2027/${file}`, { cookie })).status, 200, file);
      }
      assert.equal((await staffRequest(app, '/api/staff/budgets/utkast-2027/pabulib?district=1', { cookie })).status, 400);

      const id = await createSurvey(db, {
        title: { sv: 'Livet i Exempelby', en: null },
        intro: { sv: '', en: null },
        audience: 'panel',
        pages: [{ questions: [{ id: 'nojd', type: 'scale', text: { sv: 'Hur nöjd är du?', en: null }, required: true }] }],
      });
      const survey = await staffRequest(app, `/api/staff/surveys/${id}`, { cookie });
      assert.equal(survey.status, 200);
      assert.equal(((await survey.json()) as { survey: { feedback: unknown } }).survey.feedback, null);
      assert.equal((await staffRequest(app, `/api/staff/surveys/${id}/responses.csv`, { cookie })).status, 200);
      assert.equal((await staffRequest(app, '/api/staff/petitions/1/signatures.csv', { cookie })).status, 200);
    }));

    it('takes a write with no body without a Content-Type, still only from the console’s origin', using(setup, async ({ app, db }) => {
      const cookie = await signIn(app, 'admin');
      const foreign = await app.request('/api/staff/tile-sets/engagera-dig', { method: 'DELETE', headers: { Cookie: cookie, Origin: 'https://evil.example' } });
      assert.equal(foreign.status, 403);
      const none = await app.request('/api/staff/tile-sets/engagera-dig', { method: 'DELETE', headers: { Cookie: cookie } });
      assert.equal(none.status, 403);
      assert.equal((await db.selectFrom('tile_sets').select('slug').execute()).length, 1, 'nothing deleted');
      const deleted = await app.request('/api/staff/tile-sets/engagera-dig', { method: 'DELETE', headers: { Cookie: cookie, Origin: ownOrigin } });
      assert.equal(deleted.status, 204);
      const signedOut = await app.request('/api/staff/sign-out', { method: 'POST', headers: { Cookie: cookie, Origin: ownOrigin } });
      assert.equal(signedOut.status, 204);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie })).status, 401);
    }));
  });

  describe(`staff accounts and the audit log on ${database.name}`, () => {
    it('lets an administrator create staff, change roles and disable accounts, and records it', using(setup, async ({ app, ids }) => {
      const cookie = await signIn(app, 'admin');
      const created = await staffRequest(app, '/api/staff/users', { method: 'POST', cookie, body: { email: 'Ny.Person@Kommun.test', name: 'Ny Person', role: 'chat_agent', password: 'ett-långt-lösenord' } });
      assert.equal(created.status, 201);
      const user = ((await created.json()) as { user: { id: number; email: string } }).user;
      assert.equal(user.email, 'ny.person@kommun.test');
      const again = await staffRequest(app, '/api/staff/users', { method: 'POST', cookie, body: { email: 'ny.person@kommun.test', name: 'Dubblett', role: 'admin', password: 'ett-långt-lösenord' } });
      assert.equal(again.status, 409);

      const agentCookie = await signIn(app, 'chat_agent');
      const disabled = await staffRequest(app, `/api/staff/users/${ids.chat_agent}`, { method: 'PATCH', cookie, body: { disabled: true } });
      assert.equal(disabled.status, 200);
      assert.equal((await staffRequest(app, '/api/staff/me', { cookie: agentCookie })).status, 401, 'disabling ends their sessions');

      const promoted = await staffRequest(app, `/api/staff/users/${user.id}`, { method: 'PATCH', cookie, body: { role: 'moderator', name: 'Ny Moderator' } });
      assert.equal(((await promoted.json()) as { user: { role: string } }).user.role, 'moderator');
      const selfDemote = await staffRequest(app, `/api/staff/users/${ids.admin}`, { method: 'PATCH', cookie, body: { role: 'moderator' } });
      assert.equal(selfDemote.status, 400);
      const extra = await staffRequest(app, `/api/staff/users/${user.id}`, { method: 'PATCH', cookie, body: { password_hash: 'x' } });
      assert.equal(extra.status, 400, 'unknown fields are refused');

      const log = (await (await staffRequest(app, '/api/staff/audit', { cookie })).json()) as { entries: { actor: string; action: string; target: string }[] };
      const actions = log.entries.map((e) => `${e.actor} ${e.action} ${e.target}`);
      assert.ok(actions.includes(`admin@kommun.test staff.create staff ${user.id}`), actions.join('\n'));
      assert.ok(actions.includes(`admin@kommun.test staff.update staff ${ids.chat_agent}`));
      assert.ok(actions.includes('admin@kommun.test staff.sign-in null'));
      assert.ok(!JSON.stringify(log).includes('ett-långt-lösenord'), 'no password in the log');
    }));
  });

  describe(`what waits for review on ${database.name}`, () => {
    it('counts proposals awaiting moderation, waiting chats and survey drafts, each for the roles that handle them', using(setup, async ({ app, db }) => {
      await db.deleteFrom('chat_messages').execute();
      await db.deleteFrom('chat_conversations').execute();
      const counts = async (role: Role) => (await (await staffRequest(app, '/api/staff/counts', { cookie: await signIn(app, role) })).json()) as Record<string, number | null>;
      // Other tests in this file leave survey drafts in the same database: count from theirs.
      const drafts = (await counts('admin')).surveysAwaitingApproval as number;
      assert.deepEqual(await counts('admin'), { petitionsAwaitingModeration: 0, chatsWaiting: 0, surveysAwaitingApproval: drafts });

      const propose = (title: string) => proposePetition(db, { title, body: 'Det behövs fler bänkar att vila på.', name: 'G', email: 'g@example.se' }, 10);
      for (const title of ['Fler bänkar', 'Fler träd', 'Fler lampor']) {
        const { petitionId } = await propose(title);
        if (title !== 'Fler lampor') await db.updateTable('petitions').set({ status: 'awaiting_moderation' }).where('id', '=', petitionId).execute();
      }
      const waiting = await startConversation(db, { message: 'Hej', lang: 'sv' });
      await startConversation(db, { message: 'Hallå', lang: 'sv' });
      await db.updateTable('chat_conversations').set({ status: 'ongoing' }).where('id', '=', waiting.conversationId).execute();
      const survey = { title: { sv: 'Parkerna', en: null }, intro: { sv: '', en: null }, audience: 'panel' as const, pages: [{ questions: [{ id: 'p', type: 'single' as const, text: { sv: 'Vilken park?', en: null }, options: [{ sv: 'A', en: null }, { sv: 'B', en: null }], required: true }] }] };
      await createSurvey(db, survey);
      assert.ok(await moveSurvey(db, await createSurvey(db, survey), ['draft'], { status: 'approved' }));

      assert.deepEqual(await counts('admin'), { petitionsAwaitingModeration: 2, chatsWaiting: 1, surveysAwaitingApproval: drafts + 1 }, 'a draft proposal, an ongoing chat and an approved survey wait for no one');
      assert.deepEqual(await counts('moderator'), { petitionsAwaitingModeration: 2, chatsWaiting: null, surveysAwaitingApproval: drafts + 1 });
      assert.deepEqual(await counts('chat_agent'), { petitionsAwaitingModeration: null, chatsWaiting: 1, surveysAwaitingApproval: null });
      assert.equal((await staffRequest(app, '/api/staff/counts')).status, 401);
    }));
  });

  describe(`the name residents see on ${database.name}`, () => {
    it('lets every staff member set their own display name, or none, and records it', using(setup, async ({ app, db, ids }) => {
      const cookie = await signIn(app, 'chat_agent');
      const named = await staffRequest(app, '/api/staff/me', { method: 'PATCH', cookie, body: { name: '  Kim Karlsson ' } });
      assert.equal(named.status, 200);
      assert.equal(((await named.json()) as { user: { id: number; name: string } }).user.name, 'Kim Karlsson');
      assert.equal((await db.selectFrom('staff_users').select('name').where('id', '=', ids.chat_agent).executeTakeFirstOrThrow()).name, 'Kim Karlsson');
      const none = await staffRequest(app, '/api/staff/me', { method: 'PATCH', cookie, body: { name: '' } });
      assert.equal(((await none.json()) as { user: { name: string } }).user.name, '', 'no name: residents see the municipality');
      for (const body of [{}, { name: 'x'.repeat(101) }, { name: 7 }, { name: 'Kim', role: 'admin' }]) {
        const refused = await staffRequest(app, '/api/staff/me', { method: 'PATCH', cookie, body });
        assert.equal(refused.status, 400, JSON.stringify(body));
      }
      assert.deepEqual(await db.selectFrom('staff_users').select(['name', 'role']).where('id', '=', ids.chat_agent).executeTakeFirstOrThrow(), { name: '', role: 'chat_agent' }, 'a refusal changes nothing');
      assert.equal((await staffRequest(app, '/api/staff/me', { method: 'PATCH', body: { name: 'Kim' } })).status, 401);
      const admin = await signIn(app, 'admin');
      const log = (await (await staffRequest(app, '/api/staff/audit', { cookie: admin })).json()) as { entries: { actor: string; action: string; target: string; detail: unknown }[] };
      const names = log.entries.filter((e) => e.action === 'staff.name-change').map((e) => [e.actor, e.target, e.detail]);
      assert.deepEqual(names, [
        ['agent@kommun.test', `staff ${ids.chat_agent}`, { name: '' }],
        ['agent@kommun.test', `staff ${ids.chat_agent}`, { name: 'Kim Karlsson' }],
      ]);
    }));
  });

  describe(`partial changes to staff accounts on ${database.name}`, () => {
    it('takes a change with nothing in it as a no-op: 200, the account as it was, nothing logged', using(setup, async ({ app, db, ids }) => {
      const cookie = await signIn(app, 'admin');
      const before = (await (await staffRequest(app, '/api/staff/users', { cookie })).json()) as { users: { id: number }[] };
      await db.deleteFrom('audit_log').execute();
      const res = await staffRequest(app, `/api/staff/users/${ids.moderator}`, { method: 'PATCH', cookie, body: {} });
      assert.equal(res.status, 200);
      const { user } = (await res.json()) as { user: { id: number } };
      assert.deepEqual(user, before.users.find((u) => u.id === ids.moderator));
      assert.equal((await db.selectFrom('audit_log').select('action').execute()).length, 0, 'nothing changed, so nothing is logged');
      const missing = await staffRequest(app, '/api/staff/users/999999', { method: 'PATCH', cookie, body: {} });
      assert.equal(missing.status, 404);
      const named = await staffRequest(app, `/api/staff/users/${ids.moderator}`, { method: 'PATCH', cookie, body: { name: 'Moa Ny' } });
      assert.equal(((await named.json()) as { user: { name: string; role: string } }).user.name, 'Moa Ny');
    }));
  });

  describe(`the tiles editor's API on ${database.name}`, () => {
    it('creates a set, adds, edits, hides, reorders and deletes tiles, and the public API follows', using(setup, async ({ app }) => {
      const cookie = await signIn(app, 'admin');
      const req = (method: string, path: string, body?: unknown) => staffRequest(app, path, { method, cookie, body });
      assert.equal((await req('POST', '/api/staff/tile-sets', { slug: 'kultur', titleSv: 'Kultur', titleEn: 'Culture' })).status, 201);
      assert.equal((await req('POST', '/api/staff/tile-sets', { slug: 'kultur', titleSv: 'Igen' })).status, 409);
      const add = async (titleSv: string) => {
        const res = await req('POST', '/api/staff/tile-sets/kultur/tiles', { titleSv, icon: 'sparkles', targetKind: 'link', href: `https://www.kommun.se/${titleSv}` });
        assert.equal(res.status, 201);
        return ((await res.json()) as { tile: { id: number; position: number } }).tile;
      };
      const a = await add('a');
      const b = await add('b');
      const c = await add('c');
      assert.deepEqual([a.position, b.position, c.position], [1, 2, 3]);

      const edited = await req('PUT', `/api/staff/tiles/${b.id}`, { titleSv: 'B!', titleEn: 'B in English', icon: 'chat', targetKind: 'widget', widget: 'petitions', widgetAttributes: { status: 'open' }, href: '/reserv', colour: '#00664f' });
      assert.equal(edited.status, 200);
      await req('PUT', `/api/staff/tiles/${c.id}`, { titleSv: 'c', icon: 'sparkles', targetKind: 'link', href: '/c', hidden: true });
      assert.equal((await req('PUT', '/api/staff/tile-sets/kultur/order', { tileIds: [c.id, a.id] })).status, 400, 'every tile, once');
      assert.equal((await req('PUT', '/api/staff/tile-sets/kultur/order', { tileIds: [c.id, b.id, a.id] })).status, 200);

      const pub = (await (await app.request('/api/tile-sets/kultur')).json()) as { tiles: { title: { sv: string; en: string | null }; target: unknown }[] };
      assert.deepEqual(pub.tiles.map((t) => t.title.sv), ['B!', 'a'], 'hidden tile left out, new order kept');
      assert.deepEqual(pub.tiles[0]!.target, { kind: 'widget', widget: 'petitions', attributes: { status: 'open' }, href: '/reserv' });

      assert.equal((await req('DELETE', `/api/staff/tiles/${a.id}`)).status, 204);
      assert.equal((await req('DELETE', `/api/staff/tiles/${a.id}`)).status, 404);
      const staffView = (await (await req('GET', '/api/staff/tile-sets/kultur')).json()) as { tileSet: { tiles: { titleSv: string; hidden: boolean }[] } };
      assert.deepEqual(staffView.tileSet.tiles.map((t) => [t.titleSv, t.hidden]), [['c', true], ['B!', false]]);
      assert.equal((await req('DELETE', '/api/staff/tile-sets/kultur')).status, 204);
      assert.equal((await app.request('/api/tile-sets/kultur')).status, 404);

      const actions = ((await (await req('GET', '/api/staff/audit')).json()) as { entries: { action: string }[] }).entries.map((e) => e.action);
      for (const action of ['tile-set.create', 'tile.create', 'tile.update', 'tile-set.reorder', 'tile.delete', 'tile-set.delete']) assert.ok(actions.includes(action), action);
    }));

    it('refuses unsafe and incomplete tiles with 400, saying which field, and changes nothing', using(setup, async ({ app, db }) => {
      const cookie = await signIn(app, 'admin');
      const before = await db.selectFrom('tiles').selectAll().execute();
      const bad: [unknown, string][] = [
        [{ titleSv: 'x', icon: 'info', targetKind: 'link', href: 'javascript:alert(1)' }, 'href'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'link', href: 'data:text/html,<script>' }, 'href'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'link' }, 'href'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'widget' }, 'widget'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'widget', widget: 'petitions', widgetAttributes: { onclick: 'alert(1)' } }, 'widgetAttributes'],
        [{ titleSv: 'x', icon: 'not-an-icon', targetKind: 'link', href: '/x' }, 'icon'],
        [{ titleSv: '', icon: 'info', targetKind: 'link', href: '/x' }, 'titleSv'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'link', href: '/x', colour: 'red; background:url(x)' }, 'colour'],
        [{ titleSv: 'x'.repeat(201), icon: 'info', targetKind: 'link', href: '/x' }, 'titleSv'],
        [{ titleSv: 'x', icon: 'info', targetKind: 'link', href: '/x', position: 1 }, '(body)'],
      ];
      for (const [body, field] of bad) {
        const res = await staffRequest(app, '/api/staff/tile-sets/engagera-dig/tiles', { method: 'POST', cookie, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        const issues = ((await res.json()) as ErrorJson).error.issues?.map((i) => i.path) ?? [];
        assert.ok(issues.includes(field) || (field === '(body)' && issues.length > 0), `${JSON.stringify(body)} → ${issues.join(', ')}`);
      }
      const notJson = await app.request('/api/staff/tile-sets/engagera-dig/tiles', { method: 'POST', headers: { Origin: ownOrigin, 'Content-Type': 'application/json', Cookie: cookie }, body: '{"titleSv": ' });
      assert.equal(notJson.status, 400);
      assert.deepEqual(await db.selectFrom('tiles').selectAll().execute(), before);
    }));

    it('keeps hostile text verbatim as data; rendering it as text is the views’ job', using(setup, async ({ app }) => {
      const cookie = await signIn(app, 'admin');
      const payload = '<img src=x onerror="window.__xss=1"><script>alert(1)</script>';
      const res = await staffRequest(app, '/api/staff/tile-sets/engagera-dig/tiles', { method: 'POST', cookie, body: { titleSv: payload, descriptionSv: payload, icon: 'info', targetKind: 'link', href: '/x' } });
      assert.equal(res.status, 201);
      const pub = await app.request('/api/tile-sets/engagera-dig');
      assert.match(pub.headers.get('content-type') ?? '', /application\/json/);
      assert.ok(((await pub.json()) as { tiles: { title: { sv: string } }[] }).tiles.some((t) => t.title.sv === payload));
    }));
  });
}
