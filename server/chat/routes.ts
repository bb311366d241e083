import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { errors, json } from '../openapi.js';
import { validationHook } from '../validation.js';
import { requirePow, powSecurity } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { isOpen, nextOpening } from './hours.js';
import { ConversationNotFoundError, addMessage, messagesAfter, openConversation, startConversation, type ChatMessage } from './store.js';

/** The longest message a resident may send, in characters. */
export const maxMessageLength = 2000;
export const chatTopic = (id: number) => `chat:${id}`;
/** The header that carries the resident's secret for their conversation. */
export const chatTokenHeader = 'X-Medverka-Chat';

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ tags: ['Chat'], ...r });
const Id = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 7 }) });
const Text = z.string().trim().min(1, 'write something').max(maxMessageLength, `must be at most ${maxMessageLength} characters`);
const Message = z
  .object({
    id: z.number().int(),
    author: z.enum(['resident', 'staff', 'system']),
    staffName: z.string().nullable(),
    body: z.string(),
    masked: z.boolean().openapi({ description: 'A personnummer was masked in the message before it was stored.' }),
    createdAt: z.string(),
  })
  .openapi('ChatMessage');

/**
 * The resident's side of the chat: whether the contact centre is open, starting a
 * conversation (with a proof of work), writing in it, and following it as server-sent events
 * that resume after the last event a reconnecting page saw.
 */
export function chatRoutes({ db, config, live, log }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const perAddress = rateLimit({ name: 'chat-start', burst: { limit: 5, windowSeconds: 60 }, sustained: { limit: 30, windowSeconds: 3600 }, config });
  const perConversation = rateLimit({
    name: 'chat-messages',
    burst: { limit: 10, windowSeconds: 10 },
    sustained: { limit: 200, windowSeconds: 3600 },
    key: (c: Context) => `conversation ${c.req.param('id') ?? ''}`,
  });
  const perAddressMessages = rateLimit({ name: 'chat-messages-address', burst: { limit: 30, windowSeconds: 10 }, sustained: { limit: 600, windowSeconds: 3600 }, config });
  app.on('POST', '/api/chat/conversations', perAddress, requirePow({ db, config }));
  app.on('POST', '/api/chat/conversations/:id/messages', perAddressMessages, perConversation);

  const tokenOf = (value: string | undefined) => {
    if (!value || !/^[A-Za-z0-9_-]{20,100}$/.test(value)) throw new ApiError(404, 'conversation_not_found', 'There is no such conversation, or the key to it is wrong.');
    return value;
  };
  const open = async (id: number, token: string | undefined) => {
    try {
      return await openConversation(db, id, tokenOf(token));
    } catch (err) {
      if (err instanceof ConversationNotFoundError) throw new ApiError(404, 'conversation_not_found', 'There is no such conversation, or the key to it is wrong.');
      throw err;
    }
  };

  app.openapi(
    route({
      method: 'get',
      path: '/api/chat/status',
      summary: 'Whether the contact centre answers chats now, and when it next opens',
      responses: { 200: json(z.object({ open: z.boolean(), nextOpening: z.string().nullable() }), 'Now.') },
    }),
    (c) => {
      const now = new Date();
      c.header('Cache-Control', 'no-cache');
      return c.json({ open: isOpen(config.chatHours, now), nextOpening: nextOpening(config.chatHours, now)?.toISOString() ?? null }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/chat/conversations',
      summary: 'Start a conversation with its first message',
      security: powSecurity,
      description:
        'Returns the conversation and a secret `token` that only this resident holds: send it in the `X-Medverka-Chat` header to write, and as `?token=` to follow the conversation. A personnummer in a message is masked before it is stored.',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z
                .object({
                  name: z.string().trim().max(100).nullable().default(null),
                  email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })).nullable().default(null),
                  message: Text,
                  lang: z.enum(['sv', 'en']).default('sv'),
                })
                .strict(),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(z.object({ conversation: z.object({ id: z.number().int(), status: z.enum(['waiting', 'ongoing', 'closed']) }), token: z.string(), message: Message }), 'Started.'),
        ...errors(400, 413, 429),
      },
    }),
    async (c) => {
      const started = await startConversation(db, c.req.valid('json'));
      await live!.publish('chat-inbox');
      return c.json({ conversation: { id: started.conversationId, status: started.status }, token: started.token, message: started.message }, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/chat/conversations/{id}/messages',
      summary: 'Write in a conversation',
      request: { params: Id, headers: z.object({ [chatTokenHeader.toLowerCase()]: z.string().optional() }), body: { content: { 'application/json': { schema: z.object({ body: Text }).strict() } }, required: true } },
      responses: { 201: json(z.object({ message: Message }), 'Stored and sent.'), ...errors(400, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const conversation = await open(id, c.req.header(chatTokenHeader));
      if (conversation.status === 'closed') throw new ApiError(409, 'conversation_closed', 'This conversation has ended. Start a new one to write again.');
      const message = await addMessage(db, id, 'resident', null, c.req.valid('json').body);
      await live!.publish(chatTopic(id));
      return c.json({ message }, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/chat/conversations/{id}/events',
      summary: 'Follow a conversation as server-sent events',
      description:
        'Each message is a `message` event whose id is the message’s id. A page that reconnects (EventSource sends `Last-Event-ID` by itself) gets only what came after the last event it saw; `?after=` does the same for a page loaded again.',
      request: { params: Id, query: z.object({ token: z.string().optional(), after: z.coerce.number().int().min(0).optional() }) },
      responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The stream.' }, ...errors(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      await open(id, query.token);
      const lastEventId = Number(c.req.header('Last-Event-ID'));
      let sent = Number.isInteger(lastEventId) && lastEventId > 0 ? lastEventId : (query.after ?? 0);
      c.header('Cache-Control', 'no-store');
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        let busy = Promise.resolve();
        const sendNew = () => {
          // One read at a time per page, in order: each sends what came after the last one sent.
          busy = busy.then(async () => {
            try {
              const fresh: ChatMessage[] = await messagesAfter(db, id, sent);
              for (const m of fresh) {
                await stream.writeSSE({ event: 'message', id: String(m.id), data: JSON.stringify(m) });
                sent = m.id;
              }
            } catch (err) {
              log.warn('chat: could not send messages', { conversation: id, error: (err as Error).message });
            }
          });
        };
        const stop = live!.subscribe(chatTopic(id), sendNew);
        try {
          await live!.ready();
          // Reconnects spread over a few seconds, so a restarted server is not hit all at once.
          await stream.write(`retry: ${2000 + Math.floor(Math.random() * 3000)}\n\n`);
          sendNew();
          const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => {}), 25_000);
          await new Promise<void>((resolve) => stream.onAbort(resolve));
          clearInterval(keepAlive);
        } finally {
          stop();
        }
      }) as never;
    },
  );

  return app;
}
