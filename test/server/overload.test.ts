import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { completeDeps } from '../../server/deps.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { serverTimeouts } from '../../server/limits.js';
import { seedDemoPoll } from '../../server/polls/seed.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { memoryLogger, openDatabase, testConfig, testDatabases } from './helpers.js';

const limit = 4;

describe('MAX_CONCURRENT_REQUESTS', () => {
  it('is 256 unless set, and must be a whole number from 1', () => {
    assert.equal(loadConfig({}).maxConcurrentRequests, 256);
    assert.equal(loadConfig({ MAX_CONCURRENT_REQUESTS: '40' }).maxConcurrentRequests, 40);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      assert.throws(() => loadConfig({ MAX_CONCURRENT_REQUESTS: bad }), (err: unknown) => err instanceof ConfigError && /MAX_CONCURRENT_REQUESTS/.test(err.message), bad);
    }
  });
});

for (const database of testDatabases()) {
  describe(`past capacity, on ${database.name}`, () => {
    it('answers 503 with Retry-After instead of queueing, never counts event streams, and recovers by itself', async (t) => {
      const db = await openDatabase(database);
      await seedDemoTiles(db);
      const pollId = await seedDemoPoll(db);
      const config = testConfig({ MAX_CONCURRENT_REQUESTS: String(limit) });
      const log = memoryLogger();
      const app = createApp(completeDeps({ config, db, log }));
      // Work that takes a while, as a slow database query would.
      app.get('/api/test/slow', async (c) => {
        await new Promise((r) => setTimeout(r, 400));
        return c.json({ ok: true });
      });
      const server: ServerType = await new Promise((resolve) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: serverTimeouts({ headersTimeout: 1000, requestTimeout: 2000, connectionsCheckingInterval: 100 }) }, () => resolve(s));
      });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const streams: AbortController[] = [];
      try {
        // More event streams than the limit: they are followed for minutes and hold no work.
        for (let i = 0; i < limit + 2; i++) {
          const abort = new AbortController();
          streams.push(abort);
          const res = await fetch(`${url}/api/polls/${pollId}/live`, { signal: abort.signal });
          assert.equal(res.status, 200);
        }
        assert.equal((await fetch(`${url}/api/tile-sets`)).status, 200, 'open streams do not count');

        // A burst ten times the capacity: every request is answered, and at once when refused.
        const started = Date.now();
        const burst = await Promise.all(
          Array.from({ length: limit * 10 }, async () => {
            const res = await fetch(`${url}/api/test/slow`, { signal: AbortSignal.timeout(15_000) });
            return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code: string; status: number } }, ms: Date.now() - started };
          }),
        );
        const served = burst.filter((r) => r.status === 200);
        const refused = burst.filter((r) => r.status === 503);
        t.diagnostic(`${served.length} served, ${refused.length} refused in ${Date.now() - started} ms`);
        assert.equal(served.length + refused.length, burst.length, `only 200 and 503: ${burst.map((r) => r.status).join(',')}`);
        assert.ok(served.length >= limit, 'up to the capacity is served');
        assert.ok(refused.length > 0, 'the rest is refused');
        for (const r of refused) {
          assert.equal(r.retryAfter, '1');
          assert.deepEqual([r.body.error?.status, r.body.error?.code], [503, 'overloaded']);
          assert.ok(r.ms < 5000, `refused at once (${r.ms} ms)`);
        }
        assert.equal((await fetch(`${url}/api/tile-sets`)).status, 200, 'recovered after the burst');

        // Clients that send their body a byte at a time hold a slot only until the server's
        // request timeout cuts them off; then others are served again.
        const slow = Array.from({ length: limit }, () => {
          const socket = connect(Number(new URL(url).port), '127.0.0.1');
          socket.on('error', () => {});
          socket.write(`POST /api/polls/${pollId}/answers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
          const trickle = setInterval(() => socket.write(' '), 100);
          socket.on('close', () => clearInterval(trickle));
          return { socket, trickle };
        });
        await new Promise((r) => setTimeout(r, 300));
        const busy = await fetch(`${url}/api/tile-sets`);
        assert.equal(busy.status, 503, 'the slow senders fill the capacity');
        const deadline = Date.now() + 10_000;
        let status = 503;
        while (status === 503 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
          status = (await fetch(`${url}/api/tile-sets`)).status;
        }
        assert.equal(status, 200, 'served again once the slow senders are cut off');
        for (const s of slow) {
          clearInterval(s.trickle);
          s.socket.destroy();
        }
      } finally {
        for (const s of streams) s.abort();
        (server as unknown as { closeAllConnections(): void }).closeAllConnections();
        await new Promise((r) => server.close(r));
        await db.destroy();
      }
    });
  });
}
