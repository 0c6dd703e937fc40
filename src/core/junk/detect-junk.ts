import { domainFromWebsite, isWithinDomain } from '../normalize/normalize-domain.ts';
import type { JunkPolicy } from '../pact/pact-schema.ts';
import { evaluateCondition } from '../rules/evaluate-condition.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';

export interface JunkVerdict {
  /** The competitor code or the pact junk rule's code. */
  code: string;
  /** Why, in words shown to marketing and sales. */
  reason: string;
}

/**
 * Whether a lead is junk under the pact's junk policy, and why; null for a clean lead. Checks
 * competitor domains first (the e-mail domain, the website's domain or the account's domain equal
 * to or a subdomain of a listed competitor), then each junk rule in order, which fires when any of
 * its conditions holds. The first hit wins. Pure: it never drops or changes the lead — the caller
 * keeps junk leads with their reason.
 */
export function detectJunk(facts: LeadFacts, policy: JunkPolicy): JunkVerdict | null {
  const competitor = competitorDomainOf(facts, policy.competitorDomains);
  if (competitor !== null) {
    return { code: 'competitor', reason: `competitor domain ${competitor}` };
  }
  for (const rule of policy.rules) {
    if (rule.whenAny.some((condition) => evaluateCondition(condition, facts))) {
      return { code: rule.code, reason: rule.reason };
    }
  }
  return null;
}

/** The competitor domain the lead belongs to, or null. */
function competitorDomainOf(facts: LeadFacts, competitorDomains: readonly string[]): string | null {
  if (competitorDomains.length === 0) return null;
  const leadDomains = [
    facts.email.domain?.trim().toLowerCase() || null,
    facts.lead.website ? domainFromWebsite(facts.lead.website) : null,
    facts.account?.domain ? domainFromWebsite(facts.account.domain) : null,
  ].filter((domain): domain is string => domain !== null);
  if (leadDomains.length === 0) return null;
  for (const listed of competitorDomains) {
    const competitor = domainFromWebsite(listed) ?? listed.trim().toLowerCase();
    if (leadDomains.some((domain) => isWithinDomain(domain, competitor))) return competitor;
  }
  return null;
}
