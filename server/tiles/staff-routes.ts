import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { cookieAuth, errors, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { SetSlug, StaffTile, StaffTileSet, TileInput, TileOrder, TileSetInput, TileSetUpdate } from './schemas.js';
import { findStaffTileSet, listStaffTileSets, tileColumns, toStaffTile, touchSet } from './staff-store.js';

const SetParam = z.object({ set: SetSlug });
const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 3 }) });
const SetBody = z.object({ tileSet: StaffTileSet });
const TileBody = z.object({ tile: StaffTile });
const noContent = { 204: { description: 'Done.' } };
const route = sectionRoutes('Staff: tiles', cookieAuth);

/** The tiles editor's API: administrators create, edit, reorder, hide and delete tiles and sets. */
export function staffTileRoutes({ db }: Deps) {
  const app = router();
  app.use('/tile-sets', requireRole('admin'));
  app.use('/tile-sets/*', requireRole('admin'));
  app.use('/tiles/*', requireRole('admin'));
  const actor = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });
  const setOr404 = async (slug: string) => {
    const set = await findStaffTileSet(db, slug);
    if (!set) throw new ApiError(404, 'tile_set_not_found', `There is no tile set called "${slug}".`);
    return set;
  };

  app.openapi(
    route({ method: 'get', path: '/tile-sets', summary: 'Every tile set with all its tiles, hidden ones too', responses: { 200: json(z.object({ tileSets: z.array(StaffTileSet) }), 'Tile sets.'), ...errors(401, 403) } }),
    async (c) => c.json({ tileSets: await listStaffTileSets(db) }, 200),
  );

  app.openapi(
    route({ method: 'post', path: '/tile-sets', summary: 'Create a tile set', request: jsonBody(TileSetInput), responses: { 201: json(SetBody, 'Created.'), ...errors(400, 401, 403, 409, 415) } }),
    async (c) => {
      const input = c.req.valid('json');
      const at = new Date().toISOString();
      const created = await db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('tile_sets').select('slug').where('slug', '=', input.slug).executeTakeFirst()) return false;
        await trx.insertInto('tile_sets').values({ slug: input.slug, title_sv: input.titleSv, title_en: input.titleEn, created_at: at, updated_at: at }).execute();
        return true;
      });
      if (!created) throw new ApiError(409, 'slug_taken', `There is already a tile set called "${input.slug}".`);
      await audit(db, actor(c), 'tile-set.create', `tile set ${input.slug}`, { titleSv: input.titleSv });
      return c.json({ tileSet: await setOr404(input.slug) }, 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/tile-sets/{set}', summary: 'One tile set with all its tiles', request: { params: SetParam }, responses: { 200: json(SetBody, 'The tile set.'), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ tileSet: await setOr404(c.req.valid('param').set) }, 200),
  );

  app.openapi(
    route({ method: 'patch', path: '/tile-sets/{set}', summary: 'Change a tile set’s titles', request: { params: SetParam, ...jsonBody(TileSetUpdate) }, responses: { 200: json(SetBody, 'Changed.'), ...errors(400, 401, 403, 404, 415) } }),
    async (c) => {
      const { set } = c.req.valid('param');
      const input = c.req.valid('json');
      await setOr404(set);
      await db.updateTable('tile_sets').set({ title_sv: input.titleSv, title_en: input.titleEn, updated_at: new Date().toISOString() }).where('slug', '=', set).execute();
      await audit(db, actor(c), 'tile-set.update', `tile set ${set}`, input);
      return c.json({ tileSet: await setOr404(set) }, 200);
    },
  );

  app.openapi(
    route({ method: 'delete', path: '/tile-sets/{set}', summary: 'Delete a tile set and its tiles', request: { params: SetParam }, responses: { ...noContent, ...errors(400, 401, 403, 404, 415) } }),
    async (c) => {
      const { set } = c.req.valid('param');
      await setOr404(set);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('tiles').where('set_slug', '=', set).execute();
        await trx.deleteFrom('tile_sets').where('slug', '=', set).execute();
      });
      await audit(db, actor(c), 'tile-set.delete', `tile set ${set}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/tile-sets/{set}/tiles', summary: 'Add a tile at the end of a set', request: { params: SetParam, ...jsonBody(TileInput) }, responses: { 201: json(TileBody, 'Created.'), ...errors(400, 401, 403, 404, 415) } }),
    async (c) => {
      const { set } = c.req.valid('param');
      const input = c.req.valid('json');
      await setOr404(set);
      const row = await db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('tiles').select((eb) => eb.fn.max('position').as('p')).where('set_slug', '=', set).executeTakeFirst();
        const inserted = await trx
          .insertInto('tiles')
          .values({ ...tileColumns(input), set_slug: set, position: Number(last?.p ?? 0) + 1 })
          .returningAll()
          .executeTakeFirstOrThrow();
        await touchSet(trx, set);
        return inserted;
      });
      await audit(db, actor(c), 'tile.create', `tile ${row.id}`, { set, titleSv: row.title_sv });
      return c.json({ tile: toStaffTile(row) }, 201);
    },
  );

  app.openapi(
    route({ method: 'put', path: '/tiles/{id}', summary: 'Replace a tile’s content', request: { params: IdParam, ...jsonBody(TileInput) }, responses: { 200: json(TileBody, 'Changed.'), ...errors(400, 401, 403, 404, 415) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('tiles').set(tileColumns(input)).where('id', '=', id).returningAll().executeTakeFirst();
        if (updated) await touchSet(trx, updated.set_slug);
        return updated;
      });
      if (!row) throw new ApiError(404, 'tile_not_found', 'There is no such tile.');
      await audit(db, actor(c), 'tile.update', `tile ${id}`, { set: row.set_slug, titleSv: row.title_sv, hidden: input.hidden });
      return c.json({ tile: toStaffTile(row) }, 200);
    },
  );

  app.openapi(
    route({ method: 'delete', path: '/tiles/{id}', summary: 'Delete a tile', request: { params: IdParam }, responses: { ...noContent, ...errors(400, 401, 403, 404, 415) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await db.deleteFrom('tiles').where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new ApiError(404, 'tile_not_found', 'There is no such tile.');
      await touchSet(db, row.set_slug);
      await audit(db, actor(c), 'tile.delete', `tile ${id}`, { set: row.set_slug, titleSv: row.title_sv });
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/tile-sets/{set}/order',
      summary: 'Put a set’s tiles in a new order',
      description: 'tileIds must list every tile of the set exactly once.',
      request: { params: SetParam, ...jsonBody(TileOrder) },
      responses: { 200: json(SetBody, 'Reordered.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { set } = c.req.valid('param');
      const { tileIds } = c.req.valid('json');
      const current = await setOr404(set);
      const have = current.tiles.map((t) => t.id).sort((a, b) => a - b);
      const given = [...tileIds].sort((a, b) => a - b);
      if (have.length !== given.length || have.some((id, i) => id !== given[i])) {
        throw new ApiError(400, 'invalid_order', 'tileIds must list every tile of the set exactly once.', [{ path: 'tileIds', message: 'must list every tile of the set exactly once' }]);
      }
      await db.transaction().execute(async (trx) => {
        for (const [i, id] of tileIds.entries()) await trx.updateTable('tiles').set({ position: i + 1 }).where('id', '=', id).execute();
        await touchSet(trx, set);
      });
      await audit(db, actor(c), 'tile-set.reorder', `tile set ${set}`, { tileIds });
      return c.json({ tileSet: await setOr404(set) }, 200);
    },
  );

  return app;
}
