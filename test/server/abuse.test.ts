import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import { requestId } from 'hono/request-id';
import { createPowChallenge, powHeader, powLifetimeSeconds, powMaxNumber, requirePow, verifyPow } from '../../server/abuse/proof-of-work.js';
import { PowChallenge } from '../../server/abuse/schemas.js';
import { addressKey, rateLimit, RateLimiter, type RateLimitOptions } from '../../server/abuse/rate-limit.js';
import { powRoutes } from '../../server/abuse/routes.js';
import type { Config } from '../../server/config.js';
import type { Db } from '../../server/db/index.js';
import { ApiError, errorJson, toErrorResponse } from '../../server/errors.js';
import type { AppEnv } from '../../server/http.js';
import { fromAddress, openDatabase, testApp, testConfig, testDatabases } from './helpers.js';

type ErrorJson = { error: { status: number; code: string; message: string }; requestId?: string };

const databases = testDatabases();

/** A clock tests move by hand. */
function manualClock(start = Date.UTC(2030, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (seconds: number) => void (t += seconds * 1000) };
}

/** A small app with createApp()'s error handling, for mounting the pieces under test. */
function harness(mount: (app: OpenAPIHono<AppEnv>) => void) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestId());
  mount(app);
  app.notFound((c) => errorJson(c, 404, 'not_found', 'Nothing here.'));
  app.onError((err, c) => toErrorResponse(c, err) ?? errorJson(c, 500, 'server_error', 'Something went wrong.'));
  return app;
}

/** An app whose GET /limited is rate-limited with the given options. */
function limitedApp(options: RateLimitOptions) {
  const limit = rateLimit(options);
  const app = harness((a) => {
    a.use('/limited', limit);
    a.get('/limited', (c) => c.json({ ok: true }));
  });
  after(() => limit.limiter.close());
  return app;
}

async function expectTooMany(res: Response) {
  assert.equal(res.status, 429);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as ErrorJson;
  assert.equal(body.error.status, 429);
  assert.equal(body.error.code, 'too_many_requests');
  assert.match(body.error.message, /Try again in \d+ (second|minute)/);
  assert.ok(body.requestId, 'the error carries the request id');
  const retryAfter = Number(res.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After is whole seconds, got ${res.headers.get('retry-after')}`);
  return retryAfter;
}

async function expectError(res: Response, status: number, code: string) {
  const body = (await res.json()) as ErrorJson;
  assert.equal(res.status, status, JSON.stringify(body));
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 20, 'the message says what was wrong');
  return body;
}

describe('rate limits', () => {
  const config = testConfig();

  it('refuses a burst with 429, the error shape and Retry-After, and lets the client in again after it', async () => {
    const clock = manualClock();
    const app = limitedApp({ name: 't', config, now: clock.now, burst: { limit: 3, windowSeconds: 1 }, sustained: { limit: 100, windowSeconds: 3600 } });
    for (let i = 0; i < 3; i++) assert.equal((await app.request('/limited')).status, 200);
    const retryAfter = await expectTooMany(await app.request('/limited'));
    assert.ok(retryAfter <= 2, `a one-second burst window asks for a short wait, got ${retryAfter}`);
    // Refused requests are not counted, so waiting what Retry-After says is enough.
    await expectTooMany(await app.request('/limited'));
    clock.advance(retryAfter);
    assert.equal((await app.request('/limited')).status, 200);
  });

  it('keeps refusing after the burst clears when the sustained limit is reached', async () => {
    const clock = manualClock();
    const app = limitedApp({ name: 't', config, now: clock.now, burst: { limit: 2, windowSeconds: 1 }, sustained: { limit: 5, windowSeconds: 60 } });
    assert.equal((await app.request('/limited')).status, 200);
    assert.equal((await app.request('/limited')).status, 200);
    assert.ok((await expectTooMany(await app.request('/limited'))) <= 2, 'the burst limit is the one speaking');
    clock.advance(3);
    assert.equal((await app.request('/limited')).status, 200);
    assert.equal((await app.request('/limited')).status, 200);
    clock.advance(3);
    assert.equal((await app.request('/limited')).status, 200);
    // Five within the minute: the burst window is empty but the sustained one is full.
    const wait = await expectTooMany(await app.request('/limited'));
    // The sliding window is approximated (the old window's count fades evenly), so the wait
    // may run a little past the window; never past two.
    assert.ok(wait > 2 && wait <= 120, `the sustained limit asks for a longer wait, got ${wait}`);
    clock.advance(3);
    await expectTooMany(await app.request('/limited'));
    clock.advance(wait);
    assert.equal((await app.request('/limited')).status, 200);
  });

  it('smooths window boundaries: a full burst just before one does not buy another just after', async () => {
    const clock = manualClock(Date.UTC(2030, 0, 1) + 900);
    const limiter = new RateLimiter({ name: 't', now: clock.now, burst: { limit: 4, windowSeconds: 1 }, sustained: { limit: 100, windowSeconds: 3600 } });
    for (let i = 0; i < 4; i++) assert.equal(limiter.hit('a').allowed, true);
    clock.advance(0.2);
    // A fixed window would start counting from zero here.
    assert.equal(limiter.hit('a').allowed, false);
  });

  it('counts residents behind a trusted proxy one by one, and an untrusted peer cannot spoof X-Forwarded-For', async () => {
    const proxied = testConfig({ TRUSTED_PROXIES: '10.0.0.0/8' });
    const app = limitedApp({ name: 't', config: proxied, burst: { limit: 2, windowSeconds: 60 }, sustained: { limit: 100, windowSeconds: 3600 } });
    const viaProxy = (resident: string) => app.request('/limited', { headers: { 'X-Forwarded-For': resident } }, fromAddress('10.1.2.3'));

    assert.equal((await viaProxy('203.0.113.5')).status, 200);
    assert.equal((await viaProxy('203.0.113.5')).status, 200);
    await expectTooMany(await viaProxy('203.0.113.5'));
    // Another resident in the same town hall, behind the same proxy, is not locked out.
    assert.equal((await viaProxy('203.0.113.6')).status, 200);
    // Client-supplied hops before the proxy's own are not believed either.
    assert.equal((await viaProxy('198.51.100.1, 203.0.113.6')).status, 200);
    await expectTooMany(await viaProxy('198.51.100.2, 203.0.113.6'));

    const spoofer = (claimed: string) => app.request('/limited', { headers: { 'X-Forwarded-For': claimed } }, fromAddress('192.0.2.66'));
    assert.equal((await spoofer('203.0.113.10')).status, 200);
    assert.equal((await spoofer('203.0.113.11')).status, 200);
    await expectTooMany(await spoofer('203.0.113.12'));
  });

  it('counts IPv6 clients by /64, so a fresh address in the same network gives no fresh allowance', async () => {
    const app = limitedApp({ name: 't', config, burst: { limit: 1, windowSeconds: 60 }, sustained: { limit: 100, windowSeconds: 3600 } });
    assert.equal((await app.request('/limited', {}, fromAddress('2001:db8:1:2::1'))).status, 200);
    await expectTooMany(await app.request('/limited', {}, fromAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')));
    assert.equal((await app.request('/limited', {}, fromAddress('2001:db8:1:3::1'))).status, 200);

    assert.equal(addressKey('203.0.113.5'), '203.0.113.5');
    assert.equal(addressKey('2001:0DB8:0001:0002:0:0:0:1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('fe80::'), 'fe80:0:0:0::/64');
    assert.equal(addressKey('::ffff:1.2.3.4'), '0:0:0:0::/64');
    assert.equal(addressKey('unknown'), 'unknown');
  });

  it('counts by a custom key when given one', async () => {
    const app = limitedApp({
      name: 't',
      key: (c) => c.req.header('x-account') ?? 'anonymous',
      burst: { limit: 1, windowSeconds: 60 },
      sustained: { limit: 100, windowSeconds: 3600 },
    });
    assert.equal((await app.request('/limited', { headers: { 'X-Account': 'a' } })).status, 200);
    await expectTooMany(await app.request('/limited', { headers: { 'X-Account': 'a' } }));
    assert.equal((await app.request('/limited', { headers: { 'X-Account': 'b' } })).status, 200);
  });

  it('keeps its memory bounded: at most maxKeys addresses, least recently seen forgotten first', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ name: 't', now: clock.now, maxKeys: 3, burst: { limit: 1, windowSeconds: 60 }, sustained: { limit: 100, windowSeconds: 3600 } });
    for (const k of ['a', 'b', 'c']) assert.equal(limiter.hit(k).allowed, true);
    assert.equal(limiter.hit('a').allowed, false, 'a is over its limit, and now the most recently seen');
    assert.equal(limiter.hit('d').allowed, true);
    assert.equal(limiter.size, 3);
    assert.equal(limiter.hit('b').allowed, true, 'b was forgotten, so it starts afresh');
    assert.equal(limiter.hit('a').allowed, false, 'a was kept');
    for (let i = 0; i < 1000; i++) limiter.hit(`x${i}`);
    assert.equal(limiter.size, 3);
    limiter.close();
  });

  it('forgets addresses once both windows are over', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ name: 't', now: clock.now, burst: { limit: 1, windowSeconds: 1 }, sustained: { limit: 10, windowSeconds: 60 } });
    limiter.hit('a');
    clock.advance(30);
    limiter.hit('b');
    clock.advance(91);
    limiter.sweep();
    assert.equal(limiter.size, 1, 'a, quiet for two minutes, is gone; b is kept');
    clock.advance(60);
    limiter.sweep();
    assert.equal(limiter.size, 0);
    limiter.close();
  });

  it('refuses nonsense limits when the app is built, not when a request comes', () => {
    assert.throws(() => rateLimit({ name: 'bad', config, burst: { limit: 0, windowSeconds: 1 }, sustained: { limit: 1, windowSeconds: 1 } }), /burst/);
    assert.throws(() => rateLimit({ name: 'bad', config, burst: { limit: 1, windowSeconds: 1 }, sustained: { limit: 1.5, windowSeconds: 1 } }), /sustained/);
  });

  it('keeps Retry-After through the whole app, and a thrown ApiError keeps headers set before it', async () => {
    const { app } = await testApp(null);
    const limit = rateLimit({ name: 't', config, burst: { limit: 1, windowSeconds: 60 }, sustained: { limit: 10, windowSeconds: 3600 } });
    after(() => limit.limiter.close());
    app.use('/api/test/limited', limit);
    app.get('/api/test/limited', (c) => c.json({ ok: true }));
    app.get('/api/test/thrown', (c) => {
      c.header('Retry-After', '7');
      throw new ApiError(429, 'too_many_requests', 'Too many requests. Try again in 7 seconds.');
    });
    assert.equal((await app.request('/api/test/limited')).status, 200);
    await expectTooMany(await app.request('/api/test/limited'));
    const thrown = await app.request('/api/test/thrown');
    assert.equal(await expectTooMany(thrown), 7);
  });
});

/** Base64 of the JSON an ALTCHA widget sends. */
function encode(payload: Record<string, unknown>) {
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

async function solve(challenge: PowChallenge) {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  assert.ok(solution, 'altcha-lib solves the challenge');
  return {
    payload: encode({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature, took: solution.took }),
    number: solution.number,
    took: solution.took,
  };
}

/** A quick challenge for tests that are not about the cost of solving it. */
const quickChallenge = (config: Pick<Config, 'altchaHmacKey'>, now?: () => number) =>
  createPowChallenge(config, { maxNumber: 1000, ...(now ? { now } : {}) });

describe('proof-of-work challenges', () => {
  it('hands out signed ALTCHA challenges that expire in ten minutes and are never cached', async () => {
    const config = testConfig();
    const clock = manualClock();
    const app = harness((a) => a.route('/api/pow', powRoutes({ config, now: clock.now })));
    const res = await app.request('/api/pow/challenge');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const challenge = PowChallenge.parse(await res.json());
    assert.equal(challenge.algorithm, 'SHA-256');
    assert.equal(challenge.maxnumber, powMaxNumber);
    const expires = Number(/[?&]expires=(\d+)&/.exec(challenge.salt)?.[1]);
    assert.equal(expires, clock.now() / 1000 + powLifetimeSeconds);
    const second = PowChallenge.parse(await (await app.request('/api/pow/challenge')).json());
    assert.notEqual(second.challenge, challenge.challenge);
  });

  it('rate-limits fetching challenges per address', async () => {
    const config = testConfig();
    const app = harness((a) =>
      a.route('/api/pow', powRoutes({ config, challengeLimits: { burst: { limit: 2, windowSeconds: 10 }, sustained: { limit: 10, windowSeconds: 3600 } } })),
    );
    assert.equal((await app.request('/api/pow/challenge', {}, fromAddress('192.0.2.1'))).status, 200);
    assert.equal((await app.request('/api/pow/challenge', {}, fromAddress('192.0.2.1'))).status, 200);
    await expectTooMany(await app.request('/api/pow/challenge', {}, fromAddress('192.0.2.1')));
    assert.equal((await app.request('/api/pow/challenge', {}, fromAddress('192.0.2.2'))).status, 200);
  });

  it('mounts on the whole app, is documented, and the default limits allow 30 quick fetches', async () => {
    const { app, config } = await testApp(null);
    app.route('/api/pow', powRoutes({ config }));
    for (let i = 0; i < 30; i++) assert.equal((await app.request('/api/pow/challenge')).status, 200);
    await expectTooMany(await app.request('/api/pow/challenge'));
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes?: Record<string, { name?: string }> };
    };
    // The document is built from the registry on request, so routes mounted late appear.
    assert.ok(doc.paths['/api/pow/challenge'], 'the route is in the OpenAPI document');
    assert.equal(doc.components.securitySchemes?.proofOfWork?.name, powHeader);
  });
});

for (const test of databases) {
  describe(`proof-of-work solutions (${test.name})`, () => {
    let db: Db;
    const config = testConfig();
    /** A throwaway form route guarded the way real ones will be. */
    const formApp = (database: Db) =>
      harness((a) => {
        a.route('/api/pow', powRoutes({ config }));
        a.use('/api/test/form', requirePow({ db: database, config }));
        a.post('/api/test/form', (c) => c.json({ accepted: true }, 201));
      });
    const send = (app: ReturnType<typeof formApp>, payload?: string) =>
      app.request('/api/test/form', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(payload === undefined ? {} : { [powHeader]: payload }) },
        body: '{}',
      });

    before(async () => {
      db = await openDatabase(test);
    });
    after(() => db.destroy());

    it('accepts a solution of a fetched challenge once, and refuses it replayed', async (t) => {
      const app = formApp(db);
      const challenge = PowChallenge.parse(await (await app.request('/api/pow/challenge')).json());
      const started = performance.now();
      const { payload, number, took } = await solve(challenge);
      t.diagnostic(`altcha-lib solved a ${challenge.maxnumber} challenge (number ${number}) in ${Math.round(performance.now() - started)} ms (took ${took} ms)`);

      const first = await send(app, payload);
      assert.equal(first.status, 201, await first.clone().text());
      assert.deepEqual(await first.json(), { accepted: true });
      await expectError(await send(app, payload), 400, 'pow_replayed');
      const row = await db.selectFrom('pow_used').selectAll().where('signature', '=', challenge.signature).executeTakeFirst();
      assert.ok(row, 'the spent solution is recorded');
      assert.ok(Date.parse(row.expires_at) > Date.now() + (powLifetimeSeconds - 60) * 1000);
    });

    it('refuses a replay on another instance sharing the database', async () => {
      const other = await openDatabase(test);
      try {
        const { payload } = await solve(await quickChallenge(config));
        assert.equal((await send(formApp(db), payload)).status, 201);
        await expectError(await send(formApp(other), payload), 400, 'pow_replayed');
      } finally {
        await other.destroy();
      }
    });

    it('accepts exactly one of two simultaneous uses', async () => {
      const { payload } = await solve(await quickChallenge(config));
      const results = await Promise.allSettled([verifyPow(db, config, payload), verifyPow(db, config, payload), verifyPow(db, config, payload)]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as ApiError).code, 'pow_replayed');
    });

    it('refuses an expired solution without spending it', async () => {
      const app = formApp(db);
      const issuedLongAgo = await quickChallenge(config, () => Date.now() - (powLifetimeSeconds + 60) * 1000);
      await expectError(await send(app, (await solve(issuedLongAgo)).payload), 400, 'pow_expired');

      const { payload } = await solve(await quickChallenge(config));
      const later = Date.now() + (powLifetimeSeconds + 1) * 1000;
      await assert.rejects(verifyPow(db, config, payload, { now: () => later }), (err: ApiError) => err.code === 'pow_expired');
      assert.equal((await send(app, payload)).status, 201, 'still good in time');
    });

    it('refuses a tampered solution: another number, signature, expiry or key', async () => {
      const app = formApp(db);
      const challenge = await quickChallenge(config);
      const { number } = await solve(challenge);
      const good = { algorithm: 'SHA-256', challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature };

      await expectError(await send(app, encode({ ...good, number: number + 1 })), 400, 'pow_invalid');
      const flipped = (challenge.signature[0] === '0' ? '1' : '0') + challenge.signature.slice(1);
      await expectError(await send(app, encode({ ...good, signature: flipped })), 400, 'pow_invalid');
      await expectError(await send(app, encode({ ...good, salt: challenge.salt.replace(/expires=\d+/, 'expires=9999999999') })), 400, 'pow_invalid');

      // Correctly solved and signed, but with someone else's key.
      const foreign = await createChallenge({ hmacKey: 'not-this-servers-key-but-long-enough-anyway', maxnumber: 1000, expires: new Date(Date.now() + 60_000) });
      const foreignSolved = await solve(PowChallenge.parse(foreign));
      await expectError(await send(app, foreignSolved.payload), 400, 'pow_invalid');

      // Solved without an expiry (as altcha-lib makes by default) is not one of ours either.
      const noExpiry = await createChallenge({ hmacKey: config.altchaHmacKey, maxnumber: 1000 });
      await expectError(await send(app, (await solve(PowChallenge.parse(noExpiry))).payload), 400, 'pow_invalid');

      assert.equal((await send(app, encode(good))).status, 201, 'the untouched solution is still good');
    });

    it('speaks the same protocol as altcha-lib: its challenges with this key pass, and its verifier accepts ours', async () => {
      const app = formApp(db);
      const theirs = await createChallenge({ hmacKey: config.altchaHmacKey, maxnumber: 1000, expires: new Date(Date.now() + 60_000) });
      assert.equal((await send(app, (await solve(PowChallenge.parse(theirs))).payload)).status, 201);
      const ours = await quickChallenge(config);
      const solved = await solve(ours);
      assert.equal(await verifySolution(solved.payload, config.altchaHmacKey), true);
      assert.equal(await verifySolution(solved.payload, 'another-key-another-key-another-key'), false);
    });

    it('answers garbage with 400, never 500', async () => {
      const app = formApp(db);
      await expectError(await send(app), 400, 'pow_missing');
      await expectError(await send(app, '   '), 400, 'pow_missing');
      const cases: Record<string, string> = {
        'not base64': 'this is not base64!',
        'not JSON': Buffer.from('definitely { not json').toString('base64'),
        'JSON null': encode(null as unknown as Record<string, unknown>),
        'a JSON array': Buffer.from('[1,2,3]').toString('base64'),
        'a JSON string': Buffer.from('"hello"').toString('base64'),
        'an empty object': encode({}),
        'another algorithm': encode({ algorithm: 'MD5', challenge: 'a'.repeat(64), number: 1, salt: 's&', signature: 'b'.repeat(64) }),
        'a number as text': encode({ algorithm: 'SHA-256', challenge: 'a'.repeat(64), number: '1', salt: 's&', signature: 'b'.repeat(64) }),
        'a negative number': encode({ algorithm: 'SHA-256', challenge: 'a'.repeat(64), number: -1, salt: 's&', signature: 'b'.repeat(64) }),
        'a huge number': Buffer.from(`{"algorithm":"SHA-256","challenge":"${'a'.repeat(64)}","number":1e400,"salt":"s&","signature":"${'b'.repeat(64)}"}`).toString('base64'),
        'a short signature': encode({ algorithm: 'SHA-256', challenge: 'a'.repeat(64), number: 1, salt: 's&', signature: 'b' }),
        'a huge payload': 'A'.repeat(100_000),
        'invalid UTF-8': Buffer.from([0xff, 0xfe, 0x7b, 0x80]).toString('base64'),
      };
      for (const [what, payload] of Object.entries(cases)) {
        const res = await send(app, payload);
        assert.equal(res.status, 400, `${what}: ${await res.clone().text()}`);
        assert.equal(((await res.json()) as ErrorJson).error.code, 'pow_invalid', what);
      }
    });

    it('deletes spent solutions once they have expired', async () => {
      const soon = Date.now() + 2 * 60 * 60 * 1000;
      await db.insertInto('pow_used').values({ signature: 'f'.repeat(64), expires_at: new Date(soon - 1000).toISOString() }).execute();
      await db.insertInto('pow_used').values({ signature: 'e'.repeat(64), expires_at: new Date(soon + 60_000).toISOString() }).execute();
      const { payload } = await solve(await quickChallenge(config, () => soon));
      await verifyPow(db, config, payload, { now: () => soon });
      const left = (await db.selectFrom('pow_used').select('signature').execute()).map((r) => r.signature);
      assert.ok(!left.includes('f'.repeat(64)), 'the expired row is gone');
      assert.ok(left.includes('e'.repeat(64)), 'the live row stays');
    });
  });
}
