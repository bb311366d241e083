import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeDuePetitions } from '../../server/petitions/housekeeping.js';
import { petitionTopic } from '../../server/petitions/live.js';
import { confirmProposal, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import type { Db } from '../../server/db/index.js';
import { testDatabases, until } from './helpers.js';
import { assertLiveStream, follow, withServer, withTwoInstances } from './sse-client.js';

async function openPetition(db: Db, title = 'Fler bänkar vid ån') {
  const { petitionId, token } = await proposePetition(db, { title, body: 'Det behövs fler bänkar att vila på.', name: 'Greta', email: 'greta@example.se' }, 3);
  await confirmProposal(db, token);
  await movePetition(db, petitionId, 'open');
  return petitionId;
}

/** Signs and confirms through the confirmation page, as a resident following the mailed link. */
async function signAndConfirm(db: Db, url: string, id: number, email: string) {
  const { token } = await signPetition(db, id, { name: 'Sam', email, showName: false, hearBack: false, connection: 'resident' });
  const res = await fetch(`${url}/bekrafta/underskrift/${token}`, { method: 'POST' });
  assert.equal(res.status, 200);
}

for (const database of testDatabases()) {
  describe(`live petition counts (server-sent events) on ${database.name}`, () => {
    it('sends the state at once, then each change: confirmed signatures, closing and the answer', () =>
      withServer(database, async (db, server) => {
        const id = await openPetition(db);
        const stream = await follow(`${server.url}/api/petitions/${id}/live`, { Origin: 'https://kommun.test' });
        assertLiveStream(stream.res);
        const first = await stream.next(1, 'the current state');
        assert.deepEqual({ ...first, closesAt: typeof first.closesAt }, { id, status: 'open', signatureCount: 0, threshold: 3, closesAt: 'string', answeredAt: null });
        assert.ok(stream.events[0]!.retry! >= 3000 && stream.events[0]!.retry! < 7000, 'reconnects are spread out');
        assert.deepEqual(Object.keys(first).sort(), ['answeredAt', 'closesAt', 'id', 'signatureCount', 'status', 'threshold'], 'no personal data');

        await signAndConfirm(db, server.url, id, 'a@example.se');
        assert.equal((await stream.next(2, 'the first signature')).signatureCount, 1);

        // An unconfirmed signature does not count and is not sent.
        await signPetition(db, id, { name: 'Pat', email: 'pat@example.se', showName: false, hearBack: false, connection: 'resident' });
        await signAndConfirm(db, server.url, id, 'b@example.se');
        assert.equal((await stream.next(3, 'the second signature')).signatureCount, 2);

        await movePetition(db, id, 'closed');
        await server.live.publish(petitionTopic(id));
        assert.equal((await stream.next(4, 'closing')).status, 'closed');

        await movePetition(db, id, 'answered', { answer: 'Bänkarna sätts ut i vår.' });
        await server.live.publish(petitionTopic(id));
        const answered = await stream.next(5, 'the answer');
        assert.equal(answered.status, 'answered');
        assert.equal(typeof answered.answeredAt, 'string');
        assert.equal(stream.events.length, 5, 'nothing else was sent');
        await stream.close();
      }),
    );

    it('sends one update for a burst of signatures, to every page following', () =>
      withServer(database, async (db, server) => {
        const id = await openPetition(db, 'Längre öppettider i simhallen');
        const pages = await Promise.all([1, 2, 3].map(() => follow(`${server.url}/api/petitions/${id}/live`)));
        for (const page of pages) await page.next(1, 'the current state');
        await Promise.all(['c@example.se', 'd@example.se', 'e@example.se', 'f@example.se'].map((e) => signAndConfirm(db, server.url, id, e)));
        for (const page of pages) {
          // The last state each page has is the true count; bursts are merged, never more than one event per change.
          await until('all four signatures', () => page.states().at(-1)!.signatureCount === 4);
          assert.equal(page.states().at(-1)!.signatureCount, 4);
          assert.ok(page.events.length <= 5, `at most one event per change (got ${page.events.length})`);
          await page.close();
        }
      }),
    );

    it('refuses petitions that are not public, and bad numbers, with the JSON error shape', () =>
      withServer(database, async (db, server) => {
        const { petitionId: draft } = await proposePetition(db, { title: 'Utkast', body: 'Inte publicerat än.', name: 'X', email: 'x@example.se' }, 3);
        for (const [path, status] of [
          [`/api/petitions/${draft}/live`, 404],
          ['/api/petitions/999999/live', 404],
          ['/api/petitions/abc/live', 400],
          ['/api/petitions/0/live', 400],
        ] as const) {
          const res = await fetch(`${server.url}${path}`);
          assert.equal(res.status, status, path);
          assert.match(res.headers.get('content-type')!, /application\/json/);
          assert.equal(typeof ((await res.json()) as { error: { code: string } }).error.code, 'string');
        }
      }),
    );

    it('tells pages when housekeeping closes a petition at its closing time', () =>
      withServer(database, async (db, server) => {
        const id = await openPetition(db, 'Cykelställ vid stationen');
        const stream = await follow(`${server.url}/api/petitions/${id}/live`);
        await stream.next(1, 'the current state');
        const closed = await closeDuePetitions(db, new Date(Date.now() + 400 * 86_400_000));
        assert.ok(closed.includes(id));
        for (const closedId of closed) await server.live.publish(petitionTopic(closedId));
        assert.equal((await stream.next(2, 'closing')).status, 'closed');
        await stream.close();
      }),
    );
  });
}

describe('live updates across two server instances sharing PostgreSQL', () => {
  const [, postgres] = testDatabases();
  it('a signature confirmed on one instance reaches a page following the other', () =>
    withTwoInstances(postgres!, async (a, b) => {
      const id = await openPetition(a.db, 'Gatlyktor på Storgatan');
      const onB = await follow(`${b.url}/api/petitions/${id}/live`);
      assert.equal((await onB.next(1, 'the current state')).signatureCount, 0);
      await signAndConfirm(a.db, a.url, id, 'g@example.se');
      assert.equal((await onB.next(2, 'the signature confirmed on the other instance')).signatureCount, 1);
      await onB.close();
    }),
  );
});
