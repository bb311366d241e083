import type { Mail } from '../mail/mailer.js';
import type { Text } from './schemas.js';

type Lang = 'sv' | 'en';

const pick = (lang: Lang, text: { sv: string; en: string | null }) => (lang === 'en' ? (text.en ?? text.sv) : text.sv);

/**
 * The greeting, with the name the member gave when joining (the reason the form asks for
 * it), on one line whatever they typed. Only mails to a member's confirmed address use it.
 */
function hello(lang: Lang, name: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex
  const one = (name ?? '').replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/g, ' ').trim();
  if (lang === 'en') return one ? `Hello ${one},` : 'Hello,';
  return one ? `Hej ${one}!` : 'Hej!';
}

/**
 * Every panel mail ends the same way: why it came, and the member's own link to leave. The
 * link is also in List-Unsubscribe, so a mail program can offer it as a button.
 */
function panelMail(lang: Lang, to: string, subject: string, body: string, leaveLink: string): Mail {
  const footer =
    lang === 'en'
      ? `You get this mail because you signed up for the municipality's citizen panel. To leave the panel, follow this link; your name and e-mail address are then deleted:\n\n${leaveLink}\n`
      : `Du får det här mejlet för att du har anmält dig till kommunens medborgarpanel. Vill du lämna panelen följer du länken, så raderas ditt namn och din e-postadress:\n\n${leaveLink}\n`;
  return { to, subject, text: `${body}\n\n${footer}`, headers: { 'List-Unsubscribe': `<${leaveLink}>` } };
}

/**
 * Joining: membership starts once the link is followed. The address is not confirmed yet, so
 * the mail greets no one by name: nothing a resident typed goes to a stranger's mailbox.
 */
export function joinConfirmationMail(lang: Lang, to: string, link: string, leaveLink: string): Mail {
  return lang === 'en'
    ? panelMail(
        lang,
        to,
        'Confirm that you want to join the citizen panel',
        `Hello,\n\nYou have asked to join the municipality's citizen panel. Follow this link to confirm:\n\n${link}\n\n` +
          `The link works for 3 days. If you did not ask to join, ignore this mail and nothing will happen.`,
        leaveLink,
      )
    : panelMail(
        lang,
        to,
        'Bekräfta att du vill vara med i medborgarpanelen',
        `Hej!\n\nDu har anmält dig till kommunens medborgarpanel. Följ länken för att bekräfta:\n\n${link}\n\n` +
          `Länken fungerar i 3 dagar. Har du inte anmält dig? Då kan du strunta i det här mejlet, så händer ingenting.`,
        leaveLink,
      );
}

/** Someone asked to join with a member's address: no new link, and the API answer gives nothing away. */
export function alreadyMemberMail(lang: Lang, to: string, name: string | null, leaveLink: string): Mail {
  return lang === 'en'
    ? panelMail(lang, to, 'You are already in the citizen panel', `${hello(lang, name)}\n\nSomeone (probably you) asked to join the citizen panel with this address. You are already a member, so nothing has changed.`, leaveLink)
    : panelMail(lang, to, 'Du är redan med i medborgarpanelen', `${hello(lang, name)}\n\nNågon (troligen du) har anmält den här adressen till medborgarpanelen. Du är redan med, så ingenting har ändrats.`, leaveLink);
}

/** A new survey, with the member's personal link. */
export function invitationMail(lang: Lang, to: string, name: string | null, title: Text, link: string, leaveLink: string): Mail {
  const t = pick(lang, title);
  return lang === 'en'
    ? panelMail(
        lang,
        to,
        `New survey from the citizen panel: ${t}`,
        `${hello(lang, name)}\n\nThe municipality would like to hear what you think: “${t}”. Answer here:\n\n${link}\n\n` +
          `The link is yours alone; do not pass it on. You can stop and come back to it: your answers are saved page by page. ` +
          `Once the survey closes you will hear what came of it.`,
        leaveLink,
      )
    : panelMail(
        lang,
        to,
        `Ny enkät från medborgarpanelen: ${t}`,
        `${hello(lang, name)}\n\nKommunen vill veta vad du tycker: ”${t}”. Svara här:\n\n${link}\n\n` +
          `Länken är personlig, skicka inte vidare den. Du kan göra en paus och fortsätta senare: dina svar sparas sida för sida. ` +
          `När enkäten har stängt får du veta vad som hände med svaren.`,
        leaveLink,
      );
}

/** To members who have not submitted yet. */
export function reminderMail(lang: Lang, to: string, name: string | null, title: Text, link: string, leaveLink: string): Mail {
  const t = pick(lang, title);
  return lang === 'en'
    ? panelMail(lang, to, `Reminder: ${t}`, `${hello(lang, name)}\n\nYou have not yet sent your answers to the survey “${t}”. There is still time:\n\n${link}\n\nIf you have already started, you continue where you stopped.`, leaveLink)
    : panelMail(lang, to, `Påminnelse: ${t}`, `${hello(lang, name)}\n\nDu har ännu inte skickat in dina svar på enkäten ”${t}”. Det finns fortfarande tid:\n\n${link}\n\nHar du redan börjat fortsätter du där du slutade.`, leaveLink);
}

/** What the municipality learnt from the answers: every invited member hears it. */
export function feedbackMail(lang: Lang, to: string, name: string | null, title: Text, feedback: Text, leaveLink: string): Mail {
  const t = pick(lang, title);
  return lang === 'en'
    ? panelMail(lang, to, `What came of the survey: ${t}`, `${hello(lang, name)}\n\nThank you to everyone who answered the survey “${t}”. This is what the answers showed and what happens next:\n\n${pick(lang, feedback)}`, leaveLink)
    : panelMail(lang, to, `Det här blev det av enkäten: ${t}`, `${hello(lang, name)}\n\nTack till alla som svarade på enkäten ”${t}”. Det här visade svaren, och så här går vi vidare:\n\n${pick(lang, feedback)}`, leaveLink);
}

/** What was finally decided, and by whom. */
export function decisionMail(lang: Lang, to: string, name: string | null, title: Text, committee: string, decision: Text, leaveLink: string): Mail {
  const t = pick(lang, title);
  return lang === 'en'
    ? panelMail(lang, to, `Decision after the survey: ${t}`, `${hello(lang, name)}\n\n${committee} has made a decision on the matter of the survey “${t}”:\n\n${pick(lang, decision)}`, leaveLink)
    : panelMail(lang, to, `Beslut efter enkäten: ${t}`, `${hello(lang, name)}\n\n${committee} har fattat beslut i frågan som enkäten ”${t}” handlade om:\n\n${pick(lang, decision)}`, leaveLink);
}
