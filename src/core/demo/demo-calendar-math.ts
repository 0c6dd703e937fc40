/**
 * Day and business-hour arithmetic for the demo. Leads' own countries use fixed UTC offsets (no
 * daylight saving: capture times only have to look like office hours, roughly); the sales team's
 * calendar follows New York time exactly, as the default pact's SLA clocks do.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** YYYY-MM-DD of the UTC day the instant falls on. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of the local day at the given UTC offset. */
export function localWeekday(ms: number, utcOffsetHours: number): number {
  const day = new Date(ms + utcOffsetHours * HOUR_MS).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Hours since local midnight (0–24) at the given UTC offset. */
export function localHourOfDay(ms: number, utcOffsetHours: number): number {
  const local = ms + utcOffsetHours * HOUR_MS;
  return (local - startOfUtcDay(local)) / HOUR_MS;
}

/** The UTC instant of the n-th Sunday (1-based) of a month, at the given UTC hour. */
function nthSundayUtc(year: number, monthIndex: number, n: number, utcHour: number): number {
  const first = Date.UTC(year, monthIndex, 1);
  const firstSunday = 1 + ((7 - new Date(first).getUTCDay()) % 7);
  return Date.UTC(year, monthIndex, firstSunday + (n - 1) * 7, utcHour);
}

/**
 * New York's offset from UTC at an instant: −4 from the second Sunday of March, 02:00 local, to the
 * first Sunday of November, 02:00 local; −5 otherwise (the US rules since 2007).
 */
export function newYorkUtcOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerStarts = nthSundayUtc(year, 2, 2, 7);
  const summerEnds = nthSundayUtc(year, 10, 1, 6);
  return ms >= summerStarts && ms < summerEnds ? -4 : -5;
}

/** A working calendar: Monday–Friday, from `startHour` to `endHour` local time. */
export interface WorkingHours {
  utcOffsetHoursAt: (ms: number) => number;
  startHour: number;
  endHour: number;
}

/** The demo sales floor works 09:00–17:00 New York time, Monday to Friday — the default pact's calendar. */
export const demoSalesHours: WorkingHours = { utcOffsetHoursAt: newYorkUtcOffsetHours, startHour: 9, endHour: 17 };

/** The first working instant at or after `ms`. */
export function nextWorkingInstant(ms: number, hours: WorkingHours): number {
  let current = ms;
  for (let guard = 0; guard < 14; guard += 1) {
    const offset = hours.utcOffsetHoursAt(current);
    const hour = localHourOfDay(current, offset);
    const localMidnight = current - hour * HOUR_MS;
    const workingDay = localWeekday(current, offset) <= 5;
    if (workingDay && hour >= hours.startHour && hour < hours.endHour) return current;
    if (workingDay && hour < hours.startHour) return localMidnight + hours.startHour * HOUR_MS;
    current = localMidnight + DAY_MS + hours.startHour * HOUR_MS;
  }
  return current;
}

/** Adds working hours to an instant, skipping nights and weekends. */
export function addWorkingHours(ms: number, workingHours: number, hours: WorkingHours): number {
  let current = nextWorkingInstant(ms, hours);
  let remaining = workingHours * HOUR_MS;
  for (let guard = 0; guard < 10_000 && remaining > 0; guard += 1) {
    const hour = localHourOfDay(current, hours.utcOffsetHoursAt(current));
    const leftToday = (hours.endHour - hour) * HOUR_MS;
    if (remaining < leftToday) return current + remaining;
    remaining -= leftToday;
    current = nextWorkingInstant(current + leftToday, hours);
  }
  return current;
}
