// What test/widgets/seed.ts makes, by name: the titles, slugs and questions the browser tests
// look the seeded petitions, budgets and polls up by. Apart from seed.ts (which holds server
// code), so that the tests can import it.

/** Titles of the seeded petitions; the tests look their numbers up by title. */
export const seededPetitions = {
  open: 'Fler parkbänkar längs ån',
  answered: 'Belysning på gångvägen till skolan',
  closed: 'Längre öppettider på biblioteket',
  /** Signed only by the live-count test, so its count is known. */
  live: 'Sittplatser vid busshållplatsen',
} as const;

/** Names of the seeded budgets (the embed code's `budget`); test/widgets/budget.test.ts uses the same. */
export const seededBudgets = {
  /** Open, sliders, stay within 20 million: three lines starting at 14 million together. */
  within: 'investeringar-2027',
  /** Open, sliders, balance 10 million give or take 100 000: the lines start at 9 million together. */
  balanced: 'drift-2027',
  /** Open, projects, two districts (Norr 3 million, Söder 2 million) and one project in both. */
  projects: 'medborgarbudget-2027',
  closed: 'parker-2026',
  /** Published, sliders, four confirmed ballots (and one never confirmed). */
  published: 'trygghet-2026',
  /** Published, projects, three confirmed ballots; two projects funded. */
  publishedProjects: 'lekplatser-2026',
  /** Published, projects in two districts (Norr, Söder), one ballot in each. */
  publishedDistricts: 'omraden-2026',
} as const;

/**
 * The poll widget's tests find these by question (GET /api/polls/{id} for the first ids):
 * one open poll of each kind, one closed with four answers, and one answered only by the
 * live-results test. The tests' answers change the open ones' counts, never the closed one's.
 */
export const seededPolls = {
  single: 'Vilken dag passar bäst för nästa öppna möte?',
  multiple: 'Vad vill du kunna göra i den nya parken?',
  scale: 'Hur nöjd är du med snöröjningen i vinter?',
  closed: 'Ska biblioteket ha öppet på söndagar?',
  live: 'Vilket fika ska vi ha på mötet?',
} as const;
