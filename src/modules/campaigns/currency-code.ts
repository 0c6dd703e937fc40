import { z } from 'zod';

// The ISO 4217 codes the runtime's ICU knows (about 160 in circulation). Read once: the list is fixed
// for the life of the process.
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code, three uppercase letters of a currency in circulation ("USD", "EUR"). */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code of three uppercase letters, such as USD or EUR')
  .refine((code) => knownCurrencies.has(code), { message: 'not an ISO 4217 currency in circulation' });

/** How many digits the currency's minor unit has: 2 for USD and EUR, 0 for JPY, 3 for BHD. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
