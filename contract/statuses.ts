/**
 * The steps in the life of each dialogue tool. The server moves things along them; the
 * console names each one and shows where a thing is.
 */

/**
 * A petition: draft (the proposer has not yet confirmed by e-mail) → awaiting_moderation →
 * open → closed → answered; or rejected. The allowed steps are in server/petitions/rules.ts.
 */
export const petitionStatuses = ['draft', 'awaiting_moderation', 'open', 'closed', 'answered', 'rejected'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];

export const budgetStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type BudgetStatus = (typeof budgetStatuses)[number];

export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export const surveyStatuses = ['draft', 'approved', 'sent', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const conversationStatuses = ['waiting', 'ongoing', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
