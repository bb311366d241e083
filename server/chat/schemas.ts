import { z } from '@hono/zod-openapi';
import { orNull } from '../openapi.js';
import { conversationStatuses, type ConversationStatus } from '../../contract/statuses.js';

export { conversationStatuses, type ConversationStatus };

/** The longest message a resident or an agent may send, in characters. */
export const maxMessageLength = 2000;


/**
 * What system messages say, as codes each side words in its own language; `staffName` holds
 * the agent concerned (the one who joined, took over or ended the conversation).
 */
export const systemCodes = ['joined', 'transferred', 'ended-by-resident', 'ended-by-staff'] as const;
export type SystemCode = (typeof systemCodes)[number];

export const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 7 }) });

export const Text = z.string().trim().min(1, 'write something').max(maxMessageLength, `must be at most ${maxMessageLength} characters`);

export const Email = z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' }));

export const ChatMessage = z
  .object({
    id: z.number().int(),
    author: z.enum(['resident', 'staff', 'system']),
    staffName: z.string().nullable(),
    body: z.string().openapi({ description: 'The text; for `system` messages a code: joined, transferred, ended-by-resident or ended-by-staff.' }),
    masked: z.boolean().openapi({ description: 'A personnummer was masked in the message before it was stored.' }),
    createdAt: z.string(),
  })
  .openapi('ChatMessage');
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Whether the contact centre answers chats now, and when it next opens (ISO time). */
export const ChatHours = z.object({ open: z.boolean(), nextOpening: z.string().nullable() });
export type ChatHours = z.infer<typeof ChatHours>;

/** A conversation just started: what it is, the secret only this resident holds, and their first message. */
export const ChatStarted = z.object({ conversation: z.object({ id: z.number().int(), status: z.enum(conversationStatuses) }), token: z.string(), message: ChatMessage });
export type ChatStarted = z.infer<typeof ChatStarted>;

/** Sent as the `status` event when a page starts following a conversation, and whenever it changes. */
export const ChatStatus = z
  .object({
    status: z.enum(conversationStatuses),
    agentName: z.string().nullable().openapi({ description: 'The agent who has the conversation, if any.' }),
    email: z.string().nullable().openapi({ description: 'The address the resident gave when starting the conversation: the only one its transcript is mailed to.' }),
  })
  .openapi('ChatStatus');
export type ChatStatus = z.infer<typeof ChatStatus>;

export const ChatAgent = z.object({ id: z.number().int(), name: z.string() }).openapi('ChatAgent');
export type ChatAgent = z.infer<typeof ChatAgent>;

export const StaffConversation = z
  .object({
    id: z.number().int(),
    status: z.enum(conversationStatuses),
    name: z.string().nullable(),
    email: z.string().nullable(),
    lang: z.enum(['sv', 'en']),
    agent: orNull(ChatAgent),
    createdAt: z.string(),
    lastMessageAt: z.string(),
    closedAt: z.string().nullable(),
    preview: z.string().openapi({ description: 'The last message’s body, at most 140 characters (a system message’s is its code).' }),
    rating: z.number().int().nullable(),
  })
  .openapi('StaffConversation');
export type StaffConversation = z.infer<typeof StaffConversation>;

export const CannedAnswer = z.object({ id: z.number().int(), title: z.string(), body: z.string() }).openapi('ChatCannedAnswer');
export type CannedAnswer = z.infer<typeof CannedAnswer>;

export const CannedAnswerInput = z
  .object({
    title: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
    body: Text,
  })
  .strict()
  .openapi('ChatCannedAnswerInput');
export type CannedAnswerInput = z.infer<typeof CannedAnswerInput>;

export const ChatCase = z
  .object({
    id: z.number().int(),
    name: z.string().nullable(),
    email: z.string(),
    message: z.string(),
    masked: z.boolean(),
    lang: z.enum(['sv', 'en']),
    createdAt: z.string(),
    mailedAt: z.string().nullable().openapi({ description: 'When it was mailed to the contact centre; null if that failed.' }),
  })
  .openapi('ChatCase');
export type ChatCase = z.infer<typeof ChatCase>;
