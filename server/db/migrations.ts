import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * Every schema change, in order. Written once for both SQLite and PostgreSQL; the few
 * places they differ ask `isPostgres`. Never edit a migration that has shipped: add one.
 */
export const migrations: Record<string, Migration> = {
  '0001_tiles': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tile_sets')
        .addColumn('slug', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tiles')
        .addColumn('id', isPostgres(db) ? 'serial' : 'integer', (c) =>
          isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('set_slug', 'varchar(64)', (c) => c.notNull().references('tile_sets.slug').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title_sv', 'varchar(200)', (c) => c.notNull())
        .addColumn('title_en', 'varchar(200)')
        .addColumn('description_sv', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('description_en', 'varchar(500)')
        .addColumn('icon', 'varchar(32)', (c) => c.notNull())
        .addColumn('target_kind', 'varchar(16)', (c) => c.notNull().check(sql`target_kind in ('link', 'widget')`))
        .addColumn('href', 'varchar(2000)')
        .addColumn('widget', 'varchar(32)')
        .addColumn('widget_attrs', 'text')
        .addColumn('colour', 'varchar(32)')
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('tiles_by_set').on('tiles').columns(['set_slug', 'position']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('tiles').execute();
      await db.schema.dropTable('tile_sets').execute();
    },
  },
};
