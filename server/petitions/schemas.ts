import { z } from '@hono/zod-openapi';
import { petitionStatuses } from './rules.js';

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
  publicSigners: z.array(z.string()).openapi({ description: 'Names of confirmed signers who chose to show their name, newest first (at most 50).' }),
}).openapi('PublicPetition');
export type PublicPetition = z.infer<typeof PublicPetition>;

export const PetitionList = z.object({ petitions: z.array(PetitionSummary) }).openapi('PetitionList');

export const PetitionQuery = z.object({
  status: z.enum(['open', 'closed', 'answered']).optional().openapi({ description: 'Only petitions with this status.' }),
  q: z.string().trim().max(100).optional().openapi({ description: 'Words to find in the title or text.' }),
});
