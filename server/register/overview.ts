import type { Db } from '../db/index.js';
import { swedishDate } from './rules.js';
import type { Overview, OverviewRow } from './schemas.js';
import { listStaffDialogues } from './store.js';

const channelKinds = ['petition', 'budget', 'poll', 'survey', 'offline'] as const;

/**
 * The year per committee: the published dialogues that were open some day of the year, how many
 * took part through each kind of channel, and how many of those whose feedback was due got it on
 * time (published no later than the promised day).
 */
export async function yearOverview(db: Db, year: number, now = new Date()): Promise<Overview> {
  const today = swedishDate(now);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const dialogues = (await listStaffDialogues(db, { now })).filter(
    (d) => d.status === 'published' && d.opensOn !== null && d.opensOn <= last && (d.closesOn === null || d.closesOn >= first),
  );
  const byCommittee = new Map<string, OverviewRow>();
  for (const d of dialogues) {
    const row =
      byCommittee.get(d.committee) ??
      ({ committee: d.committee, dialogues: 0, participants: Object.fromEntries(channelKinds.map((k) => [k, 0])), feedbackDue: 0, feedbackOnTime: 0, shareOnTime: null, ratings: 0, averageRating: null } as OverviewRow);
    if (d.rating.count) {
      row.averageRating = ((row.averageRating ?? 0) * row.ratings + (d.rating.average ?? 0) * d.rating.count) / (row.ratings + d.rating.count);
      row.ratings += d.rating.count;
    }
    row.dialogues++;
    for (const c of d.channels) row.participants[c.kind] = (row.participants[c.kind] ?? 0) + (c.participants ?? 0);
    if (d.feedbackBy && d.feedbackBy < today) {
      row.feedbackDue++;
      const published = d.outcome?.feedbackPublishedAt ? swedishDate(new Date(d.outcome.feedbackPublishedAt)) : null;
      if (published && published <= d.feedbackBy) row.feedbackOnTime++;
    }
    byCommittee.set(d.committee, row);
  }
  const rows = [...byCommittee.values()].sort((a, b) => a.committee.localeCompare(b.committee, 'sv'));
  for (const row of rows) row.shareOnTime = row.feedbackDue ? row.feedbackOnTime / row.feedbackDue : null;
  return { year, committees: rows };
}

/** The overview as spreadsheet rows: a header, then one row per committee. */
export function overviewRows(overview: Overview): (string | number | null)[][] {
  return [
    ['Nämnd', 'Dialoger', ...channelKinds.map((k) => `Deltagare: ${kindNames[k]}`), 'Återkoppling som skulle ha getts', 'Återkoppling i tid', 'Andel i tid (%)', 'Svar på ”tagits till vara?”', 'Medel (1–5)'],
    ...overview.committees.map((r) => [
      r.committee,
      r.dialogues,
      ...channelKinds.map((k) => r.participants[k] ?? 0),
      r.feedbackDue,
      r.feedbackOnTime,
      r.shareOnTime === null ? null : Math.round(r.shareOnTime * 100),
      r.ratings,
      r.averageRating === null ? null : Math.round(r.averageRating * 10) / 10,
    ]),
  ];
}

const kindNames: Record<(typeof channelKinds)[number], string> = {
  petition: 'e-förslag',
  budget: 'medborgarbudget',
  poll: 'snabbfrågor',
  survey: 'enkäter',
  offline: 'på plats',
};
