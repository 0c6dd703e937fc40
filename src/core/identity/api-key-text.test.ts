import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatApiKey, looksLikeApiKey, parseApiKey } from './api-key-text.ts';

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 12, maxLength: 12 });
const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 43, maxLength: 43 });

describe('API key text', () => {
  it('parses back what it formats, whatever the secret holds (underscores included)', () => {
    fc.assert(
      fc.property(hex, base64url, (prefix, secret) => {
        const text = formatApiKey({ prefix, secret });
        expect(looksLikeApiKey(text)).toBe(true);
        expect(parseApiKey(text)).toEqual({ prefix, secret });
      }),
    );
  });

  it('refuses anything else without throwing', () => {
    for (const text of ['', 'lp_', 'lp_0123456789ab_short', 'lp_0123456789AB_' + 'a'.repeat(43), 'xx_0123456789ab_' + 'a'.repeat(43), 'lp_0123456789ab_' + 'a'.repeat(44)]) {
      expect(parseApiKey(text), text).toBeNull();
    }
  });
});
