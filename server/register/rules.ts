import type { Issue } from '../schemas.js';
import type { Phase } from './schemas.js';

/** What a dialogue must say before residents see it. */
export interface Publishable {
  title_sv: string;
  question_sv: string;
  purpose_sv: string;
  can_change_sv: string;
  question_open: number;
  decision_makers_open: number;
  committee: string;
  contact_id: number | null;
  ladder: string | null;
  opens_on: string | null;
  closes_on: string | null;
  feedback_by: string | null;
}

/**
 * Why a dialogue cannot be published yet; empty when it can. Both of the policy's questions
 * must be answered yes — a question nobody can influence is information, not dialogue — and
 * residents must be told what they can change, who decides and when they hear back.
 */
export function publishProblems(d: Publishable): Issue[] {
  const problems: Issue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  need(d.question_open, 'questionOpen', 'the question must be open to influence');
  need(d.decision_makers_open, 'decisionMakersOpen', 'the decision-makers must be open to influence');
  need(d.question_sv, 'question.sv', 'say the question in Swedish');
  need(d.purpose_sv, 'purpose.sv', 'say the purpose in Swedish');
  need(d.ladder, 'ladder', 'choose how much residents decide');
  need(d.can_change_sv, 'canChange.sv', 'say what residents can change');
  need(d.committee, 'committee', 'name the responsible committee');
  need(d.contact_id, 'contactId', 'name a contact person');
  need(d.opens_on, 'opensOn', 'give the day it opens');
  need(d.closes_on, 'closesOn', 'give the day it closes');
  need(d.feedback_by, 'feedbackBy', 'promise a date for feedback');
  return problems;
}

/** Today's date in Sweden, as YYYY-MM-DD. */
export function swedishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Planned before it opens (or while no date is set), open through its closing day, then finished. */
export function phaseOn(today: string, opensOn: string | null, closesOn: string | null): Phase {
  if (!opensOn || today < opensOn) return 'planned';
  if (!closesOn || today <= closesOn) return 'open';
  return 'finished';
}

/** The feedback date has passed and nothing is published: the contact person must act. */
export function feedbackOverdue(today: string, d: { status: string; feedback_by: string | null; feedback_published_at: string | null }): boolean {
  return d.status === 'published' && !!d.feedback_by && d.feedback_by < today && !d.feedback_published_at;
}

/** The case's address in the public record, from a template with `{case}` (DIARIUM_URL). */
export function caseUrl(template: string | undefined, caseNumber: string | null): string | null {
  if (!template || !caseNumber) return null;
  return template.replace('{case}', encodeURIComponent(caseNumber));
}
