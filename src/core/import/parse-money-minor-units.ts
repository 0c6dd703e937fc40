import { parseDecimalText } from './parse-decimal-text.ts';

export type MoneyResult = { ok: true; minorUnits: number } | { ok: false; message: string };

// A currency sign or ISO code may lead or trail the amount: "$1,200.50", "1200 EUR", "USD 1200".
const currencyAffix = /^(?:[$€£¥]|[A-Za-z]{3}\s?)?\s*(.*?)\s*(?:\s[A-Za-z]{3}|[$€£¥])?$/;
const scientific = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * Reads an amount in currency units ("$1,234.56", "1200", "1.2E7" as Salesforce may export it) and
 * returns integer minor units (×100, half-up on the third decimal). Never converts between
 * currencies and never accepts a negative amount; the currency symbol is dropped, not checked.
 */
export function parseMoneyMinorUnits(text: string): MoneyResult {
  const amount = currencyAffix.exec(text)?.[1] ?? text;
  if (amount.startsWith('-')) return { ok: false, message: `"${text}" is negative; expected an amount of at least 0` };
  const minorUnits = scientific.test(amount) ? Math.round(Number(amount) * 100) : decimalToMinorUnits(amount);
  if (minorUnits === undefined || !Number.isSafeInteger(minorUnits)) {
    return { ok: false, message: `"${text}" is not an amount (expected e.g. 1200, 1,200.50 or $1,200)` };
  }
  return { ok: true, minorUnits };
}

// Digit arithmetic rather than Math.round(x * 100): 1.005 * 100 is 100.49999… in floating point.
function decimalToMinorUnits(amount: string): number | undefined {
  const digits = parseDecimalText(amount);
  if (digits === undefined) return undefined;
  const cents = Number(digits.fraction.slice(0, 2).padEnd(2, '0'));
  const roundUp = (digits.fraction.charCodeAt(2) || 0) >= 53; // '5'
  return Number(digits.whole) * 100 + cents + (roundUp ? 1 : 0);
}
