import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemoPoll } from '../../server/polls/seed.js';
import { databaseSnapshot } from './db-snapshot.js';
import { testApp, testDatabases } from './helpers.js';
import { ownOrigin, seedStaff, signIn } from './staff-helpers.js';

type ErrorJson = { error: { status: number; code: string; message: string } };
type OpenApi = { paths: Record<string, Record<string, { requestBody?: unknown }>> };

const embeddingSite = 'https://www.kommun.se';

/** Every write operation the API documents, its path parameters filled with plausible values. */
export async function writeOperations(app: { request: (path: string) => Response | Promise<Response> }) {
  const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApi;
  const ops: { method: string; template: string; path: string }[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ method: method.toUpperCase(), template, path: template.replace(/\{set\}|\{slug\}/g, 'engagera-dig').replace(/\{[a-z]+\}/gi, '1') });
    }
  }
  return ops;
}

for (const database of testDatabases()) {
  describe(`writes to the API from other sites, or not as JSON, on ${database.name}`, () => {
    it('refuses every documented write from a foreign or null origin (403) and as a form or text (415), changing nothing', async () => {
      const { app, db } = await testApp(database, { ALLOWED_ORIGINS: embeddingSite });
      try {
        await seedStaff(db);
        const pollId = await seedDemoPoll(db);
        // Signed in, so that a refusal is the guard's and not a missing session's.
        const cookie = await signIn(app, 'admin');
        const ops = await writeOperations(app);
        assert.ok(ops.length >= 50, `the document lists the writes (${ops.length})`);
        const before = await databaseSnapshot(db);
        const json = JSON.stringify({ choices: [1], title: 'x' });
        const form = new FormData();
        form.set('title', 'x');
        const attempts: [string, Record<string, string>, BodyInit, number, string][] = [
          ['a foreign origin', { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, json, 403, 'cross_origin_refused'],
          ['a look-alike origin', { Origin: `${ownOrigin}.evil.example`, 'Content-Type': 'application/json' }, json, 403, 'cross_origin_refused'],
          ['the null origin', { Origin: 'null', 'Content-Type': 'application/json' }, json, 403, 'cross_origin_refused'],
          ['a foreign origin posting a form', { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, 'title=x', 403, 'cross_origin_refused'],
          ['text/plain', { Origin: ownOrigin, 'Content-Type': 'text/plain' }, json, 415, 'json_only'],
          ['text/plain from an embedding site', { Origin: embeddingSite, 'Content-Type': 'text/plain;charset=UTF-8' }, json, 415, 'json_only'],
          ['a urlencoded form', { Origin: ownOrigin, 'Content-Type': 'application/x-www-form-urlencoded' }, 'title=x', 415, 'json_only'],
          ['a multipart form', { Origin: ownOrigin }, form, 415, 'json_only'],
          ['a body without a type', { 'Content-Length': String(Buffer.byteLength(json)) }, new Uint8Array(Buffer.from(json)), 415, 'json_only'],
        ];
        for (const op of ops) {
          for (const [what, headers, body, status, code] of attempts) {
            const res = await app.request(op.path, { method: op.method, headers: { ...headers, Cookie: cookie }, body });
            assert.equal(res.status, status, `${op.method} ${op.template} with ${what}`);
            const error = (await res.json()) as ErrorJson;
            assert.equal(error.error.code, code, `${op.method} ${op.template} with ${what}`);
            assert.equal(error.error.status, status);
          }
        }
        assert.deepEqual(await databaseSnapshot(db), before, 'nothing changed');

        // What the widgets and the console send still passes: JSON from an allowed origin,
        // and a write without a body and without a type.
        const answered = await app.request(`/api/polls/${pollId}/answers`, {
          method: 'POST',
          headers: { Origin: embeddingSite, 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ choices: [-1] }),
        });
        assert.equal(answered.status, 400, 'reaches validation');
        assert.equal(answered.headers.get('access-control-allow-origin'), embeddingSite);
        const noBody = await app.request('/api/surveys/999/responses', { method: 'POST', headers: { Origin: embeddingSite } });
        assert.equal(noBody.status, 404, 'a write without a body needs no type');
        const noOrigin = await app.request(`/api/polls/${pollId}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        assert.equal(noOrigin.status, 400, 'a client outside a browser sends no Origin');
        // Reading from anywhere is still allowed; the confirmation forms are not under /api.
        assert.equal((await app.request('/api/tile-sets', { headers: { Origin: 'https://evil.example' } })).status, 200);
        assert.equal((await app.request('/bekrafta/underskrift/forfalskad', { method: 'POST', headers: { Origin: 'null', 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })).status, 404);
      } finally {
        await db.destroy();
      }
    });

    it('tells a page of any origin whether that origin may call the API (a browser hides why a cross-origin request failed)', async () => {
      const { app, db } = await testApp(database, { ALLOWED_ORIGINS: embeddingSite });
      try {
        const ask = async (origin?: string) => {
          const res = await app.request('/api/origin', { headers: origin ? { Origin: origin } : {} });
          assert.equal(res.status, 200, origin);
          // Every page may read the answer, allowed or not; and it is never cached for another origin.
          assert.equal(res.headers.get('access-control-allow-origin'), '*', origin);
          assert.equal(res.headers.get('cache-control'), 'no-store', origin);
          return res.json();
        };
        assert.deepEqual(await ask('https://evil.example'), { origin: 'https://evil.example', allowed: false, setting: 'ALLOWED_ORIGINS' });
        assert.deepEqual(await ask('null'), { origin: 'null', allowed: false, setting: 'ALLOWED_ORIGINS' });
        assert.deepEqual(await ask(embeddingSite), { origin: embeddingSite, allowed: true, setting: 'ALLOWED_ORIGINS' });
        assert.deepEqual(await ask(ownOrigin), { origin: ownOrigin, allowed: true, setting: 'ALLOWED_ORIGINS' });
        assert.deepEqual(await ask(), { origin: null, allowed: true, setting: 'ALLOWED_ORIGINS' }, 'a client outside a browser is not refused');
        const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApi;
        assert.ok(doc.paths['/api/origin']?.get, 'documented');
      } finally {
        await db.destroy();
      }
    });
  });
}
