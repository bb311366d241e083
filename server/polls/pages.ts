import { Hono } from 'hono';
import encodeQR from 'qr';
import type { Deps } from '../deps.js';
import { sendPage, type AppEnv } from '../http.js';
import { escapeHtml, langOf, type Lang } from '../pages/html.js';
import type { PublicPoll } from './schemas.js';
import { findPublicPoll } from './store.js';


const text = {
  sv: {
    missingTitle: 'Frågan finns inte',
    missing: 'Det finns ingen öppen eller stängd fråga med det numret. Kontrollera adressen, eller öppna frågan i personalens verktyg.',
    join: 'Svara med mobilen',
    joinHow: 'Skanna koden med mobilens kamera, eller skriv adressen:',
    qr: (address: string) => `QR-kod till ${address}`,
    otherLang: { lang: 'en', label: 'In English' },
  },
  en: {
    missingTitle: 'There is no such poll',
    missing: 'There is no open or closed poll with that number. Check the address, or open the poll from the staff console.',
    join: 'Answer on your phone',
    joinHow: 'Scan the code with your phone’s camera, or type the address:',
    qr: (address: string) => `QR code for ${address}`,
    otherLang: { lang: 'sv', label: 'På svenska' },
  },
};

/**
 * The presenter page fills the window, so the results read from the back of a meeting room;
 * beside the results (below them on a narrow screen), the QR code and short address the
 * audience answers through. The answer page is a plain page around the poll, for a phone.
 */
const pollPagesCss =
  'html,body{margin:0}' +
  'html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#fff;color:#1b1b1b}' +
  'body.present{min-height:100vh;display:flex;flex-direction:column;font-size:clamp(1rem,0.6rem + 1.4vw,2.5rem)}' +
  'main.present{flex:1;display:flex;flex-direction:column;min-width:0}' +
  'main.present>medverka-poll{display:block;flex:1;box-sizing:border-box;padding:2vmin 4vmin}' +
  '.join{box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:0.5em;padding:4vmin;text-align:center;border-top:2px solid #767676}' +
  '.join h2{font-size:1.25em;margin:0}' +
  '.join p{margin:0;line-height:1.4}' +
  '.join .qr{display:block;width:min(70vw,14em);height:auto;background:#fff;color:#000;forced-color-adjust:none}' +
  '.join .address{font-size:1.1em;font-weight:700;overflow-wrap:anywhere}' +
  '@media (min-width:60em) and (orientation:landscape){body.present{flex-direction:row}' +
  '.join{width:min(32vw,26em);border-top:0;border-left:2px solid #767676}.join .qr{width:min(100%,42vh)}}' +
  'main.answer,main.missing{box-sizing:border-box;max-width:40rem;margin:0 auto;padding:1.5rem 1rem;line-height:1.5}' +
  'main.answer>medverka-poll{display:block;min-height:20rem}' +
  'main.answer>p{margin:2rem 0 0}' +
  '.join a,main a{color:#005a9c}\n';

/**
 * The presenter page: a poll's question and live results, full window, for a projector at a
 * meeting, with a QR code and a short address (/p/<id>) for the audience's phones. Staff open
 * it from the console; the short address leads to the answer page (/snabbfraga/<id>).
 */
export function pollPages({ db, config }: Deps) {
  const app = new Hono<AppEnv>();
  const base = config.publicUrl.href.replace(/\/$/, '');
  const idOf = (raw: string) => (/^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : undefined);
  const find = async (raw: string) => {
    const id = idOf(raw);
    return id === undefined ? undefined : findPublicPoll(db, id);
  };
  const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
  const questionOf = (poll: PublicPoll, lang: Lang) => (lang === 'en' ? (poll.question.en ?? poll.question.sv) : poll.question.sv);

  const head = (lang: Lang, title: string) =>
    `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(title)}</title>\n<link rel="icon" href="/favicon.svg">\n<link rel="stylesheet" href="/present/present.css">\n`;

  const missingPage = (c: Parameters<typeof sendPage>[0], lang: Lang) => {
    const t = text[lang];
    c.status(404);
    return sendPage(c, `${head(lang, t.missingTitle)}</head>\n<body>\n<main class="missing">\n<h1>${escapeHtml(t.missingTitle)}</h1>\n<p>${escapeHtml(t.missing)}</p>\n</main>\n</body>\n</html>\n`);
  };

  app.get('/present/present.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(pollPagesCss);
  });

  app.get('/present/poll/:id', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const poll = await find(c.req.param('id'));
    if (!poll) return missingPage(c, lang);
    const t = text[lang];
    // The address the room types, and the QR code holds: short, on this server, in the page's language.
    const url = `${base}/p/${poll.id}${langQuery(lang)}`;
    const address = url.replace(/^https?:\/\//, '');
    // Quiet zone of four modules, as the QR standard asks; the SVG is only a path, no style attribute.
    const qr = encodeQR(url, 'svg', { border: 4 }).replace(/^<svg /, `<svg class="qr" role="img" aria-label="${escapeHtml(t.qr(address))}" `);
    return sendPage(
      c,
      `${head(lang, questionOf(poll, lang))}<script type="module" src="/widgets/medverka.js"></script>\n</head>\n` +
        `<body class="present">\n<main class="present">\n<medverka-poll poll="${poll.id}" presenter></medverka-poll>\n</main>\n` +
        `<aside class="join" aria-labelledby="join-heading">\n<h2 id="join-heading">${escapeHtml(t.join)}</h2>\n${qr}\n` +
        `<p>${escapeHtml(t.joinHow)}</p>\n<p class="address">${escapeHtml(address)}</p>\n</aside>\n</body>\n</html>\n`,
    );
  });

  // The short address on the presenter's screen and in its QR code.
  app.get('/p/:id', (c) => {
    const lang = langOf(c.req.query('lang'));
    const id = idOf(c.req.param('id'));
    if (id === undefined) return missingPage(c, lang);
    return c.redirect(`/snabbfraga/${id}${langQuery(lang)}`, 302);
  });

  // The poll alone on a page, for the phones in the room.
  app.get('/snabbfraga/:id', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const poll = await find(c.req.param('id'));
    if (!poll) return missingPage(c, lang);
    const other = text[lang].otherLang;
    return sendPage(
      c,
      `${head(lang, questionOf(poll, lang))}<script type="module" src="/widgets/medverka.js"></script>\n</head>\n` +
        `<body>\n<main class="answer">\n<medverka-poll poll="${poll.id}" heading-level="1"></medverka-poll>\n` +
        `<p><a href="/snabbfraga/${poll.id}${langQuery(other.lang as Lang)}" lang="${other.lang}" hreflang="${other.lang}">${escapeHtml(other.label)}</a></p>\n</main>\n</body>\n</html>\n`,
    );
  });

  return app;
}
