import type { Db } from '../db/index.js';
import type { NewTile } from '../db/schema.js';

type SeedTile = Omit<NewTile, 'set_slug' | 'position' | 'hidden'>;

/**
 * The engagement portal a municipality starts from, after Helsingborg's "Engagera dig":
 * each tile is an intent in the resident's own words. Staff change it in the console.
 */
const engageraDig: { slug: string; title_sv: string; title_en: string; tiles: SeedTile[] } = {
  slug: 'engagera-dig',
  title_sv: 'Engagera dig',
  title_en: 'Get involved',
  tiles: [
    {
      title_sv: 'Jag vill förbättra kommunen med synpunkter och egna förslag',
      title_en: 'I want to improve the municipality with feedback and my own proposals',
      description_sv: 'Lämna en synpunkt eller skriv ett e-förslag som andra kan skriva under.',
      description_en: 'Give feedback or write an e-petition that others can sign.',
      icon: 'lightbulb',
      target_kind: 'link',
      href: '/demo#forslag',
      widget: null,
      widget_attrs: null,
      colour: '#005a9c',
    },
    {
      title_sv: 'Jag vill engagera mig politiskt',
      title_en: 'I want to get involved in politics',
      description_sv: 'Så fungerar nämnder och fullmäktige, och så blir du förtroendevald.',
      description_en: 'How the committees and the council work, and how to become an elected representative.',
      icon: 'landmark',
      target_kind: 'link',
      href: '/demo#politik',
      widget: null,
      widget_attrs: null,
      colour: '#6b3fa0',
    },
    {
      title_sv: 'Jag vill tycka till om planerade ändringar i stadsmiljön',
      title_en: 'I want to comment on planned changes to the townscape',
      description_sv: 'Se detaljplaner och byggprojekt som är på samråd just nu.',
      description_en: 'See local plans and building projects that are open for consultation now.',
      icon: 'city',
      target_kind: 'link',
      href: '/demo#samrad',
      widget: null,
      widget_attrs: null,
      colour: '#00664f',
    },
    {
      title_sv: 'Jag vill engagera mig ideellt',
      title_en: 'I want to volunteer',
      description_sv: 'Föreningar och organisationer som söker volontärer nära dig.',
      description_en: 'Associations and organisations looking for volunteers near you.',
      icon: 'heart-hand',
      target_kind: 'link',
      href: '/demo#ideellt',
      widget: null,
      widget_attrs: null,
      colour: '#b3261e',
    },
    {
      title_sv: 'Jag vill skapa något',
      title_en: 'I want to create something',
      description_sv: 'Sök bidrag för kultur, evenemang och idéer som gör kommunen roligare.',
      description_en: 'Apply for grants for culture, events and ideas that make the municipality more fun.',
      icon: 'sparkles',
      target_kind: 'link',
      href: '/demo#skapa',
      widget: null,
      widget_attrs: null,
      colour: '#8a5300',
    },
    {
      title_sv: 'Jag vill hjälpa en medmänniska',
      title_en: 'I want to help a fellow human being',
      description_sv: 'Bli kontaktperson, god man eller familjehem.',
      description_en: 'Become a support person, a guardian or a foster family.',
      icon: 'helping-hands',
      target_kind: 'link',
      href: '/demo#hjalpa',
      widget: null,
      widget_attrs: null,
      colour: '#1d5c96',
    },
  ],
};

/** Creates the demo tile set once; later starts leave staff's changes alone. */
export async function seedDemoTiles(db: Db, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('tile_sets').select('slug').where('slug', '=', engageraDig.slug).executeTakeFirst();
    if (exists) return false;
    const at = now.toISOString();
    await trx
      .insertInto('tile_sets')
      .values({ slug: engageraDig.slug, title_sv: engageraDig.title_sv, title_en: engageraDig.title_en, created_at: at, updated_at: at })
      .execute();
    await trx
      .insertInto('tiles')
      .values(engageraDig.tiles.map((t, i) => ({ ...t, set_slug: engageraDig.slug, position: i + 1, hidden: 0 })))
      .execute();
    return true;
  });
}
