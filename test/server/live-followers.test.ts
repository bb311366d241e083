import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { inProcessBus } from '../../server/live/bus.js';
import { coalescedFollowers } from '../../server/live/followers.js';
import { memoryLogger } from './helpers.js';

/** A followed thing whose state is a counter; `reads` counts how often it was read. */
function counter() {
  const bus = inProcessBus();
  const thing = { value: 0, reads: 0 };
  const followers = coalescedFollowers<{ value: number }>({
    bus,
    log: memoryLogger(),
    topic: (id) => `thing:${id}`,
    read: async () => {
      thing.reads++;
      return { value: thing.value };
    },
    what: 'a counter',
  });
  const change = async () => {
    thing.value++;
    await bus.publish('thing:1');
    // The in-process bus delivers after the publisher's own work, in a microtask; a read
    // begun at once has answered by the next turn of the event loop.
    await nextTurn();
    await nextTurn();
  };
  return { thing, followers, change };
}

const until = async (what: string, ok: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(`waited 5 s for ${what}`);
    await sleep(10);
  }
};

describe('pages following a petition or a poll', () => {
  it('hear the first change after a quiet spell at once, and share one read for the changes that follow it', async () => {
    const { thing, followers, change } = counter();
    const seen: number[][] = [[], []];
    const stops = seen.map((list) => followers.follow(1, (state) => list.push(state.value)));
    try {
      await change();
      assert.equal(thing.reads, 1, 'read at once, not after a wait');
      assert.deepEqual(seen, [[1], [1]], 'every page has it');

      // A burst right after that read: nothing more is read until 250 ms have passed since
      // it, then once for the whole burst.
      for (let i = 0; i < 5; i++) await change();
      assert.equal(thing.reads, 1, 'the burst waits for the time between reads');
      await until('the burst to arrive', () => seen[0]!.length === 2);
      assert.equal(thing.reads, 2, 'one read for five changes');
      assert.deepEqual(seen, [[1, 6], [1, 6]]);

      // Quiet again: the next change is read at once.
      await sleep(300);
      await change();
      assert.equal(thing.reads, 3);
      assert.deepEqual(seen[1], [1, 6, 7]);
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('send a page nothing when the state read is the one it already has', async () => {
    const { thing, followers, change } = counter();
    const seen: number[] = [];
    const stop = followers.follow(1, (state) => seen.push(state.value));
    try {
      await change();
      thing.value--; // Undone: the next change brings it back to what the page has.
      await sleep(300);
      await change();
      await sleep(300);
      await change();
      assert.equal(thing.reads, 3);
      assert.deepEqual(seen, [1, 2], 'the second read found 1 again and sent nothing');
    } finally {
      stop();
    }
  });
});
