import { z } from '@hono/zod-openapi';
import { ReturnTo } from '../openapi.js';
import { petitionStatuses } from '../../contract/statuses.js';

export const PetitionId = z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 42 });

export const PetitionSummary = z
  .object({
    id: z.number().int(),
    title: z.string(),
    status: z.enum(petitionStatuses),
    signatureCount: z.number().int(),
    threshold: z.number().int(),
    openedAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
  })
  .openapi('PetitionSummary');
export type PetitionSummary = z.infer<typeof PetitionSummary>;

/** A petition as the public sees it: no e-mail addresses, signers' names only where they chose so. */
export const PublicPetition = PetitionSummary.extend({
  body: z.string(),
  proposerName: z.string().nullable().openapi({ description: 'Published: a submitted proposal is a public document.' }),
  answer: z.string().nullable(),
  // Optional in the type only so that clients' fixtures written before them stay valid; the server always sends both.
  answerCommittee: z.string().nullable().optional().openapi({ description: 'The committee (nämnd) that decided the answer; `answeredAt` is when it was published. Always sent; null when there is no answer or no committee was given.' }),
  answerCorrectedAt: z.string().nullable().optional().openapi({ description: 'When the published answer was last corrected (a typo, a wrong committee); null if never. Always sent.' }),
  publicSigners: z.array(z.string()).openapi({ description: 'Names of confirmed signers who chose to show their name, newest first (at most 50).' }),
}).openapi('PublicPetition');
export type PublicPetition = z.infer<typeof PublicPetition>;

export const PetitionList = z.object({ petitions: z.array(PetitionSummary) }).openapi('PetitionList');

/** How a petition's count grew: confirmed signatures per day. */
export const SignaturesPerDay = z
  .object({
    days: z
      .array(
        z.object({
          date: z.string().openapi({ example: '2026-03-02', description: 'A day in Swedish time (Europe/Stockholm), YYYY-MM-DD.' }),
          count: z.number().int().openapi({ description: 'Signatures confirmed that day.' }),
        }),
      )
      .openapi({ description: 'Days with at least one confirmed signature, oldest first.' }),
  })
  .openapi('SignaturesPerDay');
export type SignaturesPerDay = z.infer<typeof SignaturesPerDay>;

export const PetitionQuery = z.object({
  status: z.enum(['open', 'closed', 'answered']).optional().openapi({ description: 'Only petitions with this status.' }),
  q: z.string().trim().max(100).optional().openapi({ description: 'Words to find in the title or text.' }),
});

const Lang = z.enum(['sv', 'en']).default('sv').openapi({ description: 'The language of the confirmation mail.' });

export const ProposalInput = z
  .object({
    title: z.string().trim().min(5, 'must be at least 5 characters').max(150, 'must be at most 150 characters'),
    body: z.string().trim().min(20, 'must be at least 20 characters').max(5000, 'must be at most 5000 characters'),
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })),
    publicDocumentAccepted: z.literal(true, { message: 'must be true: a submitted proposal is a public document' }),
    lang: Lang,
    returnTo: ReturnTo,
  })
  .strict()
  .openapi('ProposalInput');
/** A proposal as a client sends it; the language may be left out (Swedish). */
export type ProposalInput = z.input<typeof ProposalInput>;

export const SignatureInput = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' })),
    showName: z.boolean().default(false),
    hearBack: z.boolean().default(false),
    connection: z.enum(['resident', 'other']).openapi({ description: 'resident: lives in the municipality; other: another stated connection.' }),
    connectionText: z.string().trim().max(200).optional(),
    lang: Lang,
    returnTo: ReturnTo,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.connection === 'other' && !v.connectionText) ctx.addIssue({ code: 'custom', path: ['connectionText'], message: 'say what connects you to the municipality' });
  })
  .openapi('SignatureInput');
/** A signature as a client sends it; the language and the two choices may be left out (Swedish, no). */
export type SignatureInput = z.input<typeof SignatureInput>;

export const CheckEmail = z.object({ status: z.literal('check_email') }).openapi('CheckEmail');
