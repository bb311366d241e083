import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import type { Role } from './schemas.js';
import { resumeSession } from './store.js';

export const sessionCookie = 'medverka_staff';

export function setSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], config: Config, token: string) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: config.publicUrl.protocol === 'https:',
    path: '/',
    maxAge: config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], config: Config) {
  deleteCookie(c, sessionCookie, { path: '/', secure: config.publicUrl.protocol === 'https:' });
}

/**
 * Cookie-authenticated writes come only from the console's own pages: the browser's Origin
 * must be this server's (a form on another site cannot send it). That a body, if any, is
 * JSON is checked for every API write by sameOriginApiWrites (limits.ts); a write with no
 * body (approve, sign out, delete) needs no Content-Type.
 */
export function consoleOriginWrites(config: Config): MiddlewareHandler<AppEnv> {
  const own = config.publicUrl.origin;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && c.req.header('origin') !== own) {
      throw new ApiError(403, 'cross_origin_refused', 'Staff changes are accepted only from the console’s own pages.');
    }
    await next();
  };
}

/** Reads the session cookie, if any, into c.var.staff. */
export function staffSession({ db, config }: { db: Db; config: Config }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    if (token && token.length <= 100) {
      const session = await resumeSession(db, token, config.session);
      if (session) c.set('staff', { ...session, token });
      else clearSessionCookie(c, config);
    }
    await next();
  };
}

/** Lets the request through only for a signed-in staff member with one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = c.get('staff');
    if (!staff) throw new ApiError(401, 'unauthorized', 'Sign in first.');
    if (!roles.includes(staff.user.role)) throw new ApiError(403, 'forbidden', 'Your role may not do this.');
    await next();
  };
}

export const anyStaff = requireRole('admin', 'moderator', 'chat_agent');
