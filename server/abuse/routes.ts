import { createRoute } from '@hono/zod-openapi';
import type { Config } from '../config.js';
import { errors, json, router } from '../openapi.js';
import { createPowChallenge, powHeader, type PowClock } from './proof-of-work.js';
import { PowChallenge } from './schemas.js';
import { rateLimit, type Limit } from './rate-limit.js';

export interface PowRouteDeps extends PowClock {
  config: Pick<Config, 'altchaHmacKey' | 'trustedProxies'>;
  /** Per-address limits on fetching challenges; the defaults suit real use. */
  challengeLimits?: { burst: Limit; sustained: Limit };
}

/**
 * Generous for people, tight for scripts: a resident fetches one challenge per form they
 * start, a town hall full of them behind one proxy is told apart by X-Forwarded-For, and
 * someone stockpiling challenges to solve in bulk meets the limit quickly.
 */
const defaultChallengeLimits = {
  burst: { limit: 30, windowSeconds: 10 },
  sustained: { limit: 300, windowSeconds: 60 * 60 },
};

const getChallenge = createRoute({
  method: 'get',
  path: '/challenge',
  tags: ['Anti-abuse'],
  summary: 'A proof-of-work challenge to solve before sending a form',
  description: `Fetch one when a resident starts a form and solve it in a worker (ALTCHA protocol v1, SHA-256). Send the solution, base64(JSON), in the \`${powHeader}\` header of the request that needs it; each solution is accepted once, within ten minutes of the challenge being issued. Rate-limited per address.`,
  responses: {
    200: {
      ...json(PowChallenge, 'A new, signed challenge. Never cached.'),
      headers: { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } },
    },
    ...errors(429),
  },
});

export function powRoutes(deps: PowRouteDeps) {
  const { config } = deps;
  const app = router();
  const limits = deps.challengeLimits ?? defaultChallengeLimits;

  app.openAPIRegistry.registerComponent('securitySchemes', 'proofOfWork', {
    type: 'apiKey',
    in: 'header',
    name: powHeader,
    description:
      'A solved challenge from GET /api/pow/challenge: base64 of JSON { algorithm, challenge, number, salt, signature }, as the ALTCHA widget produces. Refused with 400 pow_missing, pow_invalid, pow_expired or pow_replayed.',
  });

  app.use(getChallenge.path, rateLimit({ name: 'pow-challenge', config, ...limits, ...(deps.now ? { now: deps.now } : {}) }));
  app.openapi(getChallenge, async (c) => {
    // Each challenge is single-use; a cached one would be refused as replayed.
    c.header('Cache-Control', 'no-store');
    return c.json(await createPowChallenge(config, deps), 200);
  });

  return app;
}
