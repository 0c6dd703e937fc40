import type { FieldIssue } from '../../errors/app-error.ts';
import type { LeadInput } from '../lead/lead-input.ts';
import type { EmailKind, LeadFacts } from '../rules/lead-facts.ts';
import { classifyEmail } from './email-kind.ts';
import { collapseSpaces } from './fold-text.ts';
import { isKeyboardMash, isTestName } from './name-signals.ts';
import { normalizeCompanyName } from './normalize-company.ts';
import { normalizeCountry } from './normalize-country.ts';
import { domainFromWebsite } from './normalize-domain.ts';
import { normalizeEmail } from './normalize-email.ts';
import { normalizePhone } from './normalize-phone.ts';
import { canonicalSeniority, seniorityFromTitle } from './seniority-from-title.ts';

export interface NormalizedLead {
  email: string | null;
  emailDomain: string | null;
  emailMatchKey: string | null;
  emailKind: EmailKind;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  seniority: string | null;
  /** E.164 when valid, else the trimmed raw text. */
  phone: string | null;
  /** Null when there is no phone. */
  phoneValid: boolean | null;
  company: string | null;
  companyMatchKey: string | null;
  website: string | null;
  websiteDomain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  /** ISO 3166-1 alpha-2; null when missing or not recognised (then attributes.country_raw holds the text). */
  country: string | null;
  state: string | null;
  city: string | null;
  source: string | null;
  campaign: string | null;
  externalSource: string | null;
  externalId: string | null;
  attributes: Record<string, string | number | boolean | null>;
}

export interface NormalizeLeadOptions {
  /** ISO 3166-1 alpha-2 region for phone numbers written without a country code. */
  defaultPhoneRegion: string;
  /** The pact's additions to the built-in free-mail list. */
  extraFreeMailDomains?: readonly string[];
}

export type NormalizeLeadResult = { ok: true; lead: NormalizedLead; warnings: FieldIssue[] } | { ok: false; issues: FieldIssue[] };

/**
 * Cleans one raw lead: trims every text (empty → null), collapses spacing in names, title and
 * company, checks and normalizes the e-mail, phone, country and website, and derives the e-mail
 * kind and — when not given — the seniority from the title. Refuses the lead (ok: false, each
 * issue naming its field) only when the e-mail is not an address or no identity is left; an
 * unrecognised country or website, or an impossible phone, keeps the lead with a warning
 * (the junk step decides about phones). Pure and deterministic; it never drops a value silently:
 * an unrecognised country's text moves to attributes.country_raw.
 */
export function normalizeLeadInput(input: LeadInput, options: NormalizeLeadOptions): NormalizeLeadResult {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  const rawEmail = trimmed(input.email);
  let email: string | null = null;
  let emailDomain: string | null = null;
  let emailMatchKey: string | null = null;
  if (rawEmail !== null) {
    const checked = normalizeEmail(rawEmail);
    if (checked.ok) {
      ({ email, domain: emailDomain, matchKey: emailMatchKey } = checked);
    } else {
      issues.push({ path: 'email', message: checked.reason });
    }
  }

  const rawPhone = trimmed(input.phone);
  let phone: string | null = null;
  let phoneValid: boolean | null = null;
  if (rawPhone !== null) {
    // A number written without a country code belongs to the lead's own country when we know it;
    // the pact's default region is only the fallback (a UK lead's "020 7946 0123" is a London number).
    const leadCountry = trimmed(input.country);
    const region = (leadCountry !== null ? normalizeCountry(leadCountry) : null) ?? options.defaultPhoneRegion;
    const checked = normalizePhone(rawPhone, region);
    phone = checked.e164 ?? rawPhone;
    phoneValid = checked.valid;
    if (!checked.valid) warnings.push({ path: 'phone', message: `phone ${checked.reason ?? 'is not valid'}` });
  }

  const externalSource = trimmed(input.externalSource);
  const externalId = trimmed(input.externalId);
  if (issues.length === 0 && rawEmail === null && rawPhone === null && externalId === null) {
    issues.push({ path: 'email', message: 'a lead needs an e-mail, a phone or an external id' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const attributes = trimmedAttributes(input.attributes);

  const rawCountry = trimmed(input.country);
  let country: string | null = null;
  if (rawCountry !== null) {
    country = normalizeCountry(rawCountry);
    if (country === null) {
      attributes.country_raw = rawCountry;
      warnings.push({ path: 'country', message: `country "${rawCountry}" is not recognised; kept in attributes.country_raw` });
    }
  }

  const website = trimmed(input.website);
  const websiteDomain = website === null ? null : domainFromWebsite(website);
  if (website !== null && websiteDomain === null) {
    warnings.push({ path: 'website', message: `website "${website}" is not a domain` });
  }

  const company = collapsed(input.company);
  const title = collapsed(input.title);
  const givenSeniority = trimmed(input.seniority);

  const lead: NormalizedLead = {
    email,
    emailDomain,
    emailMatchKey,
    emailKind: classifyEmail(email, options.extraFreeMailDomains),
    firstName: collapsed(input.firstName),
    lastName: collapsed(input.lastName),
    title,
    seniority: givenSeniority === null ? seniorityFromTitle(title) : (canonicalSeniority(givenSeniority) ?? givenSeniority),
    phone,
    phoneValid,
    company,
    companyMatchKey: company === null ? null : normalizeCompanyName(company).matchKey || null,
    website,
    websiteDomain,
    industry: trimmed(input.industry),
    employees: input.employees ?? null,
    annualRevenue: input.annualRevenue ?? null,
    country,
    state: trimmed(input.state),
    city: collapsed(input.city),
    source: trimmed(input.source),
    campaign: trimmed(input.campaign),
    externalSource,
    externalId,
    attributes,
  };
  return { ok: true, lead, warnings };
}

/**
 * The identity facts pact rules test (`email.kind`, `phone.valid`, `name.test`,
 * `name.keyboard_mash`), derived from a normalized lead.
 */
export function identityFacts(lead: NormalizedLead): Pick<LeadFacts, 'email' | 'phone' | 'name'> {
  return {
    email: { domain: lead.emailDomain, kind: lead.emailKind },
    phone: { valid: lead.phoneValid },
    name: {
      keyboard_mash: isKeyboardMash(lead.firstName ?? '') || isKeyboardMash(lead.lastName ?? ''),
      test: isTestName(lead.firstName, lead.lastName, lead.email),
    },
  };
}

function trimmed(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  return text === '' ? null : text;
}

function collapsed(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = collapseSpaces(value);
  return text === '' ? null : text;
}

function trimmedAttributes(attributes: LeadInput['attributes']): Record<string, string | number | boolean | null> {
  // Object.fromEntries defines own properties, so an attribute named "__proto__" stays data.
  return Object.fromEntries(
    Object.entries(attributes ?? {})
      .map(([name, value]) => [name.trim(), typeof value === 'string' ? trimmed(value) : value] as const)
      .filter(([name]) => name !== ''),
  );
}
