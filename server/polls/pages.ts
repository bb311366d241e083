import { Hono } from 'hono';
import type { AppDeps } from '../app.js';
import { sendPage, type AppEnv } from '../http.js';
import { escapeHtml } from '../pages/html.js';
import { findPublicPoll } from './store.js';

type Lang = 'sv' | 'en';

const text = {
  sv: { missingTitle: 'Frågan finns inte', missing: 'Det finns ingen öppen eller stängd fråga med det numret. Kontrollera adressen, eller öppna frågan i personalens verktyg.' },
  en: { missingTitle: 'There is no such poll', missing: 'There is no open or closed poll with that number. Check the address, or open the poll from the staff console.' },
};

/** Fills the window, so the results read from the back of a meeting room. */
const presenterCss =
  'html,body{height:100%;margin:0}' +
  'html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#fff;color:#1b1b1b;font-size:clamp(1rem,0.6rem + 1.4vw,2.5rem)}' +
  'body{display:flex;flex-direction:column}' +
  'main.present{flex:1;display:flex;flex-direction:column}' +
  'main.present>medverka-poll{display:block;flex:1;box-sizing:border-box;padding:2vmin 4vmin}' +
  'main.missing{box-sizing:border-box;max-width:48rem;margin:0 auto;padding:1.5rem 1rem;line-height:1.5}\n';

/**
 * The presenter page: a poll's question and live results, full window, for a projector at a
 * meeting. Staff open it from the console; the audience answers on their phones through the
 * municipality's page with the same poll.
 */
export function pollPages({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  const langOf = (v: string | undefined): Lang => (v === 'en' ? 'en' : 'sv');

  app.get('/present/present.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(presenterCss);
  });

  app.get('/present/poll/:id', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const raw = c.req.param('id');
    const poll = /^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? await findPublicPoll(db, Number(raw)) : undefined;
    const head = (title: string) =>
      `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${escapeHtml(title)}</title>\n<link rel="icon" href="/favicon.svg">\n<link rel="stylesheet" href="/present/present.css">\n`;
    if (!poll) {
      const t = text[lang];
      c.status(404);
      return sendPage(c, `${head(t.missingTitle)}</head>\n<body>\n<main class="missing">\n<h1>${escapeHtml(t.missingTitle)}</h1>\n<p>${escapeHtml(t.missing)}</p>\n</main>\n</body>\n</html>\n`);
    }
    const question = lang === 'en' ? (poll.question.en ?? poll.question.sv) : poll.question.sv;
    return sendPage(
      c,
      `${head(question)}<script type="module" src="/widgets/medverka.js"></script>\n</head>\n` +
        `<body>\n<main class="present">\n<medverka-poll poll="${poll.id}" presenter></medverka-poll>\n</main>\n</body>\n</html>\n`,
    );
  });

  return app;
}
