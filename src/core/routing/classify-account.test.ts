import { describe, expect, it } from 'vitest';
import type { Classification } from '../pact/pact-schema.ts';
import type { LeadFacts } from '../rules/lead-facts.ts';
import { classifyAccount } from './classify-account.ts';

const classification: Classification = {
  rules: [
    { class: 'field', label: 'Enterprise (1000+ employees)', when: [{ field: 'account.employees', op: 'gte', value: 1000 }], priority: 90 },
    { class: 'inside', label: 'Mid-market', when: [{ field: 'account.employees', op: 'between', value: [50, 999] }], priority: 60 },
    { class: 'field', label: 'Any US account', when: [{ field: 'account.country', op: 'eq', value: 'US' }], priority: 10 },
  ],
  defaultClass: 'marketing_led',
};

function facts(account: LeadFacts['account']): LeadFacts {
  return { lead: {}, account, email: { domain: null, kind: 'missing' }, phone: { valid: null }, name: { keyboard_mash: false, test: false } };
}

describe('classifyAccount', () => {
  it('gives the class and priority of the first rule that holds, naming it', () => {
    expect(classifyAccount({ facts: facts({ employees: 5000, country: 'US' }), classification })).toEqual({
      accountClass: 'field',
      priority: 90,
      reason: 'classification rule "Enterprise (1000+ employees)" matched',
    });
  });

  it('tries rules in order', () => {
    expect(classifyAccount({ facts: facts({ employees: 120, country: 'US' }), classification })).toMatchObject({ accountClass: 'inside', priority: 60 });
    expect(classifyAccount({ facts: facts({ employees: 10, country: 'us' }), classification })).toMatchObject({ accountClass: 'field', priority: 10 });
  });

  it('falls back to the default class at priority 50', () => {
    expect(classifyAccount({ facts: facts({ employees: 10, country: 'DE' }), classification })).toEqual({
      accountClass: 'marketing_led',
      priority: 50,
      reason: 'no classification rule matched; default class',
    });
    expect(classifyAccount({ facts: facts(null), classification: { rules: [], defaultClass: 'inside' } }).accountClass).toBe('inside');
  });
});
