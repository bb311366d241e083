import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { hashToken, newToken } from '../verify/tokens.js';
import { maskPersonnummer } from './personnummer.js';
import type { ChatMessage, ChatStatus, StaffConversation } from './schemas.js';

type Conn = Db | Transaction<Database>;

export class ConversationNotFoundError extends Error {}
export class ConversationClosedError extends Error {}

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
 * them (and only them) read and write it; only its hash is stored. A personnummer is masked
 * in the name as in every message.
 */
export async function startConversation(db: Db, input: { name?: string | null; email?: string | null; message: string; lang: 'sv' | 'en' }, now = new Date()) {
  const { token, hash } = newToken();
  const at = now.toISOString();
  const name = input.name ? maskPersonnummer(input.name).text : null;
  return db.transaction().execute(async (trx) => {
    const conversation = await trx
      .insertInto('chat_conversations')
      .values({ token_hash: hash, status: 'waiting', name, email: input.email || null, lang: input.lang, assigned_to: null, created_at: at, last_message_at: at, closed_at: null, rating: null, rated_at: null })
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

/**
 * Stores a message, personnummer masked first, so it never reaches the database or a screen.
 * An agent whose account has no name is stored as none: the resident then reads "Kommunen".
 */
export async function addMessage(db: Conn, conversationId: number, author: ChatMessage['author'], staffName: string | null, text: string, now = new Date()): Promise<ChatMessage> {
  const { text: body, masked } = maskPersonnummer(text);
  const row = await db
    .insertInto('chat_messages')
    .values({ conversation_id: conversationId, author, staff_name: staffName?.trim() || null, body, masked: masked > 0 ? 1 : 0, created_at: now.toISOString() })
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

export class ConversationClaimedError extends Error {}

/** A staff member acting in a conversation. */
export interface Agent {
  id: number;
  name: string;
}

/** What a page following a conversation is told besides its messages. */
export async function conversationState(db: Db, id: number): Promise<ChatStatus | undefined> {
  const row = await db
    .selectFrom('chat_conversations as c')
    .leftJoin('staff_users as u', 'u.id', 'c.assigned_to')
    .select(['c.status', 'u.name as agentName', 'c.email'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row && { status: row.status, agentName: row.agentName?.trim() || null, email: row.email };
}

/** Why a conversation could not be claimed, written to throw: missing, closed, or someone else's. */
async function refusal(db: Conn, id: number, agentId: number): Promise<Error | null> {
  const row = await db.selectFrom('chat_conversations').select(['status', 'assigned_to']).where('id', '=', id).executeTakeFirst();
  if (!row) return new ConversationNotFoundError(String(id));
  if (row.status === 'closed') return new ConversationClosedError(String(id));
  if (row.assigned_to !== null && row.assigned_to !== agentId) return new ConversationClaimedError(String(id));
  return null;
}

/**
 * The agent takes a waiting conversation (or one whose agent's account is gone): it becomes
 * theirs and ongoing, and a `joined` message says so. Taking one's own again changes nothing.
 * The update is conditional, so of two agents claiming at once exactly one wins.
 */
export async function claimConversation(db: Db, id: number, agent: Agent, now = new Date()): Promise<ChatMessage | null> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('chat_conversations')
      .set({ status: 'ongoing', assigned_to: agent.id })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'waiting'), eb.and([eb('status', '=', 'ongoing'), eb('assigned_to', 'is', null)])]))
      .returning('id')
      .executeTakeFirst();
    if (claimed) return addMessage(trx, id, 'system', agent.name, 'joined', now);
    const why = await refusal(trx, id, agent.id);
    if (why) throw why;
    return null;
  });
}

/** Hands an open conversation to another agent, with a `transferred` message naming them. Null when it already was theirs. */
export async function transferConversation(db: Db, id: number, to: Agent, now = new Date()): Promise<ChatMessage | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('chat_conversations').select(['status', 'assigned_to']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new ConversationNotFoundError(String(id));
    if (row.status === 'closed') throw new ConversationClosedError(String(id));
    if (row.status === 'ongoing' && row.assigned_to === to.id) return null;
    const moved = await trx
      .updateTable('chat_conversations')
      .set({ status: 'ongoing', assigned_to: to.id })
      .where('id', '=', id)
      .where('status', '!=', 'closed')
      .returning('id')
      .executeTakeFirst();
    if (!moved) throw new ConversationClosedError(String(id));
    return addMessage(trx, id, 'system', to.name, 'transferred', now);
  });
}

/**
 * Ends a conversation, with a message saying who ended it. Ending an ended one changes
 * nothing and returns null.
 */
export async function endConversation(db: Db, id: number, by: { author: 'resident' } | { author: 'staff'; name: string }, now = new Date()): Promise<ChatMessage | null> {
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('chat_conversations')
      .set({ status: 'closed', closed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '!=', 'closed')
      .returning('id')
      .executeTakeFirst();
    if (!ended) {
      const exists = await trx.selectFrom('chat_conversations').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new ConversationNotFoundError(String(id));
      return null;
    }
    return by.author === 'staff' ? addMessage(trx, id, 'system', by.name, 'ended-by-staff', now) : addMessage(trx, id, 'system', null, 'ended-by-resident', now);
  });
}

/** The resident's rating of an ended conversation; a later one replaces it. */
export async function rateConversation(db: Db, id: number, rating: number, now = new Date()) {
  await db.updateTable('chat_conversations').set({ rating, rated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Counts one more transcript for the conversation, unless `max` have been sent already (then false). */
export async function reserveTranscript(db: Db, id: number, max: number): Promise<boolean> {
  const row = await db
    .updateTable('chat_conversations')
    .set((eb) => ({ transcripts_sent: eb('transcripts_sent', '+', 1) }))
    .where('id', '=', id)
    .where('transcripts_sent', '<', max)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Gives back a transcript that could not be sent. */
export async function releaseTranscript(db: Db, id: number) {
  await db
    .updateTable('chat_conversations')
    .set((eb) => ({ transcripts_sent: eb('transcripts_sent', '-', 1) }))
    .where('id', '=', id)
    .where('transcripts_sent', '>', 0)
    .execute();
}

// --- for staff ------------------------------------------------------------------------

const previewLength = 140;

const staffQuery = (db: Db) =>
  db
    .selectFrom('chat_conversations as c')
    .leftJoin('staff_users as u', 'u.id', 'c.assigned_to')
    .select(['c.id', 'c.status', 'c.name', 'c.email', 'c.lang', 'c.assigned_to', 'u.name as agent_name', 'u.email as agent_email', 'c.created_at', 'c.last_message_at', 'c.closed_at', 'c.rating'])
    .select((eb) => eb.selectFrom('chat_messages as m').select('m.body').whereRef('m.conversation_id', '=', 'c.id').orderBy('m.id', 'desc').limit(1).as('preview'));

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

const toStaffConversation = (r: StaffRow): StaffConversation => {
  const preview = r.preview ?? '';
  return {
    id: r.id,
    status: r.status,
    name: r.name,
    email: r.email,
    lang: r.lang,
    // Colleagues know a nameless account by its address; residents never see it.
    agent: r.assigned_to !== null && r.agent_name !== null ? { id: r.assigned_to, name: r.agent_name || r.agent_email! } : null,
    createdAt: r.created_at,
    lastMessageAt: r.last_message_at,
    closedAt: r.closed_at,
    preview: [...preview].length > previewLength ? `${[...preview].slice(0, previewLength - 1).join('')}…` : preview,
    rating: r.rating,
  };
};

/** Open conversations: the waiting ones first, oldest first (they have waited longest), then the ongoing ones. */
export async function openConversations(db: Db): Promise<StaffConversation[]> {
  const rows = await staffQuery(db)
    .where('c.status', 'in', ['waiting', 'ongoing'])
    .orderBy((eb) => eb.case().when('c.status', '=', 'waiting').then(0).else(1).end())
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(500)
    .execute();
  return rows.map(toStaffConversation);
}

/** The latest closed conversations, most recently closed first. */
export async function closedConversations(db: Db, limit = 50): Promise<StaffConversation[]> {
  const rows = await staffQuery(db).where('c.status', '=', 'closed').orderBy('c.closed_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
  return rows.map(toStaffConversation);
}

export async function staffConversation(db: Db, id: number): Promise<StaffConversation | undefined> {
  const row = await staffQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toStaffConversation(row);
}

/** Who a conversation can be given to: active chat agents and administrators (for colleagues: an account without a name by its address). */
export async function chatAgents(db: Db): Promise<Agent[]> {
  const rows = await db.selectFrom('staff_users').select(['id', 'name', 'email']).where('disabled', '=', 0).where('role', 'in', ['chat_agent', 'admin']).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name || r.email }));
}

export async function findChatAgent(db: Db, id: number): Promise<Agent | undefined> {
  return db.selectFrom('staff_users').select(['id', 'name']).where('id', '=', id).where('disabled', '=', 0).where('role', 'in', ['chat_agent', 'admin']).executeTakeFirst();
}

// --- messages left while closed -----------------------------------------------------------

/** Stores a message left for the contact centre, personnummer masked first (in the name too). */
export async function createCase(db: Db, input: { name?: string | null; email: string; message: string; lang: 'sv' | 'en' }, now = new Date()) {
  const { text, masked } = maskPersonnummer(input.message);
  return db
    .insertInto('chat_cases')
    .values({ name: input.name || null, email: input.email, message: text, masked: masked > 0 ? 1 : 0, lang: input.lang, created_at: now.toISOString(), mailed_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// --- anonymisation ---------------------------------------------------------------------------

/**
 * What is left of a conversation once its personal data is gone: its status, times and
 * rating (the figures staff read), but not the resident's name, address or any message —
 * free text can say anything about anyone, so the messages go whole.
 */
async function stripConversations(trx: Transaction<Database>, ids: number[]) {
  if (!ids.length) return;
  await trx.deleteFrom('chat_messages').where('conversation_id', 'in', ids).execute();
  await trx.updateTable('chat_conversations').set({ name: null, email: null }).where('id', 'in', ids).execute();
}

/**
 * Retention: conversations quiet for more than `afterDays` lose their personal data (see
 * stripConversations), and messages left for the contact centre that long ago (mailed to it
 * when they were left) are deleted. Conditional, so instances running it at once do no harm.
 */
export async function anonymiseOldConversations(db: Db, afterDays: number, now = new Date()): Promise<{ conversations: number; cases: number }> {
  const before = new Date(now.getTime() - afterDays * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('chat_conversations as c')
      .select('c.id')
      .where('c.last_message_at', '<=', before)
      .where((eb) => eb.or([eb('c.name', 'is not', null), eb('c.email', 'is not', null), eb.exists(eb.selectFrom('chat_messages as m').select('m.id').whereRef('m.conversation_id', '=', 'c.id'))]))
      .execute();
    await stripConversations(trx, due.map((r) => r.id));
    const cases = await trx.deleteFrom('chat_cases').where('created_at', '<=', before).executeTakeFirst();
    return { conversations: due.length, cases: Number(cases.numDeletedRows) };
  });
}

/**
 * Erasure on request: every conversation and left message from this mailbox (`same` says
 * whether a stored address is it, however spelled) loses its personal data at once.
 */
export async function eraseChatsOf(db: Db, same: (stored: string) => boolean): Promise<{ conversations: number; cases: number }> {
  return db.transaction().execute(async (trx) => {
    const conversations = (await trx.selectFrom('chat_conversations').select(['id', 'email']).where('email', 'is not', null).execute()).filter((r) => same(r.email!)).map((r) => r.id);
    await stripConversations(trx, conversations);
    const cases = (await trx.selectFrom('chat_cases').select(['id', 'email']).execute()).filter((r) => same(r.email)).map((r) => r.id);
    if (cases.length) await trx.deleteFrom('chat_cases').where('id', 'in', cases).execute();
    return { conversations: conversations.length, cases: cases.length };
  });
}
