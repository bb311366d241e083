// Browser tests for the widgets and the staff console, in Debian's Chromium. They talk to
// the real Medverka server: this config starts it in-process on a free port, over a fresh
// SQLite file seeded with what the tests need, and tells the tests its address through the
// virtual module /test-api.js. Widgets call it cross-origin, as on a municipality's page;
// the console calls /api/* on the test page's own origin, which is passed through to the
// server, so its session cookie and same-origin checks work as they do at /admin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { serve } from '@hono/node-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { createApp } from './server/app.ts';
import { loadConfig } from './server/config.ts';
import { createDatabase, migrateToLatest } from './server/db/index.ts';
import { createLogger } from './server/log.ts';
import { createMailer, findLinks } from './server/mail/mailer.ts';
import { chromiumArgs, chromiumPath } from './test/chromium.ts';
import { seedWidgetTestData } from './test/widgets/seed.ts';
import { parseOpeningHours } from './server/chat/hours.ts';
import { publishChange } from './server/chat/live.ts';
import { addMessage, chatAgents, claimConversation, endConversation, startConversation } from './server/chat/store.ts';
import { createLiveBus } from './server/live/bus.ts';
import { movePoll } from './server/polls/store.ts';
import { confirmMember, createSurvey, inviteMembers, joinPanel, moveSurvey } from './server/panel/store.ts';


const cdpSessions = new WeakMap();

function medverkaServer() {
  let server;
  let db;
  let dir;
  let apiUrl;
  let appConfig;
  let live;
  const sentMails = [];
  return {
    name: 'medverka-api-server',
    apiUrl: () => apiUrl,
    async serverStart({ config }) {
      dir = mkdtempSync(join(tmpdir(), 'medverka-wtr-'));
      const testOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      appConfig = loadConfig({
        PUBLIC_URL: testOrigin,
        LOG_LEVEL: 'silent',
        ALLOWED_ORIGINS: `${testOrigin},http://127.0.0.1:${config.port}`,
        POW_MAX_NUMBER: '1000',
        OUTBOX_DIR: join(dir, 'outbox'),
      });
      db = createDatabase({ kind: 'sqlite', file: join(dir, 'widgets.sqlite') });
      await migrateToLatest(db);
      await seedWidgetTestData(db);
      // The real outbox mailer, tapped so a test can follow a mailed link as a resident would.
      const outbox = createMailer(appConfig, createLogger('silent'));
      const mailer = {
        send: (mail) => {
          sentMails.push(mail);
          return outbox.send(mail);
        },
        close: () => outbox.close(),
      };
      // The app's live bus, made here so that the chat's test commands can publish on it.
      live = createLiveBus(appConfig, db, createLogger('silent'));
      const app = createApp({ config: appConfig, db, log: createLogger('silent'), mailer, live });
      // A route that never answers, to hold a widget in its loading state.
      app.get('/hang/*', () => new Promise(() => {}));
      await new Promise((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
          apiUrl = `http://127.0.0.1:${info.port}/`;
          resolve();
        });
      });
    },
    async serverStop() {
      server?.closeAllConnections?.();
      server?.close();
      await live?.close();
      await db?.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async serve(context) {
      if (context.path === '/test-api.js') {
        return { body: `export const api = ${JSON.stringify(apiUrl)};\nexport const hangingApi = ${JSON.stringify(`${apiUrl}hang/`)};\n`, type: 'js' };
      }
      return undefined;
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'follow-mailed-link') {
        // The newest mail to payload.to with a confirmation link: press its button (POST).
        const mail = sentMails.findLast((m) => m.to === payload.to && findLinks(m.text).some((l) => l.includes('/bekrafta/')));
        if (!mail) return { status: 0 };
        const link = new URL(findLinks(mail.text).find((l) => l.includes('/bekrafta/')));
        const res = await fetch(new URL(link.pathname + link.search, apiUrl), { method: 'POST' });
        return { status: res.status };
      }
      // The chat's tests: opening hours, and the staff's side of a conversation.
      if (command === 'poll-move') {
        // Staff open or close a poll without the live stream telling pages (a page that still
        // shows it open must then meet the server's refusal).
        await movePoll(db, payload.id, payload.to);
        return true;
      }
      if (command === 'chat-hours') {
        // The routes read the configuration on every request, so this takes effect at once.
        appConfig.chatHours = parseOpeningHours(payload.hours, appConfig.chatHours.timeZone);
        return true;
      }
      if (command === 'chat-start') {
        // A conversation started as the widget's form would (without its proof of work and per-address limit).
        const started = await startConversation(db, { name: null, email: null, lang: 'sv', ...payload });
        await publishChange(live, started.conversationId);
        return { id: started.conversationId, token: started.token, message: started.message };
      }
      if (command === 'chat-staff-reply' || command === 'chat-staff-close') {
        const agents = await chatAgents(db);
        const agent = agents.find((a) => a.name === payload.staffName) ?? agents[0];
        if (command === 'chat-staff-close') {
          await endConversation(db, payload.conversationId, { author: 'staff', name: agent.name });
        } else {
          // As the console does: the agent takes the conversation (a `joined` message) and answers.
          await claimConversation(db, payload.conversationId, agent);
          await addMessage(db, payload.conversationId, 'staff', agent.name, payload.body);
        }
        // `quiet`: the pages following the conversation are not told (to test a widget that writes in an ended conversation).
        if (!payload.quiet) await publishChange(live, payload.conversationId);
        return true;
      }
      // The citizen panel's and the survey's tests.
      if (command === 'panel-districts') {
        // What the joining form asks is read from the configuration on every request.
        appConfig.panel.districts = payload.districts;
        return true;
      }
      if (command === 'survey-create') {
        // A survey (payload.survey: title, intro, audience, pages) taken as staff would: approved,
        // then sent (panel: payload.member, made a confirmed member first, gets a personal token) or
        // opened, and closed if payload.closed.
        const at = new Date().toISOString();
        const id = await createSurvey(db, payload.survey);
        await moveSurvey(db, id, ['draft'], { status: 'approved', approved_by: 'Test', approved_at: at });
        let token = null;
        if (payload.survey.audience === 'panel') {
          if (payload.member) {
            const joined = await joinPanel(db, { email: payload.member, lang: 'sv' });
            if (joined.token) await confirmMember(db, joined.token);
          }
          const recipients = await inviteMembers(db, id);
          token = recipients?.find((r) => r.email === payload.member)?.surveyToken ?? null;
        } else {
          await moveSurvey(db, id, ['approved'], { status: 'open' });
        }
        if (payload.closed) await moveSurvey(db, id, ['sent', 'open'], { status: 'closed', closed_at: at });
        return { id, token };
      }
      // Neither @web/test-runner-commands nor puppeteer emulate forced colours; the
      // DevTools protocol does.
      if (command !== 'forced-colors') return undefined;
      // The emulation lasts as long as its DevTools session, so keep one per page.
      const page = session.browser.getPage(session.id);
      if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
      await cdpSessions.get(page).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/** Passes the test page's /api/*, /embed/* and poll page (/present/*, /snabbfraga/*) requests to the Medverka server. */
function passThrough(getApiUrl) {
  return async (ctx, next) => {
    if (!/^\/(api|embed|present|snabbfraga)\//.test(ctx.path)) return next();
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const headers = { ...ctx.headers };
    delete headers.host;
    delete headers['content-length'];
    const res = await fetch(new URL(ctx.url, getApiUrl()), {
      method: ctx.method,
      headers,
      body: ['GET', 'HEAD'].includes(ctx.method) ? undefined : Buffer.concat(chunks),
      redirect: 'manual',
    });
    ctx.status = res.status;
    res.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie'].includes(name)) ctx.set(name, value);
    });
    const cookies = res.headers.getSetCookie();
    if (cookies.length) ctx.set('Set-Cookie', cookies);
    // Server-sent events (the console's chat inbox) are passed on as they come, not when they end.
    if (res.body && res.headers.get('content-type')?.startsWith('text/event-stream')) {
      const events = Readable.fromWeb(res.body);
      // The page went away: end the server's side of the stream too.
      ctx.res.once('close', () => events.destroy());
      ctx.body = events;
      return;
    }
    ctx.body = Buffer.from(await res.arrayBuffer());
  };
}

const server = medverkaServer();

export default {
  files: ['test/widgets/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), server],
  middleware: [passThrough(() => server.apiUrl())],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } })],
  testFramework: { config: { timeout: 10000 } },
};
