import { describe, expect, it } from 'vitest';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { classifyAccountColumns, isClassSetByHand } from './account-classification.ts';

const pact = defaultPact();
const account = { name: 'Acme', domain: 'acme.com', industry: null, employees: null, annual_revenue_minor: null, currency: 'USD', country: 'US', ownerEmail: null };

describe('classifyAccountColumns', () => {
  it('classifies by the pact on the account’s own fields', () => {
    expect(classifyAccountColumns({ ...account, employees: 300 }, pact, null)).toEqual({ account_class: 'inside', class_priority: 60, class_reason: 'classification rule "Mid-market" matched' });
    expect(classifyAccountColumns({ ...account, annual_revenue_minor: 200_000_000_00 }, pact, null).account_class).toBe('field');
    expect(classifyAccountColumns(account, pact, null)).toMatchObject({ account_class: 'marketing_led', class_priority: 50 });
  });

  it('never compares revenue in another currency with the pact’s thresholds', () => {
    expect(classifyAccountColumns({ ...account, annual_revenue_minor: 200_000_000_00, currency: 'JPY' }, pact, null).account_class).toBe('marketing_led');
  });

  it('keeps a class set by hand, saying what the pact would have said', () => {
    const byHand = classifyAccountColumns({ ...account, employees: 5000 }, pact, 'inside');
    expect(byHand).toEqual({ account_class: 'inside', class_priority: 50, class_reason: 'set by hand (the pact would say field)' });
    expect(isClassSetByHand(byHand)).toBe(true);
    expect(classifyAccountColumns({ ...account, employees: 5000 }, pact, 'field').class_priority).toBe(80);
    expect(isClassSetByHand(classifyAccountColumns(account, pact, null))).toBe(false);
  });
});
