import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize-email.ts';

const domains = fc.oneof(fc.domain(), fc.constantFrom('gmail.com', 'googlemail.com', 'acme.com', 'mail.acme.co.uk'));
// Room for a +tag: the local part of the variant must still fit in 64 characters.
const addresses = fc.emailAddress().filter((address) => address.indexOf('@') <= 48);
const gmailLocalParts = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 30 });
const tagCharacters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+=!#$%&*~'.split(''));
const tags = fc.string({ unit: tagCharacters, minLength: 0, maxLength: 12 }).filter((tag) => !tag.startsWith('.') && !tag.endsWith('.') && !tag.includes('..'));
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), maxLength: 4 });
const caseFlips = fc.array(fc.boolean(), { maxLength: 120 });

function flipCase(text: string, flips: readonly boolean[]): string {
  return [...text].map((char, index) => (flips[index] ? (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()) : char)).join('');
}

function insertDots(local: string, positions: readonly number[]): string {
  const cuts = new Set(positions.map((position) => 1 + (position % Math.max(1, local.length - 1))).filter((cut) => cut < local.length));
  return [...local].map((char, index) => (cuts.has(index) ? `.${char}` : char)).join('');
}

function matchKeyOf(address: string): string {
  const result = normalizeEmail(address);
  if (!result.ok) throw new Error(`${JSON.stringify(address)} refused: ${result.reason}`);
  return result.matchKey;
}

describe('normalizeEmail match key (properties)', () => {
  it('is unchanged by case, surrounding whitespace and a +tag, for any address', () => {
    fc.assert(
      fc.property(addresses, caseFlips, whitespace, whitespace, tags, (address, flips, before, after, tag) => {
        const [local = '', domain = ''] = address.split('@');
        const variant = `${before}${flipCase(`${local}+${tag}`, flips)}@${flipCase(domain, flips.slice(3))}${after}`;
        expect(matchKeyOf(variant)).toBe(matchKeyOf(address));
      }),
      { numRuns: 500 },
    );
  });

  it('is unchanged by dots in a Gmail mailbox and by gmail.com ↔ googlemail.com', () => {
    fc.assert(
      fc.property(
        gmailLocalParts,
        fc.constantFrom('gmail.com', 'googlemail.com'),
        fc.constantFrom('gmail.com', 'googlemail.com', 'GMail.com', 'GOOGLEMAIL.COM'),
        fc.array(fc.nat(), { maxLength: 10 }),
        tags,
        caseFlips,
        whitespace,
        (local, domain, variantDomain, dotPositions, tag, flips, space) => {
          const original = `${local}@${domain}`;
          const variant = `${space}${flipCase(insertDots(local, dotPositions), flips)}+${tag}@${variantDomain}${space}`;
          expect(matchKeyOf(variant)).toBe(matchKeyOf(original));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tells apart two non-Gmail mailboxes that differ other than by +tag and case', () => {
    const mailbox = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-'.split('')), minLength: 1, maxLength: 20 }).filter((local) => !local.startsWith('.') && !local.endsWith('.') && !local.includes('..'));
    fc.assert(
      fc.property(mailbox, mailbox, tags, tags, domains.filter((domain) => domain !== 'gmail.com' && domain !== 'googlemail.com'), (first, second, firstTag, secondTag, domain) => {
        fc.pre(first.toLowerCase() !== second.toLowerCase());
        expect(matchKeyOf(`${first}+${firstTag}@${domain}`)).not.toBe(matchKeyOf(`${second}+${secondTag}@${domain}`));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: normalizing a normalized address changes nothing', () => {
    fc.assert(
      fc.property(addresses, (address) => {
        const once = normalizeEmail(address);
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        expect(normalizeEmail(once.email)).toEqual(once);
      }),
    );
  });
});
