import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { eventStream, reconnectAfter } from '../live/events.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { cookieAuth, errors, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { conversationEvents, inboxFollowers, publishChange } from './live.js';
import { CannedAnswer, CannedAnswerInput, ChatAgent, ChatCase, ChatMessage, Id, StaffConversation, Text } from './schemas.js';
import {
  ConversationClaimedError,
  ConversationClosedError,
  ConversationNotFoundError,
  addMessage,
  chatAgents,
  claimConversation,
  closedConversations,
  endConversation,
  findChatAgent,
  messagesAfter,
  openConversations,
  staffConversation,
  transferConversation,
  type Agent,
} from './store.js';

const route = sectionRoutes('Staff: chat', cookieAuth);
const ConversationBody = z.object({ conversation: StaffConversation });
const AnswerId = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const notFound = () => new ApiError(404, 'conversation_not_found', 'There is no such conversation.');
const closed = () => new ApiError(409, 'conversation_closed', 'The conversation has ended.');
const claimed = () => new ApiError(409, 'conversation_claimed', 'Another agent has this conversation.');

/** The store's refusals as the API says them. */
function asApiError(err: unknown): unknown {
  if (err instanceof ConversationNotFoundError) return notFound();
  if (err instanceof ConversationClosedError) return closed();
  if (err instanceof ConversationClaimedError) return claimed();
  return err;
}

const cannedNotFound = () => new ApiError(404, 'canned_answer_not_found', 'There is no such canned answer.');

/**
 * The contact centre's side of the chat: the inbox (live), one conversation (live), claiming,
 * answering, handing over and closing conversations, the ready-written answers agents paste,
 * and the messages residents left while it was closed. Chat agents and administrators only.
 */
export function staffChatRoutes({ db, live, log }: Deps) {
  const app = router();
  app.use('/', requireRole('admin', 'chat_agent'));
  app.use('/*', requireRole('admin', 'chat_agent'));
  const inbox = inboxFollowers(db, live, log);
  const me = (c: Context<AppEnv>): Agent => {
    const { user } = c.get('staff')!;
    return { id: user.id, name: user.name };
  };
  const actor = (c: Context<AppEnv>) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });
  const load = async (id: number) => {
    const conversation = await staffConversation(db, id);
    if (!conversation) throw notFound();
    return conversation;
  };

  app.openapi(
    route({
      method: 'get',
      path: '/conversations',
      summary: 'Conversations: the open ones, or the latest closed',
      description: '`open` (the default): waiting and ongoing, the waiting ones first, oldest first. `closed`: the 50 most recently closed.',
      request: { query: z.object({ status: z.enum(['open', 'closed']).default('open') }) },
      responses: { 200: json(z.object({ conversations: z.array(StaffConversation) }), 'Conversations.'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      return c.json({ conversations: status === 'closed' ? await closedConversations(db) : await openConversations(db) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/inbox',
      summary: 'Follow the open conversations as server-sent events',
      description:
        'An `inbox` event with data `{ conversations: StaffConversation[] }` (the open ones) right after connecting, and after every change: a new conversation, a message, a claim, a transfer, an end. Changes are gathered for 250 ms, so a busy inbox is sent a few times a second at most.',
      responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The stream.' }, ...errors(401, 403) },
    }),
    async (c) =>
      eventStream(c, async (stream, onClose) => {
        let lastSent: string | undefined;
        let busy = Promise.resolve();
        const send = (conversations: StaffConversation[]) => {
          busy = busy.then(async () => {
            const data = JSON.stringify({ conversations });
            if (data === lastSent) return;
            lastSent = data;
            await stream.writeSSE({ event: 'inbox', data }).catch(() => {});
          });
        };
        // Follow first, then read: a change between the two is then never missed.
        let started = false;
        onClose(
          inbox.follow((list) => {
            if (started) send(list);
          }),
        );
        await inbox.ready();
        await stream.write(`retry: ${reconnectAfter(2000, 3000)}\n\n`);
        started = true;
        send(await inbox.current());
      }) as never,
  );

  app.openapi(
    route({
      method: 'get',
      path: '/conversations/{id}',
      summary: 'One conversation with all its messages',
      request: { params: Id },
      responses: { 200: json(z.object({ conversation: StaffConversation, messages: z.array(ChatMessage) }), 'The conversation.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const conversation = await load(id);
      return c.json({ conversation, messages: await messagesAfter(db, id, 0, 5000) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/conversations/{id}/events',
      summary: 'Follow a conversation as server-sent events',
      description: 'As the resident’s stream: `status` on connecting and on each change, and each message as `message` with its id; resumes after `Last-Event-ID` or `?after=`.',
      request: { params: Id, query: z.object({ after: z.coerce.number().int().min(0).optional() }) },
      responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The stream.' }, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await load(id);
      return conversationEvents(c, { db, live: live, log }, id, c.req.valid('query').after ?? 0) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/claim',
      summary: 'Take a waiting conversation',
      description: 'It becomes yours and ongoing, and the resident is told (a `joined` message). Taking your own again changes nothing.',
      request: { params: Id },
      responses: { 200: json(ConversationBody, 'Yours.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const joined = await claimConversation(db, id, me(c)).catch((err: unknown) => {
        throw asApiError(err);
      });
      if (joined) await publishChange(live, id);
      return c.json({ conversation: await load(id) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/messages',
      summary: 'Answer in a conversation',
      description: 'A waiting conversation is claimed first. A personnummer is masked, as in the resident’s messages.',
      request: { params: Id, ...jsonBody(z.object({ body: Text }).strict()) },
      responses: { 201: json(z.object({ message: ChatMessage }), 'Stored and sent.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { body } = c.req.valid('json');
      const agent = me(c);
      const joined = await claimConversation(db, id, agent).catch((err: unknown) => {
        throw asApiError(err);
      });
      if (joined) await publishChange(live, id);
      const message = await addMessage(db, id, 'staff', agent.name, body);
      await publishChange(live, id);
      return c.json({ message }, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/transfer',
      summary: 'Hand a conversation to another agent',
      description: '`to` must be an active chat agent or administrator. The resident is told (a `transferred` message naming the new agent).',
      request: { params: Id, ...jsonBody(z.object({ to: z.number().int().positive().max(2_147_483_647) }).strict()) },
      responses: { 200: json(ConversationBody, 'Handed over.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { to } = c.req.valid('json');
      const agent = await findChatAgent(db, to);
      if (!agent) throw new ApiError(400, 'invalid_request', 'Conversations can be handed only to an active chat agent or administrator.', [{ path: 'to', message: 'must be an active chat agent or administrator' }]);
      const moved = await transferConversation(db, id, agent).catch((err: unknown) => {
        throw asApiError(err);
      });
      if (moved) {
        await publishChange(live, id);
        await audit(db, actor(c), 'chat.transfer', `conversation ${id}`, { to: agent.id });
      }
      return c.json({ conversation: await load(id) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/close',
      summary: 'End a conversation',
      description: 'The resident is told (an `ended-by-staff` message). Closing a closed conversation changes nothing.',
      request: { params: Id },
      responses: { 200: json(ConversationBody, 'Closed.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const ended = await endConversation(db, id, { author: 'staff', name: me(c).name }).catch((err: unknown) => {
        throw asApiError(err);
      });
      if (ended) await publishChange(live, id);
      return c.json({ conversation: await load(id) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/agents',
      summary: 'Who conversations can be handed to',
      responses: { 200: json(z.object({ agents: z.array(ChatAgent) }), 'Active chat agents and administrators.'), ...errors(401, 403) },
    }),
    async (c) => c.json({ agents: await chatAgents(db) }, 200),
  );

  // --- canned answers -------------------------------------------------------------------

  const toAnswer = (r: { id: number; title: string; body: string }): CannedAnswer => ({ id: r.id, title: r.title, body: r.body });

  app.openapi(
    route({
      method: 'get',
      path: '/canned-answers',
      summary: 'Ready-written answers, by title',
      responses: { 200: json(z.object({ answers: z.array(CannedAnswer) }), 'The answers.'), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await db.selectFrom('chat_canned_answers').select(['id', 'title', 'body']).orderBy('title').orderBy('id').execute();
      return c.json({ answers: rows.map(toAnswer) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/canned-answers',
      summary: 'Write a new ready-written answer',
      request: jsonBody(CannedAnswerInput),
      responses: { 201: json(z.object({ answer: CannedAnswer }), 'Created.'), ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const at = new Date().toISOString();
      const row = await db.insertInto('chat_canned_answers').values({ ...input, created_at: at, updated_at: at }).returning(['id', 'title', 'body']).executeTakeFirstOrThrow();
      await audit(db, actor(c), 'chat.canned-answer.create', `canned answer ${row.id}`, { title: row.title });
      return c.json({ answer: toAnswer(row) }, 201);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/canned-answers/{id}',
      summary: 'Change a ready-written answer',
      request: { params: AnswerId, ...jsonBody(CannedAnswerInput) },
      responses: { 200: json(z.object({ answer: CannedAnswer }), 'Changed.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await db.updateTable('chat_canned_answers').set({ ...input, updated_at: new Date().toISOString() }).where('id', '=', id).returning(['id', 'title', 'body']).executeTakeFirst();
      if (!row) throw cannedNotFound();
      await audit(db, actor(c), 'chat.canned-answer.update', `canned answer ${id}`, { title: row.title });
      return c.json({ answer: toAnswer(row) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/canned-answers/{id}',
      summary: 'Remove a ready-written answer',
      request: { params: AnswerId },
      responses: { 204: { description: 'Removed.' }, ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await db.deleteFrom('chat_canned_answers').where('id', '=', id).returning(['id', 'title']).executeTakeFirst();
      if (!row) throw cannedNotFound();
      await audit(db, actor(c), 'chat.canned-answer.delete', `canned answer ${id}`, { title: row.title });
      return c.body(null, 204);
    },
  );

  // --- messages left while closed -------------------------------------------------------------

  app.openapi(
    route({
      method: 'get',
      path: '/cases',
      summary: 'Messages residents left while the contact centre was closed, newest first',
      responses: { 200: json(z.object({ cases: z.array(ChatCase) }), 'The latest 200.'), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await db.selectFrom('chat_cases').selectAll().orderBy('id', 'desc').limit(200).execute();
      const cases: ChatCase[] = rows.map((r) => ({ id: r.id, name: r.name, email: r.email, message: r.message, masked: r.masked === 1, lang: r.lang, createdAt: r.created_at, mailedAt: r.mailed_at }));
      return c.json({ cases }, 200);
    },
  );

  return app;
}
