/** An instant as people read it, "4 Mar 2026, 17:05", in `timeZone` (default: the browser's). */
export function formatInstant(instant: string | Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { ...(timeZone ? { timeZone } : {}), day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}
