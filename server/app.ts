import { resolve } from 'node:path';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import type { Deps } from './deps.js';
import { errorJson, toErrorResponse } from './errors.js';
import { baseSecurityHeaders, clientIp } from './http.js';
import { sameOriginApiWrites, shedOverload } from './limits.js';
import { originAllowed, originRoutes } from './origins.js';
import { docsRoutes } from './pages/docs.js';
import { pageRoutes } from './pages/routes.js';
import { staticRoutes } from './static.js';
import { consoleOriginWrites, sessionCookie, staffSession } from './staff/guard.js';
import { staffRoutes } from './staff/routes.js';
import { powHeader } from './abuse/proof-of-work.js';
import { powRoutes } from './abuse/routes.js';
import { confirmationPages } from './verify/pages.js';
import { petitionRoutes } from './petitions/routes.js';
import { staffPetitionRoutes } from './petitions/staff-routes.js';
import { budgetRoutes } from './budgets/routes.js';
import { chatRoutes, chatTokenHeader } from './chat/routes.js';
import { staffChatRoutes } from './chat/staff-routes.js';
import { staffBudgetRoutes } from './budgets/staff-routes.js';
import { panelRoutes, surveyTokenHeader } from './panel/routes.js';
import { staffPanelRoutes } from './panel/staff-routes.js';
import { panelPages } from './panel/pages.js';
import { pollRoutes } from './polls/routes.js';
import { staffPollRoutes } from './polls/staff-routes.js';
import { pollPages } from './polls/pages.js';
import { registerRoutes } from './register/routes.js';
import { staffRegisterRoutes } from './register/staff-routes.js';
import { registerPages } from './register/pages.js';
import { tileRoutes } from './tiles/routes.js';
import { staffTileRoutes } from './tiles/staff-routes.js';
import { router } from './openapi.js';
import { sql } from 'kysely';

export interface AppOptions {
  /** Where the built widgets are (dist/ by default). */
  distDir?: string;
  /** Mount GET /api/bench/bare, the benchmark's baseline: the same middleware, no logic. */
  benchRoutes?: boolean;
}

export const repoRoot = resolve(import.meta.dirname, '..');

/** The path as logged: confirmation links carry a secret token, which never reaches a log. */
const loggedPath = (path: string) => path.replace(/^(\/bekrafta\/[a-z]+\/|\/lamna-panelen\/|\/sluta-folja\/|\/dialog-betyg\/)[^/]+/, '$1[token]');

/** The whole server as one Hono app: middleware, routes, one error shape. */
export function createApp(deps: Deps & AppOptions) {
  const { config, db, log } = deps;
  const app = router();
  const distDir = deps.distDir ?? resolve(repoRoot, 'dist');

  app.use(requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const fields = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ip: clientIp(c, config),
    };
    // A 503 is the server shedding load on purpose (or /healthz, which logs its own cause):
    // one error line per refused request would flood the log just when it is busiest.
    if (status >= 500 && status !== 503) log.error('request failed', fields);
    else log.debug('request', fields);
  });
  app.use(baseSecurityHeaders());
  // Before CORS: it answers every page, allowed or not.
  app.route('/api/origin', originRoutes(deps));
  app.use(
    '/api/*',
    cors({
      // Only the municipality's own sites may call the API from a browser.
      origin: (origin) => (originAllowed(config, origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Content-Type', powHeader, chatTokenHeader, surveyTokenHeader],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(shedOverload(config.maxConcurrentRequests));
  app.use('/api/*', sameOriginApiWrites(config));
  app.use(
    bodyLimit({
      maxSize: config.bodyLimit,
      onError: (c) => errorJson(c, 413, 'payload_too_large', `The request body is larger than ${config.bodyLimit} bytes.`),
    }),
  );
  app.use('/api/*', compress());
  // The length of each JSON answer, so that compress() leaves small ones alone: its threshold
  // (1 KB) needs a Content-Length, which c.json() does not set, and gzip on a 60-byte body
  // costs more CPU than it saves bytes. The length is set as the answer is made rather than
  // measured afterwards: reading a finished answer's body makes @hono/node-server build a
  // full Response object, which costs more than the gzip did.
  app.use('/api/*', async (c, next) => {
    c.json = ((object: unknown, arg?: never, headers?: never) => {
      const body = JSON.stringify(object);
      c.header('Content-Type', 'application/json');
      c.header('Content-Length', String(Buffer.byteLength(body)));
      return c.body(body, arg, headers);
    }) as unknown as typeof c.json;
    await next();
  });

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      log.error('health check failed', { error: String(err) });
      return errorJson(c, 503, 'unavailable', 'The database does not answer.');
    }
  });

  // Under /api/ so the baseline passes the same middleware (CORS, ETag, compression).
  if (deps.benchRoutes) app.get('/api/bench/bare', (c) => c.json({ ok: true }));

  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  app.get('/favicon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#005a9c"/><path d="M8 22V10l8 7 8-7v12" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/></svg>',
    );
  });

  app.use('/api/staff/*', consoleOriginWrites(config));
  app.use('/api/staff/*', staffSession(deps));
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffSession', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: 'Set by POST /api/staff/sign-in. Writes must come from the server’s own origin, as JSON.',
  });

  // Each resource at its own prefix, its module's paths relative to it; the OpenAPI document
  // gets the whole paths, as app.route() merges the registries.
  app.route('/api/tile-sets', tileRoutes(deps));
  app.route('/api/pow', powRoutes(deps));
  app.route('/api/petitions', petitionRoutes(deps));
  app.route('/', confirmationPages(deps));
  app.route('/api/staff', staffRoutes({ ...deps, distDir }));
  app.route('/api/staff', staffTileRoutes(deps));
  app.route('/api/staff/petitions', staffPetitionRoutes(deps));
  app.route('/api/budgets', budgetRoutes(deps));
  app.route('/api/chat', chatRoutes(deps));
  app.route('/api/staff/chat', staffChatRoutes(deps));
  app.route('/api/staff/budgets', staffBudgetRoutes(deps));
  app.route('/api', panelRoutes(deps));
  app.route('/api/staff', staffPanelRoutes(deps));
  app.route('/', panelPages(deps));
  app.route('/api/polls', pollRoutes(deps));
  app.route('/api/staff/polls', staffPollRoutes(deps));
  app.route('/', pollPages(deps));
  app.route('/api/dialogues', registerRoutes(deps));
  app.route('/api/staff/dialogues', staffRegisterRoutes(deps));
  app.route('/', registerPages(deps));
  app.route('/', docsRoutes(app));
  app.route('/', pageRoutes(deps));
  app.route('/', staticRoutes({ distDir }));

  app.notFound((c) => errorJson(c, 404, 'not_found', `Nothing is found at ${c.req.method} ${c.req.path}.`));
  app.onError((err, c) => {
    const known = toErrorResponse(c, err);
    if (known) return known;
    log.error('unhandled error', {
      requestId: c.get('requestId'),
      path: loggedPath(c.req.path),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return errorJson(c, 500, 'server_error', 'Something went wrong on the server. Try again in a while.');
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
