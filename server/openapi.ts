import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './http.js';
import { validationHook } from './validation.js';
import { ErrorBody } from './schemas.js';

/** Response entries for createRoute(): JSON bodies and the shared error shape. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A number in a path (`/{id}`): a whole number from 1 that fits the database's integer. */
export const pathId = (example: number, name = 'id') => z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name, in: 'path' }, example });

/** A JSON answer sent with an ETag (see jsonWithEtag), and the 304 for a copy that is still current. */
export const withEtag = <T extends z.ZodType>(schema: T, description: string) => ({
  200: json(schema, description),
  304: { description: 'Not modified since the ETag sent in If-None-Match.' },
});

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, errorDescriptions[s] ?? 'An error.')]));

const errorDescriptions: Record<number, string> = {
  413: 'The body is larger than the server accepts.',
  400: 'The request is not valid; `issues` says what.',
  401: 'Not signed in.',
  403: 'Signed in, but the role may not do this; or a cross-origin write.',
  404: 'Not found.',
  409: 'Conflicts with what exists.',
  415: 'The body is not JSON.',
  429: 'Too many attempts; see Retry-After.',
  503: 'The server is busy; try again after Retry-After.',
};

/**
 * A file to save (CSV, pabulib), for createRoute(): its media type and what it holds. Such a
 * route is answered by a plain handler (it sends text, not JSON), so its documentation is
 * registered beside it with `app.openAPIRegistry.registerPath()`.
 */
export const fileDownload = (mediaType: string, description: string) => ({
  content: { [mediaType]: { schema: z.string() } },
  description,
  headers: z.object({ 'Content-Disposition': z.string().openapi({ description: 'attachment; filename="…"' }) }),
});

/**
 * A component schema, or null. `.nullable()` on a schema registered with `.openapi('Name')`
 * documents it wrongly: zod-to-openapi then marks the component itself nullable everywhere, or
 * wraps it in an `allOf` that null cannot pass.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/**
 * The page a resident's form was sent from (the widgets send it). The page the mailed
 * confirmation link opens leads back to it when it is one of the municipality's own pages;
 * any other address is ignored.
 */
export const ReturnTo = z
  .string()
  .max(2000)
  .optional()
  .openapi({ description: 'The address of the page the form was sent from. The page the confirmation link opens links back to it, if it is on one of the municipality’s sites.' });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** Staff routes are authenticated by the session cookie. */
export const cookieAuth = [{ staffSession: [] }];

interface DocumentedOperation {
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

/**
 * Adds to a generated document the answers that app.ts's middleware gives before any route
 * runs, on every operation they can reach, so that no route has to repeat them: a write
 * refused for its origin (403) or its body's size (413) or type (415), and any request but an
 * event stream turned away under load (503). A 500 is not documented: it is never a designed
 * answer, and the tests hold every answer to the document.
 */
export function withMiddlewareAnswers<D extends { paths?: object }>(document: D): D {
  const error = (status: number) => ({ description: errorDescriptions[status]!, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  for (const methods of Object.values(document.paths ?? {}) as Record<string, DocumentedOperation>[]) {
    for (const [method, op] of Object.entries(methods)) {
      const responses = (op.responses ??= {});
      const stream = Object.values(responses).some((r) => r.content && 'text/event-stream' in r.content);
      const statuses = [...(['post', 'put', 'patch', 'delete'].includes(method) ? [403, 413, 415] : []), ...(stream ? [] : [503])];
      for (const status of statuses) responses[status] ??= error(status);
    }
  }
  return document;
}

/** A router whose requests that fail their schema get the one 400 answer (validation.ts). */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/**
 * createRoute() for one section (tag) of the document; a staff section passes `cookieAuth`,
 * so each of its operations says it needs the session.
 */
export const sectionRoutes =
  (tag: string, security?: typeof cookieAuth) =>
  <R extends Parameters<typeof createRoute>[0]>(r: R) =>
    createRoute({ tags: [tag], ...(security ? { security } : {}), ...r });
