import { describe, expect, it } from 'vitest';
import { normalizeLeadInput } from '../normalize/normalize-lead.ts';
import { buildLeadFacts } from './build-lead-facts.ts';

describe('buildLeadFacts', () => {
  const normalized = normalizeLeadInput({ email: 'kai@bigbank.com', title: 'VP Risk', employees: 40 }, { defaultPhoneRegion: 'US' });
  if (!normalized.ok) throw new Error('fixture must normalize');
  const account = { name: 'Big Bank', domain: 'bigbank.com', industry: 'financial services', employees: 5000, annualRevenue: 9_000_000_000, country: 'GB', ownerEmail: null };

  it('reads firmographics the lead did not give from its account, never overriding the lead', () => {
    const facts = buildLeadFacts(normalized.lead, account);
    expect(facts.lead.industry).toBe('financial services');
    expect(facts.lead.country).toBe('GB');
    expect(facts.lead.employees).toBe(40);
    expect(facts.account?.employees).toBe(5000);
  });

  it('derives identity facts (e-mail kind, name signals) from the lead', () => {
    const facts = buildLeadFacts(normalized.lead, null);
    expect(facts.email).toEqual({ domain: 'bigbank.com', kind: 'business' });
    expect(facts.lead.industry).toBeNull();
  });
});
