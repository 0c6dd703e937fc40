import { describe, expect, it } from 'vitest';
import { junkPolicySchema } from '../pact/pact-schema.ts';
import type { JunkPolicy } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { detectJunk } from './detect-junk.ts';

const cleanFacts: LeadFacts = {
  lead: { email: 'jane@acme.com', firstName: 'Jane', lastName: 'Nguyen', title: 'Director of Marketing', website: 'https://www.acme.com' },
  account: null,
  email: { domain: 'acme.com', kind: 'business' },
  phone: { valid: true },
  name: { keyboard_mash: false, test: false },
};

function withFacts(changes: Partial<LeadFacts> & { lead?: LeadFacts['lead'] }): LeadFacts {
  return { ...cleanFacts, ...changes, lead: { ...cleanFacts.lead, ...changes.lead } };
}

const policy: JunkPolicy = junkPolicySchema.parse({
  competitorDomains: ['rival.com', 'https://www.other-rival.io/'],
  rules: [
    { code: 'disposable', reason: 'disposable mail', whenAny: [{ field: 'email.kind', op: 'in', value: ['disposable'] }] },
    { code: 'free_mail', reason: 'free mail', whenAny: [{ field: 'email.kind', op: 'eq', value: 'free' }] },
    {
      code: 'student_or_job_seeker',
      reason: 'student or job seeker',
      whenAny: [{ field: 'lead.title', op: 'contains_any', value: ['student', 'job seeker', 'looking for work', 'unemployed'] }],
    },
    { code: 'test_name', reason: 'test or keyboard-mash name', whenAny: [{ field: 'name.test', op: 'eq', value: true }, { field: 'name.keyboard_mash', op: 'eq', value: true }] },
    { code: 'invalid_phone', reason: 'impossible phone', whenAny: [{ field: 'phone.valid', op: 'eq', value: false }] },
  ],
});

describe('detectJunk', () => {
  it('gives null for a clean lead', () => {
    expect(detectJunk(cleanFacts, policy)).toBeNull();
  });

  it('flags competitors by e-mail domain, website or account domain, including subdomains', () => {
    expect(detectJunk(withFacts({ email: { domain: 'rival.com', kind: 'business' } }), policy)).toEqual({ code: 'competitor', reason: 'competitor domain rival.com' });
    expect(detectJunk(withFacts({ email: { domain: 'eu.rival.com', kind: 'business' } }), policy)).toEqual({ code: 'competitor', reason: 'competitor domain rival.com' });
    expect(detectJunk(withFacts({ lead: { website: 'http://labs.other-rival.io/jobs' } }), policy)).toEqual({ code: 'competitor', reason: 'competitor domain other-rival.io' });
    expect(detectJunk(withFacts({ account: { domain: 'RIVAL.com' } }), policy)?.code).toBe('competitor');
  });

  it('does not flag lookalike domains as competitors', () => {
    expect(detectJunk(withFacts({ email: { domain: 'notrival.com', kind: 'business' } }), policy)).toBeNull();
    expect(detectJunk(withFacts({ email: { domain: 'rival.com.au', kind: 'business' } }), policy)).toBeNull();
  });

  it('checks the competitor list before the rules', () => {
    const facts = withFacts({ email: { domain: 'rival.com', kind: 'business' }, phone: { valid: false } });
    expect(detectJunk(facts, policy)?.code).toBe('competitor');
  });

  it('applies the rules in order, the first that fires wins', () => {
    const facts = withFacts({ email: { domain: 'mailinator.com', kind: 'disposable' }, phone: { valid: false } });
    expect(detectJunk(facts, policy)).toEqual({ code: 'disposable', reason: 'disposable mail' });
    expect(detectJunk(withFacts({ email: { domain: 'gmail.com', kind: 'free' } }), policy)).toEqual({ code: 'free_mail', reason: 'free mail' });
  });

  it('flags students and job seekers by title', () => {
    for (const title of ['Student', 'MBA student', 'Job Seeker', 'Currently looking for work', 'Unemployed']) {
      expect(detectJunk(withFacts({ lead: { title } }), policy)?.code, title).toBe('student_or_job_seeker');
    }
  });

  it('flags test and keyboard-mash names', () => {
    expect(detectJunk(withFacts({ name: { keyboard_mash: false, test: true } }), policy)?.code).toBe('test_name');
    expect(detectJunk(withFacts({ name: { keyboard_mash: true, test: false } }), policy)?.code).toBe('test_name');
  });

  it('flags impossible phones but not a missing phone', () => {
    expect(detectJunk(withFacts({ phone: { valid: false } }), policy)).toEqual({ code: 'invalid_phone', reason: 'impossible phone' });
    expect(detectJunk(withFacts({ phone: { valid: null } }), policy)).toBeNull();
  });

  it('does nothing with an empty policy', () => {
    const facts = withFacts({ email: { domain: 'mailinator.com', kind: 'disposable' }, phone: { valid: false } });
    expect(detectJunk(facts, junkPolicySchema.parse({}))).toBeNull();
  });
});
