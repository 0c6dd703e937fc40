import type { EmailKind } from '../rules/lead-facts.ts';
import { disposableMailDomains } from './disposable-mail-domains.ts';
import { freeMailDomains } from './free-mail-domains.ts';
import { isWithinDomain } from './normalize-domain.ts';
import { roleLocalParts } from './role-local-parts.ts';

export { disposableMailDomains } from './disposable-mail-domains.ts';
export { freeMailDomains } from './free-mail-domains.ts';
export { roleLocalParts } from './role-local-parts.ts';

/**
 * What kind of mailbox an address is: `disposable` beats `free` beats `role` beats `business`;
 * `missing` for null. Expects an address as `normalizeEmail` returns it (lowercase); a text
 * without "@" is read as having no domain and so counts as `business` only if nothing else fits.
 * Subdomains of a listed domain count (`eu.mailinator.com` is disposable). `extraFreeDomains`
 * are the pact's additions to the built-in free-mail list.
 */
export function classifyEmail(email: string | null, extraFreeDomains: readonly string[] = []): EmailKind {
  if (email === null) return 'missing';
  const address = email.trim().toLowerCase();
  if (address === '') return 'missing';
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  if (isListed(domain, disposableMailDomains)) return 'disposable';
  if (isListed(domain, freeMailDomains)) return 'free';
  if (domain !== '' && extraFreeDomains.some((extra) => isWithinDomain(domain, extra.trim().toLowerCase()))) return 'free';
  const tagStart = local.indexOf('+', 1);
  const mailbox = tagStart < 0 ? local : local.slice(0, tagStart);
  if (roleLocalParts.has(mailbox)) return 'role';
  return 'business';
}

/** True when the domain or one of its parent domains is in the list. */
function isListed(domain: string, list: ReadonlySet<string>): boolean {
  if (domain === '') return false;
  for (let candidate = domain; ; ) {
    if (list.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}
