import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from '@hono/zod-openapi';
import type { ErrorBody, Issue } from './schemas.js';

/** An error meant for the client: its status, a stable code and a plain message. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(status, { message });
  }
}

const codeByStatus: Partial<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
};

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string, issues?: Issue[]) {
  const body: ErrorBody = {
    error: { status, code, message, ...(issues ? { issues } : {}) },
    requestId: c.get('requestId') as string | undefined,
  };
  return c.json(body, status);
}

/** Maps whatever was thrown to the error shape; only unknown errors become a 500. */
export function toErrorResponse(c: Context, err: unknown) {
  if (err instanceof ApiError) return errorJson(c, err.status as ContentfulStatusCode, err.code, err.message, err.issues);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return errorJson(c, status, codeByStatus[status] ?? (status >= 500 ? 'server_error' : 'invalid_request'), err.message || 'The request could not be handled.');
  }
  if (err instanceof SyntaxError || (err instanceof Error && err.name === 'BodyLimitError')) {
    return errorJson(c, 400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return null;
}

/** zod issues as the client reads them: a dotted path and what was wrong there. */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
