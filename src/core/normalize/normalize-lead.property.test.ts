import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeadInput } from '../lead/lead-input.ts';
import { normalizeLeadInput } from './normalize-lead.ts';

const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '\t', '  '), text, fc.constantFrom('', ' ', '\n')).map(([before, value, after]) => `${before}${value}${after}`);

const phones = fc.oneof(
  fc.constantFrom('(415) 555-2671', '+44 20 7946 0958', '0049 30 901820', '030 901820', '1234567890', '0000000000', 'call me', '555', '+1 415 123 4567'),
  fc.string({ unit: fc.constantFrom(...'0123456789 +-().'.split('')), maxLength: 20 }),
);
const countries = fc.oneof(
  fc.constantFrom('US', 'usa', 'U.K.', 'Deutschland', 'Россия', 'Korea, Republic of', "Côte d'Ivoire", 'Atlantis', 'n/a', 'Holland', 'CHE'),
  fc.string({ maxLength: 12 }),
);
const leads: fc.Arbitrary<LeadInput> = fc.record(
  {
    email: padded(fc.oneof(fc.emailAddress(), fc.constantFrom('Jane.Doe+x@GoogleMail.com', 'INFO@acme.io'))),
    firstName: padded(fc.string({ maxLength: 15 })),
    lastName: padded(fc.string({ maxLength: 15 })),
    title: padded(fc.constantFrom('CEO', 'Head of Marketing', 'Student', 'Software Engineer', '')),
    phone: padded(phones),
    company: padded(fc.string({ maxLength: 20 })),
    website: padded(fc.oneof(fc.webUrl(), fc.domain(), fc.string({ maxLength: 10 }))),
    country: padded(countries),
    externalSource: fc.constantFrom('hubspot', 'Salesforce'),
    externalId: fc.string({ minLength: 1, maxLength: 8 }),
  },
  { requiredKeys: ['email'] },
);
const regions = fc.constantFrom('US', 'GB', 'DE', 'FR', 'IN');

describe('normalizeLeadInput (properties)', () => {
  it('is deterministic', () => {
    fc.assert(
      fc.property(leads, regions, (input, region) => {
        expect(normalizeLeadInput(input, { defaultPhoneRegion: region })).toEqual(normalizeLeadInput(input, { defaultPhoneRegion: region }));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on its own e-mail, phone and country', () => {
    fc.assert(
      fc.property(leads, regions, (input, region) => {
        const once = normalizeLeadInput(input, { defaultPhoneRegion: region });
        if (!once.ok) return;
        const { lead } = once;
        const again = normalizeLeadInput(
          {
            ...(lead.email !== null && { email: lead.email }),
            ...(lead.phone !== null && { phone: lead.phone }),
            ...(lead.country !== null && { country: lead.country }),
            ...(lead.externalId !== null && { externalSource: lead.externalSource ?? '', externalId: lead.externalId }),
          },
          { defaultPhoneRegion: region },
        );
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect({
          email: again.lead.email,
          emailMatchKey: again.lead.emailMatchKey,
          emailKind: again.lead.emailKind,
          phone: again.lead.phone,
          phoneValid: again.lead.phoneValid,
          country: again.lead.country,
        }).toEqual({
          email: lead.email,
          emailMatchKey: lead.emailMatchKey,
          emailKind: lead.emailKind,
          phone: lead.phone,
          phoneValid: lead.phoneValid,
          country: lead.country,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never refuses a lead for anything but its e-mail', () => {
    fc.assert(
      fc.property(leads, regions, (input, region) => {
        const result = normalizeLeadInput(input, { defaultPhoneRegion: region });
        if (!result.ok) expect(result.issues.every((issue) => issue.path === 'email')).toBe(true);
        else for (const warning of result.warnings) expect(['phone', 'country', 'website']).toContain(warning.path);
      }),
      { numRuns: 300 },
    );
  });
});
