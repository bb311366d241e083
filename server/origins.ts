import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from './deps.js';
import { json, router } from './openapi.js';

/** Whether a page's origin may call the API from a browser: the server itself, and ALLOWED_ORIGINS. */
export const originAllowed = (config: Deps['config'], origin: string) => origin === config.publicUrl.origin || config.allowedOrigins.includes(origin);

export const OriginCheck = z
  .object({
    origin: z.string().nullable().openapi({ description: 'The Origin the request came with; null without one.', example: 'https://www.kommun.se' }),
    allowed: z.boolean().openapi({ description: 'Whether a page of that origin may call the API (a request without an Origin is not refused).' }),
    setting: z.literal('ALLOWED_ORIGINS').openapi({ description: 'The server setting that lists the origins allowed.' }),
  })
  .openapi('OriginCheck');

const getOrigin = createRoute({
  method: 'get',
  path: '/',
  tags: ['Embedding'],
  summary: 'Whether the calling page’s origin may use the API',
  description:
    'A browser does not tell a page why a cross-origin request failed, so a widget whose request failed asks this once: it answers every origin. Says nothing but the answer for the origin asked.',
  responses: { 200: json(OriginCheck, 'The origin, and whether it is allowed.') },
});

/**
 * GET /api/origin, mounted before the API's CORS middleware, so that a page the server does
 * not allow can still read the answer and the widget can say, in the console, which setting
 * to change.
 */
export function originRoutes({ config }: Deps) {
  const app = router();
  app.openapi(getOrigin, (c) => {
    const origin = c.req.header('Origin') ?? null;
    c.header('Access-Control-Allow-Origin', '*');
    // The answer depends on the Origin header: never kept for another page.
    c.header('Cache-Control', 'no-store');
    return c.json({ origin, allowed: origin === null || originAllowed(config, origin), setting: 'ALLOWED_ORIGINS' as const }, 200);
  });
  return app;
}
