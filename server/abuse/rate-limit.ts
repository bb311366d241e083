import type { Context, MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import type { Config } from '../config.js';
import { errorJson } from '../errors.js';
import { clientIp } from '../http.js';

/**
 * Per-address request limits, like the UK petitions site: a short "burst" window stops a
 * script hammering a form, a long "sustained" window stops a slow, steady flood.
 *
 * Counters live in this process's memory. Behind a load balancer with N instances each
 * instance counts on its own, so one address may get up to N times the limit. That is
 * accepted for now: the limits are set to catch floods, which exceed them many times over,
 * and keeping counters local means no database write on every request.
 */

export interface Limit {
  /** Requests allowed within one window. */
  limit: number;
  windowSeconds: number;
}

interface CommonOptions {
  /** What the limit protects, e.g. "pow-challenge"; names the limiter in diagnostics. */
  name: string;
  burst: Limit;
  sustained: Limit;
  /** Most addresses remembered at once; beyond this the least recently seen is forgotten. */
  maxKeys?: number;
  /** The clock, in milliseconds; tests move it instead of sleeping. */
  now?: () => number;
}

export type RateLimitOptions = CommonOptions &
  (
    | {
        /** Counts per resident address, found through the trusted proxies. */
        config: Pick<Config, 'trustedProxies'>;
        key?: undefined;
      }
    | {
        /** Counts per whatever this returns (an account, an e-mail address, …). */
        key: (c: Context) => string;
        config?: undefined;
      }
  );

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * One sliding window, approximated with two fixed ones: the previous window's count fades
 * out linearly as the current one goes by. This avoids a fixed window's loophole (a full
 * limit just before a boundary and another just after) while keeping three numbers per
 * address instead of a timestamp per request. It is an estimate: it assumes the previous
 * window's requests were spread evenly, so a client may be let in a little early or asked to
 * wait up to one window longer than an exact count would; both are fine for flood control.
 */
interface Window {
  start: number;
  count: number;
  previous: number;
}

interface Entry {
  burst: Window;
  sustained: Window;
  seen: number;
}

// Leaves room for floating-point error so that "exactly at the limit" is not refused.
const epsilon = 1e-9;

function roll(w: Window, now: number, ms: number) {
  if (now >= w.start + 2 * ms) {
    w.previous = 0;
    w.count = 0;
    w.start = now - (now % ms);
  } else if (now >= w.start + ms) {
    w.previous = w.count;
    w.count = 0;
    w.start += ms;
  }
}

function estimate(w: Window, now: number, ms: number) {
  // Clamped: a wall clock stepped backwards must not make the old window weigh more.
  const faded = Math.min(1, Math.max(0, (now - w.start) / ms));
  return w.previous * (1 - faded) + w.count;
}

/** Milliseconds until one more request fits, given no more are counted meanwhile. */
function waitMs(w: Window, now: number, ms: number, limit: number) {
  const elapsed = Math.max(0, now - w.start);
  const room = limit - 1 - w.count;
  if (room >= 0) {
    if (w.previous <= room) return 0;
    const fadedAt = ms * (1 - room / w.previous);
    if (fadedAt < ms) return Math.max(0, fadedAt - elapsed);
  }
  // In the next window this window's count is the one fading out.
  const fadedAt = w.count <= limit - 1 ? 0 : ms * (1 - (limit - 1) / w.count);
  return ms - elapsed + fadedAt;
}

/**
 * Addresses are counted one by one, except IPv6, which is counted by /64: a household or a
 * phone is usually given a whole /64, so counting single IPv6 addresses would let one
 * client take a fresh address, and a fresh allowance, for every request.
 */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups, all of them past the /64.
  const rightGroups = right.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - rightGroups)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The counters behind one rateLimit() middleware; exposed for tests and diagnostics. */
export class RateLimiter {
  readonly name: string;
  private readonly entries = new Map<string, Entry>();
  private readonly burst: Limit & { ms: number };
  private readonly sustained: Limit & { ms: number };
  private readonly maxKeys: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: Pick<CommonOptions, 'name' | 'burst' | 'sustained' | 'maxKeys' | 'now'>) {
    for (const [which, l] of [
      ['burst', options.burst],
      ['sustained', options.sustained],
    ] as const) {
      if (!Number.isInteger(l.limit) || l.limit < 1 || !(l.windowSeconds > 0)) {
        throw new Error(`rateLimit ${options.name}: the ${which} limit needs a whole limit of at least 1 and a positive window`);
      }
    }
    this.name = options.name;
    this.burst = { ...options.burst, ms: options.burst.windowSeconds * 1000 };
    this.sustained = { ...options.sustained, ms: options.sustained.windowSeconds * 1000 };
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** How many keys are remembered. */
  get size() {
    return this.entries.size;
  }

  /** Counts one request for `key`, unless it is over a limit; refused requests are not counted. */
  hit(key: string): RateDecision {
    const now = this.now();
    this.startSweeping();
    let entry = this.entries.get(key);
    if (entry) {
      // Re-inserting keeps the map ordered by last use, so the oldest are first to go.
      this.entries.delete(key);
    } else {
      const fresh = (ms: number): Window => ({ start: now - (now % ms), count: 0, previous: 0 });
      entry = { burst: fresh(this.burst.ms), sustained: fresh(this.sustained.ms), seen: now };
      if (this.entries.size >= this.maxKeys) this.sweep(now);
      while (this.entries.size >= this.maxKeys) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    entry.seen = now;
    this.entries.set(key, entry);

    let wait = 0;
    for (const [w, l] of [
      [entry.burst, this.burst],
      [entry.sustained, this.sustained],
    ] as const) {
      roll(w, now, l.ms);
      if (estimate(w, now, l.ms) + 1 > l.limit + epsilon) wait = Math.max(wait, waitMs(w, now, l.ms, l.limit));
    }
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    entry.burst.count++;
    entry.sustained.count++;
    return { allowed: true };
  }

  /** Forgets addresses that have been quiet long enough for both windows to be empty. */
  sweep(now = this.now()) {
    const quietFor = 2 * Math.max(this.burst.ms, this.sustained.ms);
    for (const [key, entry] of this.entries) {
      // Ordered by last use: the first recent entry means all after it are recent too.
      if (now - entry.seen < quietFor) break;
      this.entries.delete(key);
    }
  }

  /** Stops the sweeping timer (it never keeps the process alive, but tests may tidy up). */
  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private startSweeping() {
    if (this.timer) return;
    // Started on first use, so apps built and thrown away in tests leave no timers behind.
    // A sweep stops at the first recent entry, so running it every minute costs next to nothing.
    this.timer = setInterval(() => this.sweep(), 60_000).unref();
  }
}

/**
 * Middleware refusing a client over its burst or sustained limit with 429, the error JSON
 * and Retry-After in seconds. The answer is returned rather than thrown so that Retry-After
 * does not depend on how the app's error handler treats headers set beforehand.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler & { limiter: RateLimiter } {
  const limiter = new RateLimiter(options);
  const { config } = options;
  const keyOf = options.key ?? ((c: Context) => addressKey(clientIp(c, config!)));
  const middleware: MiddlewareHandler = async (c, next) => {
    const decision = limiter.hit(keyOf(c));
    if (!decision.allowed) {
      const s = decision.retryAfterSeconds;
      c.header('Retry-After', String(s));
      c.header('Cache-Control', 'no-store');
      const when = s < 120 ? `${s} second${s === 1 ? '' : 's'}` : `${Math.ceil(s / 60)} minutes`;
      return errorJson(c, 429, 'too_many_requests', `Too many requests from your address. Try again in ${when}.`);
    }
    await next();
  };
  return Object.assign(middleware, { limiter });
}
