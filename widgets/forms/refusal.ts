import { ApiRequestError } from '../shared/api.js';
import { msg } from '../shared/localize.js';
import { FormRefusal } from './post.js';

/** The form's own fields that a refusal names (the server's issue paths, e.g. "email" or "items.0"). */
export function refusedFields<F extends string>(err: unknown, fields: readonly F[]): F[] {
  const issues = err instanceof FormRefusal ? err.issues : [];
  return fields.filter((f) => issues.some((issue) => issue.path.split('.')[0] === f));
}

/** The refusal's code, '' for what is not an answer from the API. */
export const codeOf = (err: unknown) => (err instanceof ApiRequestError ? err.code : '');

/**
 * What to say of a refusal that no field is to blame for: too many from here (with the whole
 * minutes to wait, at least one), the security check not done, or that it could not be sent.
 * `tooMany` and `failed` are in the widget's own words (what was sent: a signature, a
 * ballot …). Called while handling the refusal; the text it returns is made while rendering,
 * so it is in the element's language.
 */
export function refusalText(err: unknown, tooMany: (minutes: number) => string, failed: () => string): () => string {
  if (err instanceof FormRefusal && err.status === 429) {
    const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
    return () => tooMany(minutes);
  }
  if (codeOf(err).startsWith('pow_')) return () => msg('Säkerhetskontrollen blev inte klar. Försök skicka igen.', { id: 'forms.pow-failed' });
  return failed;
}
