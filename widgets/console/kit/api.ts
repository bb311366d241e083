/**
 * The staff console's client for /api/staff: same origin, the session cookie, JSON both ways.
 * Types are the server's own (inferred from its zod schemas, imported as types only), so the
 * console and the API cannot drift apart unnoticed.
 */
import type { ErrorBody, Issue } from '../../../server/schemas.js';
import type { StaffUser, AuditEntry } from '../../../server/staff/schemas.js';
import { roles, type Role } from '../../../contract/roles.js';
import type { StaffTile, StaffTileSet, TileInput } from '../../../server/tiles/schemas.js';
import type { EmbedInfo } from '../../../server/staff/schemas.js';
import type { PetitionStatus } from '../../../contract/statuses.js';
import type { BudgetInput, BudgetMode, BudgetResults, BudgetRule, BudgetStatus, PublicBudget, StaffBudget, StaffBudgetSummary } from '../../../server/budgets/schemas.js';

export type { AuditEntry, EmbedInfo, Issue, PetitionStatus, Role, StaffTile, StaffTileSet, StaffUser, TileInput };
export type { BudgetInput, BudgetMode, BudgetResults, BudgetRule, BudgetStatus, StaffBudget, StaffBudgetSummary };

/** What the municipality decided when it publishes a budget's results. */
export interface BudgetDecision {
  decision: { sv: string; en: string | null };
  /** Projects: the ones the municipality funds. */
  selected: number[];
}

/** A petition as staff see it; mirrors `StaffPetition` in server/petitions/staff-routes.ts. */
export interface StaffPetition {
  id: number;
  title: string;
  body: string;
  status: PetitionStatus;
  proposerName: string | null;
  proposerEmail: string | null;
  rejectionReason: string | null;
  threshold: number;
  signatureCount: number;
  createdAt: string;
  submittedAt: string | null;
  openedAt: string | null;
  closesAt: string | null;
  thresholdReachedAt: string | null;
  answer: string | null;
  answeredAt: string | null;
  /** The committee (nämnd) that decided the answer. */
  answerCommittee: string | null;
  /** When the published answer was last corrected; null if never. */
  answerCorrectedAt: string | null;
}

/** The mails an answer would send, one per language, with how many get each (no addresses). */
export interface AnswerPreview {
  recipients: number;
  mails: { lang: 'sv' | 'en'; recipients: number; subject: string; text: string }[];
}

/** A public petition that shares words with the one being moderated. */
export interface SimilarPetition {
  id: number;
  title: string;
  status: PetitionStatus;
  sharedWords: number;
}

/** The widgets a tile can open in place; mirrors `openableWidgets` in server/tiles/schemas.ts. */
export const openableWidgets = ['petitions', 'petition', 'budget', 'chat', 'poll', 'panel', 'survey'] as const satisfies readonly NonNullable<StaffTile['widget']>[];

export { roles };

/** Whatever went wrong with a request, in the server's terms: status, code, and per-field issues. */
export class StaffApiError extends Error {
  constructor(
    /** null when the server could not be reached at all. */
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
    /** Seconds to wait before trying again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'StaffApiError';
  }
}

/**
 * Fires 'expired' when the server answers 401 to a signed-in request: the session ended
 * (timed out, or signed out everywhere from another device), and the console asks again.
 */
export const session = new EventTarget();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The server takes cookie-authenticated writes only as JSON, with or without a body.
  if (method !== 'GET') headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new StaffApiError(null, 'network_error', String(err));
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => null)) as ErrorBody | null)?.error;
    const retry = Number(response.headers.get('Retry-After'));
    if (response.status === 401 && !opts.quiet401) session.dispatchEvent(new Event('expired'));
    throw new StaffApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? response.statusText,
      error?.issues ?? [],
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export type UserUpdate = Partial<Pick<StaffUser, 'name' | 'role' | 'disabled'>>;

export const staffApi = {
  signIn: (email: string, password: string) =>
    request<{ user: StaffUser }>('POST', '/api/staff/sign-in', { email, password }, { quiet401: true }),
  signOut: () => request<void>('POST', '/api/staff/sign-out', undefined, { quiet401: true }),
  signOutEverywhere: () => request<void>('POST', '/api/staff/sign-out-everywhere'),
  me: () => request<{ user: StaffUser }>('GET', '/api/staff/me', undefined, { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/staff/password', { currentPassword, newPassword }),

  users: () => request<{ users: StaffUser[] }>('GET', '/api/staff/users'),
  createUser: (user: NewUser) => request<{ user: StaffUser }>('POST', '/api/staff/users', user),
  updateUser: (id: number, update: UserUpdate) => request<{ user: StaffUser }>('PATCH', `/api/staff/users/${id}`, update),

  tileSets: () => request<{ tileSets: StaffTileSet[] }>('GET', '/api/staff/tile-sets'),
  createTileSet: (slug: string, titleSv: string, titleEn: string | null) =>
    request<{ tileSet: StaffTileSet }>('POST', '/api/staff/tile-sets', { slug, titleSv, titleEn }),
  tileSet: (slug: string) => request<{ tileSet: StaffTileSet }>('GET', `/api/staff/tile-sets/${enc(slug)}`),
  updateTileSet: (slug: string, titleSv: string, titleEn: string | null) =>
    request<{ tileSet: StaffTileSet }>('PATCH', `/api/staff/tile-sets/${enc(slug)}`, { titleSv, titleEn }),
  deleteTileSet: (slug: string) => request<void>('DELETE', `/api/staff/tile-sets/${enc(slug)}`),
  createTile: (slug: string, tile: TileInput) => request<{ tile: StaffTile }>('POST', `/api/staff/tile-sets/${enc(slug)}/tiles`, tile),
  replaceTile: (id: number, tile: TileInput) => request<{ tile: StaffTile }>('PUT', `/api/staff/tiles/${id}`, tile),
  deleteTile: (id: number) => request<void>('DELETE', `/api/staff/tiles/${id}`),
  orderTiles: (slug: string, tileIds: number[]) =>
    request<{ tileSet: StaffTileSet }>('PUT', `/api/staff/tile-sets/${enc(slug)}/order`, { tileIds }),

  audit: (limit = 100) => request<{ entries: AuditEntry[] }>('GET', `/api/staff/audit?limit=${limit}`),
  embedInfo: () => request<EmbedInfo>('GET', '/api/staff/embed-info'),

  petitions: (status?: PetitionStatus) =>
    request<{ petitions: StaffPetition[] }>('GET', `/api/staff/petitions${status ? `?status=${enc(status)}` : ''}`),
  petition: (id: number) => request<{ petition: StaffPetition; similar: SimilarPetition[] }>('GET', `/api/staff/petitions/${id}`),
  correctPetition: (id: number, change: { title?: string; body?: string }) =>
    request<{ petition: StaffPetition }>('PATCH', `/api/staff/petitions/${id}`, change),
  approvePetition: (id: number) => request<{ petition: StaffPetition }>('POST', `/api/staff/petitions/${id}/approve`),
  rejectPetition: (id: number, reason: string) => request<{ petition: StaffPetition }>('POST', `/api/staff/petitions/${id}/reject`, { reason }),
  closePetition: (id: number) => request<{ petition: StaffPetition }>('POST', `/api/staff/petitions/${id}/close`),
  previewAnswer: (id: number, answer: string, committee: string) => request<AnswerPreview>('POST', `/api/staff/petitions/${id}/answer/preview`, { answer, committee }),
  answerPetition: (id: number, answer: string, committee: string) =>
    request<{ petition: StaffPetition; mailed: number }>('POST', `/api/staff/petitions/${id}/answer`, { answer, committee }),
  correctAnswer: (id: number, change: { answer?: string; committee?: string }) =>
    request<{ petition: StaffPetition }>('PATCH', `/api/staff/petitions/${id}/answer`, change),
  /** The confirmed signatures as CSV, for a download link. */
  signaturesCsvUrl: (id: number) => `/api/staff/petitions/${id}/signatures.csv`,

  budgets: () => request<{ budgets: StaffBudgetSummary[] }>('GET', '/api/staff/budgets'),
  budget: (slug: string) => request<{ budget: StaffBudget }>('GET', `/api/staff/budgets/${enc(slug)}`),
  createBudget: (input: BudgetInput) => request<{ budget: StaffBudget }>('POST', '/api/staff/budgets', input),
  updateBudget: (slug: string, input: BudgetInput) => request<{ budget: StaffBudget }>('PUT', `/api/staff/budgets/${enc(slug)}`, input),
  openBudget: (slug: string) => request<{ budget: StaffBudget }>('POST', `/api/staff/budgets/${enc(slug)}/open`),
  closeBudget: (slug: string) => request<{ budget: StaffBudget }>('POST', `/api/staff/budgets/${enc(slug)}/close`),
  publishBudget: (slug: string, decision: BudgetDecision) =>
    request<{ budget: StaffBudget }>('POST', `/api/staff/budgets/${enc(slug)}/publish`, decision),
  /** The results as they stand now (before they are published, too). */
  /** The process as residents will see it, a draft too, for the preview. */
  budgetPreview: (slug: string) => request<PublicBudget>('GET', `/api/staff/budgets/${enc(slug)}/preview`),
  budgetResults: (slug: string) => request<{ results: BudgetResults }>('GET', `/api/staff/budgets/${enc(slug)}/results`),
  /** Downloads, for links: the counted ballots and the results as CSV, and the pabulib file (one per district). */
  budgetBallotsCsvUrl: (slug: string) => `/api/staff/budgets/${enc(slug)}/ballots.csv`,
  budgetResultsCsvUrl: (slug: string) => `/api/staff/budgets/${enc(slug)}/results.csv`,
  budgetPabulibUrl: (slug: string, districtId?: number) =>
    `/api/staff/budgets/${enc(slug)}/pabulib${districtId === undefined ? '' : `?district=${districtId}`}`,
};

/** A tile as the API takes it back: every field, for a full replacement (PUT). */
export function tileInputOf(tile: StaffTile): TileInput {
  return {
    titleSv: tile.titleSv,
    titleEn: tile.titleEn,
    descriptionSv: tile.descriptionSv,
    descriptionEn: tile.descriptionEn,
    icon: tile.icon,
    targetKind: tile.targetKind,
    href: tile.href,
    widget: tile.widget,
    widgetAttributes: tile.widgetAttributes,
    colour: tile.colour,
    hidden: tile.hidden,
  };
}
