import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmployeeCount } from './parse-employee-count.ts';
import { parseIsoDateTime } from './parse-iso-datetime.ts';
import { parseMoneyMinorUnits } from './parse-money-minor-units.ts';

const withThousands = (value: number): string => value.toLocaleString('en-US');

describe('parseEmployeeCount', () => {
  it.each([
    ['1200', 1200, false],
    ['1,200', 1200, false],
    ['1200.0', 1200, false],
    ['0', 0, false],
    ['51-200', 126, true],
    ['51 – 200', 126, true],
    ['1-10', 6, true],
    ['10,001+', 10001, true],
    ['1000 to 5000', 3000, true],
  ])('reads %s as %d', (text, employees, estimated) => {
    expect(parseEmployeeCount(text)).toEqual({ ok: true, employees, estimated });
  });

  it.each(['many', '12.5', '-3', '1,2', '200-51', '', '1,20,000'])('refuses %j', (text) => {
    const result = parseEmployeeCount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`"${text}"`);
  });

  it('reads any whole number written with thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (count) => {
      expect(parseEmployeeCount(withThousands(count))).toEqual({ ok: true, employees: count, estimated: false });
    }));
  });
});

describe('parseMoneyMinorUnits', () => {
  it.each([
    ['1200', 120000],
    ['$1,234.56', 123456],
    ['1234.5', 123450],
    ['1.005', 101],
    ['1.004', 100],
    ['€ 99', 9900],
    ['1200 EUR', 120000],
    ['USD 1,200.00', 120000],
    ['1.2E7', 1200000000],
    ['.5', 50],
  ])('reads %s as %d minor units', (text, minorUnits) => {
    expect(parseMoneyMinorUnits(text)).toEqual({ ok: true, minorUnits });
  });

  it.each(['-5', 'lots', '1,2', '12..5', '$', '1 000'])('refuses %j', (text) => {
    expect(parseMoneyMinorUnits(text).ok).toBe(false);
  });

  it('round-trips any amount in cents written as a currency-formatted decimal', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => {
      const text = `$${withThousands(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseMoneyMinorUnits(text)).toEqual({ ok: true, minorUnits: cents });
    }));
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-03-01T09:30:00Z', '2024-03-01T09:30:00Z'],
    ['2024-03-01T09:30:00.000+0000', '2024-03-01T09:30:00.000+00:00'],
    ['2024-03-01 09:30:00+01:00', '2024-03-01T09:30:00+01:00'],
    ['2024-03-01T09:30-05', '2024-03-01T09:30:00-05:00'],
    ['2024-02-29T00:00:00z', '2024-02-29T00:00:00Z'],
  ])('reads %s', (text, isoDateTime) => {
    expect(parseIsoDateTime(text)).toEqual({ ok: true, isoDateTime });
  });

  it('refuses a date-time without an offset and says why', () => {
    const result = parseIsoDateTime('2024-03-01 09:30');
    expect(result).toEqual({ ok: false, message: '"2024-03-01 09:30" is not an ISO date-time — it needs a time zone (Z or +hh:mm)' });
  });

  it.each(['yesterday', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01T24:00:00Z', '01/03/2024 09:30'])('refuses %j', (text) => {
    expect(parseIsoDateTime(text).ok).toBe(false);
  });
});
