import { parseEmployeeCount } from './parse-employee-count.ts';
import { parseMoneyMinorUnits } from './parse-money-minor-units.ts';

/** How a cell's text becomes a LeadInput value: kept as text, read as a head count, or as money. */
export type CellConversion = 'text' | 'employees' | 'money';

export type ConvertedCell =
  | { ok: true; value: string | number; /** The number is an estimate (a range or open bound); keep the text. */ estimated: boolean }
  | { ok: false; message: string };

/** Converts one trimmed, non-null cell. Money comes back in minor units; text comes back unchanged. */
export function convertCell(conversion: CellConversion, text: string): ConvertedCell {
  if (conversion === 'text') return { ok: true, value: text, estimated: false };
  if (conversion === 'employees') {
    const count = parseEmployeeCount(text);
    return count.ok ? { ok: true, value: count.employees, estimated: count.estimated } : count;
  }
  const money = parseMoneyMinorUnits(text);
  return money.ok ? { ok: true, value: money.minorUnits, estimated: false } : money;
}
