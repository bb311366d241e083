import type { Db } from '../db/index.js';
import type { BudgetInput } from './schemas.js';
import { findPublicBudget, moveBudget, saveBudget } from './store.js';

export const demoBudgetSlug = 'demo-investeringar';

const line = (sv: string, en: string, descriptionSv: string, descriptionEn: string, max: number, start: number) => ({
  district: null,
  title: { sv, en },
  description: { sv: descriptionSv, en: descriptionEn },
  image: null,
  min: 0,
  max,
  step: 250_000,
  start,
  cost: 0,
});

/**
 * A demo of a participatory budget, open for ballots, so a newcomer can share one out on
 * /demo/budget and take it through closing and publishing in the console. Set SEED_DEMO=false
 * in production.
 */
const demo: BudgetInput = {
  slug: demoBudgetSlug,
  title: { sv: 'Medborgarbudget 2027 (demo)', en: 'Citizens’ budget 2027 (demo)' },
  description: {
    sv: 'Kommunen lägger tio miljoner kronor av investeringsbudgeten 2027 på det invånarna prioriterar. Fördela pengarna som du tycker. Du får inte lägga mer än det som finns.',
    en: 'The municipality spends ten million kronor of its 2027 investment budget on what residents put first. Share the money out as you see fit. You cannot spend more than there is.',
  },
  mode: 'sliders',
  total: 10_000_000,
  rule: 'within',
  tolerance: 0,
  closesAt: null,
  districts: [],
  items: [
    line('Lekplatser', 'Playgrounds', 'Nya lekplatser och upprustning av gamla.', 'New playgrounds and repairs to old ones.', 5_000_000, 2_500_000),
    line('Cykelvägar', 'Cycle paths', 'Nya och bredare cykelvägar mellan bostäder och skolor.', 'New and wider cycle paths between homes and schools.', 6_000_000, 2_500_000),
    line('Belysning', 'Lighting', 'Bättre belysning på gångvägar och i parker.', 'Better lighting on footpaths and in parks.', 3_000_000, 1_500_000),
    line('Parker och grönytor', 'Parks and green spaces', 'Fler träd, bänkar och planteringar.', 'More trees, benches and planting.', 4_000_000, 2_000_000),
  ],
};

/** How long the demo takes ballots: long enough for a demo server, and the widget shows a closing date. */
const demoOpenDays = 180;

/** Creates and opens the demo budget unless it exists; true when it was created. */
export async function seedDemoBudget(db: Db, now = new Date()): Promise<boolean> {
  const exists = await db.selectFrom('budgets').select('slug').where('slug', '=', demoBudgetSlug).executeTakeFirst();
  if (exists) return false;
  const closes = new Date(now.getTime() + demoOpenDays * 86_400_000);
  closes.setUTCHours(12, 0, 0, 0);
  await saveBudget(db, { ...demo, closesAt: closes.toISOString() });
  await moveBudget(db, demoBudgetSlug, 'open');
  return true;
}

/**
 * The demo page's lead once the demo's results are published (they take the place of the
 * invitation to share out the money); undefined before.
 */
export async function demoBudgetResultsLead(db: Db, lang: 'sv' | 'en'): Promise<string | undefined> {
  if ((await findPublicBudget(db, demoBudgetSlug))?.status !== 'published') return undefined;
  return lang === 'en' ? 'Here you see what residents chose and what the municipality decided.' : 'Här ser du vad invånarna valde och vad kommunen beslutade.';
}
