import { backQuery } from '../pages/html.js';
import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { stateEvents } from '../live/events.js';
import { ApiError } from '../errors.js';
import { jsonWithEtag } from '../http.js';
import { errors, json, router, sectionRoutes, withEtag } from '../openapi.js';
import { requirePow, powSecurity } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { refuseEmail } from '../abuse/email-domains.js';
import { proposalConfirmationMail, signatureConfirmationMail } from './mails.js';
import { petitionFollowers } from './live.js';
import { listPublicPetitions, publicPetitionCache, signaturesPerDay } from './public.js';
import { thresholdCount } from './rules.js';
import { CheckEmail, PetitionId, PetitionList, PetitionQuery, ProposalInput, PublicPetition, SignatureInput, SignaturesPerDay } from './schemas.js';
import { NotFoundError, NotOpenError, proposePetition, signPetition } from './store.js';

const route = sectionRoutes('Petitions');

/** The open data of e-petitions: statuses, texts, counts and answers; never an e-mail address. */
export function petitionRoutes({ db, config, mailer, live, log }: Deps) {
  const app = router();
  const followers = petitionFollowers(db, live, log);
  const petitions = publicPetitionCache(db, live);
  const base = config.publicUrl.href.replace(/\/$/, '');
  // Writes need a solved proof of work and stay within per-address limits; a town hall
  // behind a trusted proxy is counted per resident (see TRUSTED_PROXIES).
  const writes = [
    rateLimit({ name: 'petition-writes', burst: { limit: 10, windowSeconds: 60 }, sustained: { limit: 200, windowSeconds: 3600 }, config }),
    requirePow({ db, config }),
  ];
  app.on('POST', ['/', '/:id/signatures'], ...writes);
  const refuseUnmailable = (to: string) => refuseEmail(to, config);
  const notFound = () => new ApiError(404, 'petition_not_found', 'There is no public petition with that number.');

  app.openapi(
    route({
      method: 'get',
      path: '/',
      summary: 'Public petitions: open, closed and answered',
      request: { query: PetitionQuery },
      responses: { ...withEtag(PetitionList, 'Petitions, newest first, or best match first with q (at most 200); with an ETag.'), ...errors(400) },
    }),
    async (c) => {
      // Counts change with every signature and a petition just published should show at once:
      // the browser asks each time, and an unchanged list is a 304.
      return jsonWithEtag(c, { petitions: await listPublicPetitions(db, c.req.valid('query')) }) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}',
      summary: 'One public petition',
      request: { params: z.object({ id: PetitionId }) },
      responses: { ...withEtag(PublicPetition, 'The petition, with an ETag; 304 when unchanged.'), ...errors(400, 404) },
    }),
    async (c) => {
      const petition = await petitions.find(c.req.valid('param').id);
      if (!petition) throw notFound();
      // A page following the petition live reads it again when its status changes, and must
      // then get the new state: the browser asks each time, and an unchanged one is a 304.
      // This instance answers from a cache it empties on each change (see publicPetitionCache).
      return jsonWithEtag(c, petition) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}/signatures-per-day',
      summary: 'How a public petition’s count grew: confirmed signatures per day',
      request: { params: z.object({ id: PetitionId }) },
      responses: { ...withEtag(SignaturesPerDay, 'Days with confirmed signatures, oldest first, with an ETag; 304 when unchanged.'), ...errors(400, 404) },
    }),
    async (c) => {
      const days = await signaturesPerDay(db, c.req.valid('param').id);
      if (!days) throw notFound();
      return jsonWithEtag(c, days) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}/live',
      summary: 'Follow a petition’s count and status as server-sent events',
      description:
        'A `text/event-stream`: a `petition` event with the current state at once, then another each time the count or status changes (changes close together are sent as one). ' +
        'A comment line every 25 seconds keeps proxies from closing the stream. Reconnecting (EventSource does it by itself, after the `retry` the stream sets) starts again with the current state.',
      request: { params: z.object({ id: PetitionId }) },
      responses: {
        200: {
          content: { 'text/event-stream': { schema: z.string().openapi({ example: 'event: petition\ndata: {"id":42,"status":"open","signatureCount":17,"threshold":100,"closesAt":"2027-05-23T10:00:00.000Z","answeredAt":null}\n\n' }) } },
          description: 'The stream.',
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const first = await followers.current(id);
      if (!first) throw notFound();
      return stateEvents(c, 'petition', (send) => followers.follow(id, send)) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/',
      summary: 'Propose a petition',
      security: powSecurity,
      description:
        'Creates a draft and mails the proposer a confirmation link; once confirmed, the petition goes to moderation. A submitted proposal is a public document: its title, text and the proposer’s name are published.',
      request: { body: { content: { 'application/json': { schema: ProposalInput } }, required: true } },
      responses: { 202: json(CheckEmail, 'Check your e-mail.'), ...errors(400, 413, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      refuseUnmailable(input.email);
      const { token } = await proposePetition(db, input, thresholdCount(config.petitions.threshold));
      await mailer.send(proposalConfirmationMail(input.lang, input.email, `${base}/bekrafta/forslag/${token}?lang=${input.lang}${backQuery(config, input.returnTo)}`));
      return c.json({ status: 'check_email' as const }, 202);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/signatures',
      summary: 'Sign a petition',
      security: powSecurity,
      description:
        'Mails the signer a confirmation link; the signature counts once it is followed. Signing again with the same mailbox, however spelled, sends a fresh link for the one signature there is.',
      request: { params: z.object({ id: PetitionId }), body: { content: { 'application/json': { schema: SignatureInput } }, required: true } },
      responses: { 202: json(CheckEmail, 'Check your e-mail.'), ...errors(400, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      refuseUnmailable(input.email);
      let signed;
      try {
        signed = await signPetition(db, id, input);
      } catch (err) {
        if (err instanceof NotFoundError) throw notFound();
        if (err instanceof NotOpenError) throw new ApiError(409, 'petition_not_open', 'This petition is not open for signatures.');
        throw err;
      }
      const link = `${base}/bekrafta/underskrift/${signed.token}?lang=${input.lang}${backQuery(config, input.returnTo)}`;
      await mailer.send(signatureConfirmationMail(input.lang, input.email, signed.title, link, signed.alreadyConfirmed));
      return c.json({ status: 'check_email' as const }, 202);
    },
  );

  return app;
}
