import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../normalize/normalize-phone.ts';
import { demoCountries } from './demo-countries.ts';
import { impossiblePhones, typedPhoneNumber } from './demo-phone-numbers.ts';
import { SeededRandom } from './seeded-random.ts';

// Checked with the capture pipeline's own phone reader, which uses the full libphonenumber metadata.
describe('typed phone numbers', () => {
  it('are valid numbers of the person’s country in every way they are written', () => {
    const random = new SeededRandom(11);
    for (const country of demoCountries) {
      for (let index = 0; index < 400; index += 1) {
        const national = typedPhoneNumber(country.code, random, true);
        expect(normalizePhone(national, country.code).valid, `${country.code} ${national}`).toBe(true);
        // Written without the country beside it, the number must carry its country code.
        const international = typedPhoneNumber(country.code, random, false);
        expect(international.startsWith('+'), international).toBe(true);
        expect(normalizePhone(international, 'US').valid, `${country.code} ${international}`).toBe(true);
      }
    }
  });

  it('come in more than one written form', () => {
    const random = new SeededRandom(5);
    const forms = new Set(Array.from({ length: 200 }, () => typedPhoneNumber('US', random, true).replace(/\d/g, '9')));
    expect(forms.size).toBeGreaterThan(4);
  });

  it('plant impossible numbers that no demo country accepts', () => {
    for (const phone of impossiblePhones) {
      for (const country of demoCountries) expect(normalizePhone(phone, country.code).valid, `${phone} in ${country.code}`).toBe(false);
    }
  });
});
