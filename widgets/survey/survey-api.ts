/**
 * The survey widget's calls to the Medverka API, and where it keeps the resident's personal
 * token. The shapes are those of the survey contract.
 */
import type { ErrorBody } from '../../server/schemas.js';
import type { AnswerValue, Answers, PublicSurvey, Question, SurveyResponseState, Text } from '../../server/panel/schemas.js';
import { ApiRequestError, busyPause } from '../shared/api.js';

export type { AnswerValue, Answers, PublicSurvey, Question, SurveyResponseState, Text };

/** What is wrong with one question's answer, read from either of the server's error shapes (so a plain string code). */
export interface AnswerIssue {
  question: string;
  code: string;
}

/** An error answer, with the questions it concerns (400 invalid_answers). */
export class SurveyRefusal extends ApiRequestError {
  constructor(
    status: number | null,
    code: string,
    message: string,
    readonly issues: AnswerIssue[] = [],
  ) {
    super(status, code, message);
  }
}

/** The request header that carries the resident's personal token. */
const tokenHeader = 'X-Medverka-Survey';

async function request<T>(base: string, path: string, init: { method?: string; token?: string | undefined; pow?: string; body?: unknown; signal?: AbortSignal }, tries = 3): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.token) headers[tokenHeader] = init.token;
  if (init.pow) headers['X-Medverka-Pow'] = init.pow;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
      credentials: 'omit',
    });
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new SurveyRefusal(null, 'network_error', String(err));
  }
  if (!response.ok) {
    // A busy server: a read is asked again, as getJson does; a refused write is the resident's to send again.
    if (response.status == 503 && !init.method && --tries) {
      await busyPause();
      return request(base, path, init, tries);
    }
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    // The contract names issues { question, code }; the server's error shape { path, message }: read either.
    const issues = ((body?.error.issues ?? []) as Partial<AnswerIssue & { path: string; message: string }>[]).map((i) => ({
      question: String(i.question ?? i.path ?? '').split('.').pop() ?? '',
      code: String(i.code ?? i.message ?? ''),
    }));
    throw new SurveyRefusal(response.status, body?.error.code ?? 'http_error', body?.error.message ?? response.statusText, issues);
  }
  return (await response.json()) as T;
}

const surveyPath = (id: string) => `api/surveys/${encodeURIComponent(id)}`;

export const surveyApi = {
  survey: (base: string, id: string, token: string | undefined, signal?: AbortSignal) =>
    request<{ survey: PublicSurvey; response: SurveyResponseState | null }>(base, surveyPath(id), { token, signal }),

  /** An open survey: a new response, for a proof of work, and the token that is the resident's key to it. */
  start: (base: string, id: string, pow: string) => request<{ token: string }>(base, `${surveyPath(id)}/responses`, { method: 'POST', pow, body: {} }),

  savePage: (base: string, id: string, token: string, page: number, answers: Answers) =>
    request<{ page: number }>(base, `${surveyPath(id)}/pages/${page}`, { method: 'PUT', token, body: { answers } }),

  submit: (base: string, id: string, token: string) => request<{ submitted: true }>(base, `${surveyPath(id)}/submit`, { method: 'POST', token, body: {} }),
};

// —— The personal token ——

/** One key per API origin and survey: two municipalities' surveys on one site stay apart. */
const keyOf = (base: string, id: string) => `medverka-survey ${new URL(base).origin} ${id}`;

/** A token in the address's fragment (`#<token>`): letters, digits and - _ only, so an ordinary in-page anchor is not mistaken for one. */
const tokenPattern = /^#([\w-]{16,200})$/;

/**
 * Takes a personal link's token out of the address bar (so it is not shared by copying the
 * address) and into sessionStorage (so a reload still works). Returns it, if there was one.
 */
export function takeTokenFromAddress(base: string, id: string): string | undefined {
  const token = tokenPattern.exec(location.hash)?.[1];
  if (!token) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  store(sessionStorage, base, id, token);
  return token;
}

/** The token kept for this survey: a personal link's (this tab), or an open survey's (this browser). */
export function storedToken(base: string, id: string): { token: string; where: 'session' | 'local' } | undefined {
  try {
    const session = sessionStorage.getItem(keyOf(base, id));
    if (session) return { token: session, where: 'session' };
    const local = localStorage.getItem(keyOf(base, id));
    if (local) return { token: local, where: 'local' };
  } catch {
    // Storage that is off is no error: the survey just cannot be resumed.
  }
  return undefined;
}

/** Keeps an open survey's response token in localStorage (only once the resident saves the first page). */
export function keepOpenToken(base: string, id: string, token: string): void {
  store(localStorage, base, id, token);
}

export function forgetToken(base: string, id: string, where: 'session' | 'local'): void {
  try {
    (where === 'session' ? sessionStorage : localStorage).removeItem(keyOf(base, id));
  } catch {
    // See storedToken().
  }
}

function store(storage: Storage, base: string, id: string, token: string) {
  try {
    storage.setItem(keyOf(base, id), token);
  } catch {
    // See storedToken().
  }
}
