import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { isPostgres } from '../../server/db/dialect.js';
import type { Db } from '../../server/db/index.js';
import { migrateToLatest } from '../../server/db/index.js';
import { migrations } from '../../server/db/migrations.js';
import type { TileSet } from '../../server/tiles/schemas.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { testApp, testDatabases, withDatabase } from './helpers.js';

for (const database of testDatabases()) {
  /** The app over a database holding just the demo tile set; the database is closed after. */
  async function withDemoSet(run: (app: Awaited<ReturnType<typeof testApp>>['app'], db: Db) => Promise<void>) {
    const { app, db } = await testApp(database);
    try {
      await db.deleteFrom('tile_sets').execute();
      await seedDemoTiles(db);
      await run(app, db);
    } finally {
      await db.destroy();
    }
  }

  describe(`storage and the tile routes on ${database.name}`, () => {
    it('runs every migration once, and again without change', withDatabase(database, async (db) => {
      assert.equal(isPostgres(db), database.name === 'postgres');
      const again = await migrateToLatest(db);
      assert.deepEqual(again.results, [], 'nothing left to run');
      const applied = await db
        .selectFrom('kysely_migration' as never)
        .select(sql<string>`name`.as('name'))
        .execute();
      assert.deepEqual(
        applied.map((r) => r.name),
        Object.keys(migrations),
      );
    }));

    it('seeds the demo tile set once and leaves staff’s later changes alone', withDatabase(database, async (db) => {
      await db.deleteFrom('tile_sets').execute();
      assert.equal(await seedDemoTiles(db), true);
      await db.updateTable('tiles').set({ title_sv: 'Ändrad av personal' }).where('position', '=', 1).execute();
      assert.equal(await seedDemoTiles(db), false);
      const first = await db.selectFrom('tiles').select('title_sv').where('position', '=', 1).executeTakeFirstOrThrow();
      assert.equal(first.title_sv, 'Ändrad av personal');
      assert.equal((await db.selectFrom('tiles').select('id').execute()).length, 6);
    }));

    it('serves a tile set in staff’s order, without hidden tiles', async () => {
      await withDemoSet(async (app, db) => {
        await db.updateTable('tiles').set({ hidden: 1 }).where('position', '=', 2).execute();
        await db.updateTable('tiles').set({ position: 0 }).where('position', '=', 6).execute();
        const res = await app.request('/api/tile-sets/engagera-dig');
        assert.equal(res.status, 200);
        const set = (await res.json()) as TileSet;
        assert.equal(set.slug, 'engagera-dig');
        assert.deepEqual(set.title, { sv: 'Engagera dig', en: 'Get involved' });
        assert.equal(set.tiles.length, 5);
        assert.equal(set.tiles[0]!.title.sv, 'Jag vill hjälpa en medmänniska');
        assert.ok(!set.tiles.some((t) => t.title.sv === 'Jag vill engagera mig politiskt'));
        assert.deepEqual(set.tiles[1]!.target, { kind: 'link', href: '/demo#forslag' });
        assert.equal(set.tiles[1]!.icon, 'lightbulb');
      });
    });

    it('serves a tile that opens a widget in place, with its attributes', async () => {
      await withDemoSet(async (app, db) => {
        await db
          .updateTable('tiles')
          .set({ target_kind: 'widget', widget: 'petitions', widget_attrs: '{"status":"open"}', href: '/demo#forslag' })
          .where('position', '=', 1)
          .execute();
        const set = (await (await app.request('/api/tile-sets/engagera-dig')).json()) as TileSet;
        assert.deepEqual(set.tiles[0]!.target, {
          kind: 'widget',
          widget: 'petitions',
          attributes: { status: 'open' },
          href: '/demo#forslag',
        });
      });
    });

    it('answers 404 in the error shape for a set that does not exist', async () => {
      const { app, db } = await testApp(database);
      try {
        const res = await app.request('/api/tile-sets/finns-inte');
        assert.equal(res.status, 404);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'tile_set_not_found');
        assert.match(body.error.message, /finns-inte/);
      } finally {
        await db.destroy();
      }
    });

    it('lists tile sets with their visible tile counts', async () => {
      await withDemoSet(async (app, db) => {
        const now = new Date().toISOString();
        await db.insertInto('tile_sets').values({ slug: 'tom', title_sv: 'Tom', title_en: null, created_at: now, updated_at: now }).execute();
        await db.updateTable('tiles').set({ hidden: 1 }).where('position', '=', 3).execute();
        const body = (await (await app.request('/api/tile-sets')).json()) as { tileSets: { slug: string; tileCount: number }[] };
        assert.deepEqual(
          body.tileSets.map((s) => [s.slug, s.tileCount]),
          [
            ['engagera-dig', 5],
            ['tom', 0],
          ],
        );
      });
    });

    it('lets a browser revalidate a tile set cheaply with its ETag', async () => {
      await withDemoSet(async (app, db) => {
        const first = await app.request('/api/tile-sets/engagera-dig');
        const etag = first.headers.get('etag');
        assert.ok(etag);
        assert.equal(first.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
        const again = await app.request('/api/tile-sets/engagera-dig', { headers: { 'If-None-Match': etag, Origin: 'http://dialog.test' } });
        assert.equal(again.status, 304);
        assert.equal(again.headers.get('access-control-allow-origin'), 'http://dialog.test', 'a 304 keeps its CORS headers');
        await db.updateTable('tiles').set({ title_sv: 'Ny titel' }).where('position', '=', 1).execute();
        const changed = await app.request('/api/tile-sets/engagera-dig', { headers: { 'If-None-Match': etag } });
        assert.equal(changed.status, 200, 'a staff edit shows at once');
      });
    });

    it('compresses the tile set for browsers that accept gzip', async () => {
      await withDemoSet(async (app) => {
        const res = await app.request('/api/tile-sets/engagera-dig', { headers: { 'Accept-Encoding': 'gzip' } });
        assert.equal(res.headers.get('content-encoding'), 'gzip');
        const plain = await app.request('/api/tile-sets/engagera-dig');
        assert.equal(plain.headers.get('content-encoding'), null);
        assert.equal(Number(plain.headers.get('content-length')), (await plain.arrayBuffer()).byteLength);
        // A small answer goes as it is: gzip would cost more than the bytes it saves.
        const small = await app.request('/api/chat/status', { headers: { 'Accept-Encoding': 'gzip' } });
        assert.equal(small.status, 200);
        assert.equal(small.headers.get('content-encoding'), null);
        const text = await small.text();
        assert.ok(text.length < 1024 && Number(small.headers.get('content-length')) === Buffer.byteLength(text), text);
        assert.equal(typeof (JSON.parse(text) as { open: boolean }).open, 'boolean');
      });
    });

    it('refuses a tile that is neither a link nor a widget, at the database', withDatabase(database, async (db) => {
      await db.deleteFrom('tile_sets').execute();
      await seedDemoTiles(db);
      await assert.rejects(
        db.updateTable('tiles').set({ target_kind: 'script' as 'link' }).where('position', '=', 1).execute(),
      );
    }));
  });
}
