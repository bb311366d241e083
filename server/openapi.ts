import { z } from '@hono/zod-openapi';
import { ErrorBody } from './errors.js';

/** Response entries for createRoute(): JSON bodies and the shared error shape. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, errorDescriptions[s] ?? 'An error.')]));

const errorDescriptions: Record<number, string> = {
  400: 'The request is not valid; `issues` says what.',
  401: 'Not signed in.',
  403: 'Signed in, but the role may not do this; or a cross-origin write.',
  404: 'Not found.',
  409: 'Conflicts with what exists.',
  415: 'The body is not JSON.',
  429: 'Too many attempts; see Retry-After.',
};

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** Staff routes are authenticated by the session cookie. */
export const cookieAuth = [{ staffSession: [] }];
