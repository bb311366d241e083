import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/index.js';
import type { TileRow } from '../db/schema.js';
import type { IconName } from '../../contract/icon-names.js';
import type { StaffTile, StaffTileSet, TileValues } from './schemas.js';

type Trx = Transaction<Database>;

export function toStaffTile(row: TileRow): StaffTile {
  return {
    id: row.id,
    position: row.position,
    titleSv: row.title_sv,
    titleEn: row.title_en,
    descriptionSv: row.description_sv,
    descriptionEn: row.description_en,
    icon: row.icon as IconName,
    targetKind: row.target_kind,
    href: row.href,
    widget: row.widget as StaffTile['widget'],
    widgetAttributes: row.widget_attrs ? (JSON.parse(row.widget_attrs) as Record<string, string>) : {},
    colour: row.colour,
    hidden: row.hidden === 1,
  };
}

/** TileInput (already validated) as table columns; a link keeps no widget and a widget tile keeps its fallback link. */
export function tileColumns(input: TileValues) {
  return {
    title_sv: input.titleSv,
    title_en: input.titleEn ?? null,
    description_sv: input.descriptionSv,
    description_en: input.descriptionEn ?? null,
    icon: input.icon,
    target_kind: input.targetKind,
    href: input.href ?? null,
    widget: input.targetKind === 'widget' ? (input.widget ?? null) : null,
    widget_attrs: input.targetKind === 'widget' && input.widgetAttributes && Object.keys(input.widgetAttributes).length ? JSON.stringify(input.widgetAttributes) : null,
    colour: input.colour ?? null,
    hidden: input.hidden ? 1 : 0,
  };
}

export async function findStaffTileSet(db: Db | Trx, slug: string): Promise<StaffTileSet | undefined> {
  const set = await db.selectFrom('tile_sets').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!set) return undefined;
  const tiles = await db.selectFrom('tiles').selectAll().where('set_slug', '=', slug).orderBy('position').orderBy('id').execute();
  return { slug: set.slug, titleSv: set.title_sv, titleEn: set.title_en, updatedAt: set.updated_at, tiles: tiles.map(toStaffTile) };
}

export async function listStaffTileSets(db: Db): Promise<StaffTileSet[]> {
  const sets = await db.selectFrom('tile_sets').selectAll().orderBy('slug').execute();
  const tiles = await db.selectFrom('tiles').selectAll().orderBy('position').orderBy('id').execute();
  return sets.map((s) => ({
    slug: s.slug,
    titleSv: s.title_sv,
    titleEn: s.title_en,
    updatedAt: s.updated_at,
    tiles: tiles.filter((t) => t.set_slug === s.slug).map(toStaffTile),
  }));
}

/** Marks a set changed, so caches revalidate and staff see when it was last edited. */
export const touchSet = (db: Db | Trx, slug: string, now = new Date()) =>
  db.updateTable('tile_sets').set({ updated_at: now.toISOString() }).where('slug', '=', slug).execute();
