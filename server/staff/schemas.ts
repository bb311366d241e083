import { z } from '@hono/zod-openapi';

import { roles } from '../../contract/roles.js';
import { EmbedInfo as TileEmbedInfo } from '../tiles/schemas.js';

export { roles };
export const Role = z.enum(roles).openapi({ description: 'admin, moderator or chat_agent' });
export type Role = z.infer<typeof Role>;

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }))
  .openapi({ example: 'anna.andersson@kommun.se' });

/** A password staff choose: long rather than complicated, as NIST 800-63B advises. */
export const NewPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters')
  .openapi({ example: 'correct horse battery staple' });

export const StaffUser = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: Role,
    disabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('StaffUser');
export type StaffUser = z.infer<typeof StaffUser>;

export const SignIn = z.object({ email: z.string().max(254), password: z.string().max(200) }).openapi('SignIn');

export const PasswordChange = z
  .object({ currentPassword: z.string().max(200), newPassword: NewPassword })
  .openapi('PasswordChange');

export const NewStaffUser = z
  .object({
    email: Email,
    name: z.string().trim().min(1, 'is required').max(100),
    role: Role,
    password: NewPassword,
  })
  .openapi('NewStaffUser');

export const StaffUserUpdate = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100).optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .openapi('StaffUserUpdate');

/** What staff change on their own account: the name residents see in the chat. */
export const OwnAccountUpdate = z
  .object({
    name: z.string().trim().max(100, 'must be at most 100 characters').openapi({
      description: 'Shown to residents when this staff member answers in the chat; empty: residents see “Kommunen” (the municipality) instead.',
    }),
  })
  .strict()
  .openapi('OwnAccountUpdate');

/** What waits for staff, counted for the console's navigation; null where the role may not see it. */
export const WorkCounts = z
  .object({
    petitionsAwaitingModeration: z.number().int().nullable().openapi({ description: 'Proposals confirmed by their proposer and not yet published or rejected (administrators and moderators).' }),
    chatsWaiting: z.number().int().nullable().openapi({ description: 'Conversations no agent has taken yet (administrators and chat agents).' }),
    surveysAwaitingApproval: z.number().int().nullable().openapi({ description: 'Survey drafts not yet approved (administrators and moderators).' }),
  })
  .openapi('StaffWorkCounts');
export type WorkCounts = z.infer<typeof WorkCounts>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().nullable().openapi({ description: 'The staff member’s e-mail, or null for the system.' }),
    action: z.string().openapi({ example: 'tile.update' }),
    target: z.string().nullable().openapi({ example: 'tile 3' }),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * What the embed-snippet builder needs to write a snippet that works: the tiles' part, and
 * the petitions, budgets, polls and open surveys it can embed one by one. A new object rather than .extend(), which would
 * describe it in the OpenAPI document as the tiles' part plus these fields.
 */
export const EmbedInfo = z
  .object({
    ...TileEmbedInfo.shape,
    petitions: z
      .array(z.object({ id: z.number().int().openapi({ example: 42 }), title: z.string() }))
      .openapi({ description: 'The public petitions (open, closed or answered), newest first.' }),
    budgets: z
      .array(z.object({ slug: z.string().openapi({ example: 'investeringar-2027' }), title: z.string() }))
      .openapi({ description: 'The budget processes residents can see (open, closed or published; not drafts), newest first, with their Swedish titles.' }),
    polls: z
      .array(z.object({ id: z.number().int().openapi({ example: 7 }), question: z.string() }))
      .openapi({ description: 'The quick polls residents can see (open or closed; not drafts), newest first, with their Swedish questions.' }),
    surveys: z
      .array(z.object({ id: z.number().int().openapi({ example: 3 }), title: z.string() }))
      .openapi({ description: 'The open surveys (for anyone, not the panel’s) residents can answer or read, newest first, with their Swedish titles.' }),
  })
  .openapi('EmbedInfo');
export type EmbedInfo = z.infer<typeof EmbedInfo>;
