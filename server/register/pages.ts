import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { sendPage, type AppEnv } from '../http.js';
import { backAddress, escapeHtml, residentPage, langOf, type Lang } from '../pages/html.js';
import { ConfirmationError } from '../verify/links.js';
import { confirmFollow, rateDialogue, stopFollowing } from './follow.js';


const text = {
  sv: {
    followTitle: 'Bekräfta att du vill följa dialogen',
    followAsk: 'Tryck på knappen så får du ett mejl när kommunen publicerar vad som kom ut av dialogen.',
    confirm: 'Bekräfta',
    followed: 'Tack! Du följer nu dialogen. Varje mejl om den har en länk där du kan sluta följa den.',
    reasons: {
      unknown: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från mejlet.',
      expired: 'Länken har slutat gälla. Be om att få följa dialogen igen, så får du en ny länk.',
      used: 'Länken har redan använts. Du följer dialogen.',
      closed: 'Länken fungerar inte längre.',
    },
    leaveTitle: 'Sluta följa dialogen',
    leaveAsk: 'Tryck på knappen så raderas din e-postadress och du får inga fler mejl om dialogen.',
    leaveButton: 'Sluta följa',
    left: 'Du följer inte längre dialogen. Din e-postadress är raderad.',
    leaveUnknown: 'Länken fungerar inte. Du kanske redan har slutat följa dialogen, eller så har inte hela länken kommit med från mejlet.',
    rateTitle: 'Togs dina synpunkter till vara?',
    rateAsk: 'Känner du att dina synpunkter togs till vara? Ditt svar är anonymt: det sparas utan koppling till dig eller din e-postadress.',
    scale: ['1 – Inte alls', '2', '3', '4', '5 – Helt och hållet'],
    send: 'Skicka svaret',
    choose: 'Välj ett svar från 1 till 5.',
    rated: 'Tack för ditt svar!',
    rateUnknown: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från mejlet.',
    rateUsed: 'Du har redan svarat. Varje person svarar en gång.',
  },
  en: {
    followTitle: 'Confirm that you want to follow the dialogue',
    followAsk: 'Press the button and you will get an e-mail when the municipality publishes what came of the dialogue.',
    confirm: 'Confirm',
    followed: 'Thank you! You now follow the dialogue. Every mail about it has a link to stop following it.',
    reasons: {
      unknown: 'This link does not work. Check that you copied the whole link from the e-mail.',
      expired: 'This link has expired. Ask to follow the dialogue again and you will get a new link.',
      used: 'This link has already been used. You follow the dialogue.',
      closed: 'This link no longer works.',
    },
    leaveTitle: 'Stop following the dialogue',
    leaveAsk: 'Press the button and your e-mail address is deleted; you get no more mails about the dialogue.',
    leaveButton: 'Stop following',
    left: 'You no longer follow the dialogue. Your e-mail address is deleted.',
    leaveUnknown: 'This link does not work. Perhaps you have already stopped following the dialogue, or the whole link did not come along from the e-mail.',
    rateTitle: 'Were your views taken into account?',
    rateAsk: 'Do you feel your views were taken into account? Your answer is anonymous: it is kept with nothing linking it to you or your e-mail address.',
    scale: ['1 – Not at all', '2', '3', '4', '5 – Completely'],
    send: 'Send your answer',
    choose: 'Choose an answer from 1 to 5.',
    rated: 'Thank you for your answer!',
    rateUnknown: 'This link does not work. Check that you copied the whole link from the e-mail.',
    rateUsed: 'You have already answered. Each person answers once.',
  },
};

/**
 * The pages the register's mails link to: confirm following a dialogue, stop following it,
 * and the one anonymous question after its feedback. Opening a link only shows a button or a
 * form (mail scanners open every link); pressing it acts. Tokens are never logged.
 */
export function registerPages({ db, config }: Deps) {
  const app = new Hono<AppEnv>();
  const page = (lang: Lang, title: string, body: string, back?: string) => residentPage(config, { lang, title, body, back });
  const form = (action: string, inner: string) => `<form method="post" action="${escapeHtml(action)}">${inner}</form>`;
  const button = (label: string) => `<button class="button" type="submit">${label}</button>`;

  app.get('/bekrafta/dialog/:token', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    const returnTo = c.req.query('tillbaka');
    const action = `/bekrafta/dialog/${encodeURIComponent(c.req.param('token'))}?lang=${lang}${returnTo ? `&tillbaka=${encodeURIComponent(backAddress(config, returnTo))}` : ''}`;
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, page(lang, t.followTitle, `<p>${t.followAsk}</p>\n${form(action, button(t.confirm))}`));
  });

  app.post('/bekrafta/dialog/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    const back = backAddress(config, c.req.query('tillbaka'));
    c.header('Referrer-Policy', 'no-referrer');
    try {
      await confirmFollow(db, c.req.param('token'));
      return sendPage(c, page(lang, t.followTitle, `<p>${t.followed}</p>`, back));
    } catch (err) {
      if (!(err instanceof ConfirmationError)) throw err;
      c.status(err.reason === 'unknown' ? 404 : 410);
      return sendPage(c, page(lang, t.followTitle, `<p>${t.reasons[err.reason]}</p>`, back));
    }
  });

  app.get('/sluta-folja/:token', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, page(lang, t.leaveTitle, `<p>${t.leaveAsk}</p>\n${form(`/sluta-folja/${encodeURIComponent(c.req.param('token'))}?lang=${lang}`, button(t.leaveButton))}`));
  });

  app.post('/sluta-folja/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const left = token.length <= 100 && (await stopFollowing(db, token));
    if (!left) c.status(404);
    return sendPage(c, page(lang, t.leaveTitle, `<p>${left ? t.left : t.leaveUnknown}</p>`, backAddress(config, undefined)));
  });

  const ratingForm = (lang: Lang, token: string, problem?: string) => {
    const t = text[lang];
    const options = t.scale.map((label, i) => `<label><input type="radio" name="score" value="${i + 1}" required> ${label}</label>`).join('\n');
    const error = problem ? `<p class="problem" id="problem" role="alert">${problem}</p>\n` : '';
    const fieldset = `<fieldset class="scale"${problem ? ' aria-describedby="problem"' : ''}><legend>${t.rateTitle}</legend>\n${options}\n</fieldset>`;
    return `<p>${t.rateAsk}</p>\n${error}${form(`/dialog-betyg/${encodeURIComponent(token)}?lang=${lang}`, `${fieldset}\n${button(t.send)}`)}`;
  };

  app.get('/dialog-betyg/:token', (c) => {
    const lang = langOf(c.req.query('lang'));
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, page(lang, text[lang].rateTitle, ratingForm(lang, c.req.param('token'))));
  });

  app.post('/dialog-betyg/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const score = Number(body.score);
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      c.status(400);
      return sendPage(c, page(lang, t.rateTitle, ratingForm(lang, token, t.choose)));
    }
    const rated = token.length <= 100 ? await rateDialogue(db, token, score) : 'unknown';
    if (rated === 'unknown' || rated === 'used') c.status(rated === 'unknown' ? 404 : 409);
    const message = rated === 'unknown' ? t.rateUnknown : rated === 'used' ? t.rateUsed : t.rated;
    return sendPage(c, page(lang, t.rateTitle, `<p>${message}</p>`, backAddress(config, undefined)));
  });

  return app;
}
