import { z } from '@hono/zod-openapi';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The example's maxnumber is the default, powMaxNumber in proof-of-work.ts. */
export const PowChallenge = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: hex64.openapi({ description: 'SHA-256 of salt + the secret number, in hex.' }),
    maxnumber: z.number().int().positive().openapi({ example: 50_000, description: 'The secret number is at most this.' }),
    salt: z.string().openapi({
      example: '5d1c9b0e8f2a4c6d7e8f9a0b?expires=1767225600&',
      description: 'Random salt; its `expires` parameter is when the challenge stops being accepted (Unix seconds).',
    }),
    signature: hex64.openapi({ description: 'The server’s HMAC of the challenge.' }),
  })
  .openapi('PowChallenge', {
    description:
      'An ALTCHA (protocol v1) proof-of-work challenge. Find the number n, 0 ≤ n ≤ maxnumber, for which SHA-256(salt + n) is `challenge`; then send base64(JSON.stringify({ algorithm, challenge, number: n, salt, signature })) with the form. Each solution is accepted once.',
  });
export type PowChallenge = z.infer<typeof PowChallenge>;
