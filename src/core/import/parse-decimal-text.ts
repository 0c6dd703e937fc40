/**
 * The digits of a plain decimal as people type them in spreadsheets: "1200", "1,200", "1200.50",
 * ".5". Commas are thousands separators only in groups of three, so "1,2" is refused rather than
 * guessed (it might be a European decimal comma).
 */
export interface DecimalDigits {
  whole: string;
  fraction: string;
}

const decimalPattern = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/;

/** Splits an unsigned decimal into its whole and fraction digits; undefined when it is not one. */
export function parseDecimalText(text: string): DecimalDigits | undefined {
  const match = decimalPattern.exec(text);
  if (!match) return undefined;
  const whole = (match[1] ?? match[2] ?? '').replaceAll(',', '');
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  return { whole: whole === '' ? '0' : whole, fraction };
}
