import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { createSurvey, moveSurvey } from '../../server/panel/store.js';
import { seedDemoPoll } from '../../server/polls/seed.js';
import { createPoll, movePoll } from '../../server/polls/store.js';
import { testApp } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

interface ErrorJson {
  error: { status: number; code: string; message: string };
}

type App = Awaited<ReturnType<typeof testApp>>['app'];

/** A page the server serves: answered 200, and its HTML. */
async function page(app: App, path: string) {
  const res = await app.request(path);
  assert.equal(res.status, 200);
  return { res, html: await res.text() };
}

/** One directive of a Content-Security-Policy, as written (undefined when it has none). */
const directive = (csp: string, name: string) => csp.match(new RegExp(`${name} [^;]+`))?.[0];

describe('the server’s own pages', () => {
  it('serves the demo CMS page with the embed code as an editor pastes it, under a strict policy', async () => {
    const { app } = await testApp(null);
    const { res, html } = await page(app, '/demo');
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<script type="module" src="http:\/\/dialog\.test\/widgets\/medverka\.js"><\/script>/);
    assert.match(html, /<medverka-tiles set="engagera-dig"><\/medverka-tiles>/);
    // The chat launcher sits with the contact details, as a municipality would place it.
    assert.match(html, /<aside class="sidebar"[^>]*>[\s\S]*<medverka-chat><\/medverka-chat>[\s\S]*<\/aside>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  });

  it('serves a demo page with the e-petitions list, as an editor would paste it', async () => {
    const { app } = await testApp(null);
    const html = await (await app.request('/demo/e-forslag')).text();
    assert.match(html, /<medverka-petitions><\/medverka-petitions>/);
    assert.match(html, /<h1>E-förslag<\/h1>/);
  });

  it('serves the demo quick poll with a link to its presenter view, and the citizen panel', async () => {
    const { app, db } = await testApp(null);
    assert.equal((await app.request('/demo/snabbfraga')).status, 404, 'no demo poll without SEED_DEMO');
    const id = await seedDemoPoll(db);
    const html = await (await app.request('/demo/snabbfraga')).text();
    assert.match(html, new RegExp(`<medverka-poll poll="${id}"></medverka-poll>`));
    assert.match(html, new RegExp(`<a href="/present/poll/${id}" target="_blank">`));
    assert.equal((await app.request(`/present/poll/${id}`)).status, 200);
    const panel = await (await app.request('/demo/panel?lang=en')).text();
    assert.match(panel, /<medverka-panel><\/medverka-panel>/);
    assert.match(panel, /<h1>The citizen panel<\/h1>/);
  });

  it('serves the demo in English', async () => {
    const { app } = await testApp(null);
    const html = await (await app.request('/demo?lang=en')).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Get involved/);
  });

  it('serves an iframe-ready embed page that only the allowed origins may frame', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se' });
    const { res, html } = await page(app, '/embed/tiles/engagera-dig?lang=en');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<medverka-tiles set="engagera-dig" api="http:\/\/dialog\.test"><\/medverka-tiles>/);
    // The widget in the page's main landmark, named as the page is.
    assert.match(html, /<title>Ways to take part – Medverka<\/title>/);
    // Its links open in the whole window (embed-frame.js points relative ones at the host's site).
    assert.match(html, /<head>[\s\S]*<base target="_top">[\s\S]*<\/head>/);
    assert.match(html, /<body>\s*<main aria-label="Ways to take part"><medverka-tiles [^>]*><\/medverka-tiles><\/main>\s*<\/body>/);
    assert.match(html, /src="\/widgets\/embed-frame\.js"/);
    assert.equal(res.headers.get('content-security-policy')?.match(/frame-ancestors [^;]+/)?.[0], "frame-ancestors 'self' https://www.kommun.se");
    assert.equal(res.headers.get('content-security-policy')?.match(/base-uri [^;]+/)?.[0], "base-uri 'self' https://www.kommun.se");
    assert.equal(res.headers.get('x-frame-options'), null);
  });

  it('refuses unknown widgets and bad ids on the embed page', async () => {
    const { app } = await testApp(null);
    // Not even what every object inherits.
    for (const path of ['/embed/nope/x', '/embed/constructor/x', '/embed/__proto__/x', '/embed/tiles/%22%3E%3Cscript%3E', '/embed/tiles/Stora-Bokstäver']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
      const body = await res.text();
      assert.ok(!body.includes('<script>'), path);
      assert.equal((JSON.parse(body) as ErrorJson).error.code, 'not_found', path);
    }
  });

  it('serves one petition as an iframe-ready page, whose proof of work may use its blob: worker', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se,https://intranat.kommun.se' });
    const { res, html } = await page(app, '/embed/petition/42');
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<medverka-petition petition="42" api="http:\/\/dialog\.test"><\/medverka-petition>/);
    assert.match(html, /<script type="module" src="\/widgets\/medverka\.js"><\/script>/);
    assert.match(html, /<script type="module" src="\/widgets\/embed-frame\.js"><\/script>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.equal(directive(csp, 'frame-ancestors'), "frame-ancestors 'self' https://www.kommun.se https://intranat.kommun.se");
    assert.equal(directive(csp, 'worker-src'), 'worker-src blob:');
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.deepEqual(csp.match(/trusted-types ([^;]+)/)?.[1]?.split(' ').sort(), ['lit-html', 'medverka-pow']);
    assert.equal(res.headers.get('x-frame-options'), null);
    assert.match(await (await app.request('/embed/petition/7?lang=en')).text(), /<html lang="en">[\s\S]*<medverka-petition petition="7" /);
  });

  it('refuses a petition id that is not a positive whole number, as JSON', async () => {
    const { app } = await testApp(null);
    for (const id of ['0', '-1', 'abc', '1e3', '042', '+4', '4.0', '%3Cscript%3E', '%22%3E%3Cscript%3E', '12345678901']) {
      const res = await app.request(`/embed/petition/${id}`);
      assert.equal(res.status, 404, id);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, id);
      const body = await res.text();
      assert.ok(!body.includes('<script>'), id);
      const error = (JSON.parse(body) as ErrorJson).error;
      assert.equal(error.status, 404, id);
      assert.equal(error.code, 'not_found', id);
    }
  });

  it('serves the list of all petitions at its one fixed address: open, answered and closed, as its name says', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se' });
    const { res, html } = await page(app, '/embed/petitions/alla?lang=en');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<medverka-petitions show="all" api="http:\/\/dialog\.test"><\/medverka-petitions>/);
    assert.match(html, /src="\/widgets\/embed-frame\.js"/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.equal(directive(csp, 'frame-ancestors'), "frame-ancestors 'self' https://www.kommun.se");
    assert.equal(directive(csp, 'worker-src'), 'worker-src blob:');
    for (const other of ['all', '42', 'Alla', 'alla-']) assert.equal((await app.request(`/embed/petitions/${other}`)).status, 404, other);
  });

  it('serves a budget as an iframe-ready page, whose proof of work may use its blob: worker', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se' });
    const { res, html } = await page(app, '/embed/budget/investeringar-2027?lang=en');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<medverka-budget budget="investeringar-2027" api="http:\/\/dialog\.test"><\/medverka-budget>/);
    assert.match(html, /<script type="module" src="\/widgets\/medverka\.js"><\/script>/);
    assert.match(html, /<script type="module" src="\/widgets\/embed-frame\.js"><\/script>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.equal(directive(csp, 'frame-ancestors'), "frame-ancestors 'self' https://www.kommun.se");
    assert.equal(directive(csp, 'worker-src'), 'worker-src blob:');
    assert.deepEqual(csp.match(/trusted-types ([^;]+)/)?.[1]?.split(' ').sort(), ['lit-html', 'medverka-pow']);
    assert.equal(res.headers.get('x-frame-options'), null);
    // Any well-formed name gets the page: whether the budget exists (and is not a draft) is the widget's to say.
    assert.match(await (await app.request('/embed/budget/7')).text(), /<html lang="sv">[\s\S]*<medverka-budget budget="7" /);
  });

  it('refuses a budget name that is not one, as JSON', async () => {
    const { app } = await testApp(null);
    const tooLong = 'a'.repeat(65);
    for (const slug of ['Investeringar', '-2027', 'investeringar_2027', 'investeringar%202027', '%C3%A5r-2027', '%22%3E%3Cscript%3E', '%3Cscript%3E', tooLong]) {
      const res = await app.request(`/embed/budget/${slug}`);
      assert.equal(res.status, 404, slug);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, slug);
      const body = await res.text();
      assert.ok(!body.includes('<script>'), slug);
      const error = (JSON.parse(body) as ErrorJson).error;
      assert.equal(error.code, 'not_found', slug);
      assert.match(error.message, /budget/, slug);
    }
    assert.equal((await app.request(`/embed/budget/${'a'.repeat(64)}`)).status, 200, 'the longest name there may be');
  });

  it('tells the embed builder which petitions it can embed: the public ones, newest first', async () => {
    const { app, db } = await testApp(null);
    await seedStaff(db);
    const make = async (title: string, ...moves: ('open' | 'closed' | 'answered' | 'rejected')[]) => {
      const { petitionId, token } = await proposePetition(db, { title, body: `${title}, för att det behövs.`, name: 'Anna', email: 'anna@example.se' }, 100);
      await confirmProposal(db, token);
      for (const to of moves) await movePetition(db, petitionId, to, to === 'answered' ? { answer: 'Tack.' } : to === 'rejected' ? { rejection_reason: 'Inte kommunens sak.' } : {});
      return petitionId;
    };
    const open = await make('Fler bänkar', 'open');
    const closed = await make('Längre öppettider', 'open', 'closed');
    const answered = await make('Belysning', 'open', 'answered');
    await make('Väntar på granskning');
    await make('Avslaget', 'rejected');
    const cookie = await signIn(app, 'chat_agent');
    const res = await staffRequest(app, '/api/staff/embed-info', { cookie });
    assert.equal(res.status, 200);
    const info = (await res.json()) as { petitions: { id: number; title: string }[]; tileSets: unknown[] };
    // Opened one after another (or in the same millisecond, when the newer number comes first).
    assert.deepEqual(info.petitions, [
      { id: answered, title: 'Belysning' },
      { id: closed, title: 'Längre öppettider' },
      { id: open, title: 'Fler bänkar' },
    ]);
    assert.ok(Array.isArray(info.tileSets));
    assert.equal((await staffRequest(app, '/api/staff/embed-info')).status, 401);
  });

  it('serves a quick poll, an open survey and the citizen panel as iframe-ready pages; the chat has none', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se' });
    const expected: [string, RegExp, string][] = [
      ['/embed/poll/7', /<main aria-label="Snabbfråga"><medverka-poll poll="7" api="http:\/\/dialog\.test"><\/medverka-poll><\/main>/, 'Snabbfråga – Medverka'],
      ['/embed/survey/3?lang=en', /<main aria-label="Survey"><medverka-survey survey="3" api="http:\/\/dialog\.test"><\/medverka-survey><\/main>/, 'Survey – Medverka'],
      ['/embed/panel/ga-med', /<main aria-label="Medborgarpanelen"><medverka-panel api="http:\/\/dialog\.test"><\/medverka-panel><\/main>/, 'Medborgarpanelen – Medverka'],
    ];
    for (const [path, element, title] of expected) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(html, element);
      assert.ok(html.includes(`<title>${title}</title>`), path);
      assert.equal(res.headers.get('content-security-policy')?.match(/frame-ancestors [^;]+/)?.[0], "frame-ancestors 'self' https://www.kommun.se", path);
    }
    for (const path of ['/embed/poll/07', '/embed/poll/x', '/embed/survey/0', '/embed/panel/7', '/embed/chat/x']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  it('tells the embed builder which polls and open surveys it can embed: not drafts, not the panel’s, newest first', async () => {
    const { app, db } = await testApp(null);
    await seedStaff(db);
    const poll = async (sv: string, to?: 'open' | 'closed') => {
      const id = await createPoll(db, { question: { sv, en: null }, kind: 'scale', scaleLabels: null });
      if (to) await movePoll(db, id, 'open');
      if (to === 'closed') await movePoll(db, id, 'closed');
      return id;
    };
    const openPoll = await poll('Öppen fråga', 'open');
    await poll('Utkast');
    const closedPoll = await poll('Stängd fråga', 'closed');
    const survey = async (sv: string, audience: 'open' | 'panel', status: 'draft' | 'approved' | 'open' | 'closed') => {
      const id = await createSurvey(db, {
        title: { sv, en: null },
        intro: { sv: '', en: null },
        audience,
        pages: [{ questions: [{ id: 'q', type: 'single', text: { sv: 'Vilken?', en: null }, options: [{ sv: 'A', en: null }, { sv: 'B', en: null }], required: true }] }],
      });
      if (status !== 'draft') await moveSurvey(db, id, ['draft'], { status });
      return id;
    };
    const openSurvey = await survey('Öppen enkät', 'open', 'open');
    const closedSurvey = await survey('Stängd enkät', 'open', 'closed');
    await survey('Godkänd, inte öppnad', 'open', 'approved');
    await survey('Utkast', 'open', 'draft');
    await survey('Panelens enkät', 'panel', 'approved');
    const cookie = await signIn(app, 'chat_agent');
    const info = (await (await staffRequest(app, '/api/staff/embed-info', { cookie })).json()) as { polls: unknown; surveys: unknown };
    assert.deepEqual(info.polls, [
      { id: closedPoll, question: 'Stängd fråga' },
      { id: openPoll, question: 'Öppen fråga' },
    ]);
    assert.deepEqual(info.surveys, [
      { id: closedSurvey, title: 'Stängd enkät' },
      { id: openSurvey, title: 'Öppen enkät' },
    ]);
  });

  it('serves the staff console page under the strict policy, never framed', async () => {
    const { app } = await testApp(null);
    const { res, html } = await page(app, '/admin');
    assert.match(html, /<medverka-console><\/medverka-console>/);
    assert.match(html, /<script type="module" src="\/widgets\/console\.js"><\/script>/);
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.ok(!/<script>/.test(html), 'no inline script');
  });

  it('publishes the OpenAPI document generated from the route schemas, and a docs page', async () => {
    const { app } = await testApp(null);
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/tile-sets/{set}']);
    assert.ok(doc.paths['/api/tile-sets']);
    assert.ok(doc.components.schemas.TileSet);
    assert.ok(doc.components.schemas.Error);
    assert.ok(doc.paths['/api/staff/sign-in']);
    assert.ok(doc.paths['/api/staff/tile-sets/{set}/tiles']);
    assert.ok(doc.components.schemas.TileInput);
    const embedInfo = doc.components.schemas.EmbedInfo as { properties: Record<string, unknown>; required: string[]; allOf?: unknown };
    assert.ok(embedInfo.properties.tileSets && embedInfo.properties.petitions, 'EmbedInfo describes tile sets and petitions');
    assert.ok(embedInfo.required.includes('petitions'));
    assert.ok(embedInfo.properties.budgets && embedInfo.required.includes('budgets'), 'EmbedInfo describes the budgets');
    const docs = await app.request('/api/docs');
    assert.equal(docs.status, 200);
    const html = await docs.text();
    assert.match(html, /GET \/api\/tile-sets\/\{set\}/);
    assert.match(docs.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });
});

describe('the pages residents reach from a mail', () => {
  const env = { MUNICIPALITY_NAME: 'Exempelby kommun', BRAND_COLOR: '#7a1f5c', ALLOWED_ORIGINS: 'https://www.exempelby.se' };

  it('wear the municipality’s name and colour, with a real button, on every kind', async () => {
    const { app } = await testApp(null, env);
    for (const path of ['/bekrafta/underskrift/abc', '/bekrafta/forslag/abc', '/bekrafta/budget/abc', '/bekrafta/panel/abc', '/lamna-panelen/abc', '/e-forslag/1']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(html, /<header class="site"><p class="municipality">Exempelby kommun<\/p><\/header>/, path);
      assert.match(html, /<title>[^<]+ – Exempelby kommun<\/title>/, path);
      assert.match(html, /<link rel="stylesheet" href="\/sidor\.css">/, path);
      if (!path.startsWith('/e-forslag')) assert.match(html, /<button class="button" type="submit">/, path);
    }
    const css = await app.request('/sidor.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    const text = await css.text();
    assert.match(text, /--brand:#7a1f5c/);
    assert.match(text, /\.button\{[^}]*min-height:2\.75rem/, 'buttons at least 44 px high');
  });

  it('lead back to the page the resident came from, when it is one of the municipality’s sites, and never elsewhere', async () => {
    const { app } = await testApp(null, env);
    const from = 'https://www.exempelby.se/bo-och-leva/e-forslag?x=1';
    const form = await (await app.request(`/bekrafta/underskrift/abc?tillbaka=${encodeURIComponent(from)}`)).text();
    assert.match(form, new RegExp(`action="/bekrafta/underskrift/abc\\?lang=sv&#38;tillbaka=${encodeURIComponent(from).replace(/[.?]/g, '\\$&')}"`));
    const onward = (html: string) => /<a class="button secondary" href="([^"]*)">([^<]*)<\/a>/.exec(html);
    const done = await app.request(`/bekrafta/underskrift/abc?tillbaka=${encodeURIComponent(from)}`, { method: 'POST' });
    assert.equal(done.status, 404, 'an unknown link');
    const link = onward(await done.text());
    assert.equal(link?.[1], from);
    assert.equal(link?.[2], 'Tillbaka till Exempelby kommun');
    for (const elsewhere of ['https://evil.example/', 'javascript:alert(1)', '//evil.example/x', 'https://www.exempelby.se.evil.example/']) {
      const res = await app.request(`/bekrafta/budget/abc?lang=en&tillbaka=${encodeURIComponent(elsewhere)}`, { method: 'POST' });
      const l = onward(await res.text());
      assert.equal(l?.[1], 'https://www.exempelby.se/', elsewhere);
      assert.equal(l?.[2], 'Back to Exempelby kommun');
    }
    const left = await app.request('/lamna-panelen/abc', { method: 'POST' });
    assert.equal(onward(await left.text())?.[1], 'https://www.exempelby.se/');
  });

  it('name the server’s host and lead back to it when no name or site is configured', async () => {
    const { app } = await testApp(null);
    const html = await (await app.request('/bekrafta/panel/abc', { method: 'POST' })).text();
    assert.match(html, /<p class="municipality">dialog\.test<\/p>/);
    assert.match(html, /<a class="button secondary" href="http:\/\/dialog\.test\/">Tillbaka till webbplatsen<\/a>/);
  });
});

describe('the demo pages at any width, in either language', () => {
  it('serve the English demo page in English, with lang="en", and the Swedish one in Swedish', async () => {
    const { app } = await testApp(null);
    const en = await (await app.request('/demo/budget?lang=en')).text();
    assert.match(en, /<html lang="en">/);
    for (const swedish of ['Bo och leva', 'Huvudmeny', 'Du är här', 'Startsida', 'Kommun och politik', 'Om webbplatsen', 'Tillgänglighetsredogörelse', 'Personuppgifter', 'Exempelby kommun']) {
      assert.ok(!en.includes(swedish), `no "${swedish}" on the English page`);
    }
    assert.match(en, /<nav aria-label="Main menu">/);
    assert.match(en, /<a href="\/demo" lang="sv">På svenska<\/a>/, 'only the way back to Swedish is in Swedish, marked so');
    const sv = await (await app.request('/demo/budget')).text();
    assert.match(sv, /<html lang="sv">/);
    assert.match(sv, /<nav aria-label="Huvudmeny">/);
    assert.match(sv, /Tillgänglighetsredogörelse/);
  });

  it('keep the page’s own text ragged right, and headings breaking between words only', async () => {
    const { app } = await testApp(null);
    const css = await (await app.request('/demo/assets/cms.css')).text();
    assert.ok(!/text-align:\s*justify/.test(css), 'no justified text');
    const headings = /h1, h2, h3 \{([^}]*)\}/.exec(css)?.[1] ?? '';
    assert.match(headings, /overflow-wrap: normal/);
    assert.match(headings, /hyphens: manual/);
    assert.match(css, /\.breadcrumb ol \{[^}]*flex-wrap: wrap/, 'the breadcrumb wraps at 320 px');
  });
});
