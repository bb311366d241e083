/** How the chat inbox words the API's codes and times, in the language being rendered. */
import { msg, str } from '../../shared/localize.js';
import type { ChatMessage, ConversationStatus, StaffConversation } from './chat-api.js';

/** The resident's name as they gave it, or a stand-in. */
export function residentName(c: Pick<StaffConversation, 'name'>): string {
  return c.name?.trim() || msg('Anonym invånare', { id: 'console.chat.anonymous' });
}

export function chatStatusLabel(status: ConversationStatus): string {
  switch (status) {
    case 'waiting':
      return msg('Väntar', { id: 'console.chat.status.waiting' });
    case 'ongoing':
      return msg('Pågår', { id: 'console.chat.status.ongoing' });
    case 'closed':
      return msg('Avslutat', { id: 'console.chat.status.closed' });
  }
}

/** A system message's code, as a sentence. */
export function systemText(m: Pick<ChatMessage, 'body' | 'staffName'>): string {
  const who = m.staffName || msg('En handläggare', { id: 'console.chat.system.someone' });
  switch (m.body) {
    case 'joined':
      return msg(str`${who} tog samtalet.`, { id: 'console.chat.system.joined' });
    case 'transferred':
      return msg(str`Samtalet lämnades över till ${who}.`, { id: 'console.chat.system.transferred' });
    case 'ended-by-resident':
      return msg('Invånaren avslutade samtalet.', { id: 'console.chat.system.ended-by-resident' });
    case 'ended-by-staff':
      return msg(str`${who} avslutade samtalet.`, { id: 'console.chat.system.ended-by-staff' });
    default:
      return m.body;
  }
}

/** How long since `iso`, for a waiting conversation: "3 min", "1 h 5 min". */
export function waitedFor(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return msg('under en minut', { id: 'console.chat.waited.less' });
  if (minutes < 60) return msg(str`${minutes} min`, { id: 'console.chat.waited.minutes' });
  const hours = Math.floor(minutes / 60);
  return msg(str`${hours} h ${minutes % 60} min`, { id: 'console.chat.waited.hours' });
}

/** A message's time: the clock today, the date too otherwise. */
export function clockTime(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = locale === 'en' ? 'en-GB' : 'sv-SE';
  const today = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(tag, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
