import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { confirmBallot } from '../budgets/store.js';
import { budgetConfirmationSummary } from '../budgets/summary.js';
import { confirmMember } from '../panel/store.js';
import { sendPage, type AppEnv } from '../http.js';
import { backAddress, escapeHtml, residentPage, langOf, type Lang } from '../pages/html.js';
import { petitionTopic } from '../petitions/live.js';
import { petitionPreviewMeta } from '../petitions/link-preview.js';
import { thresholdMail } from '../petitions/mails.js';
import { confirmProposal, confirmSignature, findPetition } from '../petitions/store.js';
import { ConfirmationError } from './links.js';

type Kind = 'forslag' | 'underskrift' | 'budget' | 'panel';

const text = {
  sv: {
    title: { forslag: 'Bekräfta ditt e-förslag', underskrift: 'Bekräfta din underskrift', budget: 'Bekräfta din budget', panel: 'Bekräfta att du vill vara med i medborgarpanelen' },
    ask: {
      forslag: 'Tryck på knappen för att skicka förslaget till granskning.',
      underskrift: 'Tryck på knappen så räknas din underskrift.',
      budget: 'Tryck på knappen så räknas din budget. Har du skickat flera räknas den senaste du bekräftar.',
      panel: 'Tryck på knappen så blir du medlem i kommunens medborgarpanel.',
    },
    button: 'Bekräfta',
    done: {
      forslag: 'Tack! Ditt förslag är skickat till granskning. Du får ett mejl när det har granskats.',
      underskrift: 'Tack! Din underskrift är räknad.',
      budget: 'Tack! Din budget är räknad. Du kan ändra den tills omröstningen stänger: skicka en ny och bekräfta den.',
      panel: 'Tack! Du är nu med i medborgarpanelen. Du får enkäter med e-post, och varje mejl har en länk där du kan lämna panelen.',
    },
    already: 'Din underskrift var redan räknad. Den räknas bara en gång.',
    count: (n: number, t: number) => `Förslaget har nu ${n} av ${t} underskrifter som behövs.`,
    reasons: {
      unknown: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från mejlet.',
      expired: 'Länken har slutat gälla. Gör om det du gjorde, så får du en ny länk.',
      used: 'Länken har redan använts. Det du bekräftade gäller fortfarande.',
      closed: 'Omröstningen har stängt, så din budget kunde inte räknas.',
    },
    petitionClosed: 'Förslaget är stängt för underskrifter, så din underskrift kunde inte räknas.',
  },
  en: {
    title: { forslag: 'Confirm your e-petition', underskrift: 'Confirm your signature', budget: 'Confirm your budget', panel: 'Confirm that you want to join the citizen panel' },
    ask: {
      forslag: 'Press the button to send your petition for review.',
      underskrift: 'Press the button and your signature counts.',
      budget: 'Press the button and your budget counts. If you sent several, the last one you confirm counts.',
      panel: 'Press the button to join the municipality’s citizen panel.',
    },
    button: 'Confirm',
    done: {
      forslag: 'Thank you! Your petition has been sent for review. You will get an e-mail once it has been reviewed.',
      underskrift: 'Thank you! Your signature is counted.',
      budget: 'Thank you! Your budget is counted. You can change it until voting closes: send a new one and confirm it.',
      panel: 'Thank you! You are now in the citizen panel. Surveys come by e-mail, and every mail has a link to leave the panel.',
    },
    already: 'Your signature was already counted. It counts only once.',
    count: (n: number, t: number) => `The petition now has ${n} of the ${t} signatures it needs.`,
    reasons: {
      unknown: 'This link does not work. Check that you copied the whole link from the e-mail.',
      expired: 'This link has expired. Do what you did again and you will get a new link.',
      used: 'This link has already been used. What you confirmed still stands.',
      closed: 'Voting has closed, so your budget could not be counted.',
    },
    petitionClosed: 'The petition is closed for signatures, so your signature could not be counted.',
  },
};

/**
 * The pages a confirmation link in a mail opens. Opening the link shows a button; only
 * pressing it confirms — mail scanners that open every link must not confirm on a
 * resident's behalf. The token is never logged (the access log writes [token] in its place).
 */
export function confirmationPages({ db, config, mailer, live }: Deps) {
  const base = config.publicUrl.href.replace(/\/$/, '');
  const app = new Hono<AppEnv>();
  const page = (lang: Lang, title: string, body: string, options: { heading?: boolean; head?: string; back?: string } = {}) =>
    residentPage(config, { lang, title, body, ...options });
  /** The page the resident came from (?tillbaka=…, checked against the municipality's sites), for the link onward. */
  const back = (c: { req: { query: (name: string) => string | undefined } }) => backAddress(config, c.req.query('tillbaka'));

  // The page mails link to, unless PETITION_PAGE_URL points at the municipality's own page
  // with the widget on it. The widget itself says if the petition is not public.
  app.get('/e-forslag/:id{[1-9][0-9]{0,9}}', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const id = Number(c.req.param('id'));
    const petition = await findPetition(db, id);
    const published = petition && ['open', 'closed', 'answered'].includes(petition.status) ? petition : undefined;
    const title = published ? published.title : lang === 'en' ? 'E-petition' : 'E-förslag';
    // What a shared link shows: only for a public petition.
    const preview = published ? petitionPreviewMeta(published, { url: config.petitions.pageUrl.replace('{id}', String(id)), siteName: config.publicUrl.host, lang }) : '';
    return sendPage(
      c,
      page(lang, title, `<medverka-petition petition="${id}" heading-level="1"></medverka-petition>`, {
        heading: false,
        head: '<script type="module" src="/widgets/medverka.js"></script>\n' + preview,
      }),
    );
  });

  app.get('/bekrafta/:kind{forslag|underskrift|budget|panel}/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const kind = c.req.param('kind') as Kind;
    const t = text[lang];
    const returnTo = c.req.query('tillbaka');
    const action = `/bekrafta/${kind}/${encodeURIComponent(c.req.param('token'))}?lang=${lang}${returnTo ? `&tillbaka=${encodeURIComponent(backAddress(config, returnTo))}` : ''}`;
    c.header('Referrer-Policy', 'no-referrer');
    // A ballot's page shows what is being confirmed (HTML, escaped, from server/budgets).
    const summary = kind === 'budget' ? await budgetConfirmationSummary(db, c.req.param('token'), lang) : '';
    return sendPage(
      c,
      page(lang, t.title[kind], `<p>${t.ask[kind]}</p>\n${summary}<form method="post" action="${escapeHtml(action)}"><button class="button" type="submit">${t.button}</button></form>`),
    );
  });

  app.post('/bekrafta/:kind{forslag|underskrift|budget|panel}/:token', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const kind = c.req.param('kind') as Kind;
    const t = text[lang];
    c.header('Referrer-Policy', 'no-referrer');
    try {
      if (kind === 'forslag') {
        await confirmProposal(db, c.req.param('token'));
        return sendPage(c, page(lang, t.title[kind], `<p>${t.done.forslag}</p>`, { back: back(c) }));
      }
      if (kind === 'budget') {
        await confirmBallot(db, c.req.param('token'));
        return sendPage(c, page(lang, t.title[kind], `<p>${t.done.budget}</p>\n${await budgetConfirmationSummary(db, c.req.param('token'), lang)}`, { back: back(c) }));
      }
      if (kind === 'panel') {
        await confirmMember(db, c.req.param('token'));
        return sendPage(c, page(lang, t.title[kind], `<p>${t.done.panel}</p>`, { back: back(c) }));
      }
      const result = await confirmSignature(db, c.req.param('token'));
      if (result.counted) await live.publish(petitionTopic(result.petitionId));
      if (result.thresholdReached) {
        // Exactly one confirmation sees the threshold crossed, so staff hear it once.
        const staff = await db.selectFrom('staff_users').select('email').where('role', 'in', ['admin', 'moderator']).where('disabled', '=', 0).execute();
        for (const { email } of staff) {
          await mailer.send(thresholdMail(email, result.title, result.signatureCount, `${base}/admin`));
        }
      }
      return sendPage(
        c,
        page(lang, t.title[kind], `<p>${result.counted ? t.done.underskrift : t.already}</p>\n<p>${t.count(result.signatureCount, result.threshold)}</p>`, { back: back(c) }),
      );
    } catch (err) {
      if (!(err instanceof ConfirmationError)) throw err;
      c.status(err.reason === 'unknown' ? 404 : err.reason === 'closed' ? 409 : 410);
      const reason = kind === 'underskrift' && err.reason === 'closed' ? t.petitionClosed : t.reasons[err.reason];
      return sendPage(c, page(lang, t.title[kind], `<p>${reason}</p>`, { back: back(c) }));
    }
  });

  return app;
}
