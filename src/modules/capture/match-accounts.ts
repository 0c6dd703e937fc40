import { randomUUID } from 'node:crypto';
import { accountOnlyFacts, type AccountFacts } from '../../core/lead/build-lead-facts.ts';
import type { NormalizedLead } from '../../core/normalize/normalize-lead.ts';
import { normalizeCompanyName } from '../../core/normalize/normalize-company.ts';
import { registrableDomain } from '../../core/normalize/normalize-domain.ts';
import type { PactDocument } from '../../core/pact/pact-schema.ts';
import { classifyAccount } from '../../core/routing/classify-account.ts';
import type { MatchedAccount } from './capture-context.repository.ts';
import type { AccountToCreate } from './capture-write.repository.ts';

/**
 * The company domain a lead belongs to: its e-mail domain when that is a business address, else
 * its website's domain. Never a free-mail or disposable domain: gmail.com is not an account.
 */
export function accountDomainOf(lead: NormalizedLead): string | null {
  if (lead.emailDomain && (lead.emailKind === 'business' || lead.emailKind === 'role')) return registrableDomain(lead.emailDomain);
  if (lead.websiteDomain && !(lead.emailDomain && lead.websiteDomain === lead.emailDomain && lead.emailKind !== 'business')) {
    return registrableDomain(lead.websiteDomain);
  }
  return null;
}

export function accountFactsOf(account: MatchedAccount, ownerEmail: string | null = null): AccountFacts {
  return {
    name: account.name,
    domain: account.domain,
    industry: account.industry,
    employees: account.employees,
    annualRevenue: account.annual_revenue_minor,
    country: account.country,
    ownerEmail,
  };
}

/**
 * The account of every lead by company domain: the known ones (read by findCaptureContext), plus a
 * new account — classified by the pact — for each domain not known yet, to be created with the
 * batch (see insertCaptureRows). Returns accounts by domain and the ones to create.
 */
export function matchAccounts(
  leads: readonly NormalizedLead[],
  known: readonly MatchedAccount[],
  pact: PactDocument,
): { byDomain: Map<string, MatchedAccount>; toCreate: AccountToCreate[] } {
  const byDomain = new Map(known.flatMap((account) => (account.domain ? [[account.domain, account] as const] : [])));
  const toCreate: AccountToCreate[] = [];
  for (const lead of leads) {
    const domain = accountDomainOf(lead);
    if (!domain || byDomain.has(domain)) continue;
    const name = lead.company ?? domain;
    const facts: AccountFacts = {
      name,
      domain,
      industry: lead.industry,
      employees: lead.employees,
      annualRevenue: lead.annualRevenue,
      country: lead.country,
      ownerEmail: null,
    };
    const classification = classifyAccount({ facts: accountOnlyFacts(facts), classification: pact.classification });
    const account: AccountToCreate = {
      id: randomUUID(),
      name,
      name_key: normalizeCompanyName(name).matchKey,
      domain,
      website: lead.website,
      industry: lead.industry,
      employees: lead.employees,
      annual_revenue_minor: lead.annualRevenue,
      country: lead.country,
      owner_id: null,
      account_class: classification.accountClass,
      class_priority: classification.priority,
      class_reason: classification.reason,
    };
    toCreate.push(account);
    byDomain.set(domain, { ...account, account_class: classification.accountClass });
  }
  return { byDomain, toCreate };
}
