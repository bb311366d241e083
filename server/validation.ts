import type { Hook } from '@hono/zod-openapi';
import { errorJson, zodIssues } from './errors.js';

/** Every request that fails its zod schema is answered the same way: 400 and the issues. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (!result.success) {
    const where = result.target === 'json' ? 'body' : result.target;
    return errorJson(c, 400, 'invalid_request', `The request's ${where} is not valid.`, zodIssues(result.error));
  }
  return undefined;
};
