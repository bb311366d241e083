import { createHash, randomBytes } from 'node:crypto';

/**
 * The secrets in mailed confirmation links (petitions, signatures, ballots): 256 bits from the
 * system's CSPRNG, so unguessable; only their SHA-256 is stored, so a copy of the database
 * confirms nothing.
 */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
