import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
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
  it('share one read of the state for a burst of changes, however many pages follow', async () => {
    const { thing, followers, change } = counter();
    const seen: number[][] = [[], [], []];
    const stops = seen.map((list) => followers.follow(1, (state) => list.push(state.value)));
    try {
      for (let i = 0; i < 5; i++) await change();
      await until('the burst to arrive', () => seen.every((list) => list.length === 1));
      assert.equal(thing.reads, 1, 'one read for five changes and three pages');
      assert.deepEqual(seen, [[5], [5], [5]]);
      await sleep(300);
      assert.equal(thing.reads, 1, 'nothing more is read without a change');
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
      await until('the first read', () => thing.reads === 1);
      thing.value--; // Undone: the next change brings it back to what the page has.
      await change();
      await until('the second read', () => thing.reads === 2);
      await change();
      await until('the third read', () => thing.reads === 3);
      await until('the new state', () => seen.length === 2);
      assert.deepEqual(seen, [1, 2], 'the second read found 1 again and sent nothing');
    } finally {
      stop();
    }
  });

  it('stop reading once the last page has gone', async () => {
    const { thing, followers, change } = counter();
    const stop = followers.follow(1, () => {});
    stop();
    await change();
    await sleep(300);
    assert.equal(thing.reads, 0);
    assert.equal(followers.followers, 0);
  });
});
