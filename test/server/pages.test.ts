import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp } from './helpers.js';

describe('the server’s own pages', () => {
  it('serves the demo CMS page with the embed code as an editor pastes it, under a strict policy', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/demo');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<script type="module" src="http:\/\/dialog\.test\/widgets\/medverka\.js"><\/script>/);
    assert.match(html, /<medverka-tiles set="engagera-dig"><\/medverka-tiles>/);
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

  it('serves the demo in English', async () => {
    const { app } = await testApp(null);
    const html = await (await app.request('/demo?lang=en')).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Get involved/);
  });

  it('serves an iframe-ready embed page that only the allowed origins may frame', async () => {
    const { app } = await testApp(null, { ALLOWED_ORIGINS: 'https://www.kommun.se' });
    const res = await app.request('/embed/tiles/engagera-dig?lang=en');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<medverka-tiles set="engagera-dig" api="http:\/\/dialog\.test"><\/medverka-tiles>/);
    assert.match(html, /src="\/widgets\/embed-frame\.js"/);
    assert.equal(res.headers.get('content-security-policy')?.match(/frame-ancestors [^;]+/)?.[0], "frame-ancestors 'self' https://www.kommun.se");
    assert.equal(res.headers.get('x-frame-options'), null);
  });

  it('refuses unknown widgets and bad ids on the embed page', async () => {
    const { app } = await testApp(null);
    assert.equal((await app.request('/embed/nope/x')).status, 404);
    const bad = await app.request('/embed/tiles/%22%3E%3Cscript%3E');
    assert.equal(bad.status, 400);
    assert.ok(!(await bad.text()).includes('<script>'));
  });

  it('serves the staff console page under the strict policy, never framed', async () => {
    const { app } = await testApp(null);
    const res = await app.request('/admin');
    assert.equal(res.status, 200);
    const html = await res.text();
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
    const docs = await app.request('/api/docs');
    assert.equal(docs.status, 200);
    const html = await docs.text();
    assert.match(html, /GET \/api\/tile-sets\/\{set\}/);
    assert.match(docs.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });
});
