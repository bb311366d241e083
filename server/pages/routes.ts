import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { errorJson } from '../errors.js';
import { sendPage, type AppEnv } from '../http.js';
import { demoBudgetResultsLead, demoBudgetSlug } from '../budgets/seed.js';
import { findDemoPoll } from '../polls/seed.js';
import { embedAttributes, findEmbeddable } from './embeds.js';
import { escapeHtml, fillTemplate, langOf, residentCss, type Lang } from './html.js';

const here = import.meta.dirname;
const demoTemplate = readFileSync(resolve(here, 'demo.html'), 'utf8');


const demoText = {
  sv: {
    pageTitle: 'Engagera dig',
    lead: 'Vill du vara med och forma Exempelby? Här hittar du alla sätt att påverka – från en snabb synpunkt till att engagera dig politiskt.',
    sidebarLabel: 'Kontakt',
    sidebar:
      '<h2>Frågor?</h2><p>Kontaktcenter svarar vardagar 8–17.</p><p>Telefon: 0123-45 67 00<br>E-post: kommun@exempelby.se</p><medverka-chat></medverka-chat>',
    sections: [
      ['forslag', 'Synpunkter och e-förslag', 'Alla som bor, arbetar eller studerar i kommunen får lämna e-förslag. Ett förslag som får tillräckligt många underskrifter behandlas av ansvarig nämnd.'],
      ['politik', 'Politiskt engagemang', 'Kommunfullmäktige sammanträder en gång i månaden och mötena är öppna för alla.'],
      ['samrad', 'Samråd om stadsmiljön', 'När en ny detaljplan tas fram får alla tycka till under samrådet.'],
      ['ideellt', 'Ideellt engagemang', 'Föreningslivet behöver fler ledare, volontärer och styrelseledamöter.'],
      ['skapa', 'Skapa något', 'Kulturbidrag och evenemangsstöd kan sökas löpande under året.'],
      ['hjalpa', 'Hjälpa en medmänniska', 'Som kontaktperson eller god man gör du stor skillnad för någon i din närhet.'],
    ],
    otherLang: 'en',
    otherLangLabel: 'In English',
    budgetTitle: 'Medborgarbudget',
    budgetLead: 'Var med och bestäm vad en del av kommunens investeringar ska gå till. Fördela pengarna, skicka in och bekräfta med e-post.',
    petitionsTitle: 'E-förslag',
    petitionsLead: 'Här kan du skriva under förslag från andra invånare, eller skriva ett eget. Förslag med tillräckligt många underskrifter besvaras av ansvarig nämnd.',
    pollTitle: 'Snabbfråga',
    pollLead: 'Svara med ett klick och se vad andra tycker. Resultatet uppdateras medan frågan är öppen.',
    presenterLink: 'Öppna presentationsvyn för storbildsskärmen',
    dialoguesTitle: 'Dialoger med kommunen',
    dialoguesLead: 'Se vad kommunen vill veta vad du tycker om, vad du kan påverka och vad som hände sen. Följ en dialog så får du ett mejl när kommunen berättar vad den ledde till.',
    panelTitle: 'Medborgarpanelen',
    panelLead: 'Gå med i medborgarpanelen och svara på några frågor några gånger om året. Du får alltid veta vad dina svar ledde till.',
    iframeTitle: 'Engagera dig (iframe)',
    iframeLead: 'Samma rutor inbäddade med en iframe, för publiceringssystem som inte tillåter skript.',
    municipality: 'Exempelby kommun',
    mainMenu: 'Huvudmeny',
    menu: ['Bo och leva', 'Barn och utbildning', 'Omsorg och hjälp', 'Kommun och politik'],
    youAreHere: 'Du är här',
    home: 'Startsida',
    section: 'Kommun och politik',
    phone: '0123-45 67 00',
    footerLinks: ['Om webbplatsen', 'Tillgänglighetsredogörelse', 'Personuppgifter'],
  },
  en: {
    pageTitle: 'Get involved',
    lead: 'Want to help shape Exempelby? Here are all the ways to have your say – from quick feedback to getting involved in politics.',
    sidebarLabel: 'Contact',
    sidebar:
      '<h2>Questions?</h2><p>The contact centre answers on weekdays 8–17.</p><p>Phone: +46 123 45 67 00<br>E-mail: kommun@exempelby.se</p><medverka-chat></medverka-chat>',
    sections: [
      ['forslag', 'Feedback and e-petitions', 'Anyone who lives, works or studies in the municipality may submit an e-petition.'],
      ['politik', 'Getting involved in politics', 'The municipal council meets once a month and its meetings are open to all.'],
      ['samrad', 'Consultations on the townscape', 'When a new local plan is drawn up, everyone may comment during the consultation.'],
      ['ideellt', 'Volunteering', 'Local associations need more leaders, volunteers and board members.'],
      ['skapa', 'Create something', 'Culture and event grants can be applied for all year round.'],
      ['hjalpa', 'Help a fellow human being', 'As a support person or guardian you make a real difference to someone near you.'],
    ],
    otherLang: 'sv',
    otherLangLabel: 'På svenska',
    budgetTitle: 'Citizens’ budget',
    budgetLead: 'Help decide what part of the municipality’s investments goes to. Share out the money, send it and confirm by e-mail.',
    petitionsTitle: 'E-petitions',
    petitionsLead: 'Sign other residents’ proposals here, or write your own. Proposals with enough signatures are answered by the committee responsible.',
    pollTitle: 'Quick question',
    pollLead: 'Answer with one click and see what others think. The results update while the question is open.',
    presenterLink: 'Open the presenter view for the big screen',
    dialoguesTitle: 'Dialogues with the municipality',
    dialoguesLead: 'See what the municipality wants your views on, what you can influence and what came of it. Follow a dialogue to get an e-mail when the municipality tells what it led to.',
    panelTitle: 'The citizen panel',
    panelLead: 'Join the citizen panel and answer a few questions a few times a year. You always hear what your answers led to.',
    iframeTitle: 'Get involved (iframe)',
    iframeLead: 'The same tiles embedded with an iframe, for publishing systems that do not allow scripts.',
    municipality: 'Exempelby Municipality',
    mainMenu: 'Main menu',
    menu: ['Housing and living', 'Children and education', 'Care and support', 'Municipality and politics'],
    youAreHere: 'You are here',
    home: 'Home',
    section: 'Municipality and politics',
    phone: '+46 123 45 67 00',
    footerLinks: ['About this website', 'Accessibility statement', 'Personal data'],
  },
} as const;

export function pageRoutes({ config, db }: Deps) {
  const app = new Hono<AppEnv>();

  // The resident pages' stylesheet (pages/html.ts residentPage), in the municipality's colour.
  const sidorCss = residentCss(config.brandColor);
  app.get('/sidor.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(sidorCss);
  });
  const base = config.publicUrl.href.replace(/\/$/, '');

  app.get('/', (c) =>
    sendPage(
      c,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Medverka</title></head><body>` +
        `<h1>Medverka</h1><p>Embeddable citizen-dialogue widgets for municipalities.</p><ul>` +
        `<li><a href="/demo">Demo page (Swedish)</a> · <a href="/demo?lang=en">English</a></li>` +
        `<li><a href="/demo/iframe">Demo of the iframe embed</a></li>` +
        `<li><a href="/demo/e-forslag">Demo of e-petitions</a></li>` +
        `<li><a href="/demo/budget">Demo of a participatory budget</a></li>` +
        `<li><a href="/demo/snabbfraga">Demo of a quick poll</a> (and its presenter view)</li>` +
        `<li><a href="/demo/panel">Demo of the citizen panel</a></li>` +
        `<li><a href="/demo/dialoger">Demo of the dialogue register</a></li>` +
        `<li><a href="/admin">Staff console</a></li>` +
        `<li><a href="/api/docs">API documentation</a> (<a href="/api/openapi.json">OpenAPI</a>)</li>` +
        `<li><a href="/healthz">Health</a></li></ul></body></html>`,
    ),
  );

  const demoPage = (lang: Lang, widget: string, title: string, lead: string) => {
    const t = demoText[lang];
    const home = lang === 'en' ? '/demo?lang=en' : '/demo';
    const body = t.sections
      .map(([id, heading, text]) => `<section id="${id}"><h2>${escapeHtml(heading)}</h2><p>${escapeHtml(text)}</p></section>`)
      .join('\n      ');
    return fillTemplate(demoTemplate, {
      lang,
      origin: escapeHtml(base),
      pageTitle: escapeHtml(title),
      lead: escapeHtml(lead),
      widget,
      body,
      sidebarLabel: escapeHtml(t.sidebarLabel),
      sidebar: t.sidebar,
      otherLang: t.otherLang,
      otherLangLabel: escapeHtml(t.otherLangLabel),
      otherLangHref: lang === 'sv' ? '/demo?lang=en' : '/demo',
      municipality: escapeHtml(t.municipality),
      mainMenu: escapeHtml(t.mainMenu),
      menu: t.menu.map((item) => `<li><a href="${home}">${escapeHtml(item)}</a></li>`).join('\n        '),
      youAreHere: escapeHtml(t.youAreHere),
      home: escapeHtml(t.home),
      homeHref: home,
      section: escapeHtml(t.section),
      phone: escapeHtml(t.phone),
      footerLinks: t.footerLinks.map((item) => `<a href="${home}">${escapeHtml(item)}</a>`).join(' · '),
    });
  };

  app.get('/demo', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    return sendPage(c, demoPage(lang, '<medverka-tiles set="engagera-dig"></medverka-tiles>', t.pageTitle, t.lead));
  });

  app.get('/demo/iframe', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    const src = `${base}/embed/tiles/engagera-dig${lang === 'en' ? '?lang=en' : ''}`;
    const widget =
      `<div class="frame-demo"><iframe src="${escapeHtml(src)}" title="${escapeHtml(t.pageTitle)}" height="600" loading="lazy"></iframe></div>\n` +
      `      <script src="${escapeHtml(base)}/widgets/frame-resizer.js" async></script>`;
    return sendPage(c, demoPage(lang, widget, t.iframeTitle, t.iframeLead));
  });

  app.get('/demo/e-forslag', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    return sendPage(c, demoPage(lang, '<medverka-petitions></medverka-petitions>', t.petitionsTitle, t.petitionsLead));
  });

  app.get('/demo/budget', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    const lead = (await demoBudgetResultsLead(db, lang)) ?? t.budgetLead;
    return sendPage(c, demoPage(lang, `<medverka-budget budget="${demoBudgetSlug}"></medverka-budget>`, t.budgetTitle, lead));
  });

  app.get('/demo/snabbfraga', async (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    const id = await findDemoPoll(db);
    if (id === undefined) return errorJson(c, 404, 'not_found', 'There is no demo poll: the server was started with SEED_DEMO=false.');
    const presenter = `/present/poll/${id}${lang === 'en' ? '?lang=en' : ''}`;
    const widget = `<medverka-poll poll="${id}"></medverka-poll>\n      <p><a href="${presenter}" target="_blank">${escapeHtml(t.presenterLink)}</a></p>`;
    return sendPage(c, demoPage(lang, widget, t.pollTitle, t.pollLead));
  });

  app.get('/demo/dialoger', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    return sendPage(c, demoPage(lang, '<medverka-dialogues></medverka-dialogues>', t.dialoguesTitle, t.dialoguesLead));
  });

  app.get('/demo/panel', (c) => {
    const lang = langOf(c.req.query('lang'));
    const t = demoText[lang];
    return sendPage(c, demoPage(lang, '<medverka-panel></medverka-panel>', t.panelTitle, t.panelLead));
  });

  app.get('/admin', (c) => {
    const lang = langOf(c.req.query('lang'));
    return sendPage(
      c,
      `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
        `<title>Medverka – ${lang === 'en' ? 'staff' : 'personal'}</title>\n<link rel="icon" href="/favicon.svg">\n<link rel="stylesheet" href="/admin/console.css">\n` +
        `<script type="module" src="/widgets/console.js"></script>\n</head>\n<body>\n<medverka-console></medverka-console>\n</body>\n</html>\n`,
    );
  });
  app.get('/admin/console.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    // body > main: the confirmation pages and the petition page; the console has no <main> here.
    return c.body(
      'html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f6f4;color:#1b1b1b}body{margin:0}' +
        'body>main{box-sizing:border-box;max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem;line-height:1.5}\n',
    );
  });

  app.use('/demo/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
  });
  app.use(
    '/demo/assets/*',
    serveStatic({ root: relative(process.cwd(), resolve(here, 'assets')) || '.', rewriteRequestPath: (p) => p.replace(/^\/demo\/assets/, '') }),
  );
  app.get('/embed/embed.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body('html,body{margin:0;padding:0;background:transparent}body{padding:2px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}\n');
  });

  app.get('/embed/:widget/:id', (c) => {
    const { widget, id } = c.req.param();
    const spec = findEmbeddable(widget);
    if (!spec) return errorJson(c, 404, 'not_found', `There is no widget called "${widget}" to embed.`);
    const attributes = embedAttributes(spec, id);
    // An id the widget does not take names no page, just as an unknown widget does.
    if (!attributes) {
      const hint = spec.attribute === null ? `it is embedded at /embed/${widget}/${spec.id}` : `the ${spec.attribute} is ${spec.idRule}`;
      return errorJson(c, 404, 'not_found', `There is nothing to embed at that address: ${hint}.`);
    }
    const attrs = Object.entries({ ...attributes, api: base })
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('');
    const lang = langOf(c.req.query('lang'));
    const label = escapeHtml(spec.label[lang]);
    // The widget in the page's one main landmark, named for what it is, as the page's title.
    const html =
      `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      // Links leave the frame for the whole window: the sites they lead to may refuse to be framed.
      `<base target="_top">\n<title>${label} – Medverka</title>\n<link rel="stylesheet" href="/embed/embed.css">\n` +
      `<script type="module" src="/widgets/medverka.js"></script>\n<script type="module" src="/widgets/embed-frame.js"></script>\n</head>\n` +
      `<body>\n<main aria-label="${label}"><${spec.tag}${attrs}></${spec.tag}></main>\n</body>\n</html>\n`;
    return sendPage(c, html, { frameAncestors: config.allowedOrigins });
  });

  return app;
}
