import type { NormalizedLead } from '../normalize/normalize-lead.ts';
import { identityFacts } from '../normalize/normalize-lead.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';

/** What a rule may know about the lead's account. */
export interface AccountFacts {
  name: string | null;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  country: string | null;
  ownerEmail: string | null;
}

/**
 * The facts pact rules test, from a normalized lead and its account. Firmographics the lead did not
 * give (industry, size, revenue, country) are read from its account, the way a rep would: a VP at a
 * known 5,000-person bank is a big-company lead even if the form did not ask. Scoring and MQL facts
 * (`score.*`, `touch.*`) are added after scoring.
 */
export function buildLeadFacts(lead: NormalizedLead, account: AccountFacts | null, campaignName: string | null = lead.campaign): LeadFacts {
  return {
    lead: {
      email: lead.email,
      firstName: lead.firstName,
      lastName: lead.lastName,
      title: lead.title,
      seniority: lead.seniority,
      phone: lead.phone,
      company: lead.company,
      website: lead.website,
      industry: lead.industry ?? account?.industry ?? null,
      employees: lead.employees ?? account?.employees ?? null,
      annualRevenue: lead.annualRevenue ?? account?.annualRevenue ?? null,
      country: lead.country ?? account?.country ?? null,
      state: lead.state,
      city: lead.city,
      source: lead.source,
      campaign: campaignName,
      externalSource: lead.externalSource,
      attributes: lead.attributes,
    },
    account,
    ...identityFacts(lead),
  };
}

/**
 * Facts about an account alone (no lead values), used to classify a new account. The identity
 * facts are neutral so a classification rule can only see account fields.
 */
export function accountOnlyFacts(account: AccountFacts): LeadFacts {
  return {
    lead: {},
    account,
    email: { domain: null, kind: 'missing' },
    phone: { valid: null },
    name: { keyboard_mash: false, test: false },
  };
}
