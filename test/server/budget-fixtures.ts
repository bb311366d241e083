import type { App } from '../../server/app.js';
import type { BudgetInput, PublicBudget } from '../../server/budgets/schemas.js';
import { castBallot, confirmBallot } from '../../server/budgets/store.js';
import type { Db } from '../../server/db/index.js';
import type { TestDatabase, testMailbox } from './helpers.js';
import { seedStaffOnce, staffCalls } from './staff-helpers.js';

type Line = BudgetInput['items'][number];
type Text = { sv: string; en: string | null };

/** A text in Swedish only, as most budget tests write them. */
export const sv = (text: string): Text => ({ sv: text, en: null });

/**
 * A budget as staff write it, with only what a test cares about given: no description,
 * no districts, no closing time, and the rule "within" without tolerance unless said.
 */
export const budgetInput = (input: Pick<BudgetInput, 'slug' | 'title' | 'mode' | 'total' | 'items'> & Partial<BudgetInput>): BudgetInput => ({
  description: sv(''),
  rule: 'within',
  tolerance: 0,
  closesAt: null,
  districts: [],
  ...input,
});

/** A slider line for every district: where it starts and how far it goes. */
export const sliderLine = (title: string | Text, range: Pick<Line, 'min' | 'max' | 'step' | 'start'>, more: Partial<Line> = {}): Line => ({
  district: null,
  title: typeof title === 'string' ? sv(title) : title,
  description: sv(''),
  image: null,
  ...range,
  cost: 0,
  ...more,
});

/** A project: in a district (its index) or, with null, in every one. */
export const projectLine = (district: number | null, title: string, cost: number): Line => ({
  district,
  title: sv(title),
  description: sv(''),
  image: null,
  min: 0,
  max: 0,
  step: 1,
  start: 0,
  cost,
});

/** A district, with the sum its residents share out. */
export const district = (name: string, total: number, en: string | null = null) => ({ name: { sv: name, en }, total });

/**
 * The projects of a two-district project vote, as the budget tests use them: two in the first
 * district (index 0), one in the second, one shared by both.
 */
export const districtProjects: BudgetInput['items'] = [
  projectLine(0, 'Utegym', 400_000),
  projectLine(0, 'Hundrastgård', 350_000),
  projectLine(1, 'Skatepark', 600_000),
  projectLine(null, 'Parkbänkar', 200_000),
];

/** A two-district project vote with the projects above (Norr: index 0, Söder: index 1). */
export const twoDistrictBudget = budgetInput({
  slug: 'omraden-2027',
  title: sv('Områdenas projekt'),
  mode: 'projects',
  total: 0,
  districts: [district('Norr', 1_000_000), district('Söder', 800_000)],
  items: districtProjects,
});

/**
 * A test app made ready for a budget test: one database per file, so each test starts from
 * no budgets and staff are made once. `staff` calls the API as the moderator, `load` reads a
 * budget as staff see it, and `vote` casts and confirms a resident's ballot in the store.
 */
export async function budgetStaff<T extends { app: App; db: Db }>(t: T) {
  await t.db.deleteFrom('budgets').execute();
  await seedStaffOnce(t.db);
  const staff = await staffCalls(t.app, 'moderator');
  const load = async (slug: string) => ((await (await staff('GET', `/api/staff/budgets/${slug}`)).json()) as { budget: PublicBudget }).budget;
  const vote = async (slug: string, email: string, input: { districtId?: number; allocations?: { itemId: number; amount: number }[]; projects?: number[] }) => {
    const { token } = await castBallot(t.db, slug, { email, districtId: input.districtId ?? null, allocations: input.allocations ?? [], projects: input.projects ?? [], lang: 'sv' });
    await confirmBallot(t.db, token);
  };
  return { ...t, staff, load, vote };
}

/** The app with mail for a budget test (see budgetStaff). */
export async function budgetApp(mailbox: ReturnType<typeof testMailbox>, database: TestDatabase) {
  return budgetStaff(await mailbox.app(database, { POW_MAX_NUMBER: '1000' }));
}
