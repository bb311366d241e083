import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { jsonWithEtag } from '../http.js';
import { refuseEmail } from '../abuse/email-domains.js';
import { powSecurity, requirePow } from '../abuse/proof-of-work.js';
import { rateLimit } from '../abuse/rate-limit.js';
import { errors, json, jsonBody, router, sectionRoutes, withEtag } from '../openapi.js';
import { backQuery } from '../pages/html.js';
import { followDialogue } from './follow.js';
import { alreadyFollowingMail, followConfirmationMail } from './mails.js';
import { registerCatalog } from './dcat.js';
import { DialogueFilter, DialogueId, FollowInput, PublicDialogue } from './schemas.js';
import { findPublicDialogue, listPublicDialogues } from './store.js';

const route = sectionRoutes('Dialogue register');

/** The published register: what residents see, and the municipality's open data. */
export function registerRoutes({ db, config, mailer }: Deps) {
  const app = router();
  const base = config.publicUrl.href.replace(/\/$/, '');
  app.post(
    '/:id/followers',
    rateLimit({ name: 'dialogue-follow', burst: { limit: 10, windowSeconds: 60 }, sustained: { limit: 200, windowSeconds: 3600 }, config }),
    requirePow({ db, config }),
  );
  const options = () => ({ diariumUrl: config.diariumUrl });

  app.openapi(
    route({
      method: 'get',
      path: '/',
      summary: 'The dialogue register, as open data',
      description:
        'Every published dialogue: planned, open and finished, with who is responsible, what residents can change, when they hear back, ' +
        'its channels and — once published — what came of it. Open ones first (closing soonest first), then planned, then finished (latest first). ' +
        'Filter by `phase`, `theme` or `district`.',
      request: { query: DialogueFilter },
      responses: { ...withEtag(z.object({ dialogues: z.array(PublicDialogue) }), 'The register, with an ETag; 304 when unchanged.'), ...errors(400) },
    }),
    async (c) => {
      return jsonWithEtag(c, { dialogues: await listPublicDialogues(db, c.req.valid('query'), options()) }) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/dcat',
      summary: 'The register’s metadata for open-data portals (DCAT-AP-SE)',
      description: 'A DCAT-AP-SE catalogue in RDF/XML describing the register as a dataset, for a national open-data portal (dataportal.se) to harvest.',
      responses: { 200: { content: { 'application/rdf+xml': { schema: z.string() } }, description: 'The catalogue.' } },
    }),
    async (c) => {
      c.header('Content-Type', 'application/rdf+xml; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(await registerCatalog(db, config)) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/{id}',
      summary: 'One published dialogue',
      request: { params: z.object({ id: DialogueId }) },
      responses: { ...withEtag(z.object({ dialogue: PublicDialogue }), 'The dialogue, with an ETag; 304 when unchanged.'), ...errors(400, 404) },
    }),
    async (c) => {
      const dialogue = await findPublicDialogue(db, c.req.valid('param').id, options());
      if (!dialogue) throw new ApiError(404, 'dialogue_not_found', 'There is no published dialogue with that number.');
      return jsonWithEtag(c, { dialogue }) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/{id}/followers',
      summary: 'Follow a dialogue: an e-mail when its feedback is published',
      security: powSecurity,
      description:
        'Mails a confirmation link; following starts once it is followed (double opt-in). An address that already follows gets a mail saying so, with a link to stop, ' +
        'and the same answer: no one learns who follows what. Every mail about it has a one-click link to stop following.',
      request: { params: z.object({ id: DialogueId }), ...jsonBody(FollowInput) },
      responses: { 202: json(z.object({ status: z.literal('check_your_email') }), 'Check your e-mail.'), ...errors(400, 404, 413, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const lang = input.lang ?? 'sv';
      refuseEmail(input.email, config);
      const followed = await followDialogue(db, c.req.valid('param').id, { email: input.email, lang });
      if (!followed) throw new ApiError(404, 'dialogue_not_found', 'There is no published dialogue with that number.');
      await mailer.send(
        followed.already
          ? alreadyFollowingMail(lang, input.email, followed.title, `${base}/sluta-folja/${followed.leaveToken}?lang=${lang}`)
          : followConfirmationMail(lang, input.email, followed.title, `${base}/bekrafta/dialog/${followed.token}?lang=${lang}${backQuery(config, input.returnTo)}`),
      );
      return c.json({ status: 'check_your_email' as const }, 202);
    },
  );

  return app;
}
