import { z } from '@hono/zod-openapi';

/** What was wrong with one field of a request: its dotted path and the problem. */
export const Issue = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof Issue>;

/** The one shape of every error the server answers with (4xx and 5xx alike). */
export const ErrorBody = z
  .object({
    error: z.object({
      status: z.number().int().openapi({ example: 400 }),
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'The request was not valid.' }),
      issues: z.array(Issue).optional().openapi({ description: 'What exactly was wrong, one entry per field.' }),
    }),
    requestId: z.string().optional(),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
