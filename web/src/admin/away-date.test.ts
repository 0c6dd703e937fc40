import { describe, expect, it } from 'vitest';
import { awayUntilLabel, calendarTimeZoneOf, dayInTimeZone, formatDay, isStartOfDayIn } from './away-date.ts';

describe('away dates', () => {
  it('reads the calendar time zone of a pact document, and nothing else', () => {
    expect(calendarTimeZoneOf({ sla: { calendar: { timeZone: 'America/New_York' } } })).toBe('America/New_York');
    expect(calendarTimeZoneOf({ sla: { calendar: { timeZone: 'Mars/Olympus' } } })).toBeNull();
    expect(calendarTimeZoneOf({ sla: { calendar: {} } })).toBeNull();
    expect(calendarTimeZoneOf({ sla: [] })).toBeNull();
    expect(calendarTimeZoneOf(undefined)).toBeNull();
  });

  it('names the day an instant falls on in the calendar’s zone, not in UTC', () => {
    // The start of 15 Jan 2030 in New York is 05:00 UTC; one minute earlier is still the 14th there.
    expect(dayInTimeZone('2030-01-15T05:00:00.000Z', 'America/New_York')).toBe('2030-01-15');
    expect(dayInTimeZone('2030-01-15T04:59:00.000Z', 'America/New_York')).toBe('2030-01-14');
    expect(dayInTimeZone('2030-01-14T23:30:00.000Z', 'Europe/Berlin')).toBe('2030-01-15');
  });

  it('tells a day-start from a time of day, across summer time', () => {
    expect(isStartOfDayIn('2030-01-15T05:00:00.000Z', 'America/New_York')).toBe(true);
    expect(isStartOfDayIn('2030-07-15T04:00:00.000Z', 'America/New_York')).toBe(true);
    expect(isStartOfDayIn('2030-07-15T05:00:00.000Z', 'America/New_York')).toBe(false);
  });

  it('labels days and away-until instants for people', () => {
    expect(formatDay('2030-01-15')).toBe('15 Jan 2030');
    expect(formatDay('not a day')).toBe('not a day');
    expect(awayUntilLabel('2030-01-15T05:00:00.000Z', 'America/New_York')).toBe('15 Jan 2030');
    expect(awayUntilLabel('2030-01-15T14:30:00.000Z', 'America/New_York')).toBe('15 Jan 2030, 09:30');
  });
});
