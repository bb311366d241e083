import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { cpuMeter, perRequest } from '../../bench/lib/cpu.js';
import { testDatabases } from './helpers.js';

// The bench divides CPU time by requests; a meter that read the wrong /proc field, or missed
// PostgreSQL's backends, would print plausible nonsense.
describe('the bench’s CPU meter', () => {
  const [, postgres] = testDatabases();
  it('reads the CPU a process and the PostgreSQL backends of one database spend', async () => {
    const url = (postgres!.database as { url: string }).url;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const database = new URL(url).pathname.slice(1);
      const read = cpuMeter(process.pid, database);
      const before = read()!;
      assert.ok(before.server > 0 && before.backends?.size === 1, 'the test’s one connection');
      // 200 ms of this process's CPU time (not of the clock: on a busy machine the clock runs on
      // while the process waits for a core), and some in the backend.
      const start = process.cpuUsage();
      const usedMs = () => {
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1000;
      };
      let h = '';
      while (usedMs() < 200) h = createHash('sha256').update(h).digest('hex');
      await client.query('select count(*) from generate_series(1, 3000000)');
      const after = read()!;
      const spent = perRequest(before, after, 1)!;
      assert.ok(spent.server >= 150 && spent.server < 5000, `this process: ${spent.server} ms`);
      // The same process, read twice in a row for each reading: /proc counts in clock ticks
      // (10 ms), and a tick can fall between the two reads, so they agree to within one tick.
      assert.ok(Math.abs(spent.server - spent.bench) <= 10, `the server and the bench are the same process here: ${spent.server} and ${spent.bench} ms`);
      assert.ok(spent.database! >= 50, `the backend: ${spent.database} ms`);
      assert.deepEqual(perRequest(before, after, 0), undefined, 'no requests, no figure');
      // A backend that ended between the readings is not time given back.
      const ended = perRequest({ ...before, backends: new Map([['1', 500], ...before.backends!]) }, after, 1)!;
      assert.equal(ended.database, spent.database);
      assert.equal(cpuMeter(2 ** 30)(), undefined, 'a server that is gone gives no reading');
    } finally {
      await client.end();
    }
  });
});
