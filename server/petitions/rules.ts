/**
 * The rules of e-petitions (e-förslag), apart from storage and HTTP so they can be read,
 * and tested, on their own.
 *
 * A petition's life: draft (written, the proposer has not yet confirmed by e-mail) →
 * awaiting_moderation → open (for a set period) → closed → answered; or rejected, with a
 * reason shown to the proposer. Staff may also answer an open petition early.
 */
import { petitionStatuses, type PetitionStatus } from '../../contract/statuses.js';

export { petitionStatuses, type PetitionStatus };

const transitions: Record<PetitionStatus, readonly PetitionStatus[]> = {
  draft: ['awaiting_moderation'],
  awaiting_moderation: ['open', 'rejected'],
  open: ['closed', 'answered'],
  closed: ['answered'],
  answered: [],
  rejected: [],
};

export function canMove(from: PetitionStatus, to: PetitionStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * A signature given while a petition was open may still be confirmed (its mailed link
 * followed) until this many hours after the petition's closing date, so a resident who signs
 * on the last evening is not turned away by a slow mail (the UK Parliament's petitions allow
 * the same). Never once staff have closed the petition before its closing date or answered
 * it: the count shown with an answer never changes. See `takesConfirmations` in store.ts.
 */
export const confirmationGraceHours = 24;

/** Statuses the public sees; drafts, petitions awaiting moderation and rejected ones stay private. */
export const publicStatuses: readonly PetitionStatus[] = ['open', 'closed', 'answered'];

/** The signature threshold: a fixed number, or a share of the population rounded up. */
export type Threshold = { kind: 'count'; count: number } | { kind: 'share'; percent: number; population: number };

export function thresholdCount(threshold: Threshold): number {
  return threshold.kind === 'count' ? threshold.count : Math.ceil((threshold.percent / 100) * threshold.population);
}

/** When an opened petition closes: the same day of the month, `months` later (end of month when that day is missing). */
export function closingDate(openedAt: Date, months: number): Date {
  const d = new Date(openedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** Whole days left until `closesAt`, never negative; a petition closing later today has 0 days left but is open. */
export function daysLeft(closesAt: Date, now: Date): number {
  return Math.max(0, Math.floor((closesAt.getTime() - now.getTime()) / 86_400_000));
}
