import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { stateEvents } from '../live/events.js';
import { ApiError } from '../errors.js';
import { jsonWithEtag } from '../http.js';
import { errors, json, jsonBody, router, sectionRoutes, withEtag } from '../openapi.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { pollFollowers, pollTopic } from './live.js';
import { AnswerInput, PollId, PollResults, PublicPoll } from './schemas.js';
import { InvalidChoiceError, PollNotFoundError, PollStateError, answerPoll, findPublicPoll } from './store.js';

const route = sectionRoutes('Polls');
const notFound = () => new ApiError(404, 'poll_not_found', 'There is no open or closed poll with that number.');

/** Quick polls as residents and the projector see them, and their one-click answers. */
export function pollRoutes({ db, config, live, log }: Deps) {
  const app = router();
  const followers = pollFollowers(db, live, log);
  // No proof of work: an answer is one click. A meeting room behind one NAT address answers
  // at once, so the limits are far above a person's and only stop a script.
  app.on(
    'POST',
    '/:id/answers',
    rateLimit({ name: 'poll-answers', burst: { limit: 120, windowSeconds: 60 }, sustained: { limit: 2000, windowSeconds: 3600 }, config }),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}',
      summary: 'A poll and its results so far',
      request: { params: z.object({ id: PollId }) },
      responses: { ...withEtag(z.object({ poll: PublicPoll }), 'The poll, with an ETag; 304 when unchanged.'), ...errors(400, 404) },
    }),
    async (c) => {
      const poll = await findPublicPoll(db, c.req.valid('param').id);
      if (!poll) throw notFound();
      return jsonWithEtag(c, { poll }) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/answers',
      summary: 'Answer a poll',
      description:
        'Anonymous, one click, no proof of work. Single choice and scale: exactly one choice; multiple choice: one or more, each once. ' +
        'A choice the poll does not have, or the wrong number of them, is 400 `invalid_choice`; a closed poll is 409 `poll_closed`. ' +
        'Limited per address (120 a minute, 2000 an hour), enough for a meeting room behind one address.',
      request: { params: z.object({ id: PollId }), ...jsonBody(AnswerInput) },
      responses: { 201: json(z.object({ results: PollResults }), 'Counted; the results with this answer in them.'), ...errors(400, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      try {
        await answerPoll(db, id, c.req.valid('json').choices);
      } catch (err) {
        if (err instanceof PollNotFoundError) throw notFound();
        if (err instanceof PollStateError) throw new ApiError(409, 'poll_closed', 'This poll is closed and takes no more answers.');
        if (err instanceof InvalidChoiceError) throw new ApiError(400, 'invalid_choice', err.message, err.issues);
        throw err;
      }
      await live.publish(pollTopic(id));
      const poll = await findPublicPoll(db, id);
      if (!poll) throw notFound();
      c.header('Cache-Control', 'no-store');
      return c.json({ results: poll.results }, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}/live',
      summary: 'Follow a poll’s results as server-sent events',
      description:
        'A `text/event-stream`: a `results` event with the status and results at once, then another each time they change (answers close together are sent as one, at most about four a second). ' +
        'A comment line every 25 seconds keeps proxies from closing the stream. Reconnecting starts again with the current state.',
      request: { params: z.object({ id: PollId }) },
      responses: {
        200: {
          content: { 'text/event-stream': { schema: z.string().openapi({ example: 'event: results\ndata: {"status":"open","results":{"total":3,"counts":{"12":1,"13":2}}}\n\n' }) } },
          description: 'The stream; each event’s data is a PollLiveState.',
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const first = await followers.current(id);
      if (!first) throw notFound();
      return stateEvents(c, 'results', (send) => followers.follow(id, send)) as never;
    },
  );

  return app;
}
