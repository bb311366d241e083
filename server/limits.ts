import type { MiddlewareHandler } from 'hono';
import type { ServerOptions } from 'node:http';
import type { Config } from './config.js';
import { errorJson } from './errors.js';
import type { AppEnv } from './http.js';

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write to the API comes from this server's own pages or the municipality's own
 * sites, as JSON. A browser sends the page's Origin with every write; a form or a
 * "simple" fetch from any other site (or a sandboxed frame, Origin: null) is refused
 * before anything is read, and so is a body of a type that skips the CORS preflight.
 * Clients outside a browser send no Origin and pass the first check. A write without a
 * body (no Content-Type, no length) needs no type.
 */
export function sameOriginApiWrites(config: Pick<Config, 'publicUrl' | 'allowedOrigins'>): MiddlewareHandler<AppEnv> {
  const allowed = new Set([config.publicUrl.origin, ...config.allowedOrigins]);
  return async (c, next) => {
    if (!writes.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin)) {
      return errorJson(c, 403, 'cross_origin_refused', 'Changes are accepted only from this server’s own pages and the sites it is embedded on.');
    }
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    const hasBody = type !== undefined || c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !/^application\/json\s*(;|$)/i.test(type ?? '')) {
      return errorJson(c, 415, 'json_only', 'Send the request body as JSON (Content-Type: application/json).');
    }
    return next();
  };
}

/** Server-sent event streams live for minutes and hold no work; they never count as load. */
const isStream = (path: string) => /\/(events|live)$/.test(path) || path === '/api/staff/chat/inbox';

/**
 * Sheds load past capacity: with `max` requests already being answered, the next one is
 * told at once to come back in a second (503, Retry-After) instead of queueing for the
 * database until it times out. Event streams and the health check do not count.
 */
export function shedOverload(max: number): MiddlewareHandler<AppEnv> {
  let inFlight = 0;
  return async (c, next) => {
    if (isStream(c.req.path) || c.req.path === '/healthz') return next();
    if (inFlight >= max) {
      c.header('Retry-After', '1');
      return errorJson(c, 503, 'overloaded', 'The server is busy. Try again in a moment.');
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}

/**
 * Timeouts for the node:http server, so that a client trickling its headers or body a
 * byte at a time is cut off (408) instead of holding a connection and a request slot.
 * Node checks them every connectionsCheckingInterval. requestTimeout covers receiving the
 * request only; answers that stream (server-sent events) are not cut by it.
 */
export function serverTimeouts(overrides: Partial<ServerOptions> = {}): ServerOptions {
  return {
    headersTimeout: 10_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
    ...overrides,
  };
}
