/**
 * The real API as the end-to-end tests use it from Node: staff signed in with a session
 * cookie, and residents who solve the proof of work and follow the links they are mailed.
 */
import assert from 'node:assert/strict';
import type { PowChallenge } from '../../server/abuse/schemas.js';
import type { TestSmtpServer } from '../../server/mail/capture.js';
import { findLinks } from '../../server/mail/mailer.js';
import { powSolutionHeader, solvePow } from '../../bench/lib/pow.js';

export interface StaffApi {
  /** The server's origin. */
  base: string;
  /** Sends a request as the signed-in staff member and gives its JSON; anything but 2xx fails the test. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signInStaff(base: string, account: { email: string; password: string }): Promise<StaffApi> {
  const headers = { Origin: base, 'Content-Type': 'application/json' };
  const res = await fetch(`${base}/api/staff/sign-in`, { method: 'POST', headers, body: JSON.stringify(account) });
  assert.equal(res.status, 200, `staff sign-in: ${await res.clone().text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    base,
    async call(method, path, body) {
      const r = await fetch(`${base}${path}`, {
        method,
        signal: AbortSignal.timeout(15_000),
        headers: method === 'GET' ? { Cookie: cookie } : { ...headers, Cookie: cookie },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await r.text();
      assert.ok(r.ok, `${method} ${path}: ${r.status} ${text}`);
      return (text ? JSON.parse(text) : {}) as never;
    },
  };
}

/**
 * A resident's request to a route guarded by the proof of work, from the address `ip` (the
 * server must trust 127.0.0.1 as a proxy), so a test's many writes do not meet the per-address limits.
 */
export async function residentPost<T = Record<string, unknown>>(base: string, path: string, body: unknown, ip = '10.0.0.1'): Promise<T> {
  const forwarded = { 'X-Forwarded-For': ip };
  const challenge = (await (await fetch(`${base}/api/pow/challenge`, { headers: forwarded })).json()) as PowChallenge;
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...forwarded, 'Content-Type': 'application/json', 'X-Medverka-Pow': powSolutionHeader(challenge, solvePow(challenge)) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Takes the newest mail to `to` with a link matching `path` out of the capture, and gives that link. */
export async function mailedLink(smtp: TestSmtpServer, to: string, path: RegExp): Promise<string> {
  const mail = await smtp.waitFor((m) => m.envelope.to.includes(to) && findLinks(m.text).some((l) => path.test(l)), 10_000);
  smtp.messages.splice(smtp.messages.indexOf(mail), 1);
  return findLinks(mail.text).find((l) => path.test(l))!;
}

/** Presses the button on a mailed /bekrafta/… page, as the resident would. */
export async function confirmLink(link: string): Promise<void> {
  const res = await fetch(link, { method: 'POST' });
  assert.equal(res.status, 200, `confirming ${link}: ${res.status}`);
}

/** The question of `openSurvey`'s one page, as a resident sees it. */
export const openSurveyQuestion = 'Vad saknar du på biblioteket?';

/** An open survey (anyone may answer it where it is embedded) of one free-text question, sent out; its number. */
export async function openSurvey(staff: StaffApi): Promise<number> {
  const { survey } = await staff.call<{ survey: { id: number } }>('POST', '/api/staff/surveys', {
    title: { sv: 'Biblioteket' },
    intro: { sv: 'Några frågor om biblioteket.' },
    audience: 'open',
    pages: [{ questions: [{ id: 'onskan', type: 'text', text: { sv: openSurveyQuestion }, required: true }] }],
  });
  await (await approver(staff)).call('POST', `/api/staff/surveys/${survey.id}/approve`);
  await staff.call('POST', `/api/staff/surveys/${survey.id}/send`);
  return survey.id;
}

/** A second member of staff, made by `admin`: a survey is approved by someone other than its author. */
export async function approver(admin: StaffApi): Promise<StaffApi> {
  const account = { email: `godkannare-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@kommun.test`, password: 'ett-långt-lösenord-för-godkännaren' };
  await admin.call('POST', '/api/staff/users', { ...account, name: 'Gun Godkännare', role: 'moderator' });
  return signInStaff(admin.base, account);
}
