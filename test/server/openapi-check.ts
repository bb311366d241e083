import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { OpenAPIBackend, type Document } from 'openapi-backend';

/**
 * Holds every answer the server tests receive to the OpenAPI document the same app serves
 * (/api/openapi.json), so that the document stays true: an answer under /api/ must come from a
 * documented operation, with a documented status, one of that status's media types, and a JSON
 * body its schema accepts. The checking is openapi-backend's (Ajv underneath); what it does not
 * check (undocumented paths and statuses, media types, empty bodies) is checked here.
 */

/** Under /api/ but not part of the API: the document itself, its page, the benchmark's baseline. */
const notApi = new Set(['/api/openapi.json', '/api/docs', '/api/docs.css', '/api/bench/bare']);
/** What the app answers, in the error shape, where no route is. */
const beforeRouting = [403, 404, 405, 413, 415, 503];
/** Routes a test mounts on its own app to try a middleware on. */
const testOnly = '/api/test/';

/** The formats our schemas use, which Ajv knows only with a plug-in; plain checks are enough here. */
const formats: Record<string, (value: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(v)),
  email: (v) => /^[^\s@]+@[^\s@]+$/.test(v),
  uri: (v) => URL.canParse(v),
  url: (v) => URL.canParse(v),
};

/**
 * The checker, made from the first app's document: every app createApp() makes documents the
 * same routes (none depends on the configuration), and making the document takes a while.
 */
let checker: Promise<OpenAPIBackend> | undefined;

function checkerFor(definition: Document): OpenAPIBackend {
  // openapi-backend names operations by operationId; ours have none, so each is named by its method and path.
  for (const [path, methods] of Object.entries(definition.paths ?? {})) {
    for (const [method, op] of Object.entries(methods as Record<string, { operationId?: string }>)) op.operationId ??= `${method.toUpperCase()} ${path}`;
  }
  // quick: each operation's validators are compiled when first needed, not all at start; it
  // also leaves out openapi-backend's check of the document itself, which knows OpenAPI 3.0 only (ours is 3.1).
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
      return ajv;
    },
  });
  void api.init();
  return api;
}

export class OpenApiMismatch extends Error {
  override name = 'OpenApiMismatch';
}

interface Requester {
  request: (input: string | URL | Request, init?: RequestInit, ...rest: never[]) => Response | Promise<Response>;
}

/** Checks one answer; throws OpenApiMismatch saying what the document does not allow. */
export async function checkResponse(app: Requester, method: string, url: URL, res: Response): Promise<void> {
  if (!url.pathname.startsWith('/api/') || notApi.has(url.pathname) || url.pathname.startsWith(testOnly) || method === 'OPTIONS' || method === 'HEAD') return;
  checker ??= Promise.resolve(app.request('/api/openapi.json')).then(async (r) => checkerFor((await r.json()) as Document));
  const api = await checker;
  const where = `${method} ${url.pathname}${url.search} → ${res.status}`;
  const operation = api.router.matchOperation({ method, path: url.pathname, headers: {}, query: url.search.slice(1) });
  if (!operation) {
    // Where no route is, the app still answers: not found, or middleware refusing the request
    // before any route is looked for (its origin, its body's size or type, load). Anything
    // else there is an undocumented route.
    if (beforeRouting.includes(res.status) && (res.headers.get('content-type') ?? '').startsWith('application/json')) return;
    throw new OpenApiMismatch(`${where}: no operation in the OpenAPI document for ${method} ${url.pathname}${await bodyHint(res)}`);
  }
  const documented = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
  const entry = documented[String(res.status)] ?? documented[`${Math.floor(res.status / 100)}XX`] ?? documented.default;
  if (!entry) {
    throw new OpenApiMismatch(`${where}: status ${res.status} is not documented for ${operation.operationId} (documented: ${Object.keys(documented).join(', ')})${await bodyHint(res)}`);
  }
  const mediaTypes = Object.keys(entry.content ?? {});
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaTypes.length) {
    if (res.body && (await res.clone().text()) !== '') throw new OpenApiMismatch(`${where}: the document says no body, but one came (${type})`);
    return;
  }
  if (!mediaTypes.some((m) => m.split(';')[0]!.trim().toLowerCase() === type)) {
    throw new OpenApiMismatch(`${where}: Content-Type ${type || '(none)'} is not one the document gives (${mediaTypes.join(', ')})`);
  }
  if (type !== 'application/json') return;
  const text = await bodyText(res);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OpenApiMismatch(`${where}: the body is not JSON: ${text.slice(0, 200)}`);
  }
  const result = api.validateResponse(body, operation, res.status);
  if (!result.valid) {
    const problems = (result.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new OpenApiMismatch(`${where}: the body does not match the document:\n  ${problems.slice(0, 10).join('\n  ')}\nbody: ${text.slice(0, 500)}`);
  }
}

/** The body as the client reads it: app.request() leaves a compressed answer compressed. */
async function bodyText(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.clone().arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  if (encoding === 'deflate') return inflateSync(bytes).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

async function bodyHint(res: Response) {
  if (!res.body || (res.headers.get('content-type') ?? '').includes('event-stream')) return '';
  return `; body: ${(await bodyText(res)).slice(0, 300)}`;
}

/**
 * Makes `app.request` check each answer against the document before the test sees it, so a
 * test fails on any answer the document does not allow.
 */
export function checkedAgainstOpenApi<T extends Requester>(app: T): T {
  const request = app.request.bind(app);
  const unchecked: Requester = { request };
  app.request = (async (input: string | URL | Request, init?: RequestInit, ...rest: never[]) => {
    const res = await request(input, init, ...rest);
    const url = input instanceof Request ? new URL(input.url) : new URL(String(input), 'http://localhost');
    const method = (input instanceof Request ? input.method : (init?.method ?? 'GET')).toUpperCase();
    await checkResponse(unchecked, method, url, res);
    return res;
  }) as T['request'];
  return app;
}
