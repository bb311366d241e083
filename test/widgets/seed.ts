import type { Db } from '../../server/db/index.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { seedStaff } from '../server/staff-helpers.js';

/**
 * What the browser tests read from the real server: staff accounts, the demo set, an empty set, and a set
 * whose tiles open widgets in place (one a test widget, one that does not exist) and whose
 * texts are hostile.
 */
export async function seedWidgetTestData(db: Db) {
  await seedDemoTiles(db);
  // The console's tests sign in as these (see test/server/staff-helpers.ts).
  await seedStaff(db);
  const at = new Date().toISOString();
  await db.insertInto('tile_sets').values({ slug: 'tom', title_sv: 'Tom', title_en: 'Empty', created_at: at, updated_at: at }).execute();
  await db
    .insertInto('tile_sets')
    .values({ slug: 'med-widget', title_sv: 'Med widget', title_en: 'With widget', created_at: at, updated_at: at })
    .execute();
  const base = { set_slug: 'med-widget', description_sv: '', description_en: null, colour: null, hidden: 0 } as const;
  await db
    .insertInto('tiles')
    .values([
      { ...base, position: 1, title_sv: 'Öppna testwidgeten', title_en: 'Open the test widget', icon: 'chat', target_kind: 'widget', widget: 'test-widget', widget_attrs: '{"petition":"42","onclick":"alert(1)"}', href: null },
      { ...base, position: 2, title_sv: 'Öppna något som saknas', title_en: null, icon: 'info', target_kind: 'widget', widget: 'saknas', widget_attrs: null, href: '/reserv' },
      { ...base, position: 3, title_sv: '<img src=x onerror="window.__xss=1">', title_en: null, description_sv: '<script>window.__xss=1</script>', icon: 'nonexistent', target_kind: 'link', href: 'https://www.kommun.se/', widget: null, widget_attrs: null },
      { ...base, position: 4, title_sv: 'Farlig länk', title_en: null, icon: 'info', target_kind: 'link', href: 'javascript:window.__xss=1', widget: null, widget_attrs: null },
    ])
    .execute();
}
