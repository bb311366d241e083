import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The database as Kysely sees it. Column names are the municipality's words. */
export interface Database {
  tile_sets: TileSetTable;
  tiles: TileTable;
}

export interface TileSetTable {
  slug: string;
  title_sv: string;
  title_en: string | null;
  created_at: string;
  updated_at: string;
}

export interface TileTable {
  id: Generated<number>;
  set_slug: string;
  position: number;
  title_sv: string;
  title_en: string | null;
  description_sv: string;
  description_en: string | null;
  icon: string;
  /** 'link' opens href; 'widget' opens another Medverka widget in place. */
  target_kind: 'link' | 'widget';
  href: string | null;
  widget: string | null;
  /** JSON object of attributes for the widget, e.g. {"petition":"42"}. */
  widget_attrs: string | null;
  colour: string | null;
  /** 1 when staff have hidden the tile; integers so both SQLite and PostgreSQL agree. */
  hidden: number;
}

export type TileSetRow = Selectable<TileSetTable>;
export type TileRow = Selectable<TileTable>;
export type NewTile = Insertable<TileTable>;
export type TileUpdate = Updateable<TileTable>;
