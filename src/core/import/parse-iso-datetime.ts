export type IsoDateTimeResult = { ok: true; isoDateTime: string } | { ok: false; message: string };

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Reads an ISO 8601 date-time that states its offset ("2024-03-01T09:30:00Z", "… +01:00", and the
 * "+0100" / space-separated forms exports use) and returns it in the strict form
 * `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, the instant unchanged. A value without an offset is
 * refused: guessing the time zone would shift every touch of the file by hours.
 */
export function parseIsoDateTime(text: string): IsoDateTimeResult {
  const match = isoPattern.exec(text);
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text) ? ' — it needs a time zone (Z or +hh:mm)' : '';
    return { ok: false, message: `"${text}" is not an ISO date-time${hint}` };
  }
  const [, year, month, day, hour, minute, second = '00', fraction = '', rawOffset = 'Z'] = match;
  const offset = normalizeOffset(rawOffset);
  const isoDateTime = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`;
  if (!isRealDate(Number(year), Number(month), Number(day)) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return { ok: false, message: `"${text}" is not a real date and time` };
  }
  return { ok: true, isoDateTime };
}

function normalizeOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4).padEnd(2, '0')}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
