import type { Db } from '../db/index.js';
import type { TileRow } from '../db/schema.js';
import type { Tile, TileSet, TileSetSummary } from './schemas.js';
import type { IconName } from '../../contract/icon-names.js';

function toTile(row: TileRow): Tile {
  const target: Tile['target'] =
    row.target_kind === 'widget'
      ? {
          kind: 'widget',
          widget: row.widget ?? '',
          attributes: row.widget_attrs ? (JSON.parse(row.widget_attrs) as Record<string, string>) : {},
          href: row.href,
        }
      : { kind: 'link', href: row.href ?? '' };
  return {
    id: row.id,
    title: { sv: row.title_sv, en: row.title_en },
    description: { sv: row.description_sv, en: row.description_en },
    icon: row.icon as IconName,
    target,
    colour: row.colour,
  };
}

/** The tile set as residents see it: visible tiles only, in staff's order. */
export async function findTileSet(db: Db, slug: string): Promise<TileSet | undefined> {
  const set = await db.selectFrom('tile_sets').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!set) return undefined;
  const tiles = await db
    .selectFrom('tiles')
    .selectAll()
    .where('set_slug', '=', slug)
    .where('hidden', '=', 0)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return { slug: set.slug, title: { sv: set.title_sv, en: set.title_en }, tiles: tiles.map(toTile) };
}

export async function listTileSets(db: Db): Promise<TileSetSummary[]> {
  const rows = await db
    .selectFrom('tile_sets')
    .leftJoin('tiles', (join) => join.onRef('tiles.set_slug', '=', 'tile_sets.slug').on('tiles.hidden', '=', 0))
    .select((eb) => [
      'tile_sets.slug',
      'tile_sets.title_sv',
      'tile_sets.title_en',
      eb.fn.count<string | number>('tiles.id').as('tile_count'),
    ])
    .groupBy(['tile_sets.slug', 'tile_sets.title_sv', 'tile_sets.title_en'])
    .orderBy('tile_sets.slug')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    title: { sv: r.title_sv, en: r.title_en },
    tileCount: Number(r.tile_count),
  }));
}
