import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { errors, json, router, sectionRoutes } from '../openapi.js';
import { refuseEmail } from '../abuse/email-domains.js';
import { requirePow, powSecurity } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { isOpen, nextOpening } from './hours.js';
import { conversationEvents, inboxTopic, publishChange } from './live.js';
import { caseMail, caseReceiptMail, transcriptMail } from './mails.js';
import { ChatHours, ChatMessage as Message, ChatStarted, Email, Id, Text } from './schemas.js';
import {
  ConversationNotFoundError,
  addMessage,
  createCase,
  endConversation,
  messagesAfter,
  openConversation,
  rateConversation,
  releaseTranscript,
  reserveTranscript,
  startConversation,
} from './store.js';

export { maxMessageLength } from './schemas.js';
export { chatTopic } from './live.js';
/** The header that carries the resident's secret for their conversation. */
export const chatTokenHeader = 'X-Medverka-Chat';
/** How many transcripts one conversation may have mailed. */
export const maxTranscripts = 3;

const route = sectionRoutes('Chat');
const TokenHeader = z.object({ [chatTokenHeader.toLowerCase()]: z.string().optional() });
const Lang = z.enum(['sv', 'en']).default('sv');

/**
 * The resident's side of the chat: whether the contact centre is open, starting a
 * conversation (with a proof of work), writing in it, following it as server-sent events
 * that resume after the last event a reconnecting page saw, ending it, rating it and having
 * it mailed; and leaving a message while the contact centre is closed.
 */
export function chatRoutes({ db, config, live, log, mailer }: Deps) {
  const app = router();
  const perAddress = rateLimit({ name: 'chat-start', burst: { limit: 5, windowSeconds: 60 }, sustained: { limit: 30, windowSeconds: 3600 }, config });
  const perConversation = rateLimit({
    name: 'chat-messages',
    burst: { limit: 10, windowSeconds: 10 },
    sustained: { limit: 200, windowSeconds: 3600 },
    key: (c: Context) => `conversation ${c.req.param('id') ?? ''}`,
  });
  const perAddressMessages = rateLimit({ name: 'chat-messages-address', burst: { limit: 30, windowSeconds: 10 }, sustained: { limit: 600, windowSeconds: 3600 }, config });
  // Each message left sends two mails, so fewer are allowed than conversations started.
  const perAddressCases = rateLimit({ name: 'chat-cases', burst: { limit: 3, windowSeconds: 60 }, sustained: { limit: 10, windowSeconds: 3600 }, config });
  app.on('POST', '/conversations', perAddress, requirePow({ db, config }));
  app.on('POST', '/conversations/:id/messages', perAddressMessages, perConversation);
  app.on('POST', ['/conversations/:id/end', '/conversations/:id/transcript', '/conversations/:id/rating'], perAddressMessages);
  app.on('POST', '/cases', perAddressCases, requirePow({ db, config }));

  const notFound = () => new ApiError(404, 'conversation_not_found', 'There is no such conversation, or the key to it is wrong.');
  const tokenOf = (value: string | undefined) => {
    if (!value || !/^[A-Za-z0-9_-]{20,100}$/.test(value)) throw notFound();
    return value;
  };
  const open = async (id: number, token: string | undefined) => {
    try {
      return await openConversation(db, id, tokenOf(token));
    } catch (err) {
      if (err instanceof ConversationNotFoundError) throw notFound();
      throw err;
    }
  };
  const stillOpen = () => new ApiError(409, 'conversation_open', 'The conversation has not ended yet.');

  app.openapi(
    route({
      method: 'get',
      path: '/status',
      summary: 'Whether the contact centre answers chats now, and when it next opens',
      responses: { 200: json(ChatHours, 'Now.') },
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
      path: '/conversations',
      summary: 'Start a conversation with its first message',
      security: powSecurity,
      description:
        'Returns the conversation and a secret `token` that only this resident holds: send it in the `X-Medverka-Chat` header to write, and as `?token=` to follow the conversation. A personnummer in a message is masked before it is stored. The `email`, if given, is the only address the transcript can be mailed to; the e-mail domain policy applies to it.',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z
                .object({
                  name: z.string().trim().max(100).nullable().default(null),
                  email: Email.nullable().default(null),
                  message: Text,
                  lang: Lang,
                })
                .strict(),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(ChatStarted, 'Started.'),
        ...errors(400, 413, 429),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      // Said now, not when the resident asks for the transcript: only this address gets it.
      if (input.email) refuseEmail(input.email, config);
      const started = await startConversation(db, input);
      await live.publish(inboxTopic);
      return c.json({ conversation: { id: started.conversationId, status: started.status }, token: started.token, message: started.message }, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/messages',
      summary: 'Write in a conversation',
      request: { params: Id, headers: TokenHeader, body: { content: { 'application/json': { schema: z.object({ body: Text }).strict() } }, required: true } },
      responses: { 201: json(z.object({ message: Message }), 'Stored and sent.'), ...errors(400, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const conversation = await open(id, c.req.header(chatTokenHeader));
      if (conversation.status === 'closed') throw new ApiError(409, 'conversation_closed', 'This conversation has ended. Start a new one to write again.');
      const message = await addMessage(db, id, 'resident', null, c.req.valid('json').body);
      await publishChange(live, id);
      return c.json({ message }, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/conversations/{id}/events',
      summary: 'Follow a conversation as server-sent events',
      description:
        'A `status` event (no id; data `ChatStatus`) comes right after connecting and again whenever the status or the agent changes. Each message is a `message` event whose id is the message’s id. A page that reconnects (EventSource sends `Last-Event-ID` by itself) gets only what came after the last event it saw; `?after=` does the same for a page loaded again.',
      request: { params: Id, query: z.object({ token: z.string().optional(), after: z.coerce.number().int().min(0).optional() }) },
      responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The stream.' }, ...errors(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      await open(id, query.token);
      return conversationEvents(c, { db, live: live, log }, id, query.after ?? 0) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/end',
      summary: 'End a conversation',
      description: 'Ending an ended conversation changes nothing and is answered the same. The body, if any, is `{}`.',
      request: { params: Id, headers: TokenHeader, body: { content: { 'application/json': { schema: z.object({}).strict() } }, required: false } },
      responses: { 200: json(z.object({ conversation: z.object({ id: z.number().int(), status: z.literal('closed') }) }), 'Ended.'), ...errors(400, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await open(id, c.req.header(chatTokenHeader));
      const ended = await endConversation(db, id, { author: 'resident' });
      if (ended) await publishChange(live, id);
      return c.json({ conversation: { id, status: 'closed' as const } }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/transcript',
      summary: 'Have an ended conversation mailed',
      description: `The whole conversation as plain text, in its language, mailed to the address the resident gave when starting it, and to no other: the municipality's sender must not carry what a resident wrote to an address nobody confirmed. An \`email\` in the body, if any, must be that address (409 \`transcript_other_address\` otherwise); a conversation started without one cannot be mailed (409 \`transcript_no_address\`). Only once it has ended (409 \`conversation_open\` before); at most ${maxTranscripts} per conversation (429 \`transcript_limit\` after).`,
      request: { params: Id, headers: TokenHeader, body: { content: { 'application/json': { schema: z.object({ email: Email.optional() }).strict() } }, required: false } },
      responses: { 202: json(z.object({ sent: z.literal(true), to: z.string() }), 'Sent, to `to`.'), ...errors(400, 404, 409, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const asked = (c.req.valid('json') as { email?: string } | undefined)?.email;
      const conversation = await open(id, c.req.header(chatTokenHeader));
      if (conversation.status !== 'closed') throw stillOpen();
      const email = conversation.email;
      if (!email) throw new ApiError(409, 'transcript_no_address', 'No e-mail address was given when the conversation started, so it cannot be mailed.');
      if (asked !== undefined && asked.toLowerCase() !== email.toLowerCase()) {
        throw new ApiError(409, 'transcript_other_address', 'The conversation is mailed only to the address given when it started.');
      }
      refuseEmail(email, config);
      if (!(await reserveTranscript(db, id, maxTranscripts))) {
        throw new ApiError(429, 'transcript_limit', `A conversation can be mailed at most ${maxTranscripts} times.`);
      }
      try {
        const messages = await messagesAfter(db, id, 0, 5000);
        await mailer.send(transcriptMail(conversation.lang, email, conversation.name, messages, config.chatHours.timeZone));
      } catch (err) {
        // Not sent, so it does not count.
        await releaseTranscript(db, id);
        throw err;
      }
      return c.json({ sent: true as const, to: email }, 202);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/conversations/{id}/rating',
      summary: 'Rate an ended conversation',
      description: 'From 1 (bad) to 5 (good). Only once it has ended (409 `conversation_open` before); a second rating replaces the first.',
      request: {
        params: Id,
        headers: TokenHeader,
        body: { content: { 'application/json': { schema: z.object({ rating: z.number().int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5') }).strict() } }, required: true },
      },
      responses: { 200: json(z.object({ rating: z.number().int() }), 'Rated.'), ...errors(400, 404, 409, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { rating } = c.req.valid('json');
      const conversation = await open(id, c.req.header(chatTokenHeader));
      if (conversation.status !== 'closed') throw stillOpen();
      await rateConversation(db, id, rating);
      return c.json({ rating }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/cases',
      summary: 'Leave a message while the contact centre is closed',
      security: powSecurity,
      description:
        'The message is stored (a personnummer masked first) and mailed to the contact centre, which answers by e-mail; the resident gets a receipt in their language. The e-mail domain policy applies.',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ name: z.string().trim().max(100).nullable().default(null), email: Email, message: Text, lang: Lang }).strict(),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(z.object({ case: z.object({ id: z.number().int() }) }), 'Received.'), ...errors(400, 413, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      refuseEmail(input.email, config);
      const stored = await createCase(db, input);
      const recipients = config.chatCaseEmail
        ? [config.chatCaseEmail]
        : (await db.selectFrom('staff_users').select('email').where('disabled', '=', 0).where('role', 'in', ['admin', 'chat_agent']).orderBy('id').execute()).map((u) => u.email);
      if (recipients.length === 0) log.warn('chat: a message was left but nobody receives it; set CHAT_CASE_EMAIL', { case: stored.id });
      // The message is kept whatever happens to the mails: staff can list it, so a failed mail
      // is logged rather than making the resident send it again.
      let mailed = 0;
      for (const to of recipients) {
        try {
          await mailer.send(caseMail(to, { id: stored.id, name: stored.name, email: stored.email, message: stored.message, lang: stored.lang, masked: stored.masked === 1 }));
          mailed++;
        } catch (err) {
          log.error('chat: could not mail a message left to the contact centre', { case: stored.id, error: (err as Error).message });
        }
      }
      if (mailed > 0) await db.updateTable('chat_cases').set({ mailed_at: new Date().toISOString() }).where('id', '=', stored.id).execute();
      try {
        await mailer.send(caseReceiptMail(stored.lang, stored.email, stored.id));
      } catch (err) {
        log.error('chat: could not mail the receipt for a message left', { case: stored.id, error: (err as Error).message });
      }
      return c.json({ case: { id: stored.id } }, 201);
    },
  );

  return app;
}
