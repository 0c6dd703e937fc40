import { parseDecimalText } from '../../core/import/parse-decimal-text.ts';
import { minorUnitDigits } from './currency-code.ts';

export type AmountResult = { ok: true; minorUnits: number } | { ok: false; message: string };

/**
 * An amount typed in currency units ("12000.00", "12,000.5", "1200") as integer minor units of that
 * currency: cents for USD, whole yen for JPY, fils for BHD. Exact digit arithmetic, never a float
 * multiply; more decimals than the currency has are refused, not rounded. Never negative.
 */
export function amountInMinorUnits(text: string, currency: string): AmountResult {
  const digits = parseDecimalText(text.trim());
  if (digits === undefined) return { ok: false, message: `"${text}" is not an amount in ${currency} (expected e.g. 12000.00 or 12,000)` };
  const places = minorUnitDigits(currency);
  const extra = digits.fraction.slice(places);
  if (/[1-9]/.test(extra)) return { ok: false, message: `${currency} has ${places} decimal${places === 1 ? '' : 's'}; "${text}" has more` };
  const minorUnits = Number(`${digits.whole}${digits.fraction.slice(0, places).padEnd(places, '0')}`);
  if (!Number.isSafeInteger(minorUnits)) return { ok: false, message: `"${text}" is too large` };
  return { ok: true, minorUnits };
}
