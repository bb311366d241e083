import { z } from '@hono/zod-openapi';
import { pathId, ReturnTo } from '../openapi.js';
import { Localized } from '../tiles/schemas.js';

/**
 * The dialogue register: the municipality's list of planned, open and finished dialogues, each
 * with who owns it, how much residents decide, when they hear back, the channels it runs
 * through (Medverka's tools and offline ones) and what came of it.
 */

/** The participation ladder, from being told to deciding together. */
export const ladderSteps = ['inform', 'consult', 'dialogue', 'influence', 'co-decide'] as const;
export type LadderStep = (typeof ladderSteps)[number];

/** Medverka processes a dialogue can run through. */
export const processKinds = ['petition', 'budget', 'poll', 'survey'] as const;
export type ProcessKind = (typeof processKinds)[number];
/** Offline channels: a meeting, a walk, a stand in the square, or something else. */
export const offlineFormats = ['meeting', 'walk', 'stand', 'other'] as const;

/** Planned: not open yet; open: residents can take part now; finished: closed. */
export const phases = ['planned', 'open', 'finished'] as const;
export type Phase = (typeof phases)[number];

export const DialogueId = pathId(3);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real date')
  .openapi({ example: '2027-03-01' });

/** Swedish may be left empty while the dialogue is a draft; English is optional. */
const text = (max: number) =>
  z
    .object({
      sv: z.string().trim().max(max).default(''),
      en: z.string().trim().max(max).nullable().default(null).openapi({ description: 'Empty or null: no English text; English pages then show the Swedish.' }),
    })
    .strict();
const words = (max: number) => z.array(z.string().trim().min(1, 'must not be empty').max(100)).max(max).default([]);

export const DialogueInput = z
  .object({
    title: text(200).refine((t) => t.sv.length > 0, { message: 'must not be empty', path: ['sv'] }),
    question: text(500).optional(),
    purpose: text(2000).optional(),
    questionOpen: z.boolean().default(false).openapi({ description: 'Is the question open to influence? Must be yes to publish.' }),
    decisionMakersOpen: z.boolean().default(false).openapi({ description: 'Are the decision-makers open to influence? Must be yes to publish.' }),
    committee: z.string().trim().max(200).default('').openapi({ description: 'The responsible committee (nämnd).', example: 'Kultur- och fritidsnämnden' }),
    administration: z.string().trim().max(200).default('').openapi({ example: 'Kultur- och fritidsförvaltningen' }),
    contactId: z.number().int().min(1).nullable().default(null).openapi({ description: 'The staff account that answers for the dialogue.' }),
    targetGroups: words(10),
    themes: words(10),
    district: z.string().trim().max(100).nullable().default(null),
    ladder: z.enum(ladderSteps).nullable().default(null),
    canChange: text(2000).optional(),
    cannotChange: text(2000).optional(),
    plannedStart: day.nullable().default(null),
    opensOn: day.nullable().default(null),
    closesOn: day.nullable().default(null),
    decisionExpected: day.nullable().default(null),
    feedbackBy: day.nullable().default(null).openapi({ description: 'The date by which participants are promised to hear what came of it.' }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const order: [keyof typeof input, keyof typeof input, string][] = [
      ['plannedStart', 'opensOn', 'must not be before the planned start'],
      ['opensOn', 'closesOn', 'must not be before the day it opens'],
      ['closesOn', 'decisionExpected', 'must not be before the day it closes'],
      ['closesOn', 'feedbackBy', 'must not be before the day it closes'],
    ];
    for (const [first, then, message] of order) {
      const a = input[first] as string | null;
      const b = input[then] as string | null;
      if (a && b && b < a) ctx.addIssue({ code: 'custom', path: [then], message });
    }
  })
  .openapi('DialogueInput');
export type DialogueInput = z.infer<typeof DialogueInput>;

export const OutcomeInput = z
  .object({
    summary: text(5000).openapi({ description: 'What came in, in short.' }),
    use: text(5000).openapi({ description: 'How it was used.' }),
    decision: text(5000),
    caseNumber: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .default(null)
      .openapi({ description: 'The decision’s case number in the public record (diarienummer), as the municipality writes it.', example: 'KS/2019/0001' }),
    decidedOn: day.nullable().default(null),
  })
  .strict()
  .openapi('DialogueOutcomeInput');
export type OutcomeInput = z.infer<typeof OutcomeInput>;

const channelSummary = text(5000).optional().openapi({ description: 'What came in through this channel.' });

export const ChannelInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.enum(processKinds), ref: z.string().trim().min(1).max(64).openapi({ description: 'The petition, poll or survey number, or the budget’s name.', example: '42' }), summary: channelSummary }).strict(),
    z
      .object({
        kind: z.literal('offline'),
        format: z.enum(offlineFormats),
        title: z.string().trim().min(1, 'must not be empty').max(200),
        heldOn: day,
        place: z.string().trim().max(200).default(''),
        participants: z.number().int().min(0).max(10_000_000).nullable().default(null),
        notes: z.string().trim().max(5000).default(''),
        summary: channelSummary,
      })
      .strict(),
  ])
  .openapi('DialogueChannelInput');
export type ChannelInput = z.infer<typeof ChannelInput>;

export const Channel = z
  .object({
    id: z.number().int(),
    kind: z.enum([...processKinds, 'offline']),
    ref: z.string().nullable(),
    format: z.enum(offlineFormats).nullable(),
    title: z.string().nullable().openapi({ description: 'An offline channel’s name; a Medverka process’s title as it is now.' }),
    heldOn: z.string().nullable(),
    place: z.string().nullable(),
    participants: z.number().int().nullable().openapi({ description: 'Offline: as recorded; Medverka processes: counted (signatures, ballots, answers, responses).' }),
    notes: z.string().nullable(),
    summary: Localized,
  })
  .openapi('DialogueChannel');
export type Channel = z.infer<typeof Channel>;

export const TimelineStep = z
  .object({ at: z.string(), kind: z.string().openapi({ example: 'published' }), detail: z.string().nullable() })
  .openapi('DialogueTimelineStep');

const dialogueFields = {
  id: z.number().int(),
  title: Localized,
  question: Localized,
  purpose: Localized,
  committee: z.string(),
  administration: z.string(),
  contact: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  targetGroups: z.array(z.string()),
  themes: z.array(z.string()),
  district: z.string().nullable(),
  ladder: z.enum(ladderSteps).nullable(),
  canChange: Localized,
  cannotChange: Localized,
  plannedStart: z.string().nullable(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  decisionExpected: z.string().nullable(),
  feedbackBy: z.string().nullable(),
  phase: z.enum(phases).openapi({ description: 'From today’s date: planned before it opens, open until it closes, then finished.' }),
  channels: z.array(Channel),
  outcome: z
    .object({
      summary: Localized,
      use: Localized,
      decision: Localized,
      caseNumber: z.string().nullable(),
      caseUrl: z.string().nullable().openapi({ description: 'The case in the public record, from DIARIUM_URL; null when not configured or no case number.' }),
      decidedOn: z.string().nullable(),
      feedbackPublishedAt: z.string().nullable(),
    })
    .nullable()
    .openapi({ description: 'Public: null until staff publish the feedback.' }),
  timeline: z.array(TimelineStep),
};

export const PublicDialogue = z.object(dialogueFields).openapi('PublicDialogue');
export type PublicDialogue = z.infer<typeof PublicDialogue>;

export const StaffDialogue = z
  .object({
    ...dialogueFields,
    status: z.enum(['draft', 'published']),
    questionOpen: z.boolean(),
    decisionMakersOpen: z.boolean(),
    feedbackOverdue: z.boolean().openapi({ description: 'Published, the promised feedback date has passed and no feedback is published.' }),
    publishProblems: z.array(z.object({ path: z.string(), message: z.string() })).openapi({ description: 'Why it cannot be published yet; empty when it can.' }),
    followers: z.number().int().openapi({ description: 'Residents who confirmed they follow it.' }),
    rating: z
      .object({ count: z.number().int(), average: z.number().nullable() })
      .openapi({ description: 'Answers to "Do you feel your views were taken into account?" (1–5), asked of those told about the feedback; anonymous.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('StaffDialogue');
export type StaffDialogue = z.infer<typeof StaffDialogue>;

export const DialogueFilter = z.object({
  phase: z.enum(phases).optional(),
  theme: z.string().max(100).optional(),
  district: z.string().max(100).optional(),
});

export const OverviewRow = z
  .object({
    committee: z.string(),
    dialogues: z.number().int(),
    participants: z.record(z.string(), z.number().int()).openapi({ description: 'By kind of channel: petition, budget, poll, survey, offline.' }),
    feedbackDue: z.number().int().openapi({ description: 'Dialogues whose promised feedback day has passed.' }),
    feedbackOnTime: z.number().int().openapi({ description: 'Of those, how many published their feedback no later than promised.' }),
    shareOnTime: z.number().nullable().openapi({ description: 'feedbackOnTime / feedbackDue; null when none was due.' }),
    ratings: z.number().int().openapi({ description: 'Answers to "taken into account?" across its dialogues.' }),
    averageRating: z.number().nullable().openapi({ description: 'Their average, 1–5; null when none.' }),
  })
  .openapi('DialogueOverviewRow');
export type OverviewRow = z.infer<typeof OverviewRow>;

export const Overview = z.object({ year: z.number().int(), committees: z.array(OverviewRow) }).openapi('DialogueOverview');
export type Overview = z.infer<typeof Overview>;

export const OverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2027 }),
});

export const FollowInput = z
  .object({
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })),
    lang: z.enum(['sv', 'en']).default('sv').openapi({ description: 'The language of the mails.' }),
    returnTo: ReturnTo,
  })
  .strict()
  .openapi('DialogueFollowInput');
export type FollowInput = z.input<typeof FollowInput>;
