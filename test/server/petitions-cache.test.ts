import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inProcessBus } from '../../server/live/bus.js';
import { petitionTopic } from '../../server/petitions/live.js';
import { petitionCacheMs, publicPetitionCache } from '../../server/petitions/public.js';
import { confirmProposal, movePetition, proposePetition } from '../../server/petitions/store.js';
import { testDatabases, withDatabase } from './helpers.js';

for (const database of testDatabases()) {
  describe(`the short cache in front of GET /api/petitions/{id} on ${database.name}`, () => {
    it('answers from memory for a second, forgets at once when the bus says the petition changed, and never remembers a miss', withDatabase(database, async (db) => {
      const { petitionId: id, token } = await proposePetition(db, { title: 'Belysning i parken', body: 'Parken är mörk på kvällarna.', name: 'Greta', email: 'greta@example.se' }, 3);
      const live = inProcessBus();
      let clock = 1_000_000;
      const cache = publicPetitionCache(db, live, () => clock);

      assert.equal(await cache.find(id), undefined, 'not public before it is opened');
      await confirmProposal(db, token);
      await movePetition(db, id, 'open');
      assert.equal((await cache.find(id))?.signatureCount, 0, 'a miss was not remembered');

      // A change the bus is not told of (a write by hand) shows once the second has passed.
      await db.updateTable('petitions').set({ signature_count: 7 }).where('id', '=', id).execute();
      clock += petitionCacheMs - 1;
      assert.equal((await cache.find(id))?.signatureCount, 0, 'served from memory within the second');
      clock += 1;
      assert.equal((await cache.find(id))?.signatureCount, 7, 'read again after it');

      // A change the bus announces (a counted signature, a staff decision) shows at once.
      await db.updateTable('petitions').set({ signature_count: 8 }).where('id', '=', id).execute();
      await live.publish(petitionTopic(id));
      await new Promise((r) => setTimeout(r, 0));
      assert.equal((await cache.find(id))?.signatureCount, 8, 'forgotten when the petition changed');

      // Reads that arrive together, after the second has passed, share one database read.
      clock += petitionCacheMs;
      const together = await Promise.all([cache.find(id), cache.find(id), cache.find(id)]);
      assert.ok(together[0] === together[1] && together[1] === together[2]);
    }));
  });
}
