import { describe, expect, it } from 'vitest';
import { approvalsStillNeeded, mayActivatePact, mayProposePact, nextStepFor, pactSideOf } from './pact-permissions.ts';

const approval = { by: 'u1', name: 'Morgan Marketing', at: '2026-01-01T00:00:00.000Z' };
const draft = { version: 2, status: 'draft' as const, marketingApproval: null, salesApproval: null };

describe('who does what with a pact version', () => {
  it('matches the server: admins and marketing propose, marketing and sales managers approve, admins activate', () => {
    expect((['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const).filter(mayProposePact)).toEqual(['admin', 'marketing']);
    expect((['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const).map(pactSideOf)).toEqual([null, 'marketing', 'sales', null, null]);
    expect((['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const).filter(mayActivatePact)).toEqual(['admin']);
  });

  it('says which approvals a draft still needs and what comes next', () => {
    expect(approvalsStillNeeded(draft)).toEqual(['marketing', 'sales']);
    expect(nextStepFor(draft)).toBe('Waiting for a marketing user and a sales manager to approve it; then an admin puts it in force.');
    const marketingSigned = { ...draft, marketingApproval: approval };
    expect(approvalsStillNeeded(marketingSigned)).toEqual(['sales']);
    expect(nextStepFor(marketingSigned)).toBe('Waiting for a sales manager to approve it; then an admin puts it in force.');
    const approved = { ...draft, status: 'approved' as const, marketingApproval: approval, salesApproval: approval };
    expect(approvalsStillNeeded(approved)).toEqual([]);
    expect(nextStepFor(approved)).toMatch(/^Both sides approved it\. An admin/);
    expect(nextStepFor({ ...approved, status: 'active' })).toBe('This version is in force.');
    // Retired and active versions need nothing, whatever their approvals say.
    expect(approvalsStillNeeded({ ...draft, status: 'retired' })).toEqual([]);
  });
});
