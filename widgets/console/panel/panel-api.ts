/**
 * The console's client for the citizen panel (medborgarpanel) and its surveys, under
 * /api/staff/panel and /api/staff/surveys. Types are the server's own (imported as types only).
 */
import type { z } from '@hono/zod-openapi';
import type { PanelCounts as PanelCountsSchema, Question, QuestionResult, StaffSurvey, SurveyInput, SurveyResults, Text } from '../../../server/panel/schemas.js';
import { request } from '../kit/api.js';

export type PanelCounts = z.infer<typeof PanelCountsSchema>;
export type { Question, QuestionResult, StaffSurvey, SurveyInput, SurveyResults, Text };
export type QuestionType = Question['type'];
export type SurveyStatus = StaffSurvey['status'];
export type Breakdown = 'ageBand' | 'district';

const base = '/api/staff/surveys';
type Mailed = { survey: StaffSurvey; mailed: number };

export const panelApi = {
  counts: () => request<PanelCounts>('GET', '/api/staff/panel'),
  surveys: () => request<{ surveys: StaffSurvey[] }>('GET', base),
  survey: (id: number) => request<{ survey: StaffSurvey }>('GET', `${base}/${id}`),
  create: (input: SurveyInput) => request<{ survey: StaffSurvey }>('POST', base, input),
  update: (id: number, input: SurveyInput) => request<{ survey: StaffSurvey }>('PUT', `${base}/${id}`, input),
  remove: (id: number) => request<void>('DELETE', `${base}/${id}`),
  approve: (id: number) => request<{ survey: StaffSurvey }>('POST', `${base}/${id}/approve`),
  send: (id: number) => request<Mailed>('POST', `${base}/${id}/send`),
  remind: (id: number) => request<Mailed>('POST', `${base}/${id}/remind`),
  close: (id: number) => request<{ survey: StaffSurvey }>('POST', `${base}/${id}/close`),
  results: (id: number, by?: Breakdown) => request<{ results: SurveyResults }>('GET', `${base}/${id}/results${by ? `?by=${by}` : ''}`),
  feedback: (id: number, text: Text) => request<Mailed>('POST', `${base}/${id}/feedback`, { text }),
  decision: (id: number, committee: string, text: Text) => request<Mailed>('POST', `${base}/${id}/decision`, { committee, text }),
  /** The submitted responses as CSV, for a download link (no names, no e-mail addresses). */
  responsesCsvUrl: (id: number) => `${base}/${id}/responses.csv`,
};
