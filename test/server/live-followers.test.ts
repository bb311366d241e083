import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inProcessBus, type LiveBus } from '../../server/live/bus.js';
import { coalescedFollowers } from '../../server/live/followers.js';
import { memoryLogger, until } from './helpers.js';

/**
 * The in-process bus, except that it re-reads everything once it "listens", as the
 * PostgreSQL bus does when its LISTEN connection comes up (the first time too).
 */
function busThatRereadsWhenReady(): LiveBus {
  const bus = inProcessBus();
  const subscribed = new Map<string, Set<() => void>>();
  return {
    ...bus,
    subscribe(topic, fn) {
      if (!subscribed.has(topic)) subscribed.set(topic, new Set());
      subscribed.get(topic)!.add(fn);
      const stop = bus.subscribe(topic, fn);
      return () => {
        subscribed.get(topic)!.delete(fn);
        stop();
      };
    },
    async ready() {
      for (const fns of subscribed.values()) for (const fn of fns) fn();
    },
  };
}

/** A followed thing whose state is a counter; `reads` counts how often it was read. */
function counter(bus: LiveBus = inProcessBus()) {
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
  return { thing, followers, change, bus };
}

describe('pages following a petition or a poll', () => {
  it('are each sent the current state first, and then share one read for a burst of changes', async () => {
    const { thing, followers, change } = counter();
    const seen: number[][] = [[], [], []];
    const firsts: boolean[][] = [[], [], []];
    const stops = seen.map((list, i) =>
      followers.follow(1, (state, first) => {
        list.push(state.value);
        firsts[i]!.push(first);
      }),
    );
    try {
      await until('the current state', () => seen.every((list) => list.length === 1));
      assert.equal(thing.reads, 3, 'one read for each page that starts following');
      for (let i = 0; i < 5; i++) await change();
      await until('the burst to arrive', () => seen.every((list) => list.length === 2));
      assert.equal(thing.reads, 4, 'one read for five changes and three pages');
      assert.deepEqual(seen, [[0, 5], [0, 5], [0, 5]]);
      assert.deepEqual(firsts, [[true, false], [true, false], [true, false]]);
      await sleep(300);
      assert.equal(thing.reads, 4, 'nothing more is read without a change');
    } finally {
      for (const stop of stops) stop();
    }
  });

  it('send a page nothing when the state read is the one it already has', async () => {
    const { thing, followers, change } = counter();
    const seen: number[] = [];
    const stop = followers.follow(1, (state) => seen.push(state.value));
    try {
      await until('the current state', () => seen.length === 1);
      await change();
      await until('the first change', () => thing.reads === 2);
      thing.value--; // Undone: the next change brings it back to what the page has.
      await change();
      await until('the second read', () => thing.reads === 3);
      await change();
      await until('the third read', () => thing.reads === 4);
      await until('the new state', () => seen.length === 3);
      assert.deepEqual(seen, [0, 1, 2], 'the second read found 1 again and sent nothing');
    } finally {
      stop();
    }
  });

  // What made the two-instance tests fail now and then on a busy machine: the page's first
  // state was sent beside the followers, which did not know it; when the PostgreSQL bus came
  // up and re-read, or a late notification arrived, before the next change, the page was sent
  // its first state again in place of the change it waited for.
  it('send a page nothing more when the bus re-reads once it listens, or a message changes nothing', async () => {
    const { thing, followers, change, bus } = counter(busThatRereadsWhenReady());
    const seen: number[] = [];
    const stop = followers.follow(1, (state) => seen.push(state.value));
    try {
      await until('the current state and the re-read', () => thing.reads === 2);
      await bus.publish('thing:1'); // A late notification, for nothing new.
      await until('the late notification’s read', () => thing.reads === 3);
      await change();
      await until('the change', () => seen.length >= 2);
      assert.deepEqual(seen, [0, 1]);
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
