import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingHours, demoSalesHours, HOUR_MS, isoDate, localHourOfDay, localWeekday, newYorkUtcOffsetHours, nextWorkingInstant } from './demo-calendar-math.ts';

const isWorking = (ms: number) => {
  const offset = demoSalesHours.utcOffsetHoursAt(ms);
  const hour = localHourOfDay(ms, offset);
  return localWeekday(ms, offset) <= 5 && hour >= demoSalesHours.startHour && hour <= demoSalesHours.endHour;
};

describe('demo calendar math', () => {
  it('reads local weekdays and dates', () => {
    // 2026-03-16 is a Monday; 03:00 UTC is still Sunday evening in New York (UTC−4 by then).
    const mondayEarlyUtc = Date.parse('2026-03-16T03:00:00Z');
    expect(localWeekday(mondayEarlyUtc, 0)).toBe(1);
    expect(localWeekday(mondayEarlyUtc, -4)).toBe(7);
    expect(localHourOfDay(mondayEarlyUtc, -4)).toBe(23);
    expect(isoDate(mondayEarlyUtc)).toBe('2026-03-16');
  });

  it('follows New York daylight saving time', () => {
    expect(newYorkUtcOffsetHours(Date.parse('2026-01-15T12:00:00Z'))).toBe(-5);
    expect(newYorkUtcOffsetHours(Date.parse('2026-03-08T06:59:00Z'))).toBe(-5);
    expect(newYorkUtcOffsetHours(Date.parse('2026-03-08T07:00:00Z'))).toBe(-4);
    expect(newYorkUtcOffsetHours(Date.parse('2025-07-04T12:00:00Z'))).toBe(-4);
    expect(newYorkUtcOffsetHours(Date.parse('2025-11-02T05:59:00Z'))).toBe(-4);
    expect(newYorkUtcOffsetHours(Date.parse('2025-11-02T06:00:00Z'))).toBe(-5);
  });

  it('agrees with the time-zone database on New York office hours', () => {
    const hourIn = (ms: number) => Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(ms));
    for (let ms = Date.parse('2024-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 7 * HOUR_MS) {
      expect(Math.floor(localHourOfDay(ms, newYorkUtcOffsetHours(ms))), new Date(ms).toISOString()).toBe(hourIn(ms));
    }
  });

  it('moves a Saturday instant to Monday 09:00 local', () => {
    const saturday = Date.parse('2026-03-14T15:00:00Z');
    expect(new Date(nextWorkingInstant(saturday, demoSalesHours)).toISOString()).toBe('2026-03-16T13:00:00.000Z');
  });

  it('carries working hours over the night', () => {
    // Friday 16:00 in New York + 3 working hours = Monday 11:00.
    const fridayFourPm = Date.parse('2026-03-13T20:00:00Z');
    expect(new Date(addWorkingHours(fridayFourPm, 3, demoSalesHours)).toISOString()).toBe('2026-03-16T15:00:00.000Z');
  });

  it('always lands in working hours, never before the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }), fc.double({ min: 0, max: 200, noNaN: true }), (start, hours) => {
        const end = addWorkingHours(start, hours, demoSalesHours);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(isWorking(end)).toBe(true);
        // At most eight working hours a day: never faster than the clock.
        expect(end - start).toBeGreaterThanOrEqual(hours * HOUR_MS - 1);
      }),
    );
  });
});
