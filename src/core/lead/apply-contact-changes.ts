import type { FieldIssue } from '../../errors/app-error.ts';
import { collapseSpaces } from '../normalize/fold-text.ts';
import type { NormalizedLead } from '../normalize/normalize-lead.ts';
import { normalizeCompanyName } from '../normalize/normalize-company.ts';
import { normalizeCountry } from '../normalize/normalize-country.ts';
import { domainFromWebsite } from '../normalize/normalize-domain.ts';
import { normalizePhone } from '../normalize/normalize-phone.ts';
import { seniorityFromTitle } from '../normalize/seniority-from-title.ts';

/** The contact fields a person may correct by hand; null clears one. */
export interface LeadContactChanges {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  title?: string | null | undefined;
  phone?: string | null | undefined;
  company?: string | null | undefined;
  website?: string | null | undefined;
  industry?: string | null | undefined;
  employees?: number | null | undefined;
  country?: string | null | undefined;
  state?: string | null | undefined;
  city?: string | null | undefined;
}

export const leadContactFields = ['firstName', 'lastName', 'title', 'phone', 'company', 'website', 'industry', 'employees', 'country', 'state', 'city'] as const satisfies readonly (keyof LeadContactChanges)[];

export type ContactChangeResult = { ok: true; lead: NormalizedLead } | { ok: false; issues: FieldIssue[] };

/**
 * A lead with hand-made corrections applied, normalized the way capture normalizes: spacing
 * collapsed, phone to E.164 (the lead's country, else `defaultPhoneRegion`; an impossible number
 * is kept and flagged invalid, as capture keeps it), country to ISO alpha-2, website to its
 * domain, company match key and — when the title changes — the seniority it implies. Unlike
 * capture, a country or website that cannot be understood is refused (the person can retype it)
 * rather than moved to attributes, and a lead is never left without an e-mail, phone or external
 * id. Pure; fields not in `changes` are left as they are.
 */
export function applyContactChanges(current: NormalizedLead, changes: LeadContactChanges, options: { defaultPhoneRegion: string }): ContactChangeResult {
  const issues: FieldIssue[] = [];
  const next: NormalizedLead = { ...current };

  const text = (value: string | null, collapse: boolean): string | null => {
    if (value === null) return null;
    const cleaned = collapse ? collapseSpaces(value) : value.trim();
    return cleaned === '' ? null : cleaned;
  };

  if (changes.firstName !== undefined) next.firstName = text(changes.firstName, true);
  if (changes.lastName !== undefined) next.lastName = text(changes.lastName, true);
  if (changes.title !== undefined) {
    next.title = text(changes.title, true);
    next.seniority = seniorityFromTitle(next.title);
  }
  if (changes.company !== undefined) {
    next.company = text(changes.company, true);
    next.companyMatchKey = next.company === null ? null : normalizeCompanyName(next.company).matchKey || null;
  }
  if (changes.industry !== undefined) next.industry = text(changes.industry, false);
  if (changes.employees !== undefined) next.employees = changes.employees;
  if (changes.state !== undefined) next.state = text(changes.state, false);
  if (changes.city !== undefined) next.city = text(changes.city, true);

  if (changes.country !== undefined) {
    const raw = text(changes.country, false);
    const code = raw === null ? null : normalizeCountry(raw);
    if (raw !== null && code === null) issues.push({ path: 'country', message: `"${raw}" is not a country we know (use a name or an ISO code such as US, DE)` });
    else next.country = code;
  }

  if (changes.website !== undefined) {
    const raw = text(changes.website, false);
    const domain = raw === null ? null : domainFromWebsite(raw);
    if (raw !== null && domain === null) issues.push({ path: 'website', message: `"${raw}" is not a website or domain such as acme.com` });
    else {
      next.website = raw;
      next.websiteDomain = domain;
    }
  }

  if (changes.phone !== undefined) {
    const raw = text(changes.phone, false);
    if (raw === null) {
      next.phone = null;
      next.phoneValid = null;
    } else {
      const checked = normalizePhone(raw, next.country ?? options.defaultPhoneRegion);
      next.phone = checked.e164 ?? raw;
      next.phoneValid = checked.valid;
    }
  }

  if (next.email === null && next.phone === null && next.externalId === null) {
    issues.push({ path: 'phone', message: 'a lead needs an e-mail, a phone or an external id; this would leave it with none' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, lead: next };
}
