import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfDayInTimeZone } from './start-of-day-in-time-zone.ts';

describe('startOfDayInTimeZone', () => {
  it('gives local midnight as an instant, honouring daylight saving', () => {
    expect(startOfDayInTimeZone('2026-12-24', 'America/New_York').toISOString()).toBe('2026-12-24T05:00:00.000Z');
    expect(startOfDayInTimeZone('2026-07-04', 'America/New_York').toISOString()).toBe('2026-07-04T04:00:00.000Z');
    expect(startOfDayInTimeZone('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayInTimeZone('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfDayInTimeZone('2026-06-01', 'Europe/Berlin').toISOString()).toBe('2026-05-31T22:00:00.000Z');
    expect(startOfDayInTimeZone('2026-01-15', 'Asia/Kolkata').toISOString()).toBe('2026-01-14T18:30:00.000Z');
    expect(startOfDayInTimeZone('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('gives the first instant of the day where clocks jump over midnight', () => {
    // São Paulo sprang forward from 00:00 to 01:00 on 4 November 2018.
    expect(startOfDayInTimeZone('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
    // …and fell back from 00:00 to 23:00 the evening before 17 February 2019.
    expect(startOfDayInTimeZone('2019-02-17', 'America/Sao_Paulo').toISOString()).toBe('2019-02-17T03:00:00.000Z');
  });

  it('always lands on that day at 00:00 local time', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Tokyo', 'America/Sao_Paulo', 'Pacific/Auckland'];
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (date, zone) => {
        const day = date.toISOString().slice(0, 10);
        const start = startOfDayInTimeZone(day, zone);
        const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
        // 00:00, or 01:00 on the days a zone springs forward at midnight.
        expect([`${day}, 00:00`, `${day}, 01:00`]).toContain(local);
      }),
    );
  });
});
