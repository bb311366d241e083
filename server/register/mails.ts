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

type Lang = 'sv' | 'en';

/** To a resident who asked to follow a dialogue: the link that confirms it. */
export function followConfirmationMail(lang: Lang, to: string, title: string, link: string): Mail {
  return lang === 'en'
    ? {
        to,
        subject: `Confirm that you want to follow “${title}”`,
        text:
          `Hello,\n\nYou asked to hear what comes of the dialogue “${title}”. Open this link and press the button to confirm:\n\n${link}\n\n` +
          `The link works for three days. If you did not ask, do nothing: without confirmation you get no more mails about it.\n`,
      }
    : {
        to,
        subject: `Bekräfta att du vill följa ”${title}”`,
        text:
          `Hej!\n\nDu har bett att få veta vad som händer med dialogen ”${title}”. Öppna länken och tryck på knappen för att bekräfta:\n\n${link}\n\n` +
          `Länken gäller i tre dagar. Har du inte bett om det behöver du inte göra något: utan bekräftelse får du inga fler mejl om det.\n`,
      };
}

/** To an address that already follows the dialogue: nothing to confirm, and how to stop. */
export function alreadyFollowingMail(lang: Lang, to: string, title: string, leaveLink: string): Mail {
  return lang === 'en'
    ? { to, subject: `You already follow “${title}”`, text: `Hello,\n\nYou already follow the dialogue “${title}”: you will get an e-mail when its feedback is published.\n\nTo stop following it: ${leaveLink}\n` }
    : { to, subject: `Du följer redan ”${title}”`, text: `Hej!\n\nDu följer redan dialogen ”${title}”: du får ett mejl när återkopplingen publiceras.\n\nSluta följa den: ${leaveLink}\n` };
}

export interface FeedbackText {
  title: string;
  summary: string;
  use: string;
  decision: string;
  caseNumber: string | null;
  caseUrl: string | null;
}

/**
 * To each follower and each participant who asked to hear back, once: what came in, how it
 * was used, the decision and where to read it, and one question (1–5) through a link.
 */
export function feedbackMail(lang: Lang, to: string, f: FeedbackText, ratingLink: string, leaveLink: string | null): Mail {
  const en = lang === 'en';
  const section = (heading: string, text: string) => (text ? `${heading}\n${text}\n\n` : '');
  const decided = f.caseNumber ? `${en ? 'Case number' : 'Diarienummer'}: ${f.caseNumber}${f.caseUrl ? `\n${f.caseUrl}` : ''}\n\n` : '';
  return {
    to,
    subject: en ? `What came of “${f.title}”` : `Det här blev det av ”${f.title}”`,
    text:
      (en ? `Hello,\n\nThe municipality has published its feedback on the dialogue “${f.title}”.\n\n` : `Hej!\n\nKommunen har publicerat sin återkoppling på dialogen ”${f.title}”.\n\n`) +
      section(en ? 'What came in' : 'Det här kom in', f.summary) +
      section(en ? 'How it was used' : 'Så här användes det', f.use) +
      section(en ? 'The decision' : 'Beslutet', f.decision) +
      decided +
      (en
        ? `One question, anonymous and optional: do you feel your views were taken into account? Answer 1–5 here:\n${ratingLink}\n\n`
        : `En fråga, anonym och frivillig: känner du att dina synpunkter togs till vara? Svara 1–5 här:\n${ratingLink}\n\n`) +
      (leaveLink
        ? en
          ? `You get this mail because you follow the dialogue. To stop following it: ${leaveLink}\n`
          : `Du får det här mejlet för att du följer dialogen. Sluta följa den: ${leaveLink}\n`
        : en
          ? `You get this mail because you took part and asked to hear what came of it. You get it once.\n`
          : `Du får det här mejlet för att du var med och bad att få veta vad som hände. Du får det en gång.\n`),
  };
}
