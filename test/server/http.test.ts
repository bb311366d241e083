import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { Hono } from 'hono';
import { clientIp } from '../../server/http.js';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import { createDatabase } from '../../server/db/index.js';
import { fromAddress, memoryLogger, testApp, testConfig } from './helpers.js';
import { checkResponse, OpenApiMismatch } from './openapi-check.js';

type ErrorJson = { error: { status: number; code: string; message: string; issues?: { path: string; message: string }[] }; requestId: string };

describe('HTTP behaviour shared by every route', () => {
  it('answers an unknown path with the JSON error shape and a request id', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/nothing/here');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as ErrorJson;
    assert.equal(body.error.status, 404);
    assert.equal(body.error.code, 'not_found');
    assert.match(body.error.message, /GET \/nothing\/here/);
    assert.ok(body.requestId);
    assert.equal(res.headers.get('x-request-id'), body.requestId);
  });

  it('keeps a request id the client sent', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } });
    assert.equal(res.headers.get('x-request-id'), 'abc-123');
  });

  it('answers invalid parameters with 400 and says which field was wrong', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/api/tile-sets/NOT_A_SLUG');
    assert.equal(res.status, 400);
    const body = (await res.json()) as ErrorJson;
    assert.equal(body.error.code, 'invalid_request');
    assert.deepEqual(body.error.issues?.map((i) => i.path), ['set']);
  });

  it('refuses a body over the size limit with 413 before reading it all', async () => {
    const { app } = await testApp(null, { BODY_LIMIT: '2048' });
    const res = await app.request('/api/tile-sets/engagera-dig', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(5000) }),
    });
    assert.equal(res.status, 413);
    const body = (await res.json()) as ErrorJson;
    assert.equal(body.error.code, 'payload_too_large');
    assert.match(body.error.message, /2048 bytes/);
  });

  it('turns an unexpected failure into a 500 in the error shape and logs it with the request id', async () => {
    // Made with createApp() itself: testApp() holds every answer to the OpenAPI document, where no 500 is.
    const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
    const log = memoryLogger();
    const app = createApp(completeDeps({ config: testConfig(), db, log }));
    await db.destroy();
    const res = await app.request('/api/tile-sets/engagera-dig');
    assert.equal(res.status, 500);
    const body = (await res.json()) as ErrorJson;
    assert.equal(body.error.code, 'server_error');
    assert.ok(!JSON.stringify(body).includes('stack'), 'no internals leak to the client');
    const logged = log.lines.find((l) => l.msg === 'unhandled error');
    assert.ok(logged, 'the error is logged');
    assert.equal(logged.requestId, body.requestId);
    assert.equal(log.lines.find((l) => l.msg === 'request failed')?.status, 500);
  });

  it('reports health, and 503 when the database is gone', async () => {
    const { app, db } = await testApp(null);
    assert.deepEqual(await (await app.request('/healthz')).json(), { status: 'ok', database: 'ok' });
    await db.destroy();
    const res = await app.request('/healthz');
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as ErrorJson).error.code, 'unavailable');
  });

  it('sends security headers on every answer', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/api/tile-sets');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });
});

describe('the OpenAPI document', () => {
  type Document = { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: { type?: unknown } }[] }>> };

  it('documents every path parameter as required and never null', async () => {
    const { app } = await testApp(null);
    const doc = (await (await app.request('/api/openapi.json')).json()) as Document;
    const wrong = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) =>
        (op.parameters ?? []).filter((p) => p.in === 'path' && (p.required !== true || JSON.stringify(p.schema?.type).includes('null'))).map((p) => `${method} ${path} ${p.name}`),
      ),
    );
    assert.deepEqual(wrong, []);
  });

  it('is held to by the tests: an answer it does not allow fails them', async () => {
    const { app } = await testApp(null);
    const url = (path: string) => new URL(path, 'http://dialog.test');
    const jsonAnswer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const real = await app.request('/api/tile-sets');
    await checkResponse(app, 'GET', url('/api/tile-sets'), real);
    const refused: [string, string, Response, RegExp][] = [
      ['GET', '/api/tile-sets', jsonAnswer({ error: { status: 418, code: 'teapot', message: 'x' } }, 418), /status 418 is not documented/],
      ['GET', '/api/tile-sets', new Response('<p>hej</p>', { status: 200, headers: { 'Content-Type': 'text/html' } }), /Content-Type text\/html/],
      ['GET', '/api/tile-sets', jsonAnswer('just a string'), /does not match the document/],
      ['GET', '/api/tile-sets/engagera-dig', jsonAnswer({ error: { status: 404, code: 'not_found' } }, 404), /does not match the document/],
      ['GET', '/api/staff/budgets/x/ballots.xlsx', new Response('x', { status: 200 }), /no operation/],
    ];
    for (const [method, path, res, message] of refused) {
      await assert.rejects(checkResponse(app, method, url(path), res), (err: Error) => err instanceof OpenApiMismatch && message.test(err.message), `${method} ${path}`);
    }
  });
});

describe('CORS', () => {
  const env = { ALLOWED_ORIGINS: 'https://www.kommun.se,https://intranat.kommun.se' };

  it('lets an allowed origin read the API', async () => {
    const { app } = await testApp(null, env);
    const res = await app.request('/api/tile-sets', { headers: { Origin: 'https://www.kommun.se' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.kommun.se');
    assert.match(res.headers.get('vary') ?? '', /Origin/);
  });

  it('gives a foreign origin no CORS headers, so its browser withholds the answer', async () => {
    const { app } = await testApp(null, env);
    for (const origin of ['https://evil.example', 'null', 'https://www.kommun.se.evil.example']) {
      const res = await app.request('/api/tile-sets', { headers: { Origin: origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  it('answers preflights for allowed origins only', async () => {
    const { app } = await testApp(null, env);
    const preflight = (origin: string) =>
      app.request('/api/tile-sets', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const allowed = await preflight('https://intranat.kommun.se');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://intranat.kommun.se');
    assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
    const denied = await preflight('https://evil.example');
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });

  it('always allows the server’s own origin', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/api/tile-sets', { headers: { Origin: 'http://dialog.test' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://dialog.test');
  });
});

describe('client address behind proxies', () => {
  const app = new Hono();
  const config = testConfig({ TRUSTED_PROXIES: '10.0.0.0/8, ::1' });
  app.get('/ip', (c) => c.text(clientIp(c, config)));
  const ipOf = async (peer: string, forwarded?: string) =>
    (await app.request('/ip', { headers: forwarded ? { 'X-Forwarded-For': forwarded } : {} }, fromAddress(peer))).text();

  it('uses the socket address when the peer is not a trusted proxy, whatever the header says', async () => {
    assert.equal(await ipOf('203.0.113.7'), '203.0.113.7');
    assert.equal(await ipOf('203.0.113.7', '198.51.100.1'), '203.0.113.7');
  });

  it('takes the nearest untrusted address from X-Forwarded-For behind trusted proxies', async () => {
    assert.equal(await ipOf('10.0.0.2', '198.51.100.1'), '198.51.100.1');
    // A client may prepend anything; only the hops our proxies appended count.
    assert.equal(await ipOf('10.0.0.2', '1.2.3.4, 198.51.100.1, 10.0.0.9'), '198.51.100.1');
    assert.equal(await ipOf('::ffff:10.0.0.2', '198.51.100.1'), '198.51.100.1');
    assert.equal(await ipOf('::1', 'not-an-ip, 198.51.100.9'), '198.51.100.9');
  });

  it('falls back to the proxy itself when the header is missing', async () => {
    assert.equal(await ipOf('10.0.0.2'), '10.0.0.2');
  });
});

describe('static widget files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'medverka-dist-'));
  mkdirSync(join(dist, 'widgets/chunks'), { recursive: true });
  writeFileSync(join(dist, 'widgets/medverka.js'), 'console.log("loader")');
  writeFileSync(join(dist, 'widgets/medverka.js.gz'), gzipSync('console.log("loader")'));
  writeFileSync(join(dist, 'widgets/chunks/tiles-AbCd1234.js'), 'export const tiles = 1;');
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('serves hashed chunks as immutable and the loader with a short cache, to any origin', async () => {
    const { app } = await testApp(null, {}, { distDir: dist });
    const chunk = await app.request('/widgets/chunks/tiles-AbCd1234.js', { headers: { Origin: 'https://anywhere.example' } });
    assert.equal(chunk.status, 200);
    assert.match(chunk.headers.get('content-type') ?? '', /javascript/);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('access-control-allow-origin'), '*');
    const loader = await app.request('/widgets/medverka.js');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
  });

  it('sends the precompressed file when the browser accepts gzip', async () => {
    const { app } = await testApp(null, {}, { distDir: dist });
    const res = await app.request('/widgets/medverka.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
  });

  it('does not serve files outside the widgets folder', async () => {
    const { app } = await testApp(null, {}, { distDir: dist });
    assert.equal((await app.request('/widgets/../../package.json')).status, 404);
    assert.equal((await app.request('/widgets/%2e%2e/%2e%2e/package.json')).status, 404);
  });
});
