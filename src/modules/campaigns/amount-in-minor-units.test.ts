import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInMinorUnits } from './amount-in-minor-units.ts';

describe('amountInMinorUnits', () => {
  it('reads currency units into minor units of the currency', () => {
    expect(amountInMinorUnits('12000.00', 'USD')).toEqual({ ok: true, minorUnits: 1_200_000 });
    expect(amountInMinorUnits('12,000.5', 'EUR')).toEqual({ ok: true, minorUnits: 1_200_050 });
    expect(amountInMinorUnits('1.005', 'BHD')).toEqual({ ok: true, minorUnits: 1005 });
    expect(amountInMinorUnits('5000', 'JPY')).toEqual({ ok: true, minorUnits: 5000 });
    expect(amountInMinorUnits('0', 'USD')).toEqual({ ok: true, minorUnits: 0 });
    expect(amountInMinorUnits('10.10', 'USD')).toEqual({ ok: true, minorUnits: 1010 });
  });

  it('refuses what is not an amount, negatives and more decimals than the currency has', () => {
    for (const text of ['', 'twelve', '-5', '1,2', '12.000,00']) expect(amountInMinorUnits(text, 'USD').ok, text).toBe(false);
    expect(amountInMinorUnits('1.005', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('USD has 2 decimals') });
    expect(amountInMinorUnits('12.5', 'JPY').ok).toBe(false);
  });

  it('round-trips any cent amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        expect(amountInMinorUnits(text, 'USD')).toEqual({ ok: true, minorUnits: cents });
      }),
    );
  });
});
