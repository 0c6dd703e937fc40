/**
 * Domain names as leadpact compares them: lowercase host names without `www.`, scheme, port or
 * path. Internationalised names are kept in their Unicode form (no punycode conversion), so an
 * e-mail domain and a website domain typed the same way compare equal.
 */

const labelPattern = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?$/u;
const topLevelPattern = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/u;

/**
 * Why `domain` (already lowercased, no trailing dot) is not a host name we accept, or null when
 * it is one. Requires at least two labels and an alphabetic top-level label, so IP addresses and
 * intranet names such as `localhost` are refused.
 */
export function domainProblem(domain: string): string | null {
  if (domain === '') return 'domain is empty';
  if (domain.length > 253) return 'domain is longer than 253 characters';
  if (/\s/u.test(domain)) return 'domain contains spaces';
  if (!domain.includes('.')) return 'domain has no dot';
  const labels = domain.split('.');
  if (labels.some((label) => label === '')) return 'domain has an empty part (two dots in a row, or a dot at the start or end)';
  for (const label of labels) {
    if (label.length > 63) return `domain part "${label.slice(0, 20)}…" is longer than 63 characters`;
    if (label.startsWith('-') || label.endsWith('-')) return `domain part "${label}" starts or ends with a hyphen`;
    if (!labelPattern.test(label)) return `domain part "${label}" has characters that are not allowed`;
  }
  const topLevel = labels[labels.length - 1] ?? '';
  if (!topLevelPattern.test(topLevel)) return `domain ending ".${topLevel}" is not valid`;
  return null;
}

/**
 * The host of a website as typed in a form ("https://user@www.Acme.com:8080/about?x=1" →
 * "acme.com"), or null when what is left is not a domain (an IP address, a bare word, an e-mail
 * text with spaces …). Strips scheme, credentials, a leading `www.`/`www2.`, port, path, query and
 * fragment; lowercases. Never resolves anything over the network.
 */
export function domainFromWebsite(raw: string): string | null {
  let host = raw.trim().toLowerCase();
  if (host === '' || /\s/u.test(host)) return null;
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '').replace(/^\/\//u, '');
  host = host.split(/[/?#\\]/u, 1)[0] ?? '';
  const credentialsEnd = host.lastIndexOf('@');
  if (credentialsEnd >= 0) host = host.slice(credentialsEnd + 1);
  host = host.replace(/:\d*$/u, '').replace(/\.$/u, '').replace(/^www\d*\./u, '');
  return domainProblem(host) === null ? host : null;
}

// Second-level labels that, under a two-letter country TLD, are registries rather than
// organisations (co.uk, com.au, co.jp, com.br, co.in, or.jp, gov.uk, gob.mx, ac.uk …). A rule
// instead of the Public Suffix List: it needs no download and is right for the domains leads
// actually come from; the rare miss only makes two sibling subdomains look unrelated.
const registrySecondLevels = new Set([
  'co', 'com', 'net', 'org', 'edu', 'gov', 'govt', 'gob', 'gouv', 'mil', 'ac', 'or', 'ne', 'go',
  'ltd', 'plc', 'sch', 'nhs', 'nic', 'nom', 'biz', 'info', 'int', 'firm', 'gen', 'ind', 'asn', 'web', 'med',
]);

/**
 * The part of a domain an organisation registers, for matching ("mail.acme.co.uk" →
 * "acme.co.uk", "eu.acme.com" → "acme.com"). Expects a lowercase domain as returned by
 * `domainFromWebsite` or `normalizeEmail`; returns short domains unchanged.
 */
export function registrableDomain(domain: string): string {
  const labels = domain.split('.');
  if (labels.length <= 2) return domain;
  const topLevel = labels[labels.length - 1] ?? '';
  const secondLevel = labels[labels.length - 2] ?? '';
  const keep = topLevel.length === 2 && registrySecondLevels.has(secondLevel) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when `domain` is `parent` or one of its subdomains ("eu.acme.com" is within "acme.com"). */
export function isWithinDomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}
