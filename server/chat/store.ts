import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { hashToken, newToken } from '../verify/tokens.js';
import { maskPersonnummer } from './personnummer.js';

type Conn = Db | Transaction<Database>;

export class ConversationNotFoundError extends Error {}
export class ConversationClosedError extends Error {}

export interface ChatMessage {
  id: number;
  author: 'resident' | 'staff' | 'system';
  staffName: string | null;
  body: string;
  /** A personnummer was masked in it; the widget says why. */
  masked: boolean;
  createdAt: string;
}

const toMessage = (m: { id: number; author: ChatMessage['author']; staff_name: string | null; body: string; masked: number; created_at: string }): ChatMessage => ({
  id: m.id,
  author: m.author,
  staffName: m.staff_name,
  body: m.body,
  masked: m.masked === 1,
  createdAt: m.created_at,
});

/**
 * A resident starts a conversation with their first message. They get a secret that lets
 * them (and only them) read and write it; only its hash is stored.
 */
export async function startConversation(db: Db, input: { name?: string | null; email?: string | null; message: string; lang: 'sv' | 'en' }, now = new Date()) {
  const { token, hash } = newToken();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const conversation = await trx
      .insertInto('chat_conversations')
      .values({ token_hash: hash, status: 'waiting', name: input.name || null, email: input.email || null, lang: input.lang, assigned_to: null, created_at: at, last_message_at: at, closed_at: null })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    const message = await addMessage(trx, conversation.id, 'resident', null, input.message, now);
    return { conversationId: conversation.id, status: conversation.status, token, message };
  });
}

/** The conversation the secret opens, or NotFound (a wrong secret and a missing conversation look the same). */
export async function openConversation(db: Db, id: number, token: string) {
  const row = await db.selectFrom('chat_conversations').selectAll().where('id', '=', id).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) throw new ConversationNotFoundError(String(id));
  return row;
}

/** Stores a message, personnummer masked first, so it never reaches the database or a screen. */
export async function addMessage(db: Conn, conversationId: number, author: ChatMessage['author'], staffName: string | null, text: string, now = new Date()): Promise<ChatMessage> {
  const { text: body, masked } = maskPersonnummer(text);
  const row = await db
    .insertInto('chat_messages')
    .values({ conversation_id: conversationId, author, staff_name: staffName, body, masked: masked > 0 ? 1 : 0, created_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.updateTable('chat_conversations').set({ last_message_at: now.toISOString() }).where('id', '=', conversationId).execute();
  return toMessage(row);
}

/** The conversation's messages after the one with id `after` (0: from the start), oldest first. */
export async function messagesAfter(db: Db, conversationId: number, after: number, limit = 500): Promise<ChatMessage[]> {
  const rows = await db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', conversationId).where('id', '>', after).orderBy('id').limit(limit).execute();
  return rows.map(toMessage);
}
