/** Names the console shows for the API's codes (roles, icons, widgets, audit-log events), and its texts, numbers and dates for people. */
import { msg, str } from '../../shared/localize.js';
import type { IconName } from '../../../contract/icon-names.js';
import type { PetitionStatus, Role } from './api.js';

export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('Administratör', { id: 'console.role.admin' });
    case 'moderator':
      return msg('Moderator', { id: 'console.role.moderator' });
    case 'chat_agent':
      return msg('Chatthandläggare', { id: 'console.role.chat-agent' });
  }
}

export function iconLabel(name: IconName): string {
  const labels: Record<IconName, () => string> = {
    lightbulb: () => msg('Glödlampa', { id: 'console.icon.lightbulb' }),
    landmark: () => msg('Kommunhus', { id: 'console.icon.landmark' }),
    city: () => msg('Stad', { id: 'console.icon.city' }),
    'heart-hand': () => msg('Hjärta', { id: 'console.icon.heart-hand' }),
    sparkles: () => msg('Stjärnor', { id: 'console.icon.sparkles' }),
    'helping-hands': () => msg('Människor', { id: 'console.icon.helping-hands' }),
    chat: () => msg('Pratbubbla', { id: 'console.icon.chat' }),
    megaphone: () => msg('Megafon', { id: 'console.icon.megaphone' }),
    calendar: () => msg('Kalender', { id: 'console.icon.calendar' }),
    map: () => msg('Karta', { id: 'console.icon.map' }),
    vote: () => msg('Valurna', { id: 'console.icon.vote' }),
    coins: () => msg('Mynt', { id: 'console.icon.coins' }),
    info: () => msg('Information', { id: 'console.icon.info' }),
    arrow: () => msg('Pil', { id: 'console.icon.arrow' }),
  };
  return labels[name]();
}

/** The widgets a tile can open, by their names in the API. */
export function widgetLabel(widget: string): string {
  switch (widget) {
    case 'petitions':
      return msg('E-förslag: lista och nytt förslag', { id: 'console.widget.petitions' });
    case 'petition':
      return msg('Ett e-förslag', { id: 'console.widget.petition' });
    case 'budget':
      return msg('Medborgarbudget', { id: 'console.widget.budget' });
    case 'chat':
      return msg('Chatt', { id: 'console.widget.chat' });
    case 'poll':
      return msg('Snabbfråga', { id: 'console.widget.poll' });
    case 'panel':
      return msg('Medborgarpanel', { id: 'console.widget.panel' });
    case 'survey':
      return msg('Enkät', { id: 'console.widget.survey' });
    default:
      return widget;
  }
}

/** How residents answer a poll or a survey's question with choices. */
export function answerKindLabel(kind: 'single' | 'multiple' | 'scale'): string {
  switch (kind) {
    case 'single':
      return msg('Ett svar', { id: 'console.poll-kind.single' });
    case 'multiple':
      return msg('Flera svar', { id: 'console.poll-kind.multiple' });
    case 'scale':
      return msg('Skala 1–5', { id: 'console.poll-kind.scale' });
  }
}

/** A text residents see: Swedish, and English when there is one. */
export interface Text {
  sv: string;
  en: string | null;
}

/** A text in the language being rendered: the English when there is one. */
export const localized = (text: Text | null | undefined, locale: string): string => (text ? (locale === 'en' && text.en) || text.sv : '');

/** 12500000 → "12 500 000": the Swedish grouping, for fields and tables alike. */
export function groupDigits(n: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(n);
}

/** A date and time from the API, for people. */
export function dateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A petition's status, for staff. */
export function petitionStatusLabel(status: PetitionStatus): string {
  switch (status) {
    case 'draft':
      return msg('Utkast (väntar på förslagsställarens bekräftelse)', { id: 'console.petition-status.draft' });
    case 'awaiting_moderation':
      return msg('Att granska', { id: 'console.petition-status.awaiting-moderation' });
    case 'open':
      return msg('Öppet', { id: 'console.petition-status.open' });
    case 'closed':
      return msg('Stängt', { id: 'console.petition-status.closed' });
    case 'answered':
      return msg('Besvarat', { id: 'console.petition-status.answered' });
    case 'rejected':
      return msg('Avvisat', { id: 'console.petition-status.rejected' });
  }
}

/** An audit-log event in words (its code when it is one this console does not know yet). */
export function auditActionText(action: string): string {
  switch (action) {
    case 'staff.sign-in':
      return msg('Loggade in', { id: 'console.audit.event.staff.sign-in' });
    case 'staff.sign-out-everywhere':
      return msg('Loggade ut överallt', { id: 'console.audit.event.staff.sign-out-everywhere' });
    case 'staff.password-change':
      return msg('Bytte sitt lösenord', { id: 'console.audit.event.staff.password-change' });
    case 'staff.password-reset':
      return msg('Fick ett nytt lösenord (från kommandoraden)', { id: 'console.audit.event.staff.password-reset' });
    case 'staff.name-change':
      return msg('Ändrade sitt namn i chatten', { id: 'console.audit.event.staff.name-change' });
    case 'staff.create':
      return msg('Skapade en användare', { id: 'console.audit.event.staff.create' });
    case 'staff.update':
      return msg('Ändrade en användare', { id: 'console.audit.event.staff.update' });
    case 'tile-set.create':
      return msg('Skapade en rutsamling', { id: 'console.audit.event.tile-set.create' });
    case 'tile-set.update':
      return msg('Ändrade en rutsamling', { id: 'console.audit.event.tile-set.update' });
    case 'tile-set.reorder':
      return msg('Ändrade ordningen på rutorna', { id: 'console.audit.event.tile-set.reorder' });
    case 'tile-set.delete':
      return msg('Tog bort en rutsamling', { id: 'console.audit.event.tile-set.delete' });
    case 'tile.create':
      return msg('Lade till en ruta', { id: 'console.audit.event.tile.create' });
    case 'tile.update':
      return msg('Ändrade en ruta', { id: 'console.audit.event.tile.update' });
    case 'tile.delete':
      return msg('Tog bort en ruta', { id: 'console.audit.event.tile.delete' });
    case 'petition.approve':
      return msg('Publicerade ett e-förslag', { id: 'console.audit.event.petition.approve' });
    case 'petition.reject':
      return msg('Avslog ett e-förslag', { id: 'console.audit.event.petition.reject' });
    case 'petition.correct':
      return msg('Rättade ett e-förslag', { id: 'console.audit.event.petition.correct' });
    case 'petition.close':
      return msg('Stängde ett e-förslag', { id: 'console.audit.event.petition.close' });
    case 'petition.answer':
      return msg('Svarade på ett e-förslag', { id: 'console.audit.event.petition.answer' });
    case 'petition.export-signatures':
      return msg('Laddade ner underskrifter', { id: 'console.audit.event.petition.export-signatures' });
    case 'petition.erase-signer':
      return msg('Raderade en undertecknares uppgifter', { id: 'console.audit.event.petition.erase-signer' });
    case 'person.erase':
      return msg('Raderade en persons uppgifter', { id: 'console.audit.event.person.erase' });
    case 'budget.create':
      return msg('Skapade en budget', { id: 'console.audit.event.budget.create' });
    case 'budget.update':
      return msg('Ändrade en budget', { id: 'console.audit.event.budget.update' });
    case 'budget.open':
      return msg('Öppnade en budget för röster', { id: 'console.audit.event.budget.open' });
    case 'budget.close':
      return msg('Stängde en budget för röster', { id: 'console.audit.event.budget.close' });
    case 'budget.publish':
      return msg('Publicerade resultatet av en budget', { id: 'console.audit.event.budget.publish' });
    case 'budget.export-ballots':
      return msg('Laddade ner röster', { id: 'console.audit.event.budget.export-ballots' });
    case 'budget.export-pabulib':
      return msg('Laddade ner en pabulib-fil', { id: 'console.audit.event.budget.export-pabulib' });
    case 'poll.create':
      return msg('Skapade en snabbfråga', { id: 'console.audit.event.poll.create' });
    case 'poll.update':
      return msg('Ändrade en snabbfråga', { id: 'console.audit.event.poll.update' });
    case 'poll.open':
      return msg('Öppnade en snabbfråga', { id: 'console.audit.event.poll.open' });
    case 'poll.close':
      return msg('Stängde en snabbfråga', { id: 'console.audit.event.poll.close' });
    case 'poll.reset':
      return msg('Tog bort svaren på en snabbfråga', { id: 'console.audit.event.poll.reset' });
    case 'poll.delete':
      return msg('Tog bort en snabbfråga', { id: 'console.audit.event.poll.delete' });
    case 'survey.create':
      return msg('Skapade en enkät', { id: 'console.audit.event.survey.create' });
    case 'survey.update':
      return msg('Ändrade en enkät', { id: 'console.audit.event.survey.update' });
    case 'survey.delete':
      return msg('Tog bort en enkät', { id: 'console.audit.event.survey.delete' });
    case 'survey.approve':
      return msg('Godkände en enkät', { id: 'console.audit.event.survey.approve' });
    case 'survey.send':
      return msg('Skickade en enkät till panelen', { id: 'console.audit.event.survey.send' });
    case 'survey.remind':
      return msg('Skickade en påminnelse om en enkät', { id: 'console.audit.event.survey.remind' });
    case 'survey.close':
      return msg('Stängde en enkät', { id: 'console.audit.event.survey.close' });
    case 'survey.export':
      return msg('Laddade ner svaren på en enkät', { id: 'console.audit.event.survey.export' });
    case 'survey.feedback':
      return msg('Skickade återkoppling till panelen', { id: 'console.audit.event.survey.feedback' });
    case 'survey.decision':
      return msg('Skickade beslutet till panelen', { id: 'console.audit.event.survey.decision' });
    case 'chat.transfer':
      return msg('Lämnade över en chatt', { id: 'console.audit.event.chat.transfer' });
    case 'chat.canned-answer.create':
      return msg('Skapade en svarsmall', { id: 'console.audit.event.chat.canned-answer.create' });
    case 'chat.canned-answer.update':
      return msg('Ändrade en svarsmall', { id: 'console.audit.event.chat.canned-answer.update' });
    case 'chat.canned-answer.delete':
      return msg('Tog bort en svarsmall', { id: 'console.audit.event.chat.canned-answer.delete' });
    default:
      return action;
  }
}

/** What an audit-log event was about, in words: "petition 12" becomes "E-förslag 12". */
export function auditTargetText(target: string): string {
  const kind = /^(tile set|canned answer|[a-z]+) (.*)$/.exec(target);
  const name = kind?.[2] ?? '';
  switch (kind?.[1]) {
    case 'staff':
      return msg(str`Användare ${name}`, { id: 'console.audit.target.staff' });
    case 'tile set':
      return msg(str`Rutsamling ${name}`, { id: 'console.audit.target.tile-set' });
    case 'tile':
      return msg(str`Ruta ${name}`, { id: 'console.audit.target.tile' });
    case 'petition':
      return msg(str`E-förslag ${name}`, { id: 'console.audit.target.petition' });
    case 'budget':
      return msg(str`Budget ${name}`, { id: 'console.audit.target.budget' });
    case 'poll':
      return msg(str`Snabbfråga ${name}`, { id: 'console.audit.target.poll' });
    case 'survey':
      return msg(str`Enkät ${name}`, { id: 'console.audit.target.survey' });
    case 'conversation':
      return msg(str`Chatt ${name}`, { id: 'console.audit.target.conversation' });
    case 'canned answer':
      return msg(str`Svarsmall ${name}`, { id: 'console.audit.target.canned-answer' });
    default:
      return target;
  }
}
