import { backQuery } from '../pages/html.js';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ErrorBody } from '../schemas.js';
import type { AppEnv } from '../http.js';
import { errors, json, jsonBody, orNull, router, sectionRoutes } from '../openapi.js';
import { powHeader, powSecurity, requirePow, verifyPow } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { refuseEmail } from '../abuse/email-domains.js';
import { alreadyMemberMail, joinConfirmationMail } from './mails.js';
import { checkPage, missingRequired, type AnswerIssue } from './results.js';
import { AnswerValue, CheckYourEmail, InvalidAnswers, JoinInput, PanelInfo, PublicSurvey, SurveyId, SurveyResponseState, type Answers } from './schemas.js';
import { findSurvey, joinPanel, pendingRetentionDays, responseByToken, savePage, startOpenResponse, submitResponse, surveyPages, takesAnswers } from './store.js';

/** The header carrying a resident's survey secret (from the link's #fragment, or from localStorage). */
export const surveyTokenHeader = 'X-Medverka-Survey';

/** What joining means, in klarspråk: shown beside the form, and agreed to with its box. */
export const consentText = {
  sv:
    'Vi sparar din e-postadress, och ditt namn, din åldersgrupp och ditt område om du anger dem, för att kunna skicka dig enkäter från kommunen och berätta vad som hände med svaren. ' +
    'Åldersgrupp och område används bara för att se om svaren skiljer sig mellan grupper, och grupper med färre än några få personer redovisas aldrig. ' +
    `Uppgifterna sparas så länge du är med i panelen. Varje mejl från panelen har en länk där du lämnar panelen; då raderas ditt namn och din e-postadress, medan dina tidigare svar finns kvar utan koppling till dig. ` +
    `Bekräftar du inte din anmälan inom ${pendingRetentionDays} dagar raderas den.`,
  en:
    'We keep your e-mail address, and your name, age group and area if you give them, so that we can send you surveys from the municipality and tell you what came of the answers. ' +
    'Age group and area are only used to see whether answers differ between groups, and groups of fewer than a handful of people are never shown. ' +
    `We keep this for as long as you are in the panel. Every mail from the panel has a link to leave it; your name and e-mail address are then deleted, while your earlier answers stay, no longer linked to you. ` +
    `If you do not confirm within ${pendingRetentionDays} days, your sign-up is deleted.`,
};

const Id = z.object({ id: SurveyId });
const answersRefused = json(z.union([ErrorBody, InvalidAnswers]), 'The request is not valid, or (`invalid_answers`) some answers are missing or do not fit their questions.');
const TokenHeader = z.object({ 'x-medverka-survey': z.string().max(100).optional().openapi({ description: 'The resident’s survey secret.' }) });
const route = sectionRoutes('Citizen panel and surveys');

/** Joining the panel, and answering surveys: panel members by their personal link, anyone for open surveys. */
export function panelRoutes({ db, config, mailer }: Deps) {
  const app = router();
  const base = config.publicUrl.href.replace(/\/$/, '');
  app.post(
    '/panel/members',
    rateLimit({ name: 'panel-join', burst: { limit: 10, windowSeconds: 60 }, sustained: { limit: 200, windowSeconds: 3600 }, config }),
    requirePow({ db, config }),
  );
  // A survey page is saved with every "next": generous, but not unlimited.
  app.on(
    ['POST', 'PUT'],
    ['/surveys/:id/responses', '/surveys/:id/pages/:n', '/surveys/:id/submit'],
    rateLimit({ name: 'survey-writes', burst: { limit: 120, windowSeconds: 60 }, sustained: { limit: 2000, windowSeconds: 3600 }, config }),
  );

  app.openapi(
    route({ method: 'get', path: '/panel', summary: 'What the joining form asks, and the consent text', responses: { 200: json(PanelInfo, 'The form’s choices.') } }),
    (c) => c.json({ ageBands: config.panel.ageBands, districts: config.panel.districts, consent: consentText }, 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/panel/members',
      summary: 'Join the citizen panel',
      security: powSecurity,
      description:
        'Mails a confirmation link; membership starts once it is followed. An address that is already a member gets a mail saying so, and the same answer: no one learns from it who is a member.',
      request: jsonBody(JoinInput),
      responses: { 202: json(CheckYourEmail, 'Check your e-mail.'), ...errors(400, 413, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const issues = [];
      if (input.ageBand != null && !config.panel.ageBands.includes(input.ageBand)) issues.push({ path: 'ageBand', message: config.panel.ageBands.length ? `must be one of ${config.panel.ageBands.join(', ')}, or null` : 'is not asked: leave it out' });
      if (input.district != null && !config.panel.districts.includes(input.district)) issues.push({ path: 'district', message: config.panel.districts.length ? `must be one of ${config.panel.districts.join(', ')}, or null` : 'is not asked: leave it out' });
      if (issues.length) throw new ApiError(400, 'invalid_request', 'The request’s body is not valid.', issues);
      refuseEmail(input.email, config);
      const joined = await joinPanel(db, input);
      const leaveLink = `${base}/lamna-panelen/${joined.leaveToken}?lang=${input.lang}`;
      await mailer.send(
        joined.alreadyMember
          ? alreadyMemberMail(input.lang, input.email, joined.name, leaveLink)
          : joinConfirmationMail(input.lang, input.email, `${base}/bekrafta/panel/${joined.token}?lang=${input.lang}${backQuery(config, input.returnTo)}`, leaveLink),
      );
      return c.json({ status: 'check_your_email' as const }, 202);
    },
  );

  /** 409 survey_closed, saying whether staff closed it or its deadline passed. */
  const closed = (row: { status: string; closes_at: string | null }) =>
    new ApiError(409, 'survey_closed', row.status === 'closed' ? 'The survey has closed.' : `The deadline for answers, ${row.closes_at}, has passed.`);
  const surveyNotFound = () => new ApiError(404, 'survey_not_found', 'There is no survey with that number.');
  /** The survey as residents may see it: never a draft, nor one approved but not yet sent. */
  const publicSurvey = async (id: number) => {
    const row = await findSurvey(db, id);
    if (!row || row.status === 'draft' || row.status === 'approved') throw surveyNotFound();
    return row;
  };
  /** The resident's response by their secret; a panel survey cannot be answered without one. */
  const responseOf = async (c: Context<AppEnv>, survey: { id: number; audience: 'panel' | 'open' }) => {
    const token = c.req.header(surveyTokenHeader);
    if (!token) {
      if (survey.audience === 'open') return null;
      throw new ApiError(403, 'survey_token_invalid', 'This survey is answered through the personal link in your e-mail.');
    }
    const response = token.length <= 100 ? await responseByToken(db, survey.id, token) : undefined;
    if (!response) throw new ApiError(403, 'survey_token_invalid', 'The survey link does not work. Check that you used the whole link from the e-mail.');
    return response;
  };
  const invalidAnswers = (c: Context<AppEnv>, issues: AnswerIssue[]) =>
    c.json(
      { error: { status: 400, code: 'invalid_answers', message: 'Some answers are missing or not valid.', issues }, requestId: c.get('requestId') },
      400,
    );

  app.openapi(
    route({
      method: 'get',
      path: '/surveys/{id}',
      summary: 'A survey, and the resident’s saved answers',
      request: { params: Id, headers: TokenHeader },
      responses: {
        200: json(z.object({ survey: PublicSurvey, response: orNull(SurveyResponseState) }), 'The survey; response is null for an open survey not yet started.'),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      const row = await publicSurvey(c.req.valid('param').id);
      const response = await responseOf(c, row);
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          survey: {
            id: row.id,
            title: { sv: row.title_sv, en: row.title_en },
            intro: { sv: row.intro_sv, en: row.intro_en },
            pages: surveyPages(row),
            status: takesAnswers(row) ? ('open' as const) : ('closed' as const),
            closesAt: row.closes_at,
          },
          response: response ? { answers: JSON.parse(response.answers_json) as Answers, page: response.page, submitted: response.submitted_at !== null } : null,
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/responses',
      summary: 'Start answering an open survey',
      security: powSecurity,
      description:
        'Gives the secret that identifies this response in the requests that follow (header X-Medverka-Survey). Needs a proof-of-work solution, as joining the panel, signing and voting do, so that a script cannot fill a survey with answers; it is spent only once the survey is found open. Panel surveys are answered through each member’s personal link instead, without one.',
      request: { params: Id },
      responses: { 201: json(z.object({ token: z.string() }), 'Started.'), ...errors(400, 403, 404, 409, 429) },
    }),
    async (c) => {
      const row = await publicSurvey(c.req.valid('param').id);
      if (row.audience !== 'open') throw new ApiError(403, 'survey_token_invalid', 'This survey is answered through the personal link in your e-mail.');
      if (!takesAnswers(row)) throw closed(row);
      await verifyPow(db, config, c.req.header(powHeader));
      c.header('Cache-Control', 'no-store');
      return c.json({ token: await startOpenResponse(db, row.id) }, 201);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/surveys/{id}/pages/{n}',
      summary: 'Save one page of answers',
      description: 'Replaces that page’s saved answers. Required questions must be answered and every value must fit its question; otherwise 400 `invalid_answers` with `issues: [{ question, code }]` (code: required, invalid_value, unknown_question) and nothing is saved.',
      request: {
        params: z.object({ id: SurveyId, n: z.coerce.number().int().min(0).max(100).openapi({ param: { name: 'n', in: 'path', required: true }, type: 'integer', minimum: 0, maximum: 100, description: 'The page, counted from 0.' }) }),
        headers: TokenHeader,
        ...jsonBody(z.object({ answers: z.record(z.string().max(64), AnswerValue.or(z.null())) }).strict()),
      },
      responses: { 200: json(z.object({ page: z.number().int() }), 'Saved; page: pages saved.'), 400: answersRefused, ...errors(403, 404, 409, 429) },
    }),
    async (c) => {
      const { id, n } = c.req.valid('param');
      const row = await publicSurvey(id);
      const response = await responseOf(c, row);
      if (!response) throw new ApiError(403, 'survey_token_invalid', 'Start the survey first (POST /api/surveys/{id}/responses).');
      if (!takesAnswers(row)) throw closed(row);
      if (response.submitted_at) throw new ApiError(409, 'already_submitted', 'These answers have already been sent in.');
      const pages = surveyPages(row);
      const page = pages[n];
      if (!page) throw new ApiError(404, 'page_not_found', `The survey has ${pages.length} pages, numbered from 0.`);
      const { clean, issues } = checkPage(page, c.req.valid('json').answers);
      if (issues.length) return invalidAnswers(c, issues) as never;
      if (!(await savePage(db, response.id, page.questions.map((q) => q.id), clean, n))) throw new ApiError(409, 'already_submitted', 'These answers have already been sent in.');
      return c.json({ page: n + 1 }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/submit',
      summary: 'Send in the answers',
      description: 'Once per response. Every required question must have a saved answer (400 `invalid_answers` otherwise).',
      request: { params: Id, headers: TokenHeader },
      responses: { 200: json(z.object({ submitted: z.literal(true) }), 'Sent in.'), 400: answersRefused, ...errors(403, 404, 409, 429) },
    }),
    async (c) => {
      const row = await publicSurvey(c.req.valid('param').id);
      const response = await responseOf(c, row);
      if (!response) throw new ApiError(403, 'survey_token_invalid', 'Start the survey first (POST /api/surveys/{id}/responses).');
      if (response.submitted_at) throw new ApiError(409, 'already_submitted', 'These answers have already been sent in.');
      if (!takesAnswers(row)) throw closed(row);
      const issues = missingRequired(surveyPages(row), JSON.parse(response.answers_json) as Answers);
      if (issues.length) return invalidAnswers(c, issues) as never;
      if (!(await submitResponse(db, response.id))) throw new ApiError(409, 'already_submitted', 'These answers have already been sent in.');
      return c.json({ submitted: true as const }, 200);
    },
  );

  return app;
}
