/** Names the console shows for the API's codes: roles, icons, widgets. */
import { msg } from '../shared/localize.js';
import type { IconName } from '../tiles/icon-names.js';
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
