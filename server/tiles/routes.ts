import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import { json, router } from '../openapi.js';
import type { TypedResponse } from 'hono';
import { jsonWithEtag } from '../http.js';
import { SetSlug, TileSet, TileSetSummary } from './schemas.js';
import { findTileSet, listTileSets } from './store.js';

const errorResponse = (description: string) => json(ErrorBody, description);

const getTileSet = createRoute({
  method: 'get',
  path: '/{set}',
  tags: ['Tiles'],
  summary: 'A tile set, as residents see it',
  description: 'Visible tiles in order, with texts in Swedish and, where written, English.',
  request: { params: z.object({ set: SetSlug }) },
  responses: {
    200: { content: { 'application/json': { schema: TileSet } }, description: 'The tile set, with an ETag.' },
    304: { description: 'Not modified (If-None-Match had the current ETag).' },
    400: errorResponse('The set name is not valid.'),
    404: errorResponse('No tile set has that name.'),
  },
});

const getTileSets = createRoute({
  method: 'get',
  path: '/',
  tags: ['Tiles'],
  summary: 'All tile sets',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ tileSets: z.array(TileSetSummary) }) } },
      description: 'Every tile set with its number of visible tiles.',
    },
  },
});

export function tileRoutes({ db }: Deps) {
  const app = router();

  app.openapi(getTileSet, async (c) => {
    const { set } = c.req.valid('param');
    const tileSet = await findTileSet(db, set);
    if (!tileSet) throw new ApiError(404, 'tile_set_not_found', `There is no tile set called "${set}".`);
    // Staff edits show at once; the ETag makes revalidation cheap. Tile sets are read on
    // every page view and change rarely.
    return jsonWithEtag(c, tileSet, 'public, max-age=0, must-revalidate') as unknown as TypedResponse<TileSet, 200, 'json'>;
  });

  app.openapi(getTileSets, async (c) => {
    return c.json({ tileSets: await listTileSets(db) }, 200);
  });

  return app;
}
