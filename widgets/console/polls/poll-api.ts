/**
 * The console's client for quick polls (snabbfrågor) under /api/staff/polls. Types are the
 * server's own (imported as types only).
 */
import type { PollInput, PollKind, PollLiveState, PollResults, PollStatus, StaffPoll } from '../../../server/polls/schemas.js';

import { request } from '../kit/api.js';

export type { PollInput, PollKind, PollResults, PollStatus, StaffPoll };
/** The `results` event of a poll's live stream. */
export type PollLiveEvent = PollLiveState;

const base = '/api/staff/polls';

export const pollApi = {
  polls: () => request<{ polls: StaffPoll[] }>('GET', base),
  create: (input: PollInput) => request<{ poll: StaffPoll }>('POST', base, input),
  update: (id: number, input: PollInput) => request<{ poll: StaffPoll }>('PUT', `${base}/${id}`, input),
  open: (id: number) => request<{ poll: StaffPoll }>('POST', `${base}/${id}/open`),
  close: (id: number) => request<{ poll: StaffPoll }>('POST', `${base}/${id}/close`),
  reset: (id: number) => request<{ poll: StaffPoll }>('POST', `${base}/${id}/reset`),
  remove: (id: number) => request<void>('DELETE', `${base}/${id}`),
  /** The public live stream: the results as they change, for an open poll. */
  liveUrl: (id: number) => `/api/polls/${id}/live`,
  /** The full-window page for a meeting room's screen. */
  presenterUrl: (id: number, lang?: 'en') => `/present/poll/${id}${lang ? `?lang=${lang}` : ''}`,
};

/** The most and fewest options a single- or multiple-choice poll has. */
export const pollOptionLimits = { min: 2, max: 10 } as const;
