import type { NormalizedLead } from '../../core/normalize/normalize-lead.ts';
import type { EmailKind } from '../../core/rules/lead-facts.ts';
import type { LeadRow } from '../../db/database.ts';

/** A stored lead read back as the normalized lead the pure core works with (for rescoring and merges). */
export function normalizedLeadFromRow(row: LeadRow): NormalizedLead {
  return {
    email: row.email,
    emailDomain: row.email_domain,
    emailMatchKey: row.email_key,
    emailKind: row.email_kind as EmailKind,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    seniority: row.seniority,
    phone: row.phone,
    phoneValid: row.phone_valid,
    company: row.company,
    companyMatchKey: row.company_key,
    website: row.website,
    websiteDomain: row.website_domain,
    industry: row.industry,
    employees: row.employees,
    annualRevenue: row.annual_revenue_minor,
    country: row.country,
    state: row.state,
    city: row.city,
    source: row.source,
    campaign: null,
    externalSource: row.external_source,
    externalId: row.external_id,
    attributes: (row.attributes ?? {}) as NormalizedLead['attributes'],
  };
}
