import { safeNextPath } from '../auth/safe-next-path.ts';
import type { AccountDetail } from './accounts-list-query.ts';

/**
 * Where the account page's back link goes: the accounts list as it was left (`from`, filters and
 * page included) when `from` is that list on this site, else the plain list.
 */
export function accountsBackHref(from: unknown): string {
  const path = safeNextPath(from);
  const pathname = path?.split(/[?#]/, 1)[0];
  return path && pathname === '/accounts' ? path : '/accounts';
}

export interface AccountFact {
  label: string;
  value: string;
}

/** "US" → "United States" in the viewer's language; an unknown code stays as it is. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Integer minor units of `currency` as money ("USD 250,000,000" in the viewer's format, no cents). */
export function formatMinorUnits(minor: number, currency: string, locale?: string): string {
  try {
    const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toLocaleString(locale)} ${currency}`;
  }
}

/** What the page says about the account, known facts only, in a fixed order. */
export function accountFacts(detail: AccountDetail, locale?: string): AccountFact[] {
  const { account } = detail;
  const facts: AccountFact[] = [];
  facts.push({ label: 'Owner', value: detail.owner?.name ?? 'No owner' });
  if (account.industry) facts.push({ label: 'Industry', value: account.industry });
  if (account.employees !== null) facts.push({ label: 'Employees', value: account.employees.toLocaleString(locale) });
  if (account.annualRevenueMinor !== null) facts.push({ label: 'Annual revenue', value: formatMinorUnits(account.annualRevenueMinor, account.currency, locale) });
  if (account.country) facts.push({ label: 'Country', value: countryName(account.country, locale) });
  facts.push({ label: 'Open opportunities', value: detail.openOpportunities.toLocaleString(locale) });
  return facts;
}
