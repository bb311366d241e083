import type { Mail } from '../mail/mailer.js';

type Lang = 'sv' | 'en';

/** The proposer's confirmation: nothing is published until they follow the link. */
export function proposalConfirmationMail(lang: Lang, to: string, title: string, link: string): Mail {
  return lang === 'en'
    ? {
        to,
        subject: 'Confirm your e-petition',
        text:
          `Hello,\n\nYou have written the e-petition “${title}”. Follow this link to send it for review:\n\n${link}\n\n` +
          `The link works for 7 days. Once reviewed, the petition is published and others can sign it. ` +
          `A submitted proposal is a public document: its title, its text and your name are published.\n\n` +
          `If you did not write this, ignore this mail and nothing will happen.\n`,
      }
    : {
        to,
        subject: 'Bekräfta ditt e-förslag',
        text:
          `Hej!\n\nDu har skrivit e-förslaget ”${title}”. Följ länken för att skicka det till granskning:\n\n${link}\n\n` +
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
