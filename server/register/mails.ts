import type { Mail } from '../mail/mailer.js';

/** To the contact person, once a week while it lasts: participants were promised feedback by a day that has passed. */
export function overdueMail(to: string, title: string, feedbackBy: string, consoleLink: string): Mail {
  return {
    to,
    subject: `Återkopplingen för ”${title}” är försenad`,
    text:
      `Hej!\n\nDu är kontaktperson för dialogen ”${title}”. Deltagarna har blivit lovade att få veta vad som hände med det de sa senast ${feedbackBy}, ` +
      `men ingen återkoppling är publicerad än.\n\nSkriv vad som kom in och hur det användes, och publicera återkopplingen:\n${consoleLink}\n\n` +
      `Du får en påminnelse i veckan tills återkopplingen är publicerad.\n`,
  };
}
