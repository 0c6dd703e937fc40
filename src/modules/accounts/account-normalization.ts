import { normalizeCountry } from '../../core/normalize/normalize-country.ts';
import { domainFromWebsite, registrableDomain } from '../../core/normalize/normalize-domain.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * The domain an account is matched by: the registrable part of `domain` when given, else of the
 * website's host ("https://www.eu.acme.com/about" → "acme.com"). A value that is not a domain is a
 * 400 naming the field it came from.
 */
export function accountDomainFrom(fields: { domain?: string | undefined; website?: string | undefined }): string {
  const path = fields.domain !== undefined ? 'domain' : 'website';
  const raw = fields.domain ?? fields.website ?? '';
  const host = domainFromWebsite(raw);
  if (host === null) throw AppError.validation([{ path, message: `"${raw}" is not a domain such as acme.com` }]);
  return registrableDomain(host);
}

/** The ISO 3166-1 alpha-2 code of a country as typed; null stays null; an unknown country is a 400 naming `country`. */
export function accountCountryFrom(raw: string | null): string | null {
  if (raw === null) return null;
  const code = normalizeCountry(raw);
  if (code === null) throw AppError.validation([{ path: 'country', message: `"${raw}" is not a country we know (use a name or an ISO code such as US, DE)` }]);
  return code;
}
