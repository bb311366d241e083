import type { Db } from '../../server/db/index.js';
import { confirmProposal, confirmSignature, movePetition, proposePetition, signPetition } from '../../server/petitions/store.js';
import { seedDemoTiles } from '../../server/tiles/seed.js';
import { seedStaff } from '../server/staff-helpers.js';

/**
 * What the browser tests read from the real server: staff accounts, the demo set, an empty set, and a set
 * whose tiles open widgets in place (one a test widget, one that does not exist) and whose
 * texts are hostile; and three public petitions (see seedPetitions).
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
  await seedPetitions(db);
}

/** Titles of the seeded petitions; the tests look their numbers up by title. */
export const seededPetitions = {
  open: 'Fler parkbänkar längs ån',
  answered: 'Belysning på gångvägen till skolan',
  closed: 'Längre öppettider på biblioteket',
  /** Signed only by the live-count test, so its count is known. */
  live: 'Sittplatser vid busshållplatsen',
} as const;

/**
 * The petition widget's tests read these: one open petition (threshold 100) with twelve
 * confirmed signatures, eleven of them with the name shown; one answered; one closed.
 */
async function seedPetitions(db: Db) {
  const make = async (title: string, body: string) => {
    const { petitionId, token } = await proposePetition(db, { title, body, name: 'Anna Andersson', email: 'anna@example.se' }, 100);
    await confirmProposal(db, token);
    await movePetition(db, petitionId, 'open');
    return petitionId;
  };
  const open = await make(
    seededPetitions.open,
    'Det finns för få bänkar längs ån.\nÄldre behöver kunna vila på promenaden.\n\nVi föreslår att kommunen sätter ut fler bänkar.',
  );
  for (let i = 1; i <= 12; i++) {
    const { token } = await signPetition(db, open, {
      name: `Signerare ${i}`,
      email: `signerare${i}@example.se`,
      showName: i !== 12,
      hearBack: false,
      connection: 'resident',
    });
    await confirmSignature(db, token);
  }
  const answered = await make(seededPetitions.answered, 'Gångvägen till skolan är mörk på vintern. Sätt upp belysning.');
  await movePetition(db, answered, 'answered', { answer: 'Tack för förslaget.\n\nBelysningen sätts upp under hösten.' });
  const closed = await make(seededPetitions.closed, 'Biblioteket borde vara öppet längre på kvällarna och på helger.');
  await movePetition(db, closed, 'closed');
  await make(seededPetitions.live, 'Den som väntar på bussen ska kunna sitta ner.');
}
