import { parseDecimalText } from './parse-decimal-text.ts';

export type EmployeeCountResult =
  | { ok: true; employees: number; /** True for a range or an open bound: the number is our estimate. */ estimated: boolean }
  | { ok: false; message: string };

const rangePattern = /^(.+?)\s*(?:-|–|—|\bto\b)\s*(.+)$/i;
const openBoundPattern = /^(.+?)\s*\+$/;

/**
 * Reads a head count from a cell: "1200", "1,200", "1200.0", a range "51-200" / "51 – 200"
 * (the midpoint, rounded: 126) or an open bound "10,000+" (the bound). Never returns a fraction or
 * a negative number; the caller keeps the raw text when the result is an estimate.
 */
export function parseEmployeeCount(text: string): EmployeeCountResult {
  const exact = wholeNumber(text);
  if (exact !== undefined) return { ok: true, employees: exact, estimated: false };
  const open = openBoundPattern.exec(text);
  if (open) {
    const bound = wholeNumber(open[1] ?? '');
    if (bound !== undefined) return { ok: true, employees: bound, estimated: true };
  }
  const range = rangePattern.exec(text);
  if (range) {
    const low = wholeNumber(range[1] ?? '');
    const high = wholeNumber(range[2] ?? '');
    if (low !== undefined && high !== undefined && low <= high) {
      return { ok: true, employees: Math.round((low + high) / 2), estimated: true };
    }
  }
  return { ok: false, message: `"${text}" is not a number of employees (expected e.g. 1200, 1,200 or 51-200)` };
}

function wholeNumber(text: string): number | undefined {
  const digits = parseDecimalText(text.trim());
  if (digits === undefined || /[1-9]/.test(digits.fraction)) return undefined;
  const value = Number(digits.whole);
  return Number.isSafeInteger(value) ? value : undefined;
}
