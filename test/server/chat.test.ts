import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { powHeader } from '../../server/abuse/proof-of-work.js';
import { isOpen, parseOpeningHours } from '../../server/chat/hours.js';
import { chatTokenHeader } from '../../server/chat/routes.js';
import type { ChatMessage } from '../../server/chat/schemas.js';
import { addMessage, createCase, startConversation } from '../../server/chat/store.js';
import { openDatabase, pow, testDatabases } from './helpers.js';
import { follow, serveApp, withServer } from './sse-client.js';

/** A solved proof of work from a real server, as the widget's worker would send it. */
const powFrom = (url: string) => pow({ request: (path: string) => fetch(`${url}${path}`) });

for (const database of testDatabases()) {
  describe(`chat conversations on ${database.name}`, () => {
    it('starts with a proof of work, masks a personnummer, and delivers both ways over events that resume after a dropped connection', () =>
      withServer(database, async (db, server) => {
        const start = (body: unknown, pow?: string) =>
          fetch(`${server.url}/api/chat/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(pow ? { [powHeader]: pow } : {}) }, body: JSON.stringify(body) });
        assert.equal((await start({ message: 'Hej!' })).status, 400, 'no proof of work');
        const refusedDomain = await start({ email: 'rut@mailinator.com', message: 'Hej!', lang: 'sv' }, await powFrom(server.url));
        assert.equal(refusedDomain.status, 400, 'the address the transcript would go to is checked at the start');
        assert.equal(((await refusedDomain.json()) as { error: { code: string } }).error.code, 'email_domain_refused');
        const res = await start({ name: 'Rut', message: 'Hej! Mitt personnummer är 811218-9876, kan ni kolla min ansökan?', lang: 'sv' }, await powFrom(server.url));
        assert.equal(res.status, 201);
        const started = (await res.json()) as { conversation: { id: number; status: string }; token: string; message: ChatMessage };
        assert.equal(started.conversation.status, 'waiting');
        assert.equal(started.message.body, 'Hej! Mitt personnummer är XXXXXX-XXXX, kan ni kolla min ansökan?');
        assert.equal(started.message.masked, true);
        const stored = await db.selectFrom('chat_messages').select('body').execute();
        assert.ok(!JSON.stringify(stored).includes('811218'), 'never stored');
        const { id } = started.conversation;

        const write = (body: unknown, token = started.token) =>
          fetch(`${server.url}/api/chat/conversations/${id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', [chatTokenHeader]: token }, body: JSON.stringify(body) });

        const page = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${started.token}`);
        assert.equal(page.res.status, 200);
        const first = await page.nth<ChatMessage>('message', 1, 'the first message');
        assert.equal(first.author, 'resident');
        assert.deepEqual([page.events[0]!.event, page.events[0]!.id, JSON.parse(page.events[0]!.data)], ['status', undefined, { status: 'waiting', agentName: null, email: null }], 'the status comes first, without an id');
        assert.equal(page.events[1]!.id, String(first.id), 'the event id is the message id');

        assert.equal((await write({ body: 'Är ni där?' })).status, 201);
        assert.equal((await page.nth<ChatMessage>('message', 2, 'the second message')).body, 'Är ni där?');
        // The contact centre answers (the inbox comes next; here through the store and the bus).
        await addMessage(db, id, 'staff', 'Kim på kontaktcenter', 'Hej Rut! Jag tittar på det.');
        await server.live.publish(`chat:${id}`);
        const answer = await page.nth<ChatMessage>('message', 3, 'the answer');
        assert.deepEqual([answer.author, answer.staffName], ['staff', 'Kim på kontaktcenter']);
        await page.close();

        // The connection drops; two messages come meanwhile; the page reconnects with Last-Event-ID.
        await write({ body: 'Tack!' });
        await addMessage(db, id, 'staff', 'Kim på kontaktcenter', 'Varsågod.');
        const again = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${started.token}`, { 'Last-Event-ID': String(answer.id) });
        const missed = [await again.nth<ChatMessage>('message', 1, 'first missed'), await again.nth<ChatMessage>('message', 2, 'second missed')];
        assert.deepEqual(missed.map((m) => m.body), ['Tack!', 'Varsågod.']);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(again.events.map((e) => e.event), ['status', 'message', 'message'], 'nothing twice');
        await again.close();
        const reloaded = await follow(`${server.url}/api/chat/conversations/${id}/events?token=${started.token}&after=0`);
        await reloaded.nth<ChatMessage>('message', 5, 'everything, for a page loaded again');
        await reloaded.close();
      }),
    );

    it('masks a personnummer however it is spelled before anything is stored: in messages, a name and a message left', async () => {
      const db = await openDatabase(database);
      try {
        // 19811218-9876 as people paste it: an en dash, a non-breaking hyphen, spaces and dashes in the date, full-width digits, a zero-width space.
        const spellings = ['19811218\u20139876', '19811218\u20119876', '1981-12-18-9876', '1981 12 18-9876', '19811218 - 9876', '\uFF11\uFF19\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16', '1981121\u200B8-9876'];
        const started = await startConversation(db, { name: 'Rut 811218\u20139876', message: `Mitt nummer: ${spellings[0]}`, lang: 'sv' });
        for (const typed of spellings.slice(1)) await addMessage(db, started.conversationId, 'resident', null, `Mitt nummer: ${typed}`);
        const kept = await db.selectFrom('chat_messages').select(['body', 'masked']).where('conversation_id', '=', started.conversationId).orderBy('id').execute();
        assert.deepEqual(kept, spellings.map(() => ({ body: 'Mitt nummer: XXXXXX-XXXX', masked: 1 })));
        const conversation = await db.selectFrom('chat_conversations').select('name').where('id', '=', started.conversationId).executeTakeFirstOrThrow();
        assert.equal(conversation.name, 'Rut XXXXXX-XXXX');
        const left = await createCase(db, { name: null, email: 'rut@example.se', message: `Ring mig på 070\u2013123 45 67, mitt nummer är ${spellings[4]}.`, lang: 'sv' });
        assert.deepEqual([left.message, left.masked], ['Ring mig på 070\u2013123 45 67, mitt nummer är XXXXXX-XXXX.', 1], 'the phone number is kept');
      } finally {
        await db.destroy();
      }
    });

    it('refuses a wrong key, empty and over-long messages, and writing in a closed conversation, changing nothing', () =>
      withServer(database, async (db, server) => {
        const { conversationId: id, token } = await startConversation(db, { message: 'Hej', lang: 'sv' });
        const write = (body: unknown, key: string | null) =>
          fetch(`${server.url}/api/chat/conversations/${id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(key ? { [chatTokenHeader]: key } : {}) }, body: JSON.stringify(body) });
        for (const [body, key, status] of [
          [{ body: 'x' }, null, 404],
          [{ body: 'x' }, 'A'.repeat(43), 404],
          [{ body: 'x' }, '<script>', 404],
          [{ body: '   ' }, token, 400],
          [{ body: 'x'.repeat(2001) }, token, 400],
          [{ body: 'x', extra: 1 }, token, 400],
          [{ text: 'x' }, token, 400],
        ] as const) {
          const res = await write(body, key);
          assert.equal(res.status, status, JSON.stringify([body, key]));
          assert.equal(((await res.json()) as { error: { status: number } }).error.status, status);
        }
        assert.equal((await fetch(`${server.url}/api/chat/conversations/${id}/events?token=${'B'.repeat(43)}`)).status, 404);
        assert.equal((await fetch(`${server.url}/api/chat/conversations/${id + 1000}/events?token=${token}`)).status, 404, 'a key opens only its own conversation');
        await db.updateTable('chat_conversations').set({ status: 'closed' }).where('id', '=', id).execute();
        assert.equal((await write({ body: 'Hallå?' }, token)).status, 409);
        assert.deepEqual((await db.selectFrom('chat_messages').select('body').where('conversation_id', '=', id).execute()).map((m) => m.body), ['Hej']);
      }),
    );

    it('limits messages per conversation, with Retry-After', () =>
      withServer(database, async (db, server) => {
        const { conversationId: id, token } = await startConversation(db, { message: 'Hej', lang: 'sv' });
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) {
          const res = await fetch(`${server.url}/api/chat/conversations/${id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', [chatTokenHeader]: token }, body: JSON.stringify({ body: `meddelande ${i}` }) });
          statuses.push(res.status);
          if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) > 0);
        }
        assert.deepEqual(statuses, [...Array(10).fill(201), 429, 429]);
      }),
    );
  });
}

describe('chat status', () => {
  it('says whether the contact centre is open now and when it next opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medverka-chat-'));
    const sqlite = { name: 'sqlite' as const, database: { kind: 'sqlite' as const, file: join(dir, 'chat.sqlite') } };
    const db = await openDatabase(sqlite);
    const server = await serveApp(sqlite, db, { CHAT_HOURS: 'mon-sun 00:00-24:00', CHAT_TIMEZONE: 'UTC' });
    try {
      const body = (await (await fetch(`${server.url}/api/chat/status`)).json()) as { open: boolean; nextOpening: string | null };
      // Open every minute of every day, except the Swedish days off.
      const now = new Date();
      assert.equal(body.open, isOpen(parseOpeningHours('mon-sun 00:00-24:00', 'UTC'), now));
      assert.ok(body.nextOpening, 'opens again within three weeks');
      if (body.open) assert.ok(Math.abs(new Date(body.nextOpening).getTime() - now.getTime()) < 60_000, 'open now: the next opening is now');
      else assert.ok(new Date(body.nextOpening) > now);
    } finally {
      await server.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
