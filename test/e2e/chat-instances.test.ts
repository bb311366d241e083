// Two real server processes on one PostgreSQL database, as a municipality runs them behind a
// load balancer: a message posted to one instance reaches a page following the conversation
// through the other, by way of LISTEN/NOTIFY. No browser; real sockets, real processes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import { powSolutionHeader, solvePow } from '../../bench/lib/pow.js';
import { follow } from '../server/sse-client.js';
import { freshDatabase, startServer, type RunningServer } from './harness.js';

const env = { POW_MAX_NUMBER: '1000', CHAT_HOURS: 'mon-sun 00:00-24:00; holidays 00:00-24:00', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'admin@kommun.test', ADMIN_PASSWORD: 'admin-lösenord-123', ADMIN_NAME: 'Anna Admin' };
let database: Awaited<ReturnType<typeof freshDatabase>>;
let a: RunningServer;
let b: RunningServer;

before(async () => {
  database = await freshDatabase('postgres');
  // One after the other: the first runs the migrations, as a rolling deploy would.
  a = await startServer(database.url, env);
  b = await startServer(database.url, env);
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

async function startConversation(server: RunningServer, message: string) {
  const challenge = (await (await fetch(`${server.url}/api/pow/challenge`)).json()) as PowChallenge;
  const res = await fetch(`${server.url}/api/chat/conversations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': powSolutionHeader(challenge, solvePow(challenge)) },
    body: JSON.stringify({ message, lang: 'sv' }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { conversation: { id: number }; token: string };
}

async function signIn(server: RunningServer) {
  const res = await fetch(`${server.url}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

interface Message {
  id: number;
  author: string;
  body: string;
}
type Stream = Awaited<ReturnType<typeof follow>>;

/** The first event on the stream (counting from the start) that `match` accepts, within 10 s. */
async function until<T>(stream: Stream, event: string, match: (data: T) => boolean, what: string): Promise<T & { eventId?: string }> {
  const deadline = Date.now() + 10_000;
  for (let seen = 1; ; seen++) {
    await stream.next(seen, what, Math.max(1, deadline - Date.now()));
    const e = stream.events[seen - 1]!;
    if (e.event !== event) continue;
    const data = JSON.parse(e.data) as T;
    if (match(data)) return { ...data, eventId: e.id };
  }
}

test('a message written through one instance reaches the page following the conversation through the other', async () => {
  const { conversation, token } = await startConversation(a, 'Hej, när töms soptunnorna i Norrby?');
  const stream = await follow(`${b.url}/api/chat/conversations/${conversation.id}/events?token=${token}`);
  try {
    assert.equal(stream.res.status, 200);
    await until<Message>(stream, 'message', (m) => m.body === 'Hej, när töms soptunnorna i Norrby?', 'the first message');
    const sent = await fetch(`${a.url}/api/chat/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Medverka-Chat': token },
      body: JSON.stringify({ body: 'Jag bor på Storgatan.' }),
    });
    assert.equal(sent.status, 201);
    const { message } = (await sent.json()) as { message: Message };
    const second = await until<Message>(stream, 'message', (m) => m.body === 'Jag bor på Storgatan.', 'the message written on the other instance');
    assert.equal(second.eventId, String(message.id));
  } finally {
    await stream.close();
  }
});

test('an agent answering on one instance reaches the resident following on the other, and the inbox on the other hears of a new conversation', async () => {
  const cookie = await signIn(a);
  const inbox = await follow(`${b.url}/api/staff/chat/inbox`, { Cookie: await signIn(b) });
  try {
    assert.equal(inbox.res.status, 200);
    const { conversation, token } = await startConversation(a, 'Kan jag få hjälp med bygglov?');
    await until<{ conversations: { id: number }[] }>(inbox, 'inbox', (d) => d.conversations.some((c) => c.id === conversation.id), 'the new conversation in the inbox on B');
    const resident = await follow(`${b.url}/api/chat/conversations/${conversation.id}/events?token=${token}`);
    try {
      const answered = await fetch(`${a.url}/api/staff/chat/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: a.url, Cookie: cookie },
        body: JSON.stringify({ body: 'Hej! Vad gäller bygglovet?' }),
      });
      assert.equal(answered.status, 201, await answered.clone().text());
      const reply = await until<Message>(resident, 'message', (m) => m.author === 'staff', 'the agent’s answer on B');
      assert.equal(reply.body, 'Hej! Vad gäller bygglovet?');
      await until<{ status: string; agentName: string | null }>(resident, 'status', (s) => s.status === 'ongoing', 'the conversation taken');
    } finally {
      await resident.close();
    }
  } finally {
    await inbox.close();
  }
});
