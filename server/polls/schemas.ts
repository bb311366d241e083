import { z } from '@hono/zod-openapi';
import { pathId } from '../openapi.js';
import { Localized } from '../tiles/schemas.js';
import { pollStatuses, type PollStatus } from '../../contract/statuses.js';

export { pollStatuses, type PollStatus };

/**
 * Quick polls (snabbfrågor): one question, answered with one click, results shown live — in
 * a meeting room on a projector, or on a page of the municipality's site. Answers are
 * anonymous: nothing about who answered is stored.
 *
 * A `single` or `multiple` poll has 2–10 options of its own; a `scale` poll is answered 1–5,
 * optionally with words for the two ends ("Inte alls" … "Helt och hållet").
 */

export const pollKinds = ['single', 'multiple', 'scale'] as const;
export type PollKind = (typeof pollKinds)[number];

/** The values of a scale poll, which are also its option ids. */
export const scaleValues = [1, 2, 3, 4, 5] as const;
export const maxOptions = 10;

export const PollId = pathId(7);

export const PollResults = z
  .object({
    total: z.number().int().openapi({ description: 'How many answers there are; an answer with several choices counts once.' }),
    counts: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'How many answers chose each option, by option id (for a scale poll, by value 1–5); every option is listed, 0 too.', example: { '12': 4, '13': 9 } }),
  })
  .openapi('PollResults');
export type PollResults = z.infer<typeof PollResults>;

export const PollOption = z.object({ id: z.number().int(), label: Localized }).openapi('PollOption');

export const ScaleLabels = z
  .object({ low: Localized, high: Localized })
  .nullable()
  .openapi('PollScaleLabels', { description: 'Scale polls: what 1 and 5 mean; null when unsaid (and always for other kinds).' });

const pollFields = {
  id: z.number().int(),
  question: Localized,
  kind: z.enum(pollKinds),
  options: z.array(PollOption).openapi({ description: 'For a scale poll, the values 1–5 as options with ids 1–5.' }),
  scaleLabels: ScaleLabels,
  results: PollResults,
};

export const PublicPoll = z.object({ ...pollFields, status: z.enum(['open', 'closed']) }).openapi('PublicPoll');
export type PublicPoll = z.infer<typeof PublicPoll>;

export const StaffPoll = z
  .object({
    ...pollFields,
    status: z.enum(pollStatuses),
    createdAt: z.string(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('StaffPoll');
export type StaffPoll = z.infer<typeof StaffPoll>;

/** What a page following a poll is told, at once and after each change. */
export const PollLiveState = z.object({ status: z.enum(['open', 'closed']), results: PollResults }).openapi('PollLiveState');
export type PollLiveState = z.infer<typeof PollLiveState>;

export const AnswerInput = z
  .object({
    choices: z
      .array(z.number().int().min(1).max(2_147_483_647))
      .min(1, 'choose at least one')
      .max(maxOptions)
      .openapi({ description: 'Option ids (scale polls: one value 1–5). Single choice and scale: exactly one; multiple choice: any number, each once.' }),
  })
  .strict()
  .openapi('PollAnswerInput');
export type AnswerInput = z.infer<typeof AnswerInput>;

/** Swedish required, English optional (an empty English text is stored as none). */
const text = (max: number) =>
  z
    .object({
      sv: z.string().trim().min(1, 'must not be empty').max(max),
      en: z.string().trim().max(max).nullable().default(null).openapi({ description: 'Empty or null: no English text; English pages then show the Swedish.' }),
    })
    .strict();

export const PollInput = z
  .object({
    question: text(300),
    kind: z.enum(pollKinds),
    options: z.array(text(200)).max(maxOptions).optional().openapi({ description: 'Single and multiple choice: 2–10 options, in order. Scale polls: none.' }),
    scaleLabels: z
      .object({ low: text(100), high: text(100) })
      .strict()
      .nullable()
      .optional()
      .openapi({ description: 'Scale polls only: what 1 and 5 mean.' }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const options = input.options ?? [];
    if (input.kind === 'scale') {
      if (options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a scale poll has no options of its own (it is answered 1–5)' });
    } else {
      if (options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'needs 2–10 options' });
      if (input.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'only scale polls have scale labels' });
    }
  })
  .openapi('PollInput');
export type PollInput = z.infer<typeof PollInput>;
