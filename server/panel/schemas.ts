import { z } from '@hono/zod-openapi';
import { pathId } from '../openapi.js';
import { orNull, ReturnTo } from '../openapi.js';
import { surveyStatuses, type SurveyStatus } from '../../contract/statuses.js';

export { surveyStatuses, type SurveyStatus };

/** A text residents read: Swedish always, English where staff have written one. */
export const Text = z
  .object({
    sv: z.string().trim().min(1, 'is required').max(10000),
    en: z.string().trim().max(10000).nullable().default(null),
  })
  .strict()
  .openapi('PanelText');
export type Text = z.infer<typeof Text>;

/** A survey's title: one line, since it goes into mail subjects. */
// eslint-disable-next-line no-control-regex
const line = z.string().trim().max(200).regex(/^[^\x00-\x1f\x7f]*$/, 'must be one line');
const Title = z.object({ sv: line.min(1, 'is required'), en: line.nullable().default(null) }).strict();

/** An intro may be left empty. */
const OptionalText = z.object({ sv: z.string().trim().max(10000), en: z.string().trim().max(10000).nullable().default(null) }).strict();

const Lang = z.enum(['sv', 'en']).openapi({ description: 'The language of every mail the member gets.' });

export const PanelInfo = z
  .object({
    ageBands: z.array(z.string()).openapi({ description: 'Empty: age is not asked.' }),
    districts: z.array(z.string()).openapi({ description: 'Empty: district is not asked.' }),
    consent: Text,
  })
  .openapi('PanelInfo');
export type PanelInfo = z.infer<typeof PanelInfo>;

export const JoinInput = z
  .object({
    name: z.string().trim().max(100).nullable().optional(),
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })),
    ageBand: z.string().max(50).nullable().optional().openapi({ description: 'One of GET /api/panel ageBands; null: prefer not to say.' }),
    district: z.string().max(100).nullable().optional().openapi({ description: 'One of GET /api/panel districts; null: prefer not to say.' }),
    consent: z.literal(true, { message: 'must be true: the consent text has been read and accepted' }),
    lang: Lang,
    returnTo: ReturnTo,
  })
  .strict()
  .openapi('PanelJoinInput');
/** A request to join as a client sends it. */
export type JoinInput = z.input<typeof JoinInput>;

export const CheckYourEmail = z.object({ status: z.literal('check_your_email') }).openapi('PanelCheckYourEmail');

export const PanelCounts = z
  .object({
    members: z.number().int(),
    byAgeBand: z.array(z.object({ band: z.string().nullable(), count: z.number().int().nullable() })),
    byDistrict: z.array(z.object({ district: z.string().nullable(), count: z.number().int().nullable() })),
    minGroup: z.number().int(),
  })
  .openapi('PanelCounts', {
    description:
      'A count is null when fewer than minGroup members are in the group (the small-group rule), and for as many other groups, the smallest first, as it takes for the hidden groups together to hold nobody or at least minGroup members, so that no small group can be worked out from `members` minus the shown counts.',
  });

export const questionTypes = ['single', 'multiple', 'scale', 'text', 'ranking'] as const;

export const Question = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 lower-case letters a–z, digits or hyphens'),
    type: z.enum(questionTypes),
    text: Text,
    options: z.array(Text).min(2, 'needs at least 2 options').max(12, 'may have at most 12 options').optional(),
    scaleLabels: z
      .object({ low: Text, high: Text })
      .strict()
      .optional()
      .openapi({ description: 'scale: what 1 (low) and 5 (high) mean, e.g. “Inte alls” and “Helt och hållet”. Without them the widget says lowest and highest.' }),
    required: z.boolean(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const needsOptions = q.type === 'single' || q.type === 'multiple' || q.type === 'ranking';
    if (needsOptions && !q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question needs 2–12 options` });
    if (!needsOptions && q.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question has no options` });
    if (q.type !== 'scale' && q.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: `a ${q.type} question has no scale labels` });
  })
  .openapi('SurveyQuestion');
export type Question = z.infer<typeof Question>;

export const SurveyPage = z.object({ questions: z.array(Question).min(1, 'a page needs a question').max(50) }).strict().openapi('SurveyPage');
export type SurveyPage = z.infer<typeof SurveyPage>;

export const SurveyInput = z
  .object({
    title: Title,
    intro: OptionalText,
    audience: z.enum(['panel', 'open']),
    pages: z.array(SurveyPage).min(1, 'a survey needs a page').max(30),
    closesAt: z.iso
      .datetime({ offset: true, message: 'must be a date and time, e.g. 2027-03-31T23:59:00+02:00' })
      .nullable()
      .optional()
      .openapi({ description: 'The last moment answers are taken; after it the survey says so. Left out or null: until staff close it.' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.pages.forEach((p, pi) =>
      p.questions.forEach((q, qi) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['pages', pi, 'questions', qi, 'id'], message: 'is already used in this survey' });
        seen.add(q.id);
      }),
    );
  })
  .openapi('SurveyInput');
export type SurveyInput = z.infer<typeof SurveyInput>;

export const SurveyId = pathId(7);

/** An answer: an option index (single), indexes (multiple), 1–5 (scale), text, or every index in order (ranking). */
export const AnswerValue = z.union([z.number(), z.array(z.number()), z.string()]).openapi('SurveyAnswerValue');
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

/** A submitted response as the store gives it to results and exports (never sent as it is). */
export interface SubmittedResponse {
  id: number;
  /** The respondent's groups when they answered; null: not asked, not said, or an open survey. */
  ageBand: string | null;
  district: string | null;
  submittedAt: string;
  answers: Answers;
}

export const PublicSurvey = z
  .object({
    id: z.number().int(),
    title: Text,
    intro: OptionalText,
    pages: z.array(SurveyPage),
    status: z.enum(['open', 'closed']).openapi({ description: 'closed: staff closed it, or its deadline has passed.' }),
    closesAt: z.string().nullable().openapi({ description: 'The deadline for answers (ISO); null: none.' }),
  })
  .openapi('PublicSurvey');
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const SurveyResponseState = z
  .object({
    answers: z.record(z.string(), AnswerValue),
    page: z.number().int().openapi({ description: 'Pages saved so far.' }),
    submitted: z.boolean(),
  })
  .openapi('SurveyResponseState');
export type SurveyResponseState = z.infer<typeof SurveyResponseState>;

export const StaffSurvey = z
  .object({
    id: z.number().int(),
    title: Text,
    intro: OptionalText,
    audience: z.enum(['panel', 'open']),
    pages: z.array(SurveyPage),
    status: z.enum(surveyStatuses),
    createdAt: z.string(),
    createdBy: z.number().int().nullable().openapi({ description: 'The staff user who wrote it (null for surveys from before this was recorded); they may not approve it.' }),
    closesAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    feedback: orNull(Text),
    feedbackSentAt: z.string().nullable(),
    decision: z.object({ committee: z.string(), text: Text }).nullable(),
    decisionSentAt: z.string().nullable(),
    counts: z.object({ invited: z.number().int(), responses: z.number().int(), submitted: z.number().int() }),
  })
  .openapi('StaffSurvey');
export type StaffSurvey = z.infer<typeof StaffSurvey>;

export const QuestionResult = z
  .object({
    id: z.string(),
    type: z.enum(questionTypes),
    counts: z.array(z.number().int()).optional().openapi({ description: 'single/multiple: per option; scale: values 1–5 at indexes 0–4.' }),
    mean: z.number().nullable().optional().openapi({ description: 'scale: the average of the answers (1–5, two decimals); null with no answers. How many answered is the sum of counts.' }),
    meanRank: z.array(z.number()).optional().openapi({ description: 'ranking: per option, its mean place (1 = most important); 0 with no answers.' }),
    answers: z.array(z.string()).optional().openapi({ description: 'text: every non-empty answer.' }),
  })
  .openapi('SurveyQuestionResult');
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z
  .object({
    respondents: z.number().int().openapi({ description: 'Submitted responses.' }),
    questions: z.array(QuestionResult),
    by: z.enum(['ageBand', 'district']).nullable(),
    minGroup: z.number().int(),
    groups: z
      .array(
        z.union([
          z.object({ group: z.string().nullable(), hidden: z.literal(true) }),
          z.object({ group: z.string().nullable(), hidden: z.literal(false), respondents: z.number().int(), questions: z.array(QuestionResult) }),
        ]),
      )
      .nullable()
      .openapi({
        description:
          'With `by`: one entry per group (null: not stated). Hidden, without figures or free text: a group of fewer than minGroup respondents, and as many other groups, the smallest first, as it takes for the hidden groups together to hold nobody or at least minGroup respondents (so that no small group can be worked out by subtracting the shown groups from the whole).',
      }),
  })
  .openapi('SurveyResults');
export type SurveyResults = z.infer<typeof SurveyResults>;

/** Answers refused: which question, and why (PUT …/pages/{n} and …/submit). */
export const InvalidAnswers = z
  .object({
    error: z.object({
      status: z.literal(400),
      code: z.literal('invalid_answers'),
      message: z.string(),
      issues: z.array(z.object({ question: z.string(), code: z.enum(['required', 'invalid_value', 'unknown_question']) })),
    }),
    requestId: z.string().optional(),
  })
  .openapi('SurveyInvalidAnswers');
export type InvalidAnswers = z.infer<typeof InvalidAnswers>;
