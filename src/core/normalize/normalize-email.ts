import { domainProblem } from './normalize-domain.ts';

export type NormalizedEmail =
  | { ok: true; email: string; domain: string; matchKey: string }
  | { ok: false; reason: string };

// RFC 5322 dot-atom characters, plus any Unicode letter or digit (RFC 6531 addresses such as
// "jörg@…" are real and common in lead data). Quoted local parts are refused: no form sends them.
const localPartPattern = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;

const gmailDomains = new Set(['gmail.com', 'googlemail.com']);

/**
 * Checks and normalizes an e-mail address. `email` is the trimmed, lowercased address (the
 * whole address: mailboxes that differ only by case are the same person in practice);
 * `matchKey` is for finding the same person only — never for sending — with the `+tag` removed
 * for every domain and, for Gmail, dots removed and googlemail.com read as gmail.com. The
 * reason of a refusal says what is wrong in words a user understands ("missing @").
 */
export function normalizeEmail(raw: string): NormalizedEmail {
  const email = raw.trim().normalize('NFC').toLowerCase();
  if (email === '') return { ok: false, reason: 'is empty' };
  if (/\s/u.test(email)) return { ok: false, reason: 'contains spaces' };
  const at = email.indexOf('@');
  if (at < 0) return { ok: false, reason: 'missing @' };
  if (email.indexOf('@', at + 1) >= 0) return { ok: false, reason: 'has more than one @' };
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') return { ok: false, reason: 'nothing before the @' };
  if (local.length > 64) return { ok: false, reason: 'the part before the @ is longer than 64 characters' };
  if (!localPartPattern.test(local)) {
    const misplacedDot = /^\.|\.$|\.\./u.test(local);
    return { ok: false, reason: `the part before the @ ${misplacedDot ? 'has a misplaced dot' : 'has characters that are not allowed'}` };
  }
  if (domain === '') return { ok: false, reason: 'nothing after the @' };
  const problem = domainProblem(domain);
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, email, domain, matchKey: emailMatchKey(local, domain) };
}

function emailMatchKey(local: string, domain: string): string {
  // The tag starts at the first "+" after the first character, so a mailbox that itself begins
  // with "+" keeps a non-empty key and adding a tag to it still changes nothing.
  const tagStart = local.indexOf('+', 1);
  let base = tagStart < 0 ? local : local.slice(0, tagStart);
  let matchDomain = domain;
  if (gmailDomains.has(domain)) {
    base = base.replaceAll('.', '');
    matchDomain = 'gmail.com';
  }
  return `${base}@${matchDomain}`;
}
