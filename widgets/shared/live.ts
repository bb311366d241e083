/**
 * Following counts live without starving the page. Over HTTP/1.1 a browser opens at most six
 * connections to one server, and an event stream holds one for as long as it lasts: with six
 * widgets following live, every other request of the page to that server (reading another
 * widget, signing, answering) would wait for ever. So at most `maxLiveStreams` streams of
 * counts are open at once per server. A widget beyond them shows what it read, and starts
 * following as soon as another stops. The chat's conversation is not counted: it is the one
 * a resident is in, and it must not wait.
 */
export const maxLiveStreams = 3;

interface Slots {
  open: number;
  waiting: (() => void)[];
}
const byServer = new Map<string, Slots>();

/**
 * Opens an event stream on `url` once a slot is free, and hands it to `start` (at once if
 * one is free). Returns what stops it: closes the stream and frees its slot, or gives up the
 * place in the queue.
 */
export function followLive(url: URL, start: (source: EventSource) => void): () => void {
  let slots = byServer.get(url.origin);
  if (!slots) byServer.set(url.origin, (slots = { open: 0, waiting: [] }));
  const own = slots;
  let source: EventSource | undefined;
  let stopped = false;
  const begin = () => {
    own.open++;
    source = new EventSource(url);
    start(source);
  };
  if (own.open < maxLiveStreams) begin();
  else own.waiting.push(begin);
  return () => {
    if (stopped) return;
    stopped = true;
    if (!source) {
      own.waiting.splice(own.waiting.indexOf(begin), 1);
      return;
    }
    source.close();
    own.open--;
    own.waiting.shift()?.();
  };
}
