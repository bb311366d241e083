import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { ApiError } from '../errors.js';
import type { PowChallenge } from './schemas.js';

/**
 * Proof of work in the ALTCHA protocol, version 1 — the one the brief and the ALTCHA widget
 * (up to its 2.x releases) speak: the client finds the number n for which
 * SHA-256(salt + n) equals `challenge`, and sends back base64(JSON) of the challenge and n.
 * altcha-lib's default export is its newer, incompatible v2 protocol; v1 lives at
 * `altcha-lib/v1`. v1 needs nothing but crypto.subtle in the resident's browser, so the
 * widget's worker carries no library.
 *
 * It is a speed bump, not a wall: a native program solves it in a fraction of the time a
 * phone takes. What it buys is that every submission costs real CPU, and together with the
 * per-address rate limits that makes mass submission slow and expensive.
 */

/** The request header routes guarded by requirePow() read the solution from. */
export const powHeader = 'X-Medverka-Pow';

/**
 * The secret number is drawn from 1..maxnumber, so a client tries maxnumber/2 hashes on
 * average and maxnumber at worst. 50 000 is chosen for phones: at an assumed 30 000–60 000
 * WebCrypto SHA-256 a second in one worker, that is about 0.4–0.8 s on average and under
 * 2 s at worst. Measured: altcha-lib's own v1 solver in Node 20, which awaits crypto.subtle
 * once per number, tried about 22 000 numbers a second on a busy two-core build machine —
 * 1.1 s on average and 2.0 s at worst over 20 challenges. Phones are not measured yet;
 * tune this number when the widget's worker has been timed on one.
 */
export const powMaxNumber = 50_000;

/**
 * A challenge is fetched when a resident starts a form and is spent when they send it;
 * ten minutes covers solving, not writing. A widget that holds a solution longer, or is
 * told pow_expired, fetches and solves a new one (a second or so) before sending.
 */
export const powLifetimeSeconds = 10 * 60;

/**
 * Spent solutions are remembered this long past their expiry, so an instance whose clock
 * runs a little behind another's cannot accept a solution that the other has already
 * forgotten.
 */
const replayGraceSeconds = 5 * 60;

/** A genuine payload is about 350 characters; anything far longer is not one. */
const maxPayloadLength = 1024;

/** Expired rows are deleted at most this often per database handle. */
const cleanupEveryMs = 60_000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a client sends back, decoded; `took` (ALTCHA's timing) and other extras are ignored. */
const PowPayload = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: hex64,
  number: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  salt: z.string().min(1).max(200),
  signature: hex64,
});

export interface PowClock {
  /** The clock, in milliseconds; tests move it instead of waiting ten minutes. */
  now?: () => number;
}

/**
 * The two sums of ALTCHA v1, with node:crypto. altcha-lib computes the same through
 * crypto.subtle, which in Node sends each hash to the thread pool and back: three of those
 * per challenge issued and three per solution checked were 8 % of the server's time in the
 * signing benchmark, against microseconds here. The tests solve these challenges with
 * altcha-lib's own solver and check its challenges here, so the two stay the same protocol.
 */
const powDigest = (salt: string, number: number) => createHash('sha256').update(salt + number).digest('hex');
const powSignature = (challenge: string, hmacKey: string) => createHmac('sha256', hmacKey).update(challenge).digest('hex');

/** A fresh challenge, signed with the server's key, valid for powLifetimeSeconds. */
export async function createPowChallenge(
  config: Pick<Config, 'altchaHmacKey'> & Partial<Pick<Config, 'powMaxNumber'>>,
  options: PowClock & { maxNumber?: number } = {},
): Promise<PowChallenge> {
  const now = options.now?.() ?? Date.now();
  const maxnumber = options.maxNumber ?? config.powMaxNumber ?? powMaxNumber;
  // As altcha-lib makes them: 12 random bytes in hex, the expiry as a parameter, and a
  // closing & so that no parameter can be spliced on.
  const expires = Math.floor((now + powLifetimeSeconds * 1000) / 1000);
  const salt = `${randomBytes(12).toString('hex')}?expires=${expires}&`;
  const challenge = powDigest(salt, randomInt(1, maxnumber + 1));
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: powSignature(challenge, config.altchaHmacKey) };
}

const invalid = (why: string) =>
  new ApiError(400, 'pow_invalid', `The proof-of-work solution is not valid: ${why}. Fetch a new challenge and solve it again.`);

function decode(payload: string) {
  if (payload.length > maxPayloadLength) throw invalid(`it is longer than ${maxPayloadLength} characters`);
  // Buffer.from() skips characters it does not know; check first so junk is named as such.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(payload)) throw invalid('it is not base64');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    throw invalid('it does not decode to JSON');
  }
  const parsed = PowPayload.safeParse(json);
  if (!parsed.success) {
    throw invalid('it lacks algorithm SHA-256, challenge, number, salt or signature, or one of them has the wrong form');
  }
  return parsed.data;
}

function sameHex(a: string, b: string) {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

const lastCleanup = new WeakMap<Db, number>();

/**
 * Accepts a solution once: checks its signature and answer, that it has not expired, and
 * records it in pow_used, so that a second use is refused — on every instance sharing the
 * database. Throws ApiError 400 pow_missing, pow_invalid, pow_expired or pow_replayed.
 */
export async function verifyPow(
  db: Db,
  config: Pick<Config, 'altchaHmacKey'>,
  payload: string | null | undefined,
  options: PowClock = {},
): Promise<void> {
  const now = options.now?.() ?? Date.now();
  if (!payload?.trim()) {
    throw new ApiError(
      400,
      'pow_missing',
      `This form needs a proof-of-work solution (header ${powHeader}). Fetch a challenge from /api/pow/challenge, solve it and send the solution with the form.`,
    );
  }
  const solution = decode(payload.trim());

  // Recomputed from salt and number and signed, then compared in constant time.
  const expected = powDigest(solution.salt, solution.number);
  if (!sameHex(expected, solution.challenge)) throw invalid('the number does not solve the challenge');
  if (!sameHex(powSignature(expected, config.altchaHmacKey), solution.signature)) throw invalid('the challenge was not issued by this server');

  // Signed, so the salt (and the expiry inside it) is the server's own.
  const expires = new URLSearchParams(solution.salt.split('?')[1] ?? '').get('expires') ?? '';
  if (!/^\d{1,12}$/.test(expires)) throw invalid('the challenge has no expiry');
  const expiresMs = Number(expires) * 1000;
  if (expiresMs <= now) {
    throw new ApiError(400, 'pow_expired', 'The proof-of-work challenge has expired. Fetch a new challenge and solve it again.');
  }

  // Insert-if-absent and count the rows, rather than catching a unique violation, because
  // SQLite and PostgreSQL report that violation in different shapes.
  const result = await db
    .insertInto('pow_used')
    .values({ signature: solution.signature, expires_at: new Date(expiresMs + replayGraceSeconds * 1000).toISOString() })
    .onConflict((oc) => oc.column('signature').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== 1) {
    throw new ApiError(400, 'pow_replayed', 'This proof-of-work solution has already been used. Fetch a new challenge and solve it again.');
  }

  if (now - (lastCleanup.get(db) ?? 0) >= cleanupEveryMs) {
    lastCleanup.set(db, now);
    await db.deleteFrom('pow_used').where('expires_at', '<', new Date(now).toISOString()).execute();
  }
}

export interface PowDeps extends PowClock {
  db: Db;
  config: Pick<Config, 'altchaHmacKey'>;
}

/**
 * Middleware for routes that take a form from a resident (signing, submitting a proposal,
 * starting a chat): the request must carry a fresh solution in the X-Medverka-Pow header.
 * Declare `security: powSecurity` on such a route so the OpenAPI document says so.
 *
 * The solution is spent even if the body then fails validation; a widget re-solves after
 * any refusal. A route that would rather spend it only on a valid body calls
 * `verifyPow(db, config, c.req.header(powHeader))` in its handler instead.
 */
export function requirePow(deps: PowDeps): MiddlewareHandler {
  return async (c, next) => {
    await verifyPow(deps.db, deps.config, c.req.header(powHeader), deps);
    await next();
  };
}

/** For createRoute({ security }) on routes guarded by requirePow(). */
export const powSecurity = [{ proofOfWork: [] }];
