import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import { chatTokenHeader } from '../../server/chat/routes.js';
import type { ChatMessage, ChatStarted as Started, ChatStatus, StaffConversation } from '../../server/chat/schemas.js';
import { addMessage, startConversation } from '../../server/chat/store.js';
import type { Db } from '../../server/db/index.js';
import { createStaffUser } from '../../server/staff/store.js';
import { fromAddress, openDatabase, pow, powPost, testApp, testDatabases, testMailbox } from './helpers.js';
import { follow, serveApp, withServer } from './sse-client.js';
import { seedStaff, signIn, staffAccounts, staffRequest } from './staff-helpers.js';

const mailbox = testMailbox();

type Page = Awaited<ReturnType<typeof follow>>;
type ErrorJson = { error: { status: number; code: string; issues?: { path: string }[] } };

/** The staff members every test uses; made once per database. */
async function staffIn(db: Db) {
  const existing = await db.selectFrom('staff_users').select(['id', 'email']).execute();
  if (existing.length === 0) return seedStaff(db);
  return Object.fromEntries(Object.entries(staffAccounts).map(([role, account]) => [role, existing.find((u) => u.email === account.email)!.id])) as Awaited<ReturnType<typeof seedStaff>>;
}

const stockholmTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

for (const database of testDatabases()) {
  describe(`chat for the contact centre on ${database.name}`, () => {
    it('lives a whole conversation: inbox, claim, answer over the resident’s events, transfer, close, rating and transcript', async () => {
      const db = await openDatabase(database);
      const ids = await staffIn(db);
      const server = await serveApp(database, db, { SMTP_URL: mailbox.smtp.url });
      const origin = 'http://127.0.0.1';
      const signInAs = async (role: keyof typeof staffAccounts) => {
        const { email, password } = staffAccounts[role];
        const res = await fetch(`${server.url}/api/staff/sign-in`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
        assert.equal(res.status, 200);
        return res.headers.get('set-cookie')!.split(';')[0]!;
      };
      const pages: Page[] = [];
      try {
        const agent = await signInAs('chat_agent');
        const admin = await signInAs('admin');
        const staff = (cookie: string, method: string, path: string, body?: unknown) =>
          fetch(`${server.url}${path}`, { method, headers: { Cookie: cookie, ...(method === 'GET' ? {} : { Origin: origin, 'Content-Type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

        // The agent watches the inbox; a resident starts a conversation.
        const inbox = await follow(`${server.url}/api/staff/chat/inbox`, { Cookie: agent });
        pages.push(inbox);
        assert.equal(inbox.res.status, 200);
        const before = await inbox.nth<{ conversations: StaffConversation[] }>('inbox', 1, 'the inbox on connecting');
        // Both databases' runs share the mail server, so each has an address of its own.
        const rut = `rut.${database.name}@example.se`;
        const challenge = await pow({ request: (path: string) => fetch(`${server.url}${path}`) });
        const res = await fetch(`${server.url}/api/chat/conversations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [powHeader]: challenge },
          body: JSON.stringify({ name: 'Rut', email: rut, message: 'Hej! Jag undrar över bygglovet.\nDet gäller Storgatan 1.', lang: 'sv' }),
        });
        assert.equal(res.status, 201);
        const started = (await res.json()) as Started;
        const { id } = started.conversation;
        const arrived = await inbox.nth<{ conversations: StaffConversation[] }>('inbox', 2, 'the inbox after the conversation started');
        const inInbox = arrived.conversations.find((c) => c.id === id);
        assert.ok(inInbox, 'the new conversation is in the inbox');
        assert.equal(arrived.conversations.length, before.conversations.length + 1);
        assert.deepEqual({ ...inInbox, createdAt: typeof inInbox.createdAt, lastMessageAt: typeof inInbox.lastMessageAt }, {
          id,
          status: 'waiting',
          name: 'Rut',
          email: rut,
          lang: 'sv',
          agent: null,
          createdAt: 'string',
          lastMessageAt: 'string',
          closedAt: null,
          preview: 'Hej! Jag undrar över bygglovet.\nDet gäller Storgatan 1.',
          rating: null,
        });

        const resident = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${started.token}`);
        pages.push(resident);
        assert.deepEqual(await resident.nth<ChatStatus>('status', 1, 'the status on connecting'), { status: 'waiting', agentName: null, email: rut });
        await resident.nth<ChatMessage>('message', 1, 'the first message');

        // The agent claims it: the resident sees the agent join and the status change.
        const claim = await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/claim`);
        assert.equal(claim.status, 200);
        const claimedBody = (await claim.json()) as { conversation: StaffConversation };
        assert.deepEqual([claimedBody.conversation.status, claimedBody.conversation.agent], ['ongoing', { id: ids.chat_agent, name: 'Chris Chatt' }]);
        assert.deepEqual(await resident.nth<ChatStatus>('status', 2, 'ongoing'), { status: 'ongoing', agentName: 'Chris Chatt', email: rut });
        const joined = await resident.nth<ChatMessage>('message', 2, 'the joined message');
        assert.deepEqual([joined.author, joined.body, joined.staffName], ['system', 'joined', 'Chris Chatt']);
        assert.equal((await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/claim`)).status, 200, 'claiming one’s own again is fine');
        const taken = await staff(admin, 'POST', `/api/staff/chat/conversations/${id}/claim`);
        assert.equal(taken.status, 409);
        assert.equal(((await taken.json()) as ErrorJson).error.code, 'conversation_claimed');

        // The agent answers; the personnummer is masked there too.
        const reply = await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Hej Rut! Gäller det 19811218-9876?' });
        assert.equal(reply.status, 201);
        const answer = await resident.nth<ChatMessage>('message', 3, 'the answer');
        assert.deepEqual([answer.author, answer.staffName, answer.body, answer.masked], ['staff', 'Chris Chatt', 'Hej Rut! Gäller det XXXXXX-XXXX?', true]);
        assert.equal(resident.ofKind('status').length, 2, 'no status event when the status did not change');
        const other = await staff(admin, 'POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Jag tar det!' });
        assert.equal(other.status, 409);
        assert.equal(((await other.json()) as ErrorJson).error.code, 'conversation_claimed');

        // The staff's own view follows it the same way.
        const console = await follow(`${server.url}/api/staff/chat/conversations/${id}/events`, { Cookie: admin });
        pages.push(console);
        assert.deepEqual(await console.nth<ChatStatus>('status', 1, 'staff status'), { status: 'ongoing', agentName: 'Chris Chatt', email: rut });
        await console.nth<ChatMessage>('message', 3, 'the messages so far');

        // Handed to the administrator.
        for (const to of [ids.moderator, 999_999]) {
          const wrong = await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/transfer`, { to });
          assert.equal(wrong.status, 400, `not to ${to}`);
          assert.equal(((await wrong.json()) as ErrorJson).error.issues?.[0]?.path, 'to');
        }
        const agents = (await (await staff(agent, 'GET', '/api/staff/chat/agents')).json()) as { agents: { id: number; name: string }[] };
        assert.deepEqual(agents.agents.map((a) => a.name).sort(), ['Anna Admin', 'Chris Chatt']);
        const moved = await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/transfer`, { to: ids.admin });
        assert.equal(moved.status, 200);
        assert.deepEqual(((await moved.json()) as { conversation: StaffConversation }).conversation.agent, { id: ids.admin, name: 'Anna Admin' });
        assert.deepEqual(await resident.nth<ChatStatus>('status', 3, 'the new agent'), { status: 'ongoing', agentName: 'Anna Admin', email: rut });
        const transferred = await resident.nth<ChatMessage>('message', 4, 'the transfer');
        assert.deepEqual([transferred.author, transferred.body, transferred.staffName], ['system', 'transferred', 'Anna Admin']);
        assert.equal((await console.nth<ChatStatus>('status', 2, 'staff sees the transfer')).agentName, 'Anna Admin');
        assert.equal((await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Hallå?' })).status, 409, 'no longer the agent’s');

        const write = (body: unknown) => fetch(`${server.url}/api/chat/conversations/${id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', [chatTokenHeader]: started.token }, body: JSON.stringify(body) });
        const residentPost = (path: string, body: unknown) => fetch(`${server.url}/api/chat/conversations/${id}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [chatTokenHeader]: started.token }, body: JSON.stringify(body) });
        assert.equal((await write({ body: 'Tack, det var allt.' })).status, 201);
        await resident.nth<ChatMessage>('message', 5, 'the resident’s thanks');

        // Not before it has ended.
        const early = await residentPost('transcript', { email: rut });
        assert.equal(early.status, 409);
        assert.equal(((await early.json()) as ErrorJson).error.code, 'conversation_open');
        assert.equal(((await (await residentPost('rating', { rating: 5 })).json()) as ErrorJson).error.code, 'conversation_open');

        // The administrator closes it.
        const closing = await staff(admin, 'POST', `/api/staff/chat/conversations/${id}/close`);
        assert.equal(closing.status, 200);
        assert.equal(((await closing.json()) as { conversation: StaffConversation }).conversation.status, 'closed');
        assert.deepEqual(await resident.nth<ChatStatus>('status', 4, 'closed'), { status: 'closed', agentName: 'Anna Admin', email: rut });
        const ended = await resident.nth<ChatMessage>('message', 6, 'the end');
        assert.deepEqual([ended.author, ended.body, ended.staffName], ['system', 'ended-by-staff', 'Anna Admin']);
        assert.equal((await staff(admin, 'POST', `/api/staff/chat/conversations/${id}/close`)).status, 200, 'closing again changes nothing');
        for (const [res, what] of [
          [await write({ body: 'En sak till' }), 'the resident writes'],
          [await staff(admin, 'POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Hej igen' }), 'staff write'],
          [await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/claim`), 'a claim'],
          [await staff(agent, 'POST', `/api/staff/chat/conversations/${id}/transfer`, { to: ids.chat_agent }), 'a transfer'],
        ] as const) {
          assert.equal(res.status, 409, what);
          assert.equal(((await res.json()) as ErrorJson).error.code, 'conversation_closed', what);
        }
        assert.equal((await residentPost('end', {})).status, 200, 'the resident ending it too is fine');
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(resident.ofKind('message').length, 6, 'nothing more was said');
        assert.equal(resident.ofKind('status').length, 4);

        // Rating: whole numbers 1 to 5; a second one replaces the first.
        for (const rating of [0, 6, 2.5, '5', null]) assert.equal((await residentPost('rating', { rating })).status, 400, `rating ${String(rating)}`);
        assert.equal((await residentPost('rating', {})).status, 400);
        const rated = await residentPost('rating', { rating: 4 });
        assert.deepEqual([rated.status, await rated.json()], [200, { rating: 4 }]);
        assert.equal((await residentPost('rating', { rating: 5 })).status, 200);
        const closedList = (await (await staff(agent, 'GET', '/api/staff/chat/conversations?status=closed')).json()) as { conversations: StaffConversation[] };
        const inClosed = closedList.conversations.find((c) => c.id === id)!;
        assert.deepEqual([inClosed.rating, inClosed.status, inClosed.preview, typeof inClosed.closedAt], [5, 'closed', 'ended-by-staff', 'string']);
        const openList = (await (await staff(agent, 'GET', '/api/staff/chat/conversations')).json()) as { conversations: StaffConversation[] };
        assert.ok(!openList.conversations.some((c) => c.id === id));

        // The transcript, in Swedish, with the codes in words and Stockholm times, goes to the
        // address given at the start and to no other: not to a stranger's, however often asked.
        const stranger = `okand.${database.name}@example.se`;
        for (const email of [stranger, 'rut@mailinator.com', `RUT.${database.name}@example.se.evil.test`]) {
          const refused = await residentPost('transcript', { email });
          assert.equal(refused.status, 409, email);
          assert.equal(((await refused.json()) as ErrorJson).error.code, 'transcript_other_address', email);
        }
        assert.equal((await residentPost('transcript', { email: 'inte en adress' })).status, 400);
        assert.equal((await db.selectFrom('chat_conversations').select('transcripts_sent').where('id', '=', id).executeTakeFirstOrThrow()).transcripts_sent, 0, 'a refusal counts nothing');
        const sent = await fetch(`${server.url}/api/chat/conversations/${id}/transcript`, { method: 'POST', headers: { [chatTokenHeader]: started.token } });
        assert.deepEqual([sent.status, await sent.json()], [202, { sent: true, to: rut }], 'no body: to the address from the start');
        const kopia = rut;
        const mail = await mailbox.smtp.waitFor((m) => m.envelope.to.includes(kopia));
        assert.equal(mail.subject, 'Ditt chattsamtal med kommunen');
        const { messages } = (await (await staff(admin, 'GET', `/api/staff/chat/conversations/${id}`)).json()) as { messages: ChatMessage[] };
        assert.equal(messages.length, 6);
        const t = (n: number) => `[${stockholmTime(messages[n]!.createdAt)}]`;
        for (const line of [
          `${t(0)} Rut: Hej! Jag undrar över bygglovet.\n    Det gäller Storgatan 1.`,
          `${t(1)} Kontaktcenter: Chris Chatt anslöt till samtalet.`,
          `${t(2)} Chris Chatt: Hej Rut! Gäller det XXXXXX-XXXX?`,
          `${t(3)} Kontaktcenter: Samtalet flyttades till Anna Admin.`,
          `${t(4)} Rut: Tack, det var allt.`,
          `${t(5)} Kontaktcenter: Anna Admin avslutade samtalet.`,
        ]) {
          assert.ok(mail.text.includes(line), `the transcript has ${JSON.stringify(line)}:\n${mail.text}`);
        }
        assert.ok(!mail.text.includes('9876'));
        assert.equal(mail.html, undefined, 'plain text');

        // At most three; naming the address from the start (in any case) is fine.
        assert.equal((await residentPost('transcript', { email: kopia.toUpperCase() })).status, 202);
        assert.equal((await residentPost('transcript', {})).status, 202);
        const fourth = await residentPost('transcript', { email: kopia });
        assert.equal(fourth.status, 429);
        assert.equal(((await fourth.json()) as ErrorJson).error.code, 'transcript_limit');
        assert.equal((await db.selectFrom('chat_conversations').select('transcripts_sent').where('id', '=', id).executeTakeFirstOrThrow()).transcripts_sent, 3);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(
          mailbox.smtp.messages.filter((m) => m.subject === 'Ditt chattsamtal med kommunen' && m.envelope.to.some((to) => to.includes(`.${database.name}@`) || to.includes('mailinator'))).map((m) => m.envelope.to),
          [[kopia], [kopia], [kopia]],
          'every transcript went to the address from the start, and only there',
        );
      } finally {
        for (const page of pages) await page.close();
        await server.close();
        await db.destroy();
      }
    });

    it('lets the resident end a conversation, once, and tells both sides', () =>
      withServer(database, async (db, server) => {
        const { conversationId: id, token } = await startConversation(db, { message: 'Hej', lang: 'en' });
        const page = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${token}`);
        await page.nth('message', 1, 'the first message');
        const end = (key: string, body?: string) =>
          fetch(`${server.url}/api/chat/conversations/${id}/end`, { method: 'POST', headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), [chatTokenHeader]: key }, ...(body === undefined ? {} : { body }) });
        assert.equal((await end('C'.repeat(43), '{}')).status, 404, 'a wrong key ends nothing');
        assert.equal((await end(token, '{"now":true}')).status, 400);
        const res = await end(token, '{}');
        assert.deepEqual([res.status, await res.json()], [200, { conversation: { id, status: 'closed' } }]);
        assert.deepEqual(await page.nth<ChatStatus>('status', 2, 'closed'), { status: 'closed', agentName: null, email: null });
        const ended = await page.nth<ChatMessage>('message', 2, 'the end');
        assert.deepEqual([ended.author, ended.body, ended.staffName], ['system', 'ended-by-resident', null]);
        assert.equal((await end(token)).status, 200, 'again, and without a body');
        // Started without an address: there is nowhere the transcript may go.
        for (const body of [undefined, '{}', '{"email":"rut@example.se"}']) {
          const refused = await fetch(`${server.url}/api/chat/conversations/${id}/transcript`, { method: 'POST', headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), [chatTokenHeader]: token }, ...(body ? { body } : {}) });
          assert.equal(refused.status, 409, String(body));
          assert.equal(((await refused.json()) as ErrorJson).error.code, 'transcript_no_address', String(body));
        }
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(page.ofKind('message').length, 2);
        await page.close();
      }),
    );

    it('names no one to the resident when the agent’s account has no name (the first administrator without ADMIN_NAME)', () =>
      withServer(database, async (db, server) => {
        const nameless = await createStaffUser(db, { email: `utan.namn.${database.name}@kommun.test`, name: '', role: 'admin', password: 'ett-långt-lösenord' });
        const res = await fetch(`${server.url}/api/staff/sign-in`, { method: 'POST', headers: { Origin: 'http://127.0.0.1', 'Content-Type': 'application/json' }, body: JSON.stringify({ email: nameless.email, password: 'ett-långt-lösenord' }) });
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const staff = (method: string, path: string, body?: unknown) =>
          fetch(`${server.url}${path}`, { method, headers: { Cookie: cookie, Origin: 'http://127.0.0.1', 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        const { conversationId: id, token } = await startConversation(db, { message: 'Hej', lang: 'sv' });
        const page = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${token}`);
        await page.nth('message', 1, 'the question');
        assert.equal((await staff('POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Hej! Vad gäller det?' })).status, 201);
        const [joined, answer] = [await page.nth<ChatMessage>('message', 2, 'joined'), await page.nth<ChatMessage>('message', 3, 'the answer')];
        assert.deepEqual([joined.body, joined.staffName, answer.staffName], ['joined', null, null], 'the resident sees “Kommunen”, not a role or an empty name');
        assert.deepEqual(await page.nth<ChatStatus>('status', 2, 'ongoing'), { status: 'ongoing', agentName: null, email: null });
        await page.close();
        // Once the account has a name, that is what the resident sees.
        assert.equal((await staff('PATCH', '/api/staff/me', { name: 'Kim Karlsson' })).status, 200);
        assert.equal((await staff('POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Jag heter Kim.' })).status, 201);
        const again = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${token}&after=0`);
        assert.equal((await again.nth<ChatMessage>('message', 4, 'the named answer')).staffName, 'Kim Karlsson');
        assert.equal((await again.nth<ChatStatus>('status', 1, 'the status')).agentName, 'Kim Karlsson');
        await again.close();
      }),
    );

    it('keeps the chat to chat agents and administrators, and refuses bad input changing nothing', async () => {
      const { app, db } = await testApp(database);
      try {
        const ids = await staffIn(db);
        const { conversationId: id } = await startConversation(db, { message: 'Hej', lang: 'sv' });
        const moderator = await signIn(app, 'moderator');
        const agent = await signIn(app, 'chat_agent');
        for (const [method, path, body] of [
          ['GET', '/api/staff/chat/conversations', undefined],
          ['GET', '/api/staff/chat/inbox', undefined],
          ['GET', `/api/staff/chat/conversations/${id}`, undefined],
          ['GET', `/api/staff/chat/conversations/${id}/events`, undefined],
          ['POST', `/api/staff/chat/conversations/${id}/claim`, undefined],
          ['POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'Hej' }],
          ['POST', `/api/staff/chat/conversations/${id}/transfer`, { to: ids.chat_agent }],
          ['POST', `/api/staff/chat/conversations/${id}/close`, undefined],
          ['GET', '/api/staff/chat/agents', undefined],
          ['GET', '/api/staff/chat/canned-answers', undefined],
          ['POST', '/api/staff/chat/canned-answers', { title: 'x', body: 'y' }],
          ['PUT', '/api/staff/chat/canned-answers/1', { title: 'x', body: 'y' }],
          ['DELETE', '/api/staff/chat/canned-answers/1', undefined],
          ['GET', '/api/staff/chat/cases', undefined],
        ] as const) {
          const forbidden = await staffRequest(app, path, { method, body, cookie: moderator });
          assert.equal(forbidden.status, 403, `moderator: ${method} ${path}`);
          assert.equal(((await forbidden.json()) as ErrorJson).error.code, 'forbidden');
          assert.equal((await staffRequest(app, path, { method, body })).status, 401, `signed out: ${method} ${path}`);
        }
        const crossSite = await app.request(`/api/staff/chat/conversations/${id}/claim`, { method: 'POST', headers: { Origin: 'https://evil.test', 'Content-Type': 'application/json', Cookie: agent } });
        assert.equal(crossSite.status, 403);
        for (const [method, path, body, status] of [
          ['GET', '/api/staff/chat/conversations?status=all', undefined, 400],
          ['GET', '/api/staff/chat/conversations/abc', undefined, 400],
          ['GET', '/api/staff/chat/conversations/99999999', undefined, 404],
          ['GET', '/api/staff/chat/conversations/99999999999', undefined, 400],
          ['POST', '/api/staff/chat/conversations/99999999/claim', undefined, 404],
          ['POST', '/api/staff/chat/conversations/99999999/close', undefined, 404],
          ['POST', `/api/staff/chat/conversations/${id}/messages`, { body: '' }, 400],
          ['POST', `/api/staff/chat/conversations/${id}/messages`, { body: 'x'.repeat(2001) }, 400],
          ['POST', `/api/staff/chat/conversations/${id}/messages`, { text: 'Hej' }, 400],
          ['POST', `/api/staff/chat/conversations/${id}/transfer`, { to: 'Anna' }, 400],
          ['POST', `/api/staff/chat/conversations/${id}/transfer`, {}, 400],
        ] as const) {
          const res = await staffRequest(app, path, { method, body, cookie: agent });
          assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}`);
          assert.equal(((await res.json()) as ErrorJson).error.status, status);
        }
        const row = await db.selectFrom('chat_conversations').select(['status', 'assigned_to']).where('id', '=', id).executeTakeFirstOrThrow();
        assert.deepEqual(row, { status: 'waiting', assigned_to: null }, 'nothing changed');
        assert.equal((await db.selectFrom('chat_messages').select('id').where('conversation_id', '=', id).execute()).length, 1);
        // The resident's rating and transcript refuse the same way.
        const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
        for (const path of [
          '/api/chat/conversations/{id}/end',
          '/api/chat/conversations/{id}/transcript',
          '/api/chat/conversations/{id}/rating',
          '/api/chat/cases',
          '/api/staff/chat/conversations',
          '/api/staff/chat/inbox',
          '/api/staff/chat/conversations/{id}',
          '/api/staff/chat/conversations/{id}/events',
          '/api/staff/chat/conversations/{id}/claim',
          '/api/staff/chat/conversations/{id}/messages',
          '/api/staff/chat/conversations/{id}/transfer',
          '/api/staff/chat/conversations/{id}/close',
          '/api/staff/chat/agents',
          '/api/staff/chat/canned-answers',
          '/api/staff/chat/canned-answers/{id}',
          '/api/staff/chat/cases',
        ]) {
          assert.ok(doc.paths[path], `${path} is in the OpenAPI document`);
        }
      } finally {
        await db.destroy();
      }
    });

    it('lets exactly one of two agents claiming at once have the conversation, and lists the waiting oldest first', async () => {
      const { app, db } = await testApp(database);
      try {
        await staffIn(db);
        const second = (await db.selectFrom('staff_users').select('id').where('email', '=', 'agent2@kommun.test').executeTakeFirst()) ?? (await createStaffUser(db, { email: 'agent2@kommun.test', name: 'Dana Chatt', role: 'chat_agent', password: 'agent2-lösenord-123' }));
        assert.ok(second.id);
        const one = await signIn(app, 'chat_agent');
        const res2 = await staffRequest(app, '/api/staff/sign-in', { method: 'POST', body: { email: 'agent2@kommun.test', password: 'agent2-lösenord-123' } });
        const two = res2.headers.get('set-cookie')!.split(';')[0]!;
        const older = await startConversation(db, { message: 'Först', lang: 'sv' }, new Date(Date.now() - 60_000));
        const newer = await startConversation(db, { message: 'Sedan', lang: 'sv' });
        const list = (await (await staffRequest(app, '/api/staff/chat/conversations', { cookie: one })).json()) as { conversations: StaffConversation[] };
        const mine = list.conversations.filter((c) => [older.conversationId, newer.conversationId].includes(c.id)).map((c) => c.id);
        assert.deepEqual(mine, [older.conversationId, newer.conversationId], 'oldest waiting first');

        const results = await Promise.all([one, two].map((cookie) => staffRequest(app, `/api/staff/chat/conversations/${newer.conversationId}/claim`, { method: 'POST', cookie })));
        assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
        const loser = results.find((r) => r.status === 409)!;
        assert.equal(((await loser.json()) as ErrorJson).error.code, 'conversation_claimed');
        const joined = await db.selectFrom('chat_messages').select('body').where('conversation_id', '=', newer.conversationId).where('author', '=', 'system').execute();
        assert.equal(joined.length, 1, 'one joined message');

        // Writing in a waiting conversation claims it first.
        const wrote = await staffRequest(app, `/api/staff/chat/conversations/${older.conversationId}/messages`, { method: 'POST', cookie: two, body: { body: 'Hej, jag heter Dana.' } });
        assert.equal(wrote.status, 201);
        const detail = (await (await staffRequest(app, `/api/staff/chat/conversations/${older.conversationId}`, { cookie: one })).json()) as { conversation: StaffConversation; messages: ChatMessage[] };
        assert.deepEqual([detail.conversation.status, detail.conversation.agent?.name, detail.conversation.preview], ['ongoing', 'Dana Chatt', 'Hej, jag heter Dana.']);
        assert.deepEqual(detail.messages.map((m) => [m.author, m.body]), [['resident', 'Först'], ['system', 'joined'], ['staff', 'Hej, jag heter Dana.']]);
        const after = (await (await staffRequest(app, '/api/staff/chat/conversations', { cookie: one })).json()) as { conversations: StaffConversation[] };
        const waitingFirst = after.conversations.map((c) => c.status);
        assert.deepEqual(waitingFirst, [...waitingFirst].sort((a, b) => (a === 'waiting' ? 0 : 1) - (b === 'waiting' ? 0 : 1)), 'waiting before ongoing');
        // A long last message is cut for the preview.
        await addMessage(db, older.conversationId, 'resident', null, 'å'.repeat(300));
        const long = (await (await staffRequest(app, `/api/staff/chat/conversations/${older.conversationId}`, { cookie: one })).json()) as { conversation: StaffConversation };
        assert.equal([...long.conversation.preview].length, 140);
        for (const c of [older, newer]) await db.updateTable('chat_conversations').set({ status: 'closed', closed_at: new Date().toISOString() }).where('id', '=', c.conversationId).execute();
      } finally {
        await db.destroy();
      }
    });

    it('keeps canned answers: two seeded, and agents write, change and remove their own', async () => {
      const { app, db } = await testApp(database);
      try {
        await staffIn(db);
        const agent = await signIn(app, 'chat_agent');
        const list = async () => ((await (await staffRequest(app, '/api/staff/chat/canned-answers', { cookie: agent })).json()) as { answers: { id: number; title: string; body: string }[] }).answers;
        const seeded = await list();
        assert.deepEqual(seeded.map((a) => a.title), ['Avslutning', 'Hälsning']);
        assert.ok(seeded.every((a) => a.body.length > 10));

        const created = await staffRequest(app, '/api/staff/chat/canned-answers', { method: 'POST', cookie: agent, body: { title: 'Bygglov', body: 'Om bygglov kan du läsa på kommunens webbplats.' } });
        assert.equal(created.status, 201);
        const { answer } = (await created.json()) as { answer: { id: number; title: string; body: string } };
        assert.deepEqual({ title: answer.title, body: answer.body }, { title: 'Bygglov', body: 'Om bygglov kan du läsa på kommunens webbplats.' });
        for (const body of [{ title: '', body: 'x' }, { title: 'x', body: '' }, { title: 'x'.repeat(101), body: 'x' }, { title: 'x', body: 'y', extra: 1 }, { title: 'x' }]) {
          assert.equal((await staffRequest(app, '/api/staff/chat/canned-answers', { method: 'POST', cookie: agent, body })).status, 400, JSON.stringify(body));
        }
        const changed = await staffRequest(app, `/api/staff/chat/canned-answers/${answer.id}`, { method: 'PUT', cookie: agent, body: { title: 'Bygglov och marklov', body: 'Läs mer på kommunens webbplats.' } });
        assert.equal(changed.status, 200);
        assert.equal(((await changed.json()) as { answer: { title: string } }).answer.title, 'Bygglov och marklov');
        assert.equal((await staffRequest(app, `/api/staff/chat/canned-answers/99999999`, { method: 'PUT', cookie: agent, body: { title: 'x', body: 'y' } })).status, 404);
        assert.deepEqual((await list()).map((a) => a.title), ['Avslutning', 'Bygglov och marklov', 'Hälsning']);
        assert.equal((await staffRequest(app, `/api/staff/chat/canned-answers/${answer.id}`, { method: 'DELETE', cookie: agent })).status, 204);
        const again = await staffRequest(app, `/api/staff/chat/canned-answers/${answer.id}`, { method: 'DELETE', cookie: agent });
        assert.equal(again.status, 404);
        assert.equal(((await again.json()) as ErrorJson).error.code, 'canned_answer_not_found');
        assert.deepEqual((await list()).map((a) => a.title), ['Avslutning', 'Hälsning']);
      } finally {
        await db.destroy();
      }
    });

    it('mails a message left while closed to CHAT_CASE_EMAIL, with a receipt in the resident’s language', async () => {
      const { app, db, close } = await mailbox.app(database, { POW_MAX_NUMBER: '1000', CHAT_CASE_EMAIL: 'kontaktcenter@kommun.test' });
      try {
        await staffIn(db);
        const leave = (body: unknown, withPow = true) =>
          withPow ? powPost(app, '/api/chat/cases', body) : app.request('/api/chat/cases', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, fromAddress('198.51.100.250'));
        const sam = `sam.${database.name}@example.se`;
        const count = async () => (await db.selectFrom('chat_cases').select('id').execute()).length;
        const before = await count();
        for (const [body, withPow, code] of [
          [{ email: 'sam@example.se', message: 'Hej', lang: 'en' }, false, null],
          [{ message: 'Hej', lang: 'en' }, true, 'invalid_request'],
          [{ email: 'sam@example.se', message: '', lang: 'en' }, true, 'invalid_request'],
          [{ email: 'sam@example.se', message: 'x'.repeat(2001), lang: 'en' }, true, 'invalid_request'],
          [{ email: 'sam@example.se', message: 'Hej', lang: 'de' }, true, 'invalid_request'],
          [{ email: 'sam@mailinator.com', message: 'Hej', lang: 'en' }, true, 'email_domain_refused'],
        ] as const) {
          const res = await leave(body, withPow);
          assert.equal(res.status, 400, JSON.stringify(body));
          if (code) assert.equal(((await res.json()) as ErrorJson).error.code, code);
        }
        assert.equal(await count(), before, 'nothing stored');

        const res = await leave({ name: 'Sam', email: sam, message: 'Hello, my number is 811218-9876 and my bin was not emptied.', lang: 'en' });
        assert.equal(res.status, 201);
        const { case: left } = (await res.json()) as { case: { id: number } };
        const toCentre = await mailbox.smtp.waitFor((m) => m.envelope.to.includes('kontaktcenter@kommun.test') && m.headers['reply-to'] === sam);
        assert.equal(toCentre.subject, `Nytt meddelande från chatten (ärende ${left.id})`);
        assert.match(toCentre.text, /Namn: Sam\n/);
        assert.ok(toCentre.text.includes(`E-post: ${sam}\n`));
        assert.ok(toCentre.text.includes('Hello, my number is XXXXXX-XXXX and my bin was not emptied.'));
        assert.ok(!toCentre.raw.includes('9876'));
        const receipt = await mailbox.smtp.waitFor((m) => m.envelope.to.includes(sam));
        assert.equal(receipt.subject, 'We have received your message');
        assert.ok(receipt.text.includes(`case ${left.id}`));
        assert.ok(!mailbox.smtp.messages.some((m) => m.envelope.to.includes(staffAccounts.admin.email) && m.headers['reply-to'] === sam), 'not to staff when an address is set');
        const stored = await db.selectFrom('chat_cases').selectAll().where('id', '=', left.id).executeTakeFirstOrThrow();
        assert.equal(stored.masked, 1);
        assert.equal(typeof stored.mailed_at, 'string');
        const agent = await signIn(app, 'chat_agent');
        const listed = (await (await staffRequest(app, '/api/staff/chat/cases', { cookie: agent })).json()) as { cases: { id: number; email: string; masked: boolean }[] };
        assert.deepEqual(listed.cases.find((c) => c.id === left.id) && { ...listed.cases.find((c) => c.id === left.id)! }, {
          id: left.id,
          name: 'Sam',
          email: sam,
          message: 'Hello, my number is XXXXXX-XXXX and my bin was not emptied.',
          masked: true,
          lang: 'en',
          createdAt: stored.created_at,
          mailedAt: stored.mailed_at,
        });
      } finally {
        await close();
      }
    });

    it('mails a message left to every active administrator and chat agent when no CHAT_CASE_EMAIL is set', async () => {
      const { app, db, close } = await mailbox.app(database, { POW_MAX_NUMBER: '1000' });
      try {
        await staffIn(db);
        const away = (await db.selectFrom('staff_users').select('id').where('email', '=', 'ledig@kommun.test').executeTakeFirst()) ?? (await createStaffUser(db, { email: 'ledig@kommun.test', name: 'Lo Ledig', role: 'chat_agent', password: 'ledig-lösenord-123' }));
        await db.updateTable('staff_users').set({ disabled: 1 }).where('id', '=', away.id).execute();
        // Both databases' runs share the mail server, so each resident has an address of their own.
        const kim = `kim.${database.name}@example.se`;
        const res = await powPost(app, '/api/chat/cases', { email: kim, message: 'Hej, när öppnar ni?', lang: 'sv' });
        assert.equal(res.status, 201);
        const { case: left } = (await res.json()) as { case: { id: number } };
        const about = (m: { subject: string; headers: Record<string, string> }) => m.subject.includes(`(ärende ${left.id})`) && m.headers['reply-to'] === kim;
        await mailbox.smtp.waitFor((m) => about(m) && m.envelope.to.includes(staffAccounts.admin.email));
        await mailbox.smtp.waitFor((m) => about(m) && m.envelope.to.includes(staffAccounts.chat_agent.email));
        const receipt = await mailbox.smtp.waitFor((m) => m.envelope.to.includes(kim));
        assert.equal(receipt.subject, 'Vi har tagit emot ditt meddelande');
        await new Promise((r) => setTimeout(r, 200));
        const recipients = mailbox.smtp.messages.filter(about).flatMap((m) => m.envelope.to).sort();
        const active = await db.selectFrom('staff_users').select('email').where('disabled', '=', 0).where('role', 'in', ['admin', 'chat_agent']).execute();
        assert.deepEqual(recipients, active.map((u) => u.email).sort(), 'each active administrator and agent once');
        assert.ok(!recipients.includes(staffAccounts.moderator.email) && !recipients.includes('ledig@kommun.test'), 'not to the moderator nor to a disabled agent');
        const mail = mailbox.smtp.messages.find((m) => about(m))!;
        assert.match(mail.text, /Namn: \(inget namn\)\n/);
        assert.ok(mail.text.includes('Hej, när öppnar ni?'));
      } finally {
        await close();
      }
    });
  });
}
