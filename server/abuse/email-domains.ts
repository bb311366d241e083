import { createRequire } from 'node:module';
import type { Config } from '../config.js';
import { ApiError } from '../errors.js';
import { checkMail } from '../mail/mailer.js';

const require = createRequire(import.meta.url);

/** Why an address is refused: its domain is blocked (or throwaway), or not among the allowed ones. */
export type DomainRefusal = 'blocked' | 'not_allowed';

let disposable: { exact: Set<string>; wildcard: string[] } | undefined;

/** The disposable-email-domains list (throwaway mailboxes), read once on first use. */
function disposableDomains() {
  disposable ??= {
    exact: new Set(require('disposable-email-domains') as string[]),
    wildcard: require('disposable-email-domains/wildcard.json') as string[],
  };
  return disposable;
}

/** The domain and every parent domain: a.b.example.se → a.b.example.se, b.example.se, example.se, se. */
function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/**
 * Whether a resident's e-mail address may sign, propose or vote. EMAIL_DOMAINS_ALLOWED, when
 * set, is the only domains (and their subdomains) accepted; EMAIL_DOMAINS_BLOCKED are refused
 * with their subdomains; and unless BLOCK_DISPOSABLE_EMAIL=false, throwaway-mailbox domains
 * (the disposable-email-domains list) are refused, since one person could otherwise sign many
 * times.
 */
export function checkEmailDomain(email: string, policy: Config['emailDomains']): DomainRefusal | null {
  const domain = email.trim().toLowerCase().split('@').at(-1) ?? '';
  const chain = domainAndParents(domain);
  if (policy.allowed.length && !chain.some((d) => policy.allowed.includes(d))) return 'not_allowed';
  if (chain.some((d) => policy.blocked.includes(d))) return 'blocked';
  if (policy.blockDisposable) {
    const list = disposableDomains();
    if (list.exact.has(domain) || chain.slice(1).some((d) => list.wildcard.includes(d))) return 'blocked';
  }
  return null;
}

/**
 * Refuses, with a 400 at the form's e-mail field, an address that cannot receive our mail or
 * whose domain the policy does not accept.
 */
export function refuseEmail(email: string, config: Pick<Config, 'emailDomains'>): void {
  try {
    checkMail({ to: email, subject: 'x', text: 'x' });
  } catch {
    throw new ApiError(400, 'invalid_request', 'That e-mail address cannot receive mail.', [{ path: 'email', message: 'must be a single e-mail address' }]);
  }
  const refusal = checkEmailDomain(email, config.emailDomains);
  if (refusal) {
    throw new ApiError(400, 'email_domain_refused', 'Addresses from that e-mail domain are not accepted here.', [
      { path: 'email', message: refusal === 'not_allowed' ? 'use an address from one of the accepted domains' : 'addresses from this domain are not accepted (for example throwaway mailboxes)' },
    ]);
  }
}
