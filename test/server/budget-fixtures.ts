import type { BudgetInput } from '../../server/budgets/schemas.js';
import type { TestDatabase, testMailbox } from './helpers.js';
import { seedStaff, signIn, staffRequest } from './staff-helpers.js';

/**
 * The projects of a two-district project vote, as the budget tests use them: two in the first
 * district (index 0), one in the second, one shared by both.
 */
export const districtProjects: BudgetInput['items'] = [
  { district: 0, title: { sv: 'Utegym', en: null }, description: { sv: '', en: null }, image: null, min: 0, max: 0, step: 1, start: 0, cost: 400_000 },
  { district: 0, title: { sv: 'Hundrastgård', en: null }, description: { sv: '', en: null }, image: null, min: 0, max: 0, step: 1, start: 0, cost: 350_000 },
  { district: 1, title: { sv: 'Skatepark', en: null }, description: { sv: '', en: null }, image: null, min: 0, max: 0, step: 1, start: 0, cost: 600_000 },
  { district: null, title: { sv: 'Parkbänkar', en: null }, description: { sv: '', en: null }, image: null, min: 0, max: 0, step: 1, start: 0, cost: 200_000 },
];

/** A two-district project vote with the projects above (Norr: index 0, Söder: index 1). */
export const twoDistrictBudget: BudgetInput = {
  slug: 'omraden-2027',
  title: { sv: 'Områdenas projekt', en: null },
  description: { sv: '', en: null },
  mode: 'projects',
  total: 0,
  rule: 'within',
  tolerance: 0,
  closesAt: null,
  districts: [
    { name: { sv: 'Norr', en: null }, total: 1_000_000 },
    { name: { sv: 'Söder', en: null }, total: 800_000 },
  ],
  items: districtProjects,
};

/**
 * The app with mail for a budget test: one database per file, so each test starts from no
 * budgets and staff are made once; `staff` writes as the moderator.
 */
export async function budgetApp(mailbox: ReturnType<typeof testMailbox>, database: TestDatabase) {
  const t = await mailbox.app(database, { POW_MAX_NUMBER: '1000' });
  await t.db.deleteFrom('budgets').execute();
  if (!(await t.db.selectFrom('staff_users').select('id').executeTakeFirst())) await seedStaff(t.db);
  const cookie = await signIn(t.app, 'moderator');
  const staff = (method: string, path: string, body?: unknown) => staffRequest(t.app, path, { method, body, cookie });
  return { ...t, staff };
}
