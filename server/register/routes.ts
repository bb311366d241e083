import { z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { jsonWithEtag } from '../http.js';
import { errors, json, router, sectionRoutes } from '../openapi.js';
import { registerCatalog } from './dcat.js';
import { DialogueFilter, DialogueId, PublicDialogue } from './schemas.js';
import { findPublicDialogue, listPublicDialogues } from './store.js';

const route = sectionRoutes('Dialogue register');

/** The published register: what residents see, and the municipality's open data. */
export function registerRoutes({ db, config }: Deps) {
  const app = router();
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
      responses: { 200: json(z.object({ dialogues: z.array(PublicDialogue) }), 'The register, with an ETag; 304 when unchanged.'), 304: { description: 'Not modified.' }, ...errors(400) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-cache');
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
      responses: { 200: json(z.object({ dialogue: PublicDialogue }), 'The dialogue, with an ETag; 304 when unchanged.'), 304: { description: 'Not modified.' }, ...errors(400, 404) },
    }),
    async (c) => {
      const dialogue = await findPublicDialogue(db, c.req.valid('param').id, options());
      if (!dialogue) throw new ApiError(404, 'dialogue_not_found', 'There is no published dialogue with that number.');
      c.header('Cache-Control', 'no-cache');
      return jsonWithEtag(c, { dialogue }) as never;
    },
  );

  return app;
}
