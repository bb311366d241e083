import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../http.js';
import { errors, json } from '../openapi.js';
import { validationHook } from '../validation.js';
import { findPublicPetition, listPublicPetitions } from './public.js';
import { PetitionId, PetitionList, PetitionQuery, PublicPetition } from './schemas.js';

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ tags: ['Petitions'], ...r });

/** The open data of e-petitions: statuses, texts, counts and answers; never an e-mail address. */
export function petitionRoutes({ db }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    route({
      method: 'get',
      path: '/api/petitions',
      summary: 'Public petitions: open, closed and answered',
      request: { query: PetitionQuery },
      responses: { 200: json(PetitionList, 'Petitions, newest first (at most 200).'), ...errors(400) },
    }),
    async (c) => {
      // Counts change with every signature; a short cache keeps them nearly live and cheap.
      c.header('Cache-Control', 'public, max-age=5');
      return c.json({ petitions: await listPublicPetitions(db, c.req.valid('query')) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/petitions/{id}',
      summary: 'One public petition',
      request: { params: z.object({ id: PetitionId }) },
      responses: { 200: json(PublicPetition, 'The petition.'), ...errors(400, 404) },
    }),
    async (c) => {
      const petition = await findPublicPetition(db, c.req.valid('param').id);
      if (!petition) throw new ApiError(404, 'petition_not_found', 'There is no public petition with that number.');
      c.header('Cache-Control', 'public, max-age=5');
      return c.json(petition, 200);
    },
  );

  return app;
}
