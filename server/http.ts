import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Config } from './config.js';

import type { StaffUserRow } from './db/schema.js';

export type AppEnv = {
  Variables: {
    requestId: string;
    /** Set by the staff-session middleware on /api/staff routes. */
    staff?: { user: StaffUserRow; sessionId: string; token: string };
  };
};

/**
 * The resident's address: the socket's peer, or — when that peer is a trusted proxy —
 * the nearest address in X-Forwarded-For that is not one, so a whole town hall behind one
 * proxy is told apart and nobody can claim an address by sending the header themselves.
 */
export function clientIp(c: Context, config: Pick<Config, 'trustedProxies'>): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
  }
  const typeOf = (a: string) => (isIP(a) === 6 ? 'ipv6' : 'ipv4');
  const normalise = (a: string) => a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  peer = normalise(peer);
  if (!isIP(peer) || !config.trustedProxies.check(peer, typeOf(peer))) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter((s) => isIP(s));
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (!config.trustedProxies.check(hop, typeOf(hop))) return hop;
  }
  return forwarded[0] ?? peer;
}

export interface PageSecurity {
  /**
   * Origins, besides this server itself, allowed to show the page in a frame. Without
   * this, the page may not be framed at all.
   */
  frameAncestors?: string[];
}

/**
 * The Content-Security-Policy of the server's own pages: scripts and styles from this
 * server only, no inline code, Trusted Types required (Lit's own policy is the one allowed).
 */
export function pageCsp({ frameAncestors }: PageSecurity = {}): string {
  const framers = frameAncestors ? ["'self'", ...frameAncestors].join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    // The petition widgets solve their proof of work in a worker made from a blob: URL.
    'worker-src blob:',
    // A framed page points its relative links at the site that shows it (widgets/embed/frame.ts).
    `base-uri ${framers}`,
    "form-action 'self'",
    `frame-ancestors ${framers}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html medverka-pow',
  ].join('; ');
}

/** Sends an HTML page with the strict policy; pages that may be framed say by whom. */
export function sendPage(c: Context, html: string, security: PageSecurity = {}) {
  c.header('Content-Security-Policy', pageCsp(security));
  c.header('Cache-Control', 'no-cache');
  if (!security.frameAncestors) c.header('X-Frame-Options', 'DENY');
  return c.html(html);
}

/**
 * Headers every answer carries. Set before the handler runs, so they join the response as
 * it is made: touching a finished response's headers makes @hono/node-server build a full
 * Response object and halves the server's throughput. Pages replace the policy.
 */
export function baseSecurityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    // JSON and scripts are never documents; forbid them from being rendered as one.
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    await next();
  };
}

/**
 * Answers with JSON and a strong ETag, or 304 when the browser already has it. Written
 * here rather than with hono/etag, whose 304 drops the CORS headers: a browser that cached
 * the answer for one origin would then refuse it for another. Sent with `cacheControl`: by
 * default no-cache, so the browser asks each time and an unchanged answer costs a 304.
 */
export function jsonWithEtag(c: Context, data: unknown, cacheControl = 'no-cache') {
  c.header('Cache-Control', cacheControl);
  const body = JSON.stringify(data);
  const tag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  c.header('ETag', tag);
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json');
  c.header('Content-Length', String(Buffer.byteLength(body)));
  return c.body(body, 200);
}
