import { z } from '@hono/zod-openapi';
import { orNull, ReturnTo } from '../openapi.js';
import { Localized } from '../tiles/schemas.js';
import { budgetStatuses, type BudgetStatus } from '../../contract/statuses.js';

export { budgetStatuses, type BudgetStatus };

/**
 * Participatory budgets (medborgarbudget): the shapes the API speaks, shared by the server,
 * the widget (as types only) and the console.
 *
 * Amounts are whole kronor. A process is either
 * - 'sliders': one slider per budget line, each with its own minimum, maximum, step and
 *   starting value; the rule says whether the ballot must stay within the total or balance
 *   it exactly (give or take the tolerance); or
 * - 'projects': residents pick projects whose costs fit within the total (knapsack).
 * With districts, each district has its own total and its own lines or projects (items with
 * no district belong to every district), and a resident takes part in one district.
 */

export const BudgetSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1–64 lower-case letters a–z, digits or hyphens')
  .openapi({ example: 'investeringar-2027', description: 'The process’s name as used in the embed code.' });

export const budgetModes = ['sliders', 'projects'] as const;
export const budgetRules = ['within', 'balanced'] as const;
export type BudgetMode = (typeof budgetModes)[number];
export type BudgetRule = (typeof budgetRules)[number];

/** Whole kronor; at most two billion, so every sum fits the databases' 32-bit integer columns' sums. */
const Kronor = z.number().int().min(0).max(2_000_000_000);

export const BudgetDistrict = z
  .object({
    id: z.number().int(),
    name: Localized,
    total: Kronor.openapi({ description: 'This district’s budget, in kronor.' }),
  })
  .openapi('BudgetDistrict');

export const BudgetItem = z
  .object({
    id: z.number().int(),
    /** Null: the item is in every district (or there are none). */
    districtId: z.number().int().nullable(),
    title: Localized,
    description: Localized,
    image: z
      .object({ url: z.string(), alt: Localized })
      .nullable()
      .openapi({ description: 'An image and its alternative text; the alt text may be empty only for a decorative image.' }),
    /** Sliders: the line's range and starting value, in kronor. */
    min: Kronor,
    max: Kronor,
    step: z.number().int().min(1),
    start: Kronor,
    /** Projects: what the project costs, in kronor. */
    cost: Kronor,
  })
  .openapi('BudgetItem');

/** What came of a process, once staff have published it. */
export const BudgetResults = z
  .object({
    participants: z.number().int().openapi({ description: 'Residents whose confirmed ballot counts (their latest).' }),
    minGroup: z
      .number()
      .int()
      .openapi({ description: 'The fewest participants a line, project or district needs before its figures are shown, so that no one’s ballot can be read from them.' }),
    decision: Localized.openapi({ description: 'What the municipality decided.' }),
    publishedAt: z.string(),
    districts: z.array(
      z.object({
        districtId: z.number().int(),
        participants: z.number().int().nullable().openapi({ description: 'Null when fewer than minGroup took part in the district.' }),
      }),
    ),
    items: z.array(
      z.object({
        itemId: z.number().int(),
        /** Fewer than minGroup took part where the item was on the ballot: its figures are null. */
        hidden: z.boolean(),
        /** Sliders: the average and median amount given to the line, in whole kronor. */
        average: z.number().int().nullable(),
        median: z.number().int().nullable(),
        /** Projects: how many chose it. Sliders: how many ballots gave it an amount. Null when hidden. */
        votes: z.number().int().nullable(),
        /** Whether the municipality funds it (projects), per the published decision. */
        selected: z.boolean().nullable(),
      }),
    ),
  })
  .openapi('BudgetResults');

export const PublicBudget = z
  .object({
    slug: BudgetSlug,
    title: Localized,
    description: Localized,
    mode: z.enum(budgetModes),
    total: Kronor.openapi({ description: 'The whole budget; with districts, each has its own total.' }),
    rule: z.enum(budgetRules).openapi({ description: 'Sliders: stay within the total, or balance it exactly (within the tolerance).' }),
    tolerance: Kronor,
    status: z.enum(['open', 'closed', 'published']),
    closesAt: z.string().nullable(),
    districts: z.array(BudgetDistrict),
    items: z.array(BudgetItem),
    results: orNull(BudgetResults),
  })
  .openapi('PublicBudget');

export const BallotInput = z
  .object({
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })),
    districtId: z.number().int().positive().nullable().default(null),
    /** Sliders: an amount for every line of the district. Projects: the chosen projects. */
    allocations: z
      .array(z.object({ itemId: z.number().int().positive(), amount: Kronor }).strict())
      .max(200)
      .default([]),
    projects: z.array(z.number().int().positive()).max(200).default([]),
    lang: z.enum(['sv', 'en']).default('sv'),
    returnTo: ReturnTo,
  })
  .strict()
  .openapi('BallotInput');
export type BallotInput = z.infer<typeof BallotInput>;

export type PublicBudget = z.infer<typeof PublicBudget>;
export type BudgetItem = z.infer<typeof BudgetItem>;
export type BudgetDistrict = z.infer<typeof BudgetDistrict>;
export type BudgetResults = z.infer<typeof BudgetResults>;

/** What staff write: the whole process, items and districts included (saved as one). */
export const BudgetItemInput = z
  .object({
    /** An existing item's id to keep it (and its ballots' amounts); absent for a new one. */
    id: z.number().int().positive().optional(),
    /** The district's position in `districts` (0-based); null: every district. */
    district: z.number().int().min(0).nullable().default(null),
    title: z.object({ sv: z.string().trim().min(1).max(150), en: z.string().trim().max(150).nullable().default(null) }),
    description: z.object({ sv: z.string().trim().max(2000).default(''), en: z.string().trim().max(2000).nullable().default(null) }),
    image: z
      .object({
        url: z.string().trim().max(2000).refine((u) => /^https?:\/\/[^\s]+$/.test(u) && URL.canParse(u), 'must be an http(s) address'),
        alt: z.object({ sv: z.string().trim().max(300), en: z.string().trim().max(300).nullable().default(null) }),
      })
      .nullable()
      .default(null),
    min: Kronor.default(0),
    max: Kronor.default(0),
    step: z.number().int().min(1).max(1_000_000_000).default(1),
    start: Kronor.default(0),
    cost: Kronor.default(0),
  })
  .strict();

export const BudgetInput = z
  .object({
    slug: BudgetSlug,
    title: z.object({ sv: z.string().trim().min(1).max(200), en: z.string().trim().max(200).nullable().default(null) }),
    description: z.object({ sv: z.string().trim().max(5000).default(''), en: z.string().trim().max(5000).nullable().default(null) }),
    mode: z.enum(budgetModes),
    total: Kronor,
    rule: z.enum(budgetRules).default('within'),
    tolerance: Kronor.default(0),
    closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
    districts: z
      .array(z.object({ id: z.number().int().positive().optional(), name: z.object({ sv: z.string().trim().min(1).max(100), en: z.string().trim().max(100).nullable().default(null) }), total: Kronor }).strict())
      .max(50)
      .default([]),
    items: z.array(BudgetItemInput).min(1, 'needs at least one line or project').max(200),
  })
  .strict()
  .openapi('BudgetInput');
export type BudgetInput = z.infer<typeof BudgetInput>;

/**
 * Staff see drafts too, and how many ballots have come in. A new object rather than
 * .extend(), which would be documented as an allOf with PublicBudget, whose status has no draft.
 */
export const StaffBudget = z.object({
  ...PublicBudget.shape,
  status: z.enum(budgetStatuses),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  ballotsSent: z.number().int(),
  ballotsConfirmed: z.number().int(),
  participants: z.number().int(),
}).openapi('StaffBudget');
export type StaffBudget = z.infer<typeof StaffBudget>;

export const StaffBudgetSummary = z
  .object({ slug: BudgetSlug, title: Localized, mode: z.enum(['sliders', 'projects']), status: z.enum(budgetStatuses), total: z.number().int(), participants: z.number().int() })
  .openapi('StaffBudgetSummary');
export type StaffBudgetSummary = z.infer<typeof StaffBudgetSummary>;
