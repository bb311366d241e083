import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './http.js';

/** Rollup names every chunk with a content hash; such a file never changes. */
const hashed = /-[A-Za-z0-9_-]{8}\.js(\.map)?$/;

/**
 * The built widgets. Hashed chunks are cached for a year; the loader keeps its stable URL
 * (it is what editors paste) and is revalidated after five minutes. Scripts are public
 * code fetched cross-origin as modules, so any page may load them.
 */
export function staticRoutes({ distDir }: { distDir: string }) {
  const app = new Hono<AppEnv>();
  const root = relative(process.cwd(), distDir) || '.';
  app.use('/widgets/*', async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', hashed.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  });
  app.use('/widgets/*', serveStatic({ root, precompressed: true }));
  return app;
}
