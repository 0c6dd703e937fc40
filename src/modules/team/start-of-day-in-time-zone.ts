/**
 * The instant a calendar day begins in an IANA time zone: `startOfDayInTimeZone('2026-12-24',
 * 'America/New_York')` is 2026-12-24T05:00:00Z. Daylight saving is honoured (the zone's offset on
 * that day is used); where local midnight does not exist (a zone that springs forward at 00:00) the
 * first instant of the day is returned. Pure: reads no clock.
 */
export function startOfDayInTimeZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnightAsIfUtc = Date.UTC(year, month - 1, date);
  const firstGuess = midnightAsIfUtc - utcOffsetMs(midnightAsIfUtc, timeZone);
  // The offset at the first guess may differ from the offset at midnight when a switch falls between.
  const secondGuess = midnightAsIfUtc - utcOffsetMs(firstGuess, timeZone);
  const onTheDay = [firstGuess, secondGuess].filter((instant) => localDay(instant, timeZone) === day);
  return new Date(Math.min(...(onTheDay.length > 0 ? onTheDay : [firstGuess])));
}

function localDay(instant: number, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: number, timeZone: string): Record<string, number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
}

/** Local time minus UTC at the given instant, in milliseconds. */
function utcOffsetMs(instant: number, timeZone: string): number {
  const parts = localParts(instant, timeZone);
  const localAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return localAsUtc - Math.floor(instant / 1000) * 1000;
}
