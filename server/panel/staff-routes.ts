import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { download } from '../csv.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import type { Mail } from '../mail/mailer.js';
import { cookieAuth, errors, fileDownload, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { responsesCsv } from './export.js';
import { decisionMail, feedbackMail, invitationMail, reminderMail } from './mails.js';
import { surveyResults } from './results.js';
import { PanelCounts, StaffSurvey, SurveyId, SurveyInput, SurveyResults, Text } from './schemas.js';
import {
  createSurvey,
  deleteDraft,
  findSurvey,
  inviteMembers,
  invitedMembers,
  issueLeaveToken,
  membersToRemind,
  moveSurvey,
  panelCounts,
  submittedResponses,
  surveyCounts,
  surveyPages,
  toStaffSurvey,
  updateDraft,
  type Recipient,
} from './store.js';

const Id = z.object({ id: SurveyId });
const SurveyBody = z.object({ survey: StaffSurvey });
const route = sectionRoutes('Staff: citizen panel and surveys', cookieAuth);

/** Staff see how many are in the panel (never who), and take surveys from draft to decision. */
export function staffPanelRoutes({ db, config, mailer, log }: Deps) {
  const app = router();
  for (const path of ['/panel', '/surveys', '/surveys/*']) app.use(path, requireRole('admin', 'moderator'));
  const base = config.publicUrl.href.replace(/\/$/, '');
  const actor = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });

  const load = async (id: number) => {
    const row = await findSurvey(db, id);
    if (!row) throw new ApiError(404, 'survey_not_found', 'There is no survey with that number.');
    return row;
  };
  const staffSurvey = async (id: number) => toStaffSurvey(await load(id), (await surveyCounts(db, [id])).get(id));
  const wrongStatus = (status: string, what: string) => new ApiError(409, 'wrong_status', `A survey that is ${status} cannot be ${what}.`);

  /**
   * Mails each recipient, each with a fresh leave link; one failed mail does not stop the
   * others. Returns how many went out.
   */
  const mailAll = async (recipients: Recipient[], make: (r: Recipient, leaveLink: string) => Mail, what: string) => {
    let sent = 0;
    for (const r of recipients) {
      try {
        const leaveLink = `${base}/lamna-panelen/${await issueLeaveToken(db, r.memberId)}?lang=${r.lang}`;
        await mailer.send(make(r, leaveLink));
        sent++;
      } catch (err) {
        log.error('panel mail not sent', { what, memberId: r.memberId, error: String(err) });
      }
    }
    return sent;
  };
  const surveyLink = (id: number, r: Recipient) => `${base}/enkat/${id}?lang=${r.lang}#${r.surveyToken}`;

  app.openapi(
    route({ method: 'get', path: '/panel', summary: 'How many are in the panel, per group (never who)', responses: { 200: json(PanelCounts, 'Counts.'), ...errors(401, 403) } }),
    async (c) => c.json(await panelCounts(db, config.panel), 200),
  );

  app.openapi(
    route({ method: 'get', path: '/surveys', summary: 'Every survey, newest first', responses: { 200: json(z.object({ surveys: z.array(StaffSurvey) }), 'Surveys.'), ...errors(401, 403) } }),
    async (c) => {
      const rows = await db.selectFrom('surveys').selectAll().orderBy('id', 'desc').limit(500).execute();
      const counts = await surveyCounts(db, rows.map((r) => r.id));
      return c.json({ surveys: rows.map((r) => toStaffSurvey(r, counts.get(r.id))) }, 200);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/surveys', summary: 'Write a survey (a draft)', request: jsonBody(SurveyInput), responses: { 201: json(SurveyBody, 'Created.'), ...errors(400, 401, 403, 415) } }),
    async (c) => {
      const id = await createSurvey(db, c.req.valid('json'), new Date(), c.get('staff')!.user.id);
      await audit(db, actor(c), 'survey.create', `survey ${id}`);
      return c.json({ survey: await staffSurvey(id) }, 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/surveys/{id}', summary: 'One survey', request: { params: Id }, responses: { 200: json(SurveyBody, 'The survey.'), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ survey: await staffSurvey(c.req.valid('param').id) }, 200),
  );

  app.openapi(
    route({
      method: 'put',
      path: '/surveys/{id}',
      summary: 'Change a draft',
      request: { params: Id, ...jsonBody(SurveyInput) },
      responses: { 200: json(SurveyBody, 'Saved.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await load(id);
      if (!(await updateDraft(db, id, c.req.valid('json')))) throw new ApiError(409, 'survey_not_draft', 'Only a draft can be changed.');
      await audit(db, actor(c), 'survey.update', `survey ${id}`);
      return c.json({ survey: await staffSurvey(id) }, 200);
    },
  );

  app.openapi(
    route({ method: 'delete', path: '/surveys/{id}', summary: 'Delete a draft', request: { params: Id }, responses: { 204: { description: 'Deleted.' }, ...errors(400, 401, 403, 404, 409) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      await load(id);
      if (!(await deleteDraft(db, id))) throw new ApiError(409, 'survey_not_draft', 'Only a draft can be deleted.');
      await audit(db, actor(c), 'survey.delete', `survey ${id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/approve',
      summary: 'Approve a draft',
      description:
        'Records who approved it (the signed-in user’s name) and when. After this the survey no longer changes. Someone other than its author approves it (403 `own_survey` otherwise): a second pair of eyes before it reaches residents.',
      request: { params: Id },
      responses: { 200: json(SurveyBody, 'Approved.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await load(id);
      const staff = c.get('staff')!.user;
      if (row.created_by !== null && row.created_by === staff.id) {
        throw new ApiError(403, 'own_survey', 'You wrote this survey, so someone else approves it: a second pair of eyes before it reaches residents.');
      }
      if (!(await moveSurvey(db, id, ['draft'], { status: 'approved', approved_by: staff.name, approved_at: new Date().toISOString() }))) {
        throw new ApiError(409, 'survey_not_draft', 'Only a draft can be approved.');
      }
      await audit(db, actor(c), 'survey.approve', `survey ${id}`);
      return c.json({ survey: await staffSurvey(id) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/send',
      summary: 'Send an approved survey',
      description: 'Panel: mails every confirmed member a personal link (/enkat/{id}#token). Open: opens it for anyone, without mail.',
      request: { params: Id },
      responses: { 200: json(SurveyBody.extend({ mailed: z.number().int() }), 'Sent (or open).'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await load(id);
      let mailed = 0;
      if (row.audience === 'open') {
        if (!(await moveSurvey(db, id, ['approved'], { status: 'open', sent_at: new Date().toISOString() }))) throw wrongStatus(row.status, 'opened');
      } else {
        const recipients = await inviteMembers(db, id);
        if (!recipients) throw wrongStatus(row.status, 'sent');
        const title = { sv: row.title_sv, en: row.title_en };
        mailed = await mailAll(recipients, (r, leave) => invitationMail(r.lang, r.email, r.name, title, surveyLink(id, r), leave), 'invitation');
      }
      await audit(db, actor(c), 'survey.send', `survey ${id}`, { mailed });
      return c.json({ survey: await staffSurvey(id), mailed }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/remind',
      summary: 'Remind members who have not sent in their answers',
      description: '`mailed` is how many were reminded; with none (everyone has answered), no reminder is recorded.',
      request: { params: Id },
      responses: { 200: json(SurveyBody.extend({ mailed: z.number().int() }), 'Reminded.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await load(id);
      const recipients = await membersToRemind(db, id);
      if (!recipients) throw wrongStatus(row.status, 'reminded of (only a sent panel survey can)');
      const title = { sv: row.title_sv, en: row.title_en };
      const mailed = await mailAll(recipients, (r, leave) => reminderMail(r.lang, r.email, r.name, title, surveyLink(id, r), leave), 'reminder');
      // A reminder is recorded only when someone got one: "reminded" with nobody mailed would be untrue.
      if (mailed > 0) await moveSurvey(db, id, ['sent', 'closed'], { reminded_at: new Date().toISOString() });
      await audit(db, actor(c), 'survey.remind', `survey ${id}`, { mailed });
      return c.json({ survey: await staffSurvey(id), mailed }, 200);
    },
  );

  app.openapi(
    route({ method: 'post', path: '/surveys/{id}/close', summary: 'Close a survey', request: { params: Id }, responses: { 200: json(SurveyBody, 'Closed.'), ...errors(400, 401, 403, 404, 409, 415) } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await load(id);
      if (!(await moveSurvey(db, id, ['sent', 'open'], { status: 'closed', closed_at: new Date().toISOString() }))) throw wrongStatus(row.status, 'closed');
      await audit(db, actor(c), 'survey.close', `survey ${id}`);
      return c.json({ survey: await staffSurvey(id) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/surveys/{id}/results',
      summary: 'The results of the submitted responses, optionally per group',
      request: { params: Id, query: z.object({ by: z.enum(['ageBand', 'district']).optional() }) },
      responses: { 200: json(z.object({ results: SurveyResults }), 'Computed now.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { by } = c.req.valid('query');
      const row = await load(id);
      c.header('Cache-Control', 'no-store');
      const known = { ageBand: config.panel.ageBands, district: config.panel.districts };
      return c.json({ results: surveyResults(surveyPages(row), await submittedResponses(db, id), by, known, config.panel.minGroup) }, 200);
    },
  );

  app.openAPIRegistry.registerPath(
    route({ method: 'get', path: '/surveys/{id}/responses.csv', summary: 'Every submitted response, as CSV', request: { params: Id }, responses: { 200: fileDownload('text/csv', 'One row per response.'), ...errors(401, 403, 404) } }),
  );
  app.get('/surveys/:id{[1-9][0-9]{0,9}}/responses.csv', async (c) => {
    const id = Number(c.req.param('id'));
    const row = await load(id);
    await audit(db, actor(c), 'survey.export', `survey ${id}`);
    return download(c, `enkat-${id}.csv`, 'text/csv; charset=utf-8', responsesCsv(surveyPages(row), await submittedResponses(db, id)));
  });

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/feedback',
      summary: 'Tell the panel what came of a closed survey',
      description: 'Mails every invited member who is still in the panel, in their language; once.',
      request: { params: Id, ...jsonBody(z.object({ text: Text }).strict()) },
      responses: { 200: json(SurveyBody.extend({ mailed: z.number().int() }), 'Mailed.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { text } = c.req.valid('json');
      const row = await load(id);
      const at = new Date().toISOString();
      if (!(await moveSurvey(db, id, ['closed'], { feedback_sv: text.sv, feedback_en: text.en, feedback_sent_at: at }, 'feedback-not-sent'))) {
        throw new ApiError(409, 'wrong_status', row.status === 'closed' ? 'Feedback on this survey has already been sent.' : 'Feedback is sent once the survey has closed.');
      }
      const title = { sv: row.title_sv, en: row.title_en };
      const mailed = await mailAll(await invitedMembers(db, id), (r, leave) => feedbackMail(r.lang, r.email, r.name, title, text, leave), 'feedback');
      await audit(db, actor(c), 'survey.feedback', `survey ${id}`, { mailed });
      return c.json({ survey: await staffSurvey(id), mailed }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/surveys/{id}/decision',
      summary: 'Tell the panel what was decided',
      description: 'After the feedback; mails the same members; once.',
      request: { params: Id, ...jsonBody(z.object({ committee: z.string().trim().min(1, 'is required').max(200), text: Text }).strict()) },
      responses: { 200: json(SurveyBody.extend({ mailed: z.number().int() }), 'Mailed.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { committee, text } = c.req.valid('json');
      const row = await load(id);
      const at = new Date().toISOString();
      if (!(await moveSurvey(db, id, ['closed'], { decision_committee: committee, decision_sv: text.sv, decision_en: text.en, decision_sent_at: at }, 'feedback-sent'))) {
        throw new ApiError(409, 'wrong_status', row.decision_sent_at ? 'The decision has already been sent.' : 'The decision is sent after the feedback.');
      }
      const title = { sv: row.title_sv, en: row.title_en };
      const mailed = await mailAll(await invitedMembers(db, id), (r, leave) => decisionMail(r.lang, r.email, r.name, title, committee, text, leave), 'decision');
      await audit(db, actor(c), 'survey.decision', `survey ${id}`, { mailed });
      return c.json({ survey: await staffSurvey(id), mailed }, 200);
    },
  );

  return app;
}
