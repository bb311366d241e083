import type { Mail } from '../mail/mailer.js';
import { personnummerMask } from './personnummer.js';
import type { ChatMessage } from './schemas.js';

type Lang = 'sv' | 'en';

const words = {
  sv: {
    you: 'Du',
    staff: 'Kontaktcenter',
    system: 'Kontaktcenter',
    joined: (name: string | null) => `${name ?? 'En medarbetare'} anslöt till samtalet.`,
    transferred: (name: string | null) => `Samtalet flyttades till ${name ?? 'en annan medarbetare'}.`,
    'ended-by-resident': () => 'Du avslutade samtalet.',
    'ended-by-staff': (name: string | null) => `${name ?? 'Kontaktcenter'} avslutade samtalet.`,
  },
  en: {
    you: 'You',
    staff: 'Contact centre',
    system: 'Contact centre',
    joined: (name: string | null) => `${name ?? 'An agent'} joined the conversation.`,
    transferred: (name: string | null) => `The conversation was passed on to ${name ?? 'another agent'}.`,
    'ended-by-resident': () => 'You ended the conversation.',
    'ended-by-staff': (name: string | null) => `${name ?? 'The contact centre'} ended the conversation.`,
  },
} as const;

type Code = 'joined' | 'transferred' | 'ended-by-resident' | 'ended-by-staff';
const isCode = (body: string): body is Code => body === 'joined' || body === 'transferred' || body === 'ended-by-resident' || body === 'ended-by-staff';

/** A system message's code in words, in the language. */
export function systemText(lang: Lang, message: Pick<ChatMessage, 'body' | 'staffName'>): string {
  return isCode(message.body) ? words[lang][message.body](message.staffName) : message.body;
}

const clock = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = (lang: Lang, timeZone: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The whole conversation as plain text, one "[HH:MM] Name: text" line per message in the
 * contact centre's time zone; a message of several lines continues indented below its first,
 * and a new date gets a line of its own when the conversation runs past midnight.
 */
export function transcriptText(lang: Lang, residentName: string | null, messages: ChatMessage[], timeZone: string): string {
  const w = words[lang];
  const time = clock(timeZone);
  const date = day(lang, timeZone);
  const lines: string[] = [];
  let lastDate = '';
  for (const m of messages) {
    const at = new Date(m.createdAt);
    const today = date.format(at);
    if (today !== lastDate) {
      if (lastDate) lines.push('', today);
      lastDate = today;
    }
    // A name is one line, so no one can write lines that look like someone else's.
    const name = (m.author === 'resident' ? residentName || w.you : m.author === 'staff' ? m.staffName || w.staff : w.system).replace(/\s+/g, ' ');
    const text = m.author === 'system' ? systemText(lang, m) : m.body;
    const [first = '', ...rest] = text.split(/\r\n|\r|\n/);
    lines.push(`[${time.format(at)}] ${name}: ${first}`, ...rest.map((line) => `    ${line}`));
  }
  return lines.join('\n');
}

/** The resident's copy of an ended conversation, in the conversation's language. */
export function transcriptMail(lang: Lang, to: string, residentName: string | null, messages: ChatMessage[], timeZone: string): Mail {
  const started = messages[0] ? day(lang, timeZone).format(new Date(messages[0].createdAt)) : '';
  const body = transcriptText(lang, residentName, messages, timeZone);
  const masked = messages.some((m) => m.masked);
  return lang === 'en'
    ? {
        to,
        subject: 'Your chat with the municipality',
        text:
          `Hello,\n\nHere is your chat with the municipality's contact centre on ${started}.\n\n${body}\n\n` +
          (masked ? `Personal identity numbers written in the chat were hidden (${personnummerMask}) and are not kept.\n\n` : '') +
          `You get this mail because you asked for a copy of the conversation.\n`,
      }
    : {
        to,
        subject: 'Ditt chattsamtal med kommunen',
        text:
          `Hej!\n\nHär är ditt chattsamtal med kommunens kontaktcenter ${started}.\n\n${body}\n\n` +
          (masked ? `Personnummer som skrevs i chatten doldes (${personnummerMask}) och sparas inte.\n\n` : '') +
          `Du får det här mejlet för att du bad om en kopia av samtalet.\n`,
      };
}

/**
 * To the contact centre: a resident left a message while it was closed. In Swedish, for the
 * staff; replying to the mail reaches the resident. The resident's own words stay in the
 * body, never in a header.
 */
export function caseMail(to: string, c: { id: number; name: string | null; email: string; message: string; lang: Lang; masked: boolean }): Mail {
  return {
    to,
    replyTo: c.email,
    subject: `Nytt meddelande från chatten (ärende ${c.id})`,
    text:
      `Hej!\n\nEn invånare lämnade ett meddelande i chatten medan kontaktcenter var stängt.\n\n` +
      `Ärende: ${c.id}\nNamn: ${c.name ?? '(inget namn)'}\nE-post: ${c.email}\nSpråk: ${c.lang === 'en' ? 'engelska' : 'svenska'}\n\n` +
      `Meddelande:\n\n${c.message}\n\n` +
      (c.masked ? `Ett personnummer i meddelandet doldes innan det sparades.\n\n` : '') +
      `Svara på det här mejlet för att svara invånaren.\n`,
  };
}

/** The resident's receipt for a message left while the contact centre was closed. */
export function caseReceiptMail(lang: Lang, to: string, id: number): Mail {
  return lang === 'en'
    ? {
        to,
        subject: 'We have received your message',
        text:
          `Hello,\n\nThank you for your message to the municipality's contact centre. We have received it (case ${id}) and will answer you at this address as soon as we can.\n\n` +
          `If you did not write to us, you can ignore this mail.\n`,
      }
    : {
        to,
        subject: 'Vi har tagit emot ditt meddelande',
        text:
          `Hej!\n\nTack för ditt meddelande till kommunens kontaktcenter. Vi har tagit emot det (ärende ${id}) och svarar dig på den här adressen så snart vi kan.\n\n` +
          `Har du inte skrivit till oss? Då kan du strunta i det här mejlet.\n`,
      };
}
