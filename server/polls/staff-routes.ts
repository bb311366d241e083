import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { cookieAuth, errors, json, jsonBody, router, sectionRoutes } from '../openapi.js';
import { requireRole } from '../staff/guard.js';
import { audit } from '../staff/store.js';
import { pollTopic } from './live.js';
import { PollId, PollInput, StaffPoll } from './schemas.js';
import { PollNotFoundError, PollStateError, createPoll, deletePoll, findStaffPoll, listPolls, movePoll, resetPoll, updatePoll } from './store.js';

const route = sectionRoutes('Staff: polls', cookieAuth);
const Id = z.object({ id: PollId });
const PollBody = z.object({ poll: StaffPoll });

/** Staff write polls, open and close them during a meeting, and start them over. */
export function staffPollRoutes({ db, live }: Deps) {
  const app = router();
  app.use('/', requireRole('admin', 'moderator'));
  app.use('/*', requireRole('admin', 'moderator'));
  const actor = (c: { get: (k: 'staff') => AppEnv['Variables']['staff'] }) => ({ id: c.get('staff')!.user.id, email: c.get('staff')!.user.email });

  const load = async (id: number) => {
    const poll = await findStaffPoll(db, id);
    if (!poll) throw new ApiError(404, 'poll_not_found', 'There is no poll with that number.');
    return poll;
  };
  const refuse = (err: unknown): never => {
    if (err instanceof PollNotFoundError) throw new ApiError(404, 'poll_not_found', 'There is no poll with that number.');
    if (err instanceof PollStateError) {
      if (err.to === 'edited') throw new ApiError(409, 'poll_not_draft', 'Only a draft can be changed: answers refer to its question and options.');
      throw new ApiError(409, 'wrong_status', `A poll that is ${err.from} cannot be ${err.to}.`);
    }
    throw err;
  };

  app.openapi(
    route({ method: 'get', path: '/', summary: 'All polls, drafts too', responses: { 200: json(z.object({ polls: z.array(StaffPoll) }), 'Newest first.'), ...errors(401, 403) } }),
    async (c) => c.json({ polls: await listPolls(db) }, 200),
  );

  app.openapi(
    route({
      method: 'post',
      path: '/',
      summary: 'Write a poll (a draft)',
      request: jsonBody(PollInput),
      responses: { 201: json(PollBody, 'Created.'), ...errors(400, 401, 403, 415) },
    }),
    async (c) => {
      const id = await createPoll(db, c.req.valid('json'));
      await audit(db, actor(c), 'poll.create', `poll ${id}`);
      return c.json({ poll: await load(id) }, 201);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/{id}',
      summary: 'Change a draft poll',
      description: 'The whole poll, as when written. Only a draft may change (409 `poll_not_draft`): once open, answers refer to its options.',
      request: { params: Id, ...jsonBody(PollInput) },
      responses: { 200: json(PollBody, 'Saved.'), ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await updatePoll(db, id, c.req.valid('json')).catch(refuse);
      await audit(db, actor(c), 'poll.update', `poll ${id}`);
      return c.json({ poll: await load(id) }, 200);
    },
  );

  const actions = {
    open: { summary: 'Open a poll for answers (a closed one reopens, its answers kept)', done: 'Open.', run: (id: number) => movePoll(db, id, 'open') },
    close: { summary: 'Close a poll: its results stay visible, no more answers', done: 'Closed.', run: (id: number) => movePoll(db, id, 'closed') },
    reset: { summary: 'Delete every answer of a poll, in any status', done: 'Answers deleted; the status is unchanged.', run: (id: number) => resetPoll(db, id) },
  } as const;
  for (const [action, { summary, done, run }] of Object.entries(actions)) {
    app.openapi(
      route({
        method: 'post',
        path: `/{id}/${action}`,
        summary,
        description: action === 'reset' ? undefined : 'Asking for the status the poll already has changes nothing. A draft cannot be closed (409 `wrong_status`).',
        request: { params: Id },
        responses: { 200: json(PollBody, done), ...errors(400, 401, 403, 404, 409, 415) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await run(id).catch(refuse);
        await audit(db, actor(c), `poll.${action}`, `poll ${id}`);
        await live.publish(pollTopic(id));
        return c.json({ poll: await load(id) }, 200);
      },
    );
  }

  app.openapi(
    route({
      method: 'delete',
      path: '/{id}',
      summary: 'Delete a poll and its answers',
      description: 'A draft or a closed poll; an open one is 409 `wrong_status` (close it first).',
      request: { params: Id },
      responses: { 204: { description: 'Deleted.' }, ...errors(400, 401, 403, 404, 409, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deletePoll(db, id).catch(refuse);
      await audit(db, actor(c), 'poll.delete', `poll ${id}`);
      return c.body(null, 204) as never;
    },
  );

  return app;
}
