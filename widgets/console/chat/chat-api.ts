/**
 * The chat inbox's client for /api/staff/chat (see the chat API contract): requests through the
 * console's own `request()`, and the addresses of the event streams the inbox and a conversation
 * are followed by (through kit/live-stream.ts).
 */
import type {
  CannedAnswer,
  CannedAnswerInput,
  ChatAgent,
  ChatMessage,
  ChatStatus,
  ConversationStatus,
  StaffConversation,
  SystemCode,
} from '../../../server/chat/schemas.js';
import { request } from '../kit/api.js';

export type { CannedAnswer, CannedAnswerInput, ChatAgent, ChatMessage, ConversationStatus, StaffConversation };
/** The `status` event of a conversation's stream. */
export type ConversationStatusEvent = ChatStatus;

/** The codes system messages carry in `body` (and a conversation's `preview` when one was last). */
export const systemCodes = ['joined', 'transferred', 'ended-by-resident', 'ended-by-staff'] as const satisfies readonly SystemCode[];

const base = '/api/staff/chat';

export const chatApi = {
  conversations: (status: 'open' | 'closed' = 'open') =>
    request<{ conversations: StaffConversation[] }>('GET', `${base}/conversations?status=${status}`),
  conversation: (id: number) => request<{ conversation: StaffConversation; messages: ChatMessage[] }>('GET', `${base}/conversations/${id}`),
  claim: (id: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/claim`),
  reply: (id: number, body: string) => request<{ message: ChatMessage }>('POST', `${base}/conversations/${id}/messages`, { body }),
  transfer: (id: number, to: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/transfer`, { to }),
  close: (id: number) => request<{ conversation: StaffConversation }>('POST', `${base}/conversations/${id}/close`),
  agents: () => request<{ agents: ChatAgent[] }>('GET', `${base}/agents`),
  answers: () => request<{ answers: CannedAnswer[] }>('GET', `${base}/canned-answers`),
  createAnswer: (answer: CannedAnswerInput) => request<{ answer: CannedAnswer }>('POST', `${base}/canned-answers`, answer),
  updateAnswer: (id: number, answer: CannedAnswerInput) => request<{ answer: CannedAnswer }>('PUT', `${base}/canned-answers/${id}`, answer),
  deleteAnswer: (id: number) => request<void>('DELETE', `${base}/canned-answers/${id}`),

  inboxUrl: () => `${base}/inbox`,
  eventsUrl: (id: number, after: number) => `${base}/conversations/${id}/events?after=${after}`,
};

/** The longest message, in characters (the server's limit). */
export const maxMessageLength = 2000;

