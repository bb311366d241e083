import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { csvFile, download } from '../csv.js';
import { cookieAuth, errors, fileDownload, json, jsonBody, pathId, router, sectionRoutes } from '../openapi.js';
import { anyStaff, requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { dialogueExport } from './export.js';
import { notifyFeedback } from './notify.js';
import { overviewRows, yearOverview } from './overview.js';
import { ChannelInput, DialogueId, DialogueInput, OutcomeInput, Overview, OverviewQuery, StaffDialogue } from './schemas.js';
import {
  ChannelError,
  DialogueNotFoundError,
  DialogueStateError,
  addChannel,
  createDialogue,
  deleteDialogue,
  findStaffDialogue,
  listStaffDialogues,
  mayEdit,
  publishDialogue,
  publishFeedback,
  removeChannel,
  saveOutcome,
  updateDialogue,
} from './store.js';

const route = sectionRoutes('Staff: dialogue register', cookieAuth);
const Id = z.object({ id: DialogueId });
const DialogueBody = z.object({ dialogue: StaffDialogue });
const notFound = () => new ApiError(404, 'dialogue_not_found', 'There is no dialogue with that number.');

/**
 * Staff keep the register: administrators and moderators every dialogue, a contact person
 * their own. Every staff member can read it.
 */
export function staffRegisterRoutes({ db, config, mailer, log }: Deps) {
  const app = router();
  app.use('/', anyStaff);
  app.use('/*', anyStaff);
  const options = () => ({ diariumUrl: config.diariumUrl });
  const staffOf = (c: Context<AppEnv>) => c.get('staff')!.user;
  const actor = (c: Context<AppEnv>) => ({ id: staffOf(c).id, email: staffOf(c).email });

  const load = async (id: number) => {
    const dialogue = await findStaffDialogue(db, id, options());
    if (!dialogue) throw notFound();
    return dialogue;
  };
  const refuse = (err: unknown): never => {
    if (err instanceof DialogueNotFoundError) throw notFound();
    if (err instanceof DialogueStateError) throw new ApiError(err.code === 'contact_not_found' ? 400 : 409, err.code, err.message, err.issues);
    if (err instanceof ChannelError) throw new ApiError(err.code === 'process_taken' ? 409 : 404, err.code, err.message);
    throw err;
  };
  /** Runs a change to one dialogue for those who may make it, audits it, and answers with the dialogue. */
  const change = async (c: Context<AppEnv>, id: number, action: string, run: () => Promise<unknown>, status: 200 | 201 = 200) => {
    if (!(await mayEdit(db, id, staffOf(c)).catch(refuse))) throw new ApiError(403, 'forbidden', 'Only administrators, moderators and the dialogue’s contact person may change it.');
    await run().catch(refuse);
    await audit(db, actor(c), `dialogue.${action}`, `dialogue ${id}`);
    return c.json({ dialogue: await load(id) }, status) as never;
  };

  app.openapi(
    route({ method: 'get', path: '/', summary: 'Every dialogue, drafts too', responses: { 200: json(z.object({ dialogues: z.array(StaffDialogue) }), 'Newest first.'), ...errors(401, 403) } }),
    async (c) => c.json({ dialogues: await listStaffDialogues(db, options()) }, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/overview',
      summary: 'The year per committee',
      description: 'Published dialogues open some day of the year: how many per committee, participants per kind of channel, and feedback given on time.',
      request: { query: OverviewQuery },
      responses: { 200: json(z.object({ overview: Overview }), 'One row per committee.'), ...errors(400, 401, 403) },
    }),
    async (c) => c.json({ overview: await yearOverview(db, c.req.valid('query').year) }, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/overview.csv',
      summary: 'The year per committee, as CSV',
      request: { query: OverviewQuery },
      responses: { 200: fileDownload('text/csv', 'One row per committee.'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { year } = c.req.valid('query');
      return download(c, `dialoger-${year}.csv`, 'text/csv; charset=utf-8', csvFile(overviewRows(await yearOverview(db, year)))) as never;
    },
  );

  app.openapi(
    route({ method: 'get', path: '/{id}', summary: 'One dialogue', request: { params: Id }, responses: { 200: json(DialogueBody, 'The dialogue.'), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ dialogue: await load(c.req.valid('param').id) }, 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/',
      summary: 'Write a dialogue (a draft)',
      description: 'Administrators and moderators. Only the title is needed for a draft; `publishProblems` says what publishing still needs.',
      middleware: [requireRole('admin', 'moderator')] as const,
      request: jsonBody(DialogueInput),
      responses: { 201: json(DialogueBody, 'Created.'), ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const id = await createDialogue(db, c.req.valid('json'), staffOf(c).id).catch(refuse);
      await audit(db, actor(c), 'dialogue.create', `dialogue ${id}`);
      return c.json({ dialogue: await load(id) }, 201);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/{id}',
      summary: 'Change a dialogue',
      description: 'The whole dialogue, as when written. A published one must stay publishable (409 `not_publishable`, with the problems as `issues`).',
      request: { params: Id, ...jsonBody(DialogueInput) },
      responses: { 200: json(DialogueBody, 'Saved.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return change(c, id, 'update', () => updateDialogue(db, id, c.req.valid('json')));
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/publish',
      summary: 'Publish a dialogue in the register',
      description:
        'Both of the policy’s questions must be answered yes (is the question open to influence, are the decision-makers), and the promise complete: ' +
        'question, purpose, the step on the ladder, what can change, committee, contact, the days it opens and closes, and the feedback date. ' +
        'Otherwise 409 `not_publishable` with every missing thing as `issues`. Publishing a published dialogue changes nothing.',
      request: { params: Id },
      responses: { 200: json(DialogueBody, 'Published.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return change(c, id, 'publish', () => publishDialogue(db, id));
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/channels',
      summary: 'Link a Medverka process, or record an offline channel',
      description: 'A petition, budget, poll or survey (404 `process_not_found` when there is none; 409 `process_taken` when it belongs to another dialogue), or a meeting, walk, stand or other offline channel with its date, place and number of participants.',
      request: { params: Id, ...jsonBody(ChannelInput) },
      responses: { 201: json(DialogueBody, 'Linked.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return change(c, id, 'channel', () => addChannel(db, id, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/{id}/channels/{channel}',
      summary: 'Unlink a channel',
      description: 'The dialogue’s history keeps that it was there.',
      request: { params: Id.extend({ channel: pathId(12, 'channel') }) },
      responses: { 200: json(DialogueBody, 'Unlinked.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id, channel } = c.req.valid('param');
      return change(c, id, 'unlink', () => removeChannel(db, id, channel));
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/{id}/outcome',
      summary: 'Write the outcome',
      description: 'What came in, how it was used, the decision and its case number. Residents see it once the feedback is published.',
      request: { params: Id, ...jsonBody(OutcomeInput) },
      responses: { 200: json(DialogueBody, 'Saved.'), ...errors(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return change(c, id, 'outcome', () => saveOutcome(db, id, c.req.valid('json')));
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/feedback',
      summary: 'Publish the feedback',
      description:
        'Residents see the outcome, and its followers and the participants who asked to hear back (a linked petition’s proposer and signers) are mailed, once each whatever the channel, with one anonymous question (1–5). ' +
        'The dialogue must be published (409 `not_published`) and the outcome say what came in and how it was used (409 `outcome_missing`).',
      request: { params: Id },
      responses: { 200: json(DialogueBody, 'Published.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const answer = await change(c, id, 'feedback', () => publishFeedback(db, id));
      // Followers and participants are told after the answer, off the request; a mail that
      // fails now is sent by the hourly run (each is claimed once, so none goes twice).
      void notifyFeedback({ db, mailer, config, log }, id).catch((err: unknown) => log.error('feedback mails failed; tried again within the hour', { dialogue: id, error: String(err) }));
      return answer;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}/export.zip',
      summary: 'The dialogue and its channels’ data, in one zip',
      description:
        'dialog.json and kanaler.csv, and for each linked process its public data as JSON and CSV: a petition without its signers (signatures per day), ' +
        'a budget’s and a survey’s results with small groups hidden as when published, a poll’s counts. No resident’s name, address or single answer.',
      request: { params: Id },
      responses: { 200: fileDownload('application/zip', 'The zip.'), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const dialogue = await load(c.req.valid('param').id);
      const zip = await dialogueExport(db, config, dialogue);
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', `attachment; filename="dialog-${dialogue.id}.zip"`);
      c.header('Cache-Control', 'no-store');
      return c.body(zip as Uint8Array<ArrayBuffer>) as never;
    },
  );

  app.openapi(
    route({
      method: 'delete',
      path: '/{id}',
      summary: 'Delete a draft dialogue',
      description: 'A published dialogue is part of the record (409 `not_draft`).',
      middleware: [requireRole('admin', 'moderator')] as const,
      request: { params: Id },
      responses: { 204: { description: 'Deleted.' }, ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteDialogue(db, id).catch(refuse);
      await audit(db, actor(c), 'dialogue.delete', `dialogue ${id}`);
      return c.body(null, 204) as never;
    },
  );

  return app;
}
