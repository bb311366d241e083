import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { solveChallenge } from 'altcha-lib/v1';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import { demoBudgetSlug, seedDemoBudget } from '../../server/budgets/seed.js';
import type { Db } from '../../server/db/index.js';
import { serverTimeouts } from '../../server/limits.js';
import { seedDemoPoll } from '../../server/polls/seed.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { databaseSnapshot } from './db-snapshot.js';
import { fromAddress, memoryLogger, openDatabase, testApp, testConfig, testDatabases } from './helpers.js';
import { ownOrigin, seedStaff, signIn } from './staff-helpers.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: Record<string, unknown>[];
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
/** `{"title":"` then bytes that are not UTF-8, then `"}`. */
const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x22, 0x7d]);
const tenMegabytes = `{"title":"${'x'.repeat(10 * 1024 * 1024)}"}`;

/** Bodies no operation may accept, whatever its schema. */
const alwaysWrong: [string, BodyInit][] = [
  ['an empty body', ''],
  ['garbage', 'this is not json'],
  ['half an object', '{"title":'],
  ['a NUL byte', '\u0000'],
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"text"'],
  ['a number', '123'],
  ['1e999', '1e999'],
  ['invalid UTF-8', invalidUtf8],
  ['10 MB of JSON', tenMegabytes],
  ['100 000 levels of [', '['.repeat(100_000)],
  ['30 000 nested arrays', deep(30_000)],
  ['10 000 nested objects', deepObject(10_000)],
];

/** The JSON types that are not among those the schema allows; nothing when it allows anything. */
function wrongValues(schema: Schema, doc: OpenApi): unknown[] {
  const types = new Set<string>();
  const collect = (s: Schema): boolean => {
    if (s.$ref) return collect(doc.components.schemas[s.$ref.split('/').pop()!]!);
    const branches = s.anyOf ?? s.oneOf ?? s.allOf;
    if (branches) return branches.every(collect);
    if (!s.type) return false;
    for (const t of [s.type].flat()) types.add(t === 'integer' ? 'number' : t);
    if (s.nullable) types.add('null');
    return true;
  };
  if (!collect(schema)) return [];
  const candidates: [string, unknown][] = [
    ['number', 12345],
    ['string', 'not the right type'],
    ['object', { nested: deepJsonValue }],
    ['array', [[[1]]]],
    ['boolean', true],
    ['null', null],
  ];
  return candidates.filter(([t]) => !types.has(t)).map(([, v]) => v);
}
const deepJsonValue = JSON.parse(deep(2000)) as unknown;

function resolve(schema: Schema, doc: OpenApi): Schema {
  return schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()!]!, doc) : schema;
}

/** What a path parameter may be: a value like a real one, and values no route should choke on. */
const implausible = ['0', '-1', '1.5', '99999999999999999999999', '%00', '%ff%fe', 'x'.repeat(3000), '1%20OR%201%3D1'];
const plausible = (name: string) => (name === 'slug' ? demoBudgetSlug : name === 'set' ? 'engagera-dig' : name === 'n' ? '0' : '1');
const fill = (template: string, value: (name: string) => string) => template.replace(/\{([a-z]+)\}/gi, (_m, name: string) => value(name));

/** Checks the answer is a 4xx in the error shape (a read may also succeed); returns its code. */
async function expectRefusal(res: Response, what: string, { writes }: { writes: boolean }): Promise<string | undefined> {
  if (res.status < 400 && !writes) {
    await res.body?.cancel();
    return undefined;
  }
  assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${res.status >= 500 ? await res.text() : ''}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, what);
  const body = (await res.json()) as { error?: { status?: number; code?: string; message?: string } };
  assert.equal(body.error?.status, res.status, what);
  assert.equal(typeof body.error?.code, 'string', what);
  assert.equal(typeof body.error?.message, 'string', what);
  return body.error?.code;
}

for (const database of testDatabases()) {
  describe(`malformed input on every documented operation, on ${database.name}`, () => {
    it('answers each with a 4xx in the error shape, never a 5xx, and changes nothing', async (t) => {
      const { app, db } = await testApp(database, { POW_MAX_NUMBER: '100' });
      let address = 0;
      const nextAddress = () => fromAddress(`10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}`);
      /** A fresh proof of work, fetched from an address of its own so no limit is reached. */
      const pow = async () => {
        const c = (await (await app.request('/api/pow/challenge', {}, nextAddress())).json()) as { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number };
        const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
        return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature })).toString('base64');
      };
      try {
        await seedStaff(db);
        await seedDemoTiles(db);
        await seedDemoBudget(db);
        await seedDemoPoll(db);
        const cookie = await signIn(app, 'admin');
        // A resident's conversation, so that its token lets the chat's writes reach validation.
        const chat = await app.request(
          '/api/chat/conversations',
          { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Medverka-Pow': await pow() }, body: JSON.stringify({ message: 'Hej!', lang: 'sv' }) },
          nextAddress(),
        );
        assert.equal(chat.status, 201);
        const { token: chatToken } = (await chat.json()) as { conversation: { id: number }; token: string };
        const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApi;
        const rssBefore = process.memoryUsage().rss;
        const before = await databaseSnapshot(db);
        let sent = 0;
        const unvalidated: string[] = [];
        const send = async (method: string, path: string, op: Operation, body?: BodyInit) => {
          const headers: Record<string, string> = { Cookie: cookie };
          if (method !== 'GET') Object.assign(headers, { Origin: ownOrigin, 'Content-Type': 'application/json' });
          if (op.security?.some((s) => 'proofOfWork' in s)) headers['X-Medverka-Pow'] = await pow();
          if (op.parameters?.some((p) => p.name === 'x-medverka-chat')) headers['X-Medverka-Chat'] = chatToken;
          sent++;
          return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, nextAddress());
        };

        for (const [template, methods] of Object.entries(doc.paths)) {
          for (const [lower, op] of Object.entries(methods)) {
            const method = lower.toUpperCase();
            const writes = method !== 'GET';
            const label = `${method} ${template}`;
            const params = (op.parameters ?? []).filter((p) => p.in === 'path');
            const query = (op.parameters ?? []).filter((p) => p.in === 'query');
            const path = fill(template, plausible);
            const schema = op.requestBody ? resolve(Object.values(op.requestBody.content)[0]!.schema, doc) : undefined;

            // Path parameters that are not what the route expects.
            for (const value of params.length ? implausible : []) {
              const weird = fill(template, () => value);
              await expectRefusal(await send(method, weird, op, writes ? '{}' : undefined), `${label} at ${weird.slice(0, 80)}`, { writes: true });
            }
            // Query strings of the wrong type, not UTF-8, or repeated.
            // (A write is sent with a body of the wrong shape, so that it cannot succeed.)
            if (writes && schema?.type !== 'object') continue;
            const queries = ['%ff%fe=%c3%28', ...query.flatMap((q) => [`${q.name}=%ff%fe`, `${q.name}=abc`, `${q.name}=-1`, `${q.name}=99999999999999999999`, `${q.name}=${'x'.repeat(5000)}`, `${q.name}=a&${q.name}=b`])];
            for (const q of queries) {
              await expectRefusal(await send(method, `${path}?${q}`, op, writes ? '[]' : undefined), `${label}?${q.slice(0, 60)}`, { writes });
            }
            if (!writes || !schema) continue;

            // Bodies: each field of the wrong type first (before any limit on the address or the
            // conversation is reached), then malformed bodies and bodies of the wrong shape.
            let validated = false;
            for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
              for (const value of wrongValues(fieldSchema, doc).slice(0, 3)) {
                validated ||= 'invalid_request' === await expectRefusal(await send(method, path, op, JSON.stringify({ [field]: value })), `${label} with ${field}: ${JSON.stringify(value).slice(0, 40)}`, { writes });
              }
              await expectRefusal(await send(method, path, op, `{"${field}":${deep(20_000)}}`), `${label} with ${field} nested 20 000 deep`, { writes });
            }
            for (const [what, body] of alwaysWrong) {
              await expectRefusal(await send(method, path, op, body), `${label} with ${what}`, { writes });
            }
            const required = schema.required ?? [];
            if (required.length) {
              await expectRefusal(await send(method, path, op, '{}'), `${label} without its required fields`, { writes });
              await expectRefusal(await send(method, path, op, JSON.stringify({ unexpected: 'field', [`${required[0]}_`]: 1 })), `${label} with only extra fields`, { writes });
              await expectRefusal(await send(method, path, op, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'), `${label} with __proto__`, { writes });
            }
            if (!validated && Object.keys(schema.properties ?? {}).length) unvalidated.push(label);
          }
        }
        assert.ok(sent > 1000, `requests sent (${sent})`);
        assert.deepEqual(unvalidated, [], 'every body reached validation (not only a 401, 403 or 404)');
        // A download is a read that staff's audit log records (who exported which personal data),
        // so those entries are the one change a GET may make; only they are taken out.
        await db.deleteFrom('audit_log').where('action', 'in', ['budget.export-ballots', 'budget.export-pabulib', 'survey.export', 'petition.export-signatures']).execute();
        assert.deepEqual(await databaseSnapshot(db), before, 'nothing changed');
        assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
        t.diagnostic(`${sent} requests; RSS ${Math.round(rssBefore / 2 ** 20)} MB before, ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB after`);
      } finally {
        await db.destroy();
      }
    });
  });
}

// The streams' code is the same on both databases; PostgreSQL's pool keeps timers of its own.
describe('event streams left at once', () => {
  it('leaves nothing running behind an event stream the client leaves at once', async () => {
    const { app, db } = await testApp(null);
    try {
      await seedStaff(db);
      const pollId = await seedDemoPoll(db);
      const cookie = await signIn(app, 'admin');
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      for (let i = 0; i < 10; i++) {
        for (const path of [`/api/polls/${pollId}/live`, '/api/staff/chat/inbox']) {
          const res = await app.request(path, { headers: { Cookie: cookie } });
          assert.equal(res.status, 200, path);
          await res.body!.cancel();
        }
      }
      // A stream's keep-alive timer runs until the stream ends.
      const deadline = Date.now() + 5000;
      while (timers() > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(timers() <= before, `${timers() - before} timers left running`);
    } finally {
      await db.destroy();
    }
  });
});

/** Raw HTTP/1.1 on a socket, to send what fetch() will not: slow, endless or oversized. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.on('error', () => {});
  const closedAt = new Promise<number>((done) => socket.on('close', () => ((closed = true), done(Date.now()))));
  return {
    socket,
    received: () => received,
    closed: () => closed,
    closedAt,
    /** Resolves with the status line's code once one has arrived. */
    async status(timeoutMs: number): Promise<number | null> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && !/^HTTP\/1\.1 \d{3}/.test(received) && !closed) await new Promise((r) => setTimeout(r, 20));
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      return m ? Number(m[1]) : null;
    },
  };
}

describe('a real server facing hostile clients', () => {
  const [database] = testDatabases();
  let server: ServerType;
  let db: Db;
  let port: number;
  const log = memoryLogger();
  const limit = 64 * 1024;

  before(async () => {
    db = await openDatabase(database!);
    await seedDemoPoll(db);
    const config = testConfig({ BODY_LIMIT: String(limit) });
    const app = createApp(completeDeps({ config, db, log }));
    // The server's own timeouts, shortened so the test waits seconds rather than minutes.
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: serverTimeouts({ headersTimeout: 1000, requestTimeout: 2000, connectionsCheckingInterval: 100 }) }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    await new Promise((r) => server.close(r));
    await db.destroy();
  });

  it('refuses a chunked body growing past BODY_LIMIT with 413 without reading it all', async (t) => {
    const rssBefore = process.memoryUsage().rss;
    const c = rawClient(port);
    c.socket.write(`POST /api/polls/1/answers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = Buffer.alloc(16 * 1024, 'x');
    let written = 0;
    const endless = 50 * 1024 * 1024;
    while (written < endless && !c.received() && !c.closed()) {
      c.socket.write(`${chunk.length.toString(16)}\r\n`);
      c.socket.write(chunk);
      const ok = c.socket.write('\r\n');
      written += chunk.length;
      // Only as fast as the server takes it: what is counted has left this process.
      if (!ok) await new Promise((r) => { c.socket.once('drain', r); c.socket.once('data', r); c.socket.once('close', r); });
    }
    assert.equal(await c.status(5000), 413);
    // What was sent past the limit waits in the two kernels' socket buffers (a few MB on loopback).
    assert.ok(written < endless / 4, `answered after ${written} bytes of ${endless}`);
    assert.match(c.received(), /"code":"payload_too_large"/);
    c.socket.destroy();
    t.diagnostic(`413 after ${Math.round(written / 1024)} KB sent; RSS ${Math.round(rssBefore / 2 ** 20)} MB before, ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB after`);
  });

  it('refuses a declared 10 MB body at once, from its Content-Length', async () => {
    const c = rawClient(port);
    c.socket.write(`POST /api/polls/1/answers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n{"choices":`);
    assert.equal(await c.status(3000), 413);
    c.socket.destroy();
  });

  it('cuts off a client trickling its headers, and one trickling its body', async () => {
    const started = Date.now();
    const headers = rawClient(port);
    const body = rawClient(port);
    headers.socket.write('GET /api/tile-sets HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    body.socket.write(`POST /api/polls/1/answers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
    const trickle = setInterval(() => {
      if (!headers.closed()) headers.socket.write('X-Slow: a\r\n');
      if (!body.closed()) body.socket.write(' ');
    }, 100);
    try {
      const [headersClosed, bodyClosed] = await Promise.all([
        Promise.race([headers.closedAt, new Promise<number>((r) => setTimeout(() => r(Infinity), 10_000))]),
        Promise.race([body.closedAt, new Promise<number>((r) => setTimeout(() => r(Infinity), 10_000))]),
      ]);
      assert.ok(headersClosed - started < 5000, `the slow headers were cut off after ${headersClosed - started} ms`);
      assert.ok(bodyClosed - started < 6000, `the slow body was cut off after ${bodyClosed - started} ms`);
      assert.match(headers.received(), /^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      headers.socket.destroy();
      body.socket.destroy();
    }
    // The server still answers everyone else.
    const res = await fetch(`http://127.0.0.1:${port}/api/tile-sets`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
  });

  it('keeps the main server at sane timeouts', () => {
    const t = serverTimeouts();
    assert.ok(t.headersTimeout! > 0 && t.headersTimeout! <= 30_000);
    assert.ok(t.requestTimeout! > 0 && t.requestTimeout! <= 120_000 && t.requestTimeout! >= t.headersTimeout!);
    assert.ok(t.connectionsCheckingInterval! <= 5_000);
  });
});
