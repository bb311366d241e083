import { hash } from 'node:crypto';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import { encodeSolution } from '../../widgets/forms/proof-of-work.js';

/**
 * Solves an ALTCHA v1 challenge as the widget's worker does — the number n for which
 * SHA-256(salt + n) in hex is the challenge — but synchronously with node:crypto, which
 * tries numbers many times faster than crypto.subtle awaited once per number. The bench's
 * solving then costs well under a millisecond at the bench server's POW_MAX_NUMBER, and the
 * load generator's CPU goes to sending requests.
 */
export function solvePow(challenge: PowChallenge): number {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    // The one-shot hash: about three times faster than a Hash object per number, and the
    // bench's CPU is the server's and PostgreSQL's too.
    if (hash('sha256', challenge.salt + n) === challenge.challenge) return n;
  }
  throw new Error('the proof-of-work challenge has no solution up to its maxnumber');
}

/** The X-Medverka-Pow header value, built by the widget's own encoder. */
export const powSolutionHeader = (challenge: PowChallenge, number: number): string => encodeSolution(challenge, number);
