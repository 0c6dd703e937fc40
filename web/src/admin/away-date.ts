/**
 * Away dates as the API takes them: `awayUntil` is a day (YYYY-MM-DD) meaning the start of that day
 * in the pact calendar's time zone, and comes back as that instant. The screens show and edit the
 * day in that same zone, so what an admin types is what they see again, wherever their browser is.
 */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The business calendar's time zone of a pact document (`sla.calendar.timeZone`), or null when it has none. */
export function calendarTimeZoneOf(document: unknown): string | null {
  const sla = isRecord(document) ? document.sla : undefined;
  const calendar = isRecord(sla) ? sla.calendar : undefined;
  const timeZone = isRecord(calendar) ? calendar.timeZone : undefined;
  return typeof timeZone === 'string' && isKnownTimeZone(timeZone) ? timeZone : null;
}

/** The browser's own zone: the fallback when no pact is active. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayInTimeZone(instant: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whether `instant` is exactly midnight in `timeZone` (an away date given as a day is). */
export function isStartOfDayIn(instant: string | Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  return parts.filter((part) => part.type === 'hour' || part.type === 'minute' || part.type === 'second').every((part) => Number(part.value) === 0);
}

const dayLabelFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** A day (YYYY-MM-DD) as "15 Jan 2030"; anything else is returned as it is. */
export function formatDay(day: string): string {
  const match = dayPattern.exec(day);
  if (!match) return day;
  return dayLabelFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The label of an away-until instant: its day in the calendar's zone, with the time only when it is not midnight there. */
export function awayUntilLabel(instant: string, timeZone: string): string {
  const day = formatDay(dayInTimeZone(instant, timeZone));
  if (isStartOfDayIn(instant, timeZone)) return day;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  return `${day}, ${time}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
