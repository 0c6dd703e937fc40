/**
 * The facts a pact rule can test, gathered in one plain object. Pact conditions address them by
 * path (`lead.title`, `account.employees`, `email.kind`, `score.grade` …); see `conditionSchema`.
 */
export type FactValue = string | number | boolean | null | undefined | readonly string[];

export type EmailKind = 'business' | 'free' | 'disposable' | 'role' | 'missing';

export interface LeadFacts {
  lead: {
    email?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    title?: string | null;
    seniority?: string | null;
    phone?: string | null;
    company?: string | null;
    website?: string | null;
    industry?: string | null;
    employees?: number | null;
    annualRevenue?: number | null;
    country?: string | null;
    state?: string | null;
    city?: string | null;
    source?: string | null;
    campaign?: string | null;
    externalSource?: string | null;
    attributes?: Record<string, string | number | boolean | null>;
  };
  account: {
    name?: string | null;
    domain?: string | null;
    industry?: string | null;
    employees?: number | null;
    annualRevenue?: number | null;
    country?: string | null;
    ownerEmail?: string | null;
  } | null;
  email: { domain: string | null; kind: EmailKind };
  phone: { valid: boolean | null };
  name: { keyboard_mash: boolean; test: boolean };
  score?: { grade: string; fit: number; engagement: number; total: number };
  touch?: { hand_raiser: boolean; types: readonly string[] };
}
