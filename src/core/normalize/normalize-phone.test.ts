import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.ts';

describe('normalizePhone', () => {
  it('reads the usual ways of writing a number', () => {
    const cases: [string, string, string][] = [
      ['(415) 555-2671', 'US', '+14155552671'],
      ['415.555.2671', 'US', '+14155552671'],
      ['415 555 2671', 'US', '+14155552671'],
      ['+1 415-555-2671', 'DE', '+14155552671'],
      ['1-415-555-2671', 'US', '+14155552671'],
      ['011 44 20 7946 0958', 'US', '+442079460958'],
      ['020 7946 0958', 'GB', '+442079460958'],
      ['+44 (0)20 7946 0958', 'US', '+442079460958'],
      ['0049 30 901820', 'US', '+4930901820'],
      ['0049 30 901820', 'DE', '+4930901820'],
      ['030 901820', 'DE', '+4930901820'],
      ['+33 1 42 68 53 00', 'US', '+33142685300'],
      ['06 12 34 56 78', 'FR', '+33612345678'],
      ['+91 98200 12345', 'US', '+919820012345'],
      ['+61 2 9876 5432', 'US', '+61298765432'],
      ['  +1 (415) 555-2671 ext. 12 ', 'US', '+14155552671'],
      ['+1 415 555 2671 x12', 'US', '+14155552671'],
      ['+81 3-1234-5678', 'US', '+81312345678'],
    ];
    for (const [raw, region, e164] of cases) {
      expect(normalizePhone(raw, region), `${raw} in ${region}`).toEqual({ e164, valid: true });
    }
  });

  it('gives the same result for its own output (idempotent)', () => {
    const first = normalizePhone('(415) 555-2671', 'US');
    expect(normalizePhone(first.e164 ?? '', 'FR')).toEqual(first);
  });

  it('refuses impossible numbers with a reason', () => {
    const cases: [string, string, RegExp][] = [
      ['', 'US', /empty/],
      ['12', 'US', /too short/],
      ['555-123', 'US', /too short|not a valid|length/],
      ['0000000000', 'US', /all digits the same/],
      ['1111111111', 'US', /all digits the same/],
      ['+1 111 111 1111', 'US', /all digits the same/],
      ['99999', 'DE', /all digits the same/],
      ['1234567890', 'US', /sequence/],
      ['+1 234 567 8901', 'US', /sequence/],
      ['0123456789', 'GB', /sequence/],
      ['9876543210', 'IN', /sequence/],
      ['call me maybe', 'US', /letters/],
      ['1-800-FLOWERS', 'US', /letters/],
      ['555 12x4 567', 'US', /letters/],
      ['+1 415 555 2671; 2', 'US', /characters/],
      ['+1 415 123 4567', 'US', /not a valid number for country code \+1/],
      ['415 123 4567', 'US', /not a valid number in US/],
      ['+33 1 23 45 67 89', 'US', /sequence/],
      ['+999 1234 5678', 'US', /unknown country code|not a phone number/],
      ['4155552671', 'ZZ', /no default region/],
      ['+1 415 555 2671 1234 5678 9', 'US', /too long/],
    ];
    for (const [raw, region, reason] of cases) {
      const result = normalizePhone(raw, region);
      expect(result.valid, raw).toBe(false);
      expect(result.e164, raw).toBeNull();
      expect(result.reason, raw).toMatch(reason);
    }
  });

  it('uses the default region only for numbers without a country code', () => {
    expect(normalizePhone('+49 30 901820', 'US').e164).toBe('+4930901820');
    expect(normalizePhone('30 901820', 'DE').e164).toBe('+4930901820');
    expect(normalizePhone('+49 30 901820', 'ZZ').e164).toBe('+4930901820');
  });
});
