/// <reference types="mocha" />
// Live streams of counts share a page's few connections to a server (widgets/shared/live.ts),
// here against the real server's event streams.
import { expect, waitUntil } from '@open-wc/testing';
import { followLive, maxLiveStreams } from '../../widgets/shared/live.js';
// @ts-expect-error: served by the test runner's config, not a file
import { api } from '/test-api.js';

describe('followLive', () => {
  let stream: URL;

  before(async () => {
    // An open poll of the seeded ones (test/widgets/seed.ts): its results stream stays open.
    for (let id = 1; id <= 40; id++) {
      const res = await fetch(new URL(`api/polls/${id}`, api as string));
      if (res.ok && ((await res.json()) as { poll: { status: string } }).poll.status === 'open') {
        stream = new URL(`api/polls/${id}/live`, api as string);
        break;
      }
    }
    expect(stream, 'an open poll to follow').to.not.equal(undefined);
  });

  it(`opens at most ${maxLiveStreams} streams to one server; the next in line starts when one stops, and one in line can give up`, async () => {
    const started: (EventSource | undefined)[] = [];
    const stops = Array.from({ length: maxLiveStreams + 2 }, (_, i) => followLive(stream, (source) => (started[i] = source)));
    expect(started.filter(Boolean).length, 'at once').to.equal(maxLiveStreams);
    await waitUntil(() => started.slice(0, maxLiveStreams).every((s) => s!.readyState === EventSource.OPEN), 'the first ones connect');

    stops[maxLiveStreams + 1]!(); // the last in line gives up
    stops[0]!(); // frees a slot: the first in line starts
    expect(started[0]!.readyState).to.equal(EventSource.CLOSED);
    expect(started[maxLiveStreams], 'the first in line').to.be.instanceOf(EventSource);
    expect(started[maxLiveStreams + 1], 'the one that gave up').to.equal(undefined);
    await waitUntil(() => started[maxLiveStreams]!.readyState === EventSource.OPEN, 'it connects');

    stops.forEach((stop) => stop());
    stops[1]!(); // stopping twice frees one slot only
    expect(started.every((s) => !s || s.readyState === EventSource.CLOSED), 'all closed').to.equal(true);
    // Every slot is free again.
    const again: EventSource[] = [];
    const more = Array.from({ length: maxLiveStreams }, () => followLive(stream, (s) => again.push(s)));
    expect(again.length).to.equal(maxLiveStreams);
    more.forEach((stop) => stop());
  });

  it('counts each server apart', () => {
    // The same server under another name is another origin, so it has its own slots.
    const elsewhere = new URL(stream.href.replace('127.0.0.1', 'localhost'));
    expect(elsewhere.origin).to.not.equal(stream.origin);
    const started: EventSource[] = [];
    const stops = [
      ...Array.from({ length: maxLiveStreams }, () => followLive(stream, (s) => started.push(s))),
      followLive(elsewhere, (s) => started.push(s)),
    ];
    expect(started.length).to.equal(maxLiveStreams + 1);
    stops.forEach((stop) => stop());
  });
});
