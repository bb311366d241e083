import type { Mail } from '../mail/mailer.js';

/** The resident's confirmation: what their ballot says, and that it counts once they follow the link. */
export function ballotConfirmationMail(lang: 'sv' | 'en', to: string, title: string, link: string, summary: string): Mail {
  return lang === 'en'
    ? {
        to,
        subject: 'Confirm your budget',
        text:
          `Hello,\n\nYou have shared out the budget “${title}”.\n\n${summary}\n\nFollow this link so that your budget counts:\n\n${link}\n\n` +
          `The link works for 3 days. You can change your budget until voting closes: send a new one and confirm it; the last one you confirm counts.\n\n` +
          `If you did not send this, ignore this mail and nothing will happen.\n`,
      }
    : {
        to,
        subject: 'Bekräfta din budget',
        text:
          `Hej!\n\nDu har fördelat budgeten ”${title}”.\n\n${summary}\n\nFölj länken så att din budget räknas:\n\n${link}\n\n` +
          `Länken fungerar i 3 dagar. Du kan ändra din budget tills omröstningen stänger: skicka en ny och bekräfta den, så räknas den senaste du bekräftar.\n\n` +
          `Har du inte skickat något? Då kan du strunta i det här mejlet, så händer ingenting.\n`,
      };
}
