import { describe, expect, it } from 'vitest';
import { landingPathFor, mainNavItemsFor, mayOpenLead, mayVisit } from './navigation.ts';

describe('role-aware navigation', () => {
  it('gives a rep the inbox and lands them there', () => {
    expect(mainNavItemsFor('sales_rep').map((item) => item.to)).toEqual(['/inbox', '/pact']);
    expect(landingPathFor('sales_rep')).toBe('/inbox');
  });

  it('gives every role the pact to read; everyone may open their account page', () => {
    expect(mainNavItemsFor('executive').map((item) => item.to)).toEqual(['/pact']);
    expect(landingPathFor('executive')).toBe('/pact');
    expect(mainNavItemsFor('admin').map((item) => item.to)).toEqual(['/inbox', '/leads', '/accounts', '/pact', '/imports', '/admin']);
    expect(landingPathFor('marketing')).toBe('/leads');
    for (const role of ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const) expect(mayVisit(role, '/account')).toBe(true);
  });

  it('keeps the inbox from roles it is not for', () => {
    expect(mayVisit('marketing', '/inbox')).toBe(false);
    expect(mayVisit('executive', '/inbox')).toBe(false);
    expect(mayVisit('admin', '/inbox')).toBe(true);
  });

  it('opens a lead’s page to the roles that work leads, reps included, and not to executives', () => {
    for (const role of ['admin', 'marketing', 'sales_manager', 'sales_rep'] as const) expect(mayOpenLead(role)).toBe(true);
    expect(mayOpenLead('executive')).toBe(false);
    expect(mayVisit('sales_rep', '/leads')).toBe(false);
  });
});
