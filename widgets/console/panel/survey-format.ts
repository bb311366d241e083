/** Words for the panel's and surveys' codes: steps, audiences, question types, groups. */
import { msg } from '../../shared/localize.js';
import type { Breakdown, QuestionType, StaffSurvey } from './panel-api.js';
import { answerKindLabel } from '../kit/labels.js';

/** Where a survey is, in its steps, for a list or a heading. */
export function surveyStepLabel(s: Pick<StaffSurvey, 'status' | 'audience' | 'feedbackSentAt' | 'decisionSentAt'>): string {
  switch (s.status) {
    case 'draft':
      return msg('Utkast', { id: 'console.survey-step.draft' });
    case 'approved':
      return s.audience === 'open'
        ? msg('Godkänd, inte öppnad', { id: 'console.survey-step.approved-open' })
        : msg('Godkänd, inte skickad', { id: 'console.survey-step.approved' });
    case 'sent':
      return msg('Skickad till panelen', { id: 'console.survey-step.sent' });
    case 'open':
      return msg('Öppen för alla', { id: 'console.survey-step.open' });
    case 'closed':
      if (s.decisionSentAt) return msg('Stängd, beslutet skickat', { id: 'console.survey-step.decision' });
      if (s.feedbackSentAt) return msg('Stängd, återkopplingen skickad', { id: 'console.survey-step.feedback' });
      return msg('Stängd', { id: 'console.survey-step.closed' });
  }
}

export function audienceLabel(audience: StaffSurvey['audience']): string {
  return audience === 'panel'
    ? msg('Panelen: medlemmarna får en personlig länk', { id: 'console.survey.audience-panel' })
    : msg('Alla: vem som helst kan svara där enkäten visas', { id: 'console.survey.audience-open' });
}

export function audienceShort(audience: StaffSurvey['audience']): string {
  return audience === 'panel' ? msg('Panelen', { id: 'console.survey.audience-panel-short' }) : msg('Alla', { id: 'console.survey.audience-open-short' });
}

export function questionTypeLabel(type: QuestionType): string {
  switch (type) {
    case 'text':
      return msg('Fritext', { id: 'console.survey.type-text' });
    case 'ranking':
      return msg('Rangordning', { id: 'console.survey.type-ranking' });
    default:
      return answerKindLabel(type);
  }
}

/** A group the panel counts by; null is a member who did not say. */
export function groupLabel(group: string | null): string {
  return group ?? msg('Har inte angett', { id: 'console.panel.not-stated' });
}

export function breakdownLabel(by: Breakdown): string {
  return by === 'ageBand' ? msg('Ålder', { id: 'console.panel.age' }) : msg('Område', { id: 'console.budget.district' });
}
