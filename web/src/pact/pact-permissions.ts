import type { Role } from '../auth/session-query.ts';
import type { PactVersion } from './pact-document.ts';

// These mirror the server's access policy (src/core/access/access-policy.ts: pact:propose,
// pact:approve, pact:activate) to decide which buttons to show; the server still decides.

export type PactSide = 'marketing' | 'sales';

export const pactSideLabels: Record<PactSide, string> = { marketing: 'Marketing', sales: 'Sales' };
/** Who signs for each side. */
export const pactSideSigners: Record<PactSide, string> = { marketing: 'a marketing user', sales: 'a sales manager' };

/** Admins (revenue operations) and marketing write drafts; sales has its say by approving. */
export function mayProposePact(role: Role): boolean {
  return role === 'admin' || role === 'marketing';
}

/** The side a role approves for: marketing for marketing, sales for a sales manager, none for others. */
export function pactSideOf(role: Role): PactSide | null {
  if (role === 'marketing') return 'marketing';
  if (role === 'sales_manager') return 'sales';
  return null;
}

/** Only admins put an approved version in force. */
export function mayActivatePact(role: Role): boolean {
  return role === 'admin';
}

/** The sides that have not approved `version` yet (none once it left draft). */
export function approvalsStillNeeded(version: Pick<PactVersion, 'status' | 'marketingApproval' | 'salesApproval'>): PactSide[] {
  if (version.status !== 'draft') return [];
  return [version.marketingApproval ? null : 'marketing', version.salesApproval ? null : 'sales'].filter((side): side is PactSide => side !== null);
}

/** What has to happen next to `version`, in one sentence for whoever is looking. */
export function nextStepFor(version: Pick<PactVersion, 'status' | 'marketingApproval' | 'salesApproval' | 'version'>): string {
  if (version.status === 'active') return 'This version is in force.';
  if (version.status === 'retired') return 'This version was replaced by a later one.';
  if (version.status === 'approved') return 'Both sides approved it. An admin can now put it in force; every open lead is then rescored.';
  const waitingFor = approvalsStillNeeded(version).map((side) => pactSideSigners[side]);
  return `Waiting for ${waitingFor.join(' and ')} to approve it; then an admin puts it in force.`;
}
