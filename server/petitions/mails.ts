import type { Mail } from '../mail/mailer.js';

type Lang = 'sv' | 'en';

/**
 * The proposer's confirmation: nothing is published until they follow the link. It goes to
 * an address nobody has confirmed yet, so it carries nothing the resident wrote (a title
 * could hold links): the municipality's sender must not carry a stranger's text to anyone.
 */
export function proposalConfirmationMail(lang: Lang, to: string, link: string): Mail {
  return lang === 'en'
    ? {
        to,
        subject: 'Confirm your e-petition',
        text:
          `Hello,\n\nSomeone has written an e-petition and given this e-mail address. If it was you, follow this link to send it for review:\n\n${link}\n\n` +
          `The link works for 7 days. Once reviewed, the petition is published and others can sign it. ` +
          `A submitted proposal is a public document: its title, its text and your name are published.\n\n` +
          `If you did not write this, ignore this mail and nothing will happen.\n`,
      }
    : {
        to,
        subject: 'Bekräfta ditt e-förslag',
        text:
          `Hej!\n\nNågon har skrivit ett e-förslag och angett den här e-postadressen. Var det du? Följ då länken för att skicka förslaget till granskning:\n\n${link}\n\n` +
          `Länken fungerar i 7 dagar. När förslaget har granskats publiceras det och andra kan skriva under. ` +
          `Ett inskickat förslag är en allmän handling: rubriken, texten och ditt namn publiceras.\n\n` +
          `Har du inte skrivit förslaget? Då kan du strunta i det här mejlet, så händer ingenting.\n`,
      };
}

/** The signer's confirmation: the signature counts once they follow the link. */
export function signatureConfirmationMail(lang: Lang, to: string, title: string, link: string, alreadyCounted: boolean): Mail {
  if (lang === 'en') {
    return {
      to,
      subject: 'Confirm your signature',
      text: alreadyCounted
        ? `Hello,\n\nYour signature on “${title}” is already counted; signing again changes nothing. ` +
          `The link below only shows the petition's status:\n\n${link}\n`
        : `Hello,\n\nYou have signed the e-petition “${title}”. Follow this link so that your signature counts:\n\n${link}\n\n` +
          `The link works for 3 days. If you did not sign, ignore this mail and nothing will happen.\n`,
    };
  }
  return {
    to,
    subject: 'Bekräfta din underskrift',
    text: alreadyCounted
      ? `Hej!\n\nDin underskrift på ”${title}” är redan räknad; att skriva under igen ändrar ingenting. ` +
        `Länken nedan visar bara hur det går för förslaget:\n\n${link}\n`
      : `Hej!\n\nDu har skrivit under e-förslaget ”${title}”. Följ länken så att din underskrift räknas:\n\n${link}\n\n` +
        `Länken fungerar i 3 dagar. Har du inte skrivit under? Då kan du strunta i det här mejlet, så händer ingenting.\n`,
  };
}

/** What the "published" mail tells: where to share the petition, how many it needs, and until when. */
export interface Published {
  published: true;
  link: string;
  threshold: number;
  closesAt: string;
  /** The municipality's time zone, for the closing time. */
  timeZone: string;
}

/** To the proposer once moderation has decided. */
export function moderationMail(lang: Lang, to: string, title: string, decision: Published | { published: false; reason: string }): Mail {
  if (decision.published) {
    const closes = new Date(decision.closesAt);
    const at = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: decision.timeZone, ...options }).format(closes);
    const time = (locale: string) => at(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = (locale: string) => at(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    return lang === 'en'
      ? {
          to,
          subject: 'Your e-petition is published',
          text:
            `Hello,\n\nYour e-petition “${title}” has been reviewed and is now open for signatures until ${time('en-GB')} on ${day('en-GB')}.\n\n` +
            `It needs ${decision.threshold} signatures. Once it has them, the committee responsible answers it.\n\n` +
            `Share the petition so that more people can sign it: send its address by e-mail or text message, or post it on social media.\n\n${decision.link}\n`,
        }
      : {
          to,
          subject: 'Ditt e-förslag är publicerat',
          text:
            `Hej!\n\nDitt e-förslag ”${title}” är granskat och kan nu skrivas under fram till ${day('sv-SE')} kl. ${time('sv-SE')}.\n\n` +
            `Förslaget behöver ${decision.threshold} underskrifter. När det har fått så många ska den ansvariga nämnden besvara det.\n\n` +
            `Dela förslaget så att fler kan skriva under: skicka adressen med e-post eller sms, eller dela den i sociala medier.\n\n${decision.link}\n`,
        };
  }
  return lang === 'en'
    ? { to, subject: 'Your e-petition was not published', text: `Hello,\n\nYour e-petition “${title}” was not published, for this reason:\n\n${decision.reason}\n\nYou are welcome to write a new one.\n` }
    : { to, subject: 'Ditt e-förslag publicerades inte', text: `Hej!\n\nDitt e-förslag ”${title}” publicerades inte, av det här skälet:\n\n${decision.reason}\n\nDu är välkommen att skriva ett nytt förslag.\n` };
}

/** To the proposer, and to every signer who asked to hear back, when the answer is published; in the language each wrote in. */
export function answerMail(lang: Lang, to: string, title: string, answer: string, link: string, committee: string | null = null): Mail {
  return lang === 'en'
    ? {
        to,
        subject: `Answer to the e-petition “${title}”`,
        text:
          `Hello,\n\nThe municipality has answered the e-petition “${title}”.${committee ? ` The answer was decided by: ${committee}.` : ''}\n\n${answer}\n\nRead more: ${link}\n\n` +
          `You get this mail because you wrote the petition or asked to hear what came of it.\n`,
      }
    : {
        to,
        subject: `Svar på e-förslaget ”${title}”`,
        text:
          `Hej!\n\nKommunen har svarat på e-förslaget ”${title}”.${committee ? ` Svaret är beslutat av: ${committee}.` : ''}\n\n${answer}\n\nLäs mer: ${link}\n\n` +
          `Du får det här mejlet för att du skrev förslaget eller bad att få veta vad som hände med det.\n`,
      };
}

/** To staff, once: a petition has reached its threshold and needs an answer. */
export function thresholdMail(to: string, title: string, count: number, consoleLink: string): Mail {
  return {
    to,
    subject: `E-förslaget ”${title}” har nått gränsen`,
    text: `Hej!\n\nE-förslaget ”${title}” har nu ${count} underskrifter och har nått gränsen. Ansvarig nämnd ska besvara det.\n\n${consoleLink}\n`,
  };
}
