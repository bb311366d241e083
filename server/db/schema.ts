import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The database as Kysely sees it. Column names are the municipality's words. */
export interface Database {
  tile_sets: TileSetTable;
  tiles: TileTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
  pow_used: PowUsedTable;
  petitions: PetitionTable;
  signatures: SignatureTable;
  confirmations: ConfirmationTable;
  budgets: BudgetTable;
  budget_districts: BudgetDistrictTable;
  budget_items: BudgetItemTable;
  budget_voters: BudgetVoterTable;
  budget_ballots: BudgetBallotTable;
  budget_allocations: BudgetAllocationTable;
  budget_tallies: BudgetTallyTable;
  ballot_confirmations: BallotConfirmationTable;
  chat_conversations: ChatConversationTable;
  chat_messages: ChatMessageTable;
  chat_cases: ChatCaseTable;
  chat_canned_answers: ChatCannedAnswerTable;
  polls: PollTable;
  poll_options: PollOptionTable;
  poll_answers: PollAnswerTable;
  poll_choices: PollChoiceTable;
  panel_members: PanelMemberTable;
  panel_confirmations: PanelConfirmationTable;
  panel_leave_tokens: PanelLeaveTokenTable;
  surveys: SurveyTable;
  survey_responses: SurveyResponseTable;
  survey_tokens: SurveyTokenTable;
  dialogues: DialogueTable;
  dialogue_channels: DialogueChannelTable;
  dialogue_events: DialogueEventTable;
  dialogue_followers: DialogueFollowerTable;
  dialogue_follow_links: DialogueFollowLinkTable;
  dialogue_notices: DialogueNoticeTable;
  dialogue_ratings: DialogueRatingTable;
}

export interface PetitionTable {
  id: Generated<number>;
  title: string;
  body: string;
  /** Null once the proposer's details are anonymised. */
  proposer_name: string | null;
  proposer_email: string | null;
  status: 'draft' | 'awaiting_moderation' | 'open' | 'closed' | 'answered' | 'rejected';
  rejection_reason: string | null;
  threshold: number;
  signature_count: Generated<number>;
  created_at: string;
  submitted_at: string | null;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  answer: string | null;
  answered_at: string | null;
  /** The committee (nämnd) that decided the answer, as staff wrote it. */
  answer_committee: string | null;
  /** When the published answer was last corrected; null if never. */
  answer_corrected_at: string | null;
  threshold_reached_at: string | null;
  anonymised_at: string | null;
  /** The proposer's language, for the mails that follow. */
  lang: Generated<'sv' | 'en'>;
}

export interface SignatureTable {
  id: Generated<number>;
  petition_id: number;
  email: string | null;
  name: string | null;
  show_name: number;
  hear_back: number;
  connection: 'resident' | 'other';
  connection_text: string | null;
  created_at: string;
  confirmed_at: string | null;
  anonymised_at: string | null;
  /** The signer's language, for the answer mail. */
  lang: Generated<'sv' | 'en'>;
}

export interface ConfirmationTable {
  id: Generated<number>;
  token_hash: string;
  purpose: 'proposal' | 'signature';
  petition_id: number;
  signature_id: number | null;
  expires_at: string;
  used_at: string | null;
}

export interface PowUsedTable {
  signature: string;
  expires_at: string;
}

export interface StaffUserTable {
  id: Generated<number>;
  /** Lower-cased, so one person has one account however they type it. */
  email: string;
  name: string;
  /** scrypt$N$r$p$salt$hash — never the password. */
  password_hash: string;
  role: 'admin' | 'moderator' | 'chat_agent';
  disabled: number;
  created_at: string;
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie's token: a copy of the database cannot be used to sign in. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session is. */
  expires_at: string;
}

export interface SignInFailureTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string | null;
  action: string;
  target: string | null;
  /** JSON object, or null. */
  detail: string | null;
}

export interface TileSetTable {
  slug: string;
  title_sv: string;
  title_en: string | null;
  created_at: string;
  updated_at: string;
}

export interface TileTable {
  id: Generated<number>;
  set_slug: string;
  position: number;
  title_sv: string;
  title_en: string | null;
  description_sv: string;
  description_en: string | null;
  icon: string;
  /** 'link' opens href; 'widget' opens another Medverka widget in place. */
  target_kind: 'link' | 'widget';
  href: string | null;
  widget: string | null;
  /** JSON object of attributes for the widget, e.g. {"petition":"42"}. */
  widget_attrs: string | null;
  colour: string | null;
  /** 1 when staff have hidden the tile; integers so both SQLite and PostgreSQL agree. */
  hidden: number;
}

export type TileSetRow = Selectable<TileSetTable>;
export type TileRow = Selectable<TileTable>;
export type NewTile = Insertable<TileTable>;
export type TileUpdate = Updateable<TileTable>;

export type StaffUserRow = Selectable<StaffUserTable>;

export interface BudgetTable {
  slug: string;
  title_sv: string;
  title_en: string | null;
  description_sv: string;
  description_en: string | null;
  mode: 'sliders' | 'projects';
  total: number;
  rule: 'within' | 'balanced';
  tolerance: number;
  status: 'draft' | 'open' | 'closed' | 'published';
  closes_at: string | null;
  decision_sv: string | null;
  decision_en: string | null;
  /** The published results (BudgetResults as JSON), computed once at publishing. */
  results_json: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  /** Residents with a counted ballot, kept as ballots are counted. */
  participants: Generated<number>;
  /** Ballots sent, and of those confirmed, kept as they are (staff's screen shows both). */
  ballots_sent: Generated<number>;
  ballots_confirmed: Generated<number>;
}

export interface BudgetDistrictTable {
  id: Generated<number>;
  budget_slug: string;
  position: number;
  name_sv: string;
  name_en: string | null;
  total: number;
  /** Residents whose counted ballot is for this district, kept as ballots are counted. */
  participants: Generated<number>;
}

export interface BudgetItemTable {
  id: Generated<number>;
  budget_slug: string;
  district_id: number | null;
  position: number;
  title_sv: string;
  title_en: string | null;
  description_sv: string;
  description_en: string | null;
  image_url: string | null;
  image_alt_sv: string | null;
  image_alt_en: string | null;
  min: number;
  max: number;
  step: number;
  start: number;
  cost: number;
  /** Projects: funded (1) or not (0) per the published decision; null before. */
  selected: number | null;
}

export interface BudgetVoterTable {
  id: Generated<number>;
  budget_slug: string;
  email: string | null;
  counted_ballot_id: number | null;
  anonymised_at: string | null;
}

export interface BudgetBallotTable {
  id: Generated<number>;
  voter_id: number;
  district_id: number | null;
  lang: 'sv' | 'en';
  created_at: string;
  confirmed_at: string | null;
}

export interface BudgetAllocationTable {
  ballot_id: number;
  item_id: number;
  amount: number;
}

/** How many counted ballots give a line an amount; kept in the transaction that counts a ballot. */
export interface BudgetTallyTable {
  item_id: number;
  amount: number;
  votes: number;
}

export interface BallotConfirmationTable {
  id: Generated<number>;
  token_hash: string;
  ballot_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface ChatConversationTable {
  id: Generated<number>;
  token_hash: string;
  status: 'waiting' | 'ongoing' | 'closed';
  name: string | null;
  email: string | null;
  lang: 'sv' | 'en';
  assigned_to: number | null;
  created_at: string;
  last_message_at: string;
  closed_at: string | null;
  /** 1–5, given by the resident once the conversation has ended; the latest counts. */
  rating: number | null;
  rated_at: string | null;
  /** How many transcripts the resident has had mailed (capped). */
  transcripts_sent: Generated<number>;
}

export interface ChatMessageTable {
  id: Generated<number>;
  conversation_id: number;
  author: 'resident' | 'staff' | 'system';
  staff_name: string | null;
  body: string;
  /** 1 when a personnummer was masked in it. */
  masked: number;
  created_at: string;
}


export interface ChatCaseTable {
  id: Generated<number>;
  name: string | null;
  email: string;
  /** Personnummer masked before storing. */
  message: string;
  masked: number;
  lang: 'sv' | 'en';
  created_at: string;
  /** When the contact centre's copy was sent; null if it could not be. */
  mailed_at: string | null;
}

export interface ChatCannedAnswerTable {
  id: Generated<number>;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface PollTable {
  id: Generated<number>;
  question_sv: string;
  question_en: string | null;
  kind: 'single' | 'multiple' | 'scale';
  status: 'draft' | 'open' | 'closed';
  scale_low_sv: string | null;
  scale_low_en: string | null;
  scale_high_sv: string | null;
  scale_high_en: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

export interface PollOptionTable {
  id: Generated<number>;
  poll_id: number;
  position: number;
  label_sv: string;
  label_en: string | null;
}

export interface PollAnswerTable {
  id: Generated<number>;
  poll_id: number;
  created_at: string;
}

/** One row per option chosen in an answer; for a scale poll, the value 1–5. */
export interface PollChoiceTable {
  answer_id: number;
  poll_id: number;
  choice: number;
}

export interface PanelMemberTable {
  id: Generated<number>;
  name: string | null;
  email: string;
  /** Canonical form of the address: one membership per mailbox. */
  email_key: string;
  age_band: string | null;
  district: string | null;
  lang: 'sv' | 'en';
  /** pending until the mailed link is followed. Leaving deletes the row. */
  status: 'pending' | 'member';
  created_at: string;
  confirmed_at: string | null;
}

export interface PanelConfirmationTable {
  id: Generated<number>;
  token_hash: string;
  member_id: number;
  expires_at: string;
  used_at: string | null;
}

export interface PanelLeaveTokenTable {
  token_hash: string;
  member_id: number;
  created_at: string;
}

export interface SurveyTable {
  id: Generated<number>;
  title_sv: string;
  title_en: string | null;
  intro_sv: string;
  intro_en: string | null;
  audience: 'panel' | 'open';
  /** SurveyPage[] as JSON. */
  pages_json: string;
  status: 'draft' | 'approved' | 'sent' | 'open' | 'closed';
  created_at: string;
  /** The staff user who wrote it (null before this was recorded); they may not approve it. */
  created_by: number | null;
  /** No answers after this moment (ISO); null: until staff close it. */
  closes_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  sent_at: string | null;
  reminded_at: string | null;
  closed_at: string | null;
  feedback_sv: string | null;
  feedback_en: string | null;
  feedback_sent_at: string | null;
  decision_committee: string | null;
  decision_sv: string | null;
  decision_en: string | null;
  decision_sent_at: string | null;
}

export interface SurveyResponseTable {
  id: Generated<number>;
  survey_id: number;
  /** Null for open surveys and once the member has left (the answers stay, unlinked). */
  member_id: number | null;
  /** 1 when the panel was invited; 0 when a resident started an open survey. */
  invited: number;
  age_band: string | null;
  district: string | null;
  /** { [questionId]: value } as JSON. */
  answers_json: string;
  /** How many pages are saved. */
  page: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface SurveyTokenTable {
  token_hash: string;
  response_id: number;
}

/** A dialogue in the register. Texts are Swedish, with English where staff wrote one. */
export interface DialogueTable {
  id: Generated<number>;
  status: 'draft' | 'published';
  title_sv: string;
  title_en: string | null;
  question_sv: string;
  question_en: string | null;
  purpose_sv: string;
  purpose_en: string | null;
  can_change_sv: string;
  can_change_en: string | null;
  cannot_change_sv: string;
  cannot_change_en: string | null;
  outcome_summary_sv: string;
  outcome_summary_en: string | null;
  outcome_use_sv: string;
  outcome_use_en: string | null;
  decision_sv: string;
  decision_en: string | null;
  /** 1 when the question is open to influence; 0 until staff say so. */
  question_open: number;
  /** 1 when the decision-makers are open to influence. */
  decision_makers_open: number;
  committee: string;
  administration: string;
  contact_id: number | null;
  /** JSON arrays of strings. */
  target_groups: string;
  themes: string;
  district: string | null;
  ladder: 'inform' | 'consult' | 'dialogue' | 'influence' | 'co-decide' | null;
  /** Dates as YYYY-MM-DD. */
  planned_start: string | null;
  opens_on: string | null;
  closes_on: string | null;
  decision_expected: string | null;
  feedback_by: string | null;
  case_number: string | null;
  decided_on: string | null;
  feedback_published_at: string | null;
  /** When the contact person was last reminded that the feedback is overdue. */
  overdue_mailed_at: string | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface DialogueChannelTable {
  id: Generated<number>;
  dialogue_id: number;
  kind: 'petition' | 'budget' | 'poll' | 'survey' | 'offline';
  ref: string | null;
  format: 'meeting' | 'walk' | 'stand' | 'other' | null;
  title: string | null;
  held_on: string | null;
  place: string | null;
  participants: number | null;
  notes: string | null;
  summary_sv: string;
  summary_en: string | null;
  created_at: string;
}

/** The dialogue's history, step by step. */
export interface DialogueEventTable {
  id: Generated<number>;
  dialogue_id: number;
  at: string;
  kind: string;
  detail: string | null;
}

export interface DialogueFollowerTable {
  id: Generated<number>;
  dialogue_id: number;
  email: string;
  /** canonicalEmail(email): one follower per mailbox however it is spelled. */
  email_key: string;
  lang: 'sv' | 'en';
  confirmed_at: string | null;
  leave_token_hash: string | null;
  created_at: string;
}

export interface DialogueFollowLinkTable {
  id: Generated<number>;
  follower_id: number;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
}

export interface DialogueNoticeTable {
  dialogue_id: number;
  /** SHA-256 of the dialogue's id and the canonical address: told once, address not kept. */
  who: string;
  sent_at: string;
  rating_token_hash: string | null;
  rated_at: string | null;
}

export interface DialogueRatingTable {
  id: Generated<number>;
  dialogue_id: number;
  score: number;
  created_at: string;
}
