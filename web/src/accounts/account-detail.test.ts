import { describe, expect, it } from 'vitest';
import { accountFacts, accountsBackHref, countryName, formatMinorUnits } from './account-detail.ts';
import type { AccountDetail } from './accounts-list-query.ts';

const detail: AccountDetail = {
  account: {
    id: '0b8e7f1c-1111-4222-8333-444455556666',
    name: 'Acme Robotics',
    domain: 'acme-robotics.com',
    website: null,
    industry: 'Manufacturing',
    employees: 1200,
    annualRevenueMinor: 25_000_000_000,
    currency: 'USD',
    country: 'DE',
    ownerId: null,
    accountClass: 'field',
    classPriority: 1,
    classReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  owner: { id: 'u1', name: 'Iris Owner', email: 'iris@x.test', role: 'sales_rep' },
  leadCounts: { total: 0, open: 0, byStage: { inquiry: 0, mql: 0, sal: 0, sql: 0, won: 0, lost: 0, junk: 0, disqualified: 0, recycled: 0 } },
  recentLeads: [],
  openOpportunities: 2,
};

describe('account page', () => {
  it('goes back to the accounts list as it was left, and nowhere else', () => {
    expect(accountsBackHref('/accounts?sort=-leads&class=field')).toBe('/accounts?sort=-leads&class=field');
    expect(accountsBackHref('/leads?grade=A')).toBe('/accounts');
    expect(accountsBackHref('//evil.example/accounts')).toBe('/accounts');
    expect(accountsBackHref(undefined)).toBe('/accounts');
  });

  it('states the known facts in words and the viewer’s formats', () => {
    expect(accountFacts(detail, 'en-GB')).toEqual([
      { label: 'Owner', value: 'Iris Owner' },
      { label: 'Industry', value: 'Manufacturing' },
      { label: 'Employees', value: '1,200' },
      { label: 'Annual revenue', value: 'US$250,000,000' },
      { label: 'Country', value: 'Germany' },
      { label: 'Open opportunities', value: '2' },
    ]);
    const bare = { ...detail, owner: null, account: { ...detail.account, industry: null, employees: null, annualRevenueMinor: null, country: null } };
    expect(accountFacts(bare, 'en-GB')).toEqual([
      { label: 'Owner', value: 'No owner' },
      { label: 'Open opportunities', value: '2' },
    ]);
  });

  it('reads money in minor units of any currency and country codes', () => {
    expect(formatMinorUnits(123_456, 'EUR', 'en-GB')).toBe('€1,235');
    expect(formatMinorUnits(5000, 'JPY', 'en-GB')).toBe('JP¥5,000');
    expect(countryName('us', 'en-GB')).toBe('United States');
    expect(countryName('not a code', 'en-GB')).toBe('not a code');
  });
});
