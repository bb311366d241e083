import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
const keepAliveMs = 25_000;

/** Reconnects spread over a few seconds, so a restarted server is not hit all at once. */
export const reconnectAfter = (least: number, spread: number) => least + Math.floor(Math.random() * spread);

/**
 * An answer as server-sent events, open until the page goes away. `open` starts following
 * and hands `onClose` what stops it; that runs however the stream ends, even if `open` throws.
 */
export function eventStream(c: Context, open: (stream: SSEStreamingApi, onClose: (stop: () => void) => void) => void | Promise<void>) {
  c.header('Cache-Control', 'no-store');
  // Tells nginx and similar proxies not to hold the stream back in a buffer.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const stops: (() => void)[] = [];
    try {
      await open(stream, (stop) => stops.push(stop));
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => {}), keepAliveMs);
      await new Promise<void>((resolve) => (stream.aborted ? resolve() : stream.onAbort(resolve)));
      clearInterval(keepAlive);
    } finally {
      for (const stop of stops) stop();
    }
  });
}

/**
 * A thing's state as events named `event`: the current state at once, then each change this
 * page has not been sent yet (`follow` is a followers hub's, live/followers.ts).
 */
export function stateEvents<S>(c: Context, event: string, follow: (send: (state: S, opening: boolean) => void) => () => void) {
  return eventStream(c, (stream, onClose) => {
    const retry = reconnectAfter(3000, 4000);
    onClose(follow((state, opening) => void stream.writeSSE({ event, data: JSON.stringify(state), ...(opening ? { retry } : {}) }).catch(() => {})));
  });
}
