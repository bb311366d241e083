import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { sendPage, type AppEnv } from '../http.js';
import { backAddress, escapeHtml, residentPage, langOf, type Lang } from '../pages/html.js';
import { findSurvey, leavePanel } from './store.js';


const text = {
  sv: {
    leaveTitle: 'Lämna medborgarpanelen',
    leaveAsk: 'Tryck på knappen för att lämna kommunens medborgarpanel. Ditt namn och din e-postadress raderas och du får inga fler mejl från panelen. Svar du redan har lämnat finns kvar, utan koppling till dig.',
    leaveButton: 'Lämna panelen',
    left: 'Du har lämnat medborgarpanelen. Ditt namn och din e-postadress är raderade. Tack för att du var med!',
    unknown: 'Länken fungerar inte. Du kanske redan har lämnat panelen, eller så har inte hela länken kommit med från mejlet.',
    survey: 'Enkät',
  },
  en: {
    leaveTitle: 'Leave the citizen panel',
    leaveAsk: 'Press the button to leave the municipality’s citizen panel. Your name and e-mail address are deleted and you get no more mails from the panel. Answers you have already given stay, no longer linked to you.',
    leaveButton: 'Leave the panel',
    left: 'You have left the citizen panel. Your name and e-mail address are deleted. Thank you for taking part!',
    unknown: 'This link does not work. Perhaps you have already left the panel, or the whole link did not come along from the e-mail.',
    survey: 'Survey',
  },
};

/**
 * The leave page every panel mail links to, and the page a survey invitation opens. Opening
 * the leave link only shows a button (mail scanners open every link); pressing it leaves.
 * The survey's secret is in the address's #fragment, so it never reaches this server.
 */
export function panelPages({ db, config }: Deps) {
  const app = new Hono<AppEnv>();
  const page = (lang: Lang, title: string, body: string, options: { heading?: boolean; head?: string; back?: string } = {}) =>
    residentPage(config, { lang, title, body, ...options });

  app.get('/lamna-panelen/:token', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    const action = `/lamna-panelen/${encodeURIComponent(c.req.param('token'))}?lang=${lang}`;
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(c, page(lang, t.leaveTitle, `<p>${t.leaveAsk}</p>\n<form method="post" action="${escapeHtml(action)}"><button class="button" type="submit">${t.leaveButton}</button></form>`));
  });

  app.post('/lamna-panelen/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = text[lang];
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('token');
    const left = token.length <= 100 && (await leavePanel(db, token));
    if (!left) c.status(404);
    return sendPage(c, page(lang, t.leaveTitle, `<p>${left ? t.left : t.unknown}</p>`, { back: backAddress(config, undefined) }));
  });

  app.get('/enkat/:id{[1-9][0-9]{0,9}}', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const id = Number(c.req.param('id'));
    const survey = await findSurvey(db, id);
    // The widget itself says when a survey is not there; the title only names a real one.
    const title = survey && survey.status !== 'draft' && survey.status !== 'approved' ? (lang === 'en' ? (survey.title_en ?? survey.title_sv) : survey.title_sv) : text[lang].survey;
    c.header('Referrer-Policy', 'no-referrer');
    return sendPage(
      c,
      page(lang, title, `<medverka-survey survey="${id}"></medverka-survey>`, { heading: false, head: '<script type="module" src="/widgets/medverka.js"></script>\n' }),
    );
  });

  return app;
}
