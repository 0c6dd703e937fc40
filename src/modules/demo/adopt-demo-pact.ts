import type { Kysely } from 'kysely';
import type { DemoOrganisation } from '../../core/demo/demo-organisation.ts';
import { defaultPact } from '../../core/pact/default-pact.ts';
import type { Database } from '../../db/database.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { findActivePactVersion } from '../pact/pact-version.repository.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { rescoreOpenLeads } from '../pact/rescore-open-leads.ts';
import { operatorAccess } from '../../core/access/access-context.ts';
import { backdateDemoPactVersion } from './demo.repository.ts';

const dayMs = 86_400_000;

/**
 * Days before `now` (the demo pact's activation) at which each step of its history happened, so
 * the version history reads in order: the default pact ran for a fortnight, then the teams
 * proposed their own and each side signed it.
 */
const history = { defaultInstalled: 14, proposed: 7, marketingApproved: 3, salesApproved: 1 } as const;

/**
 * The demo organisation's own pact: the default one plus its competitors' domains, proposed,
 * approved by its marketing lead and a sales manager, and activated at `now` — the workflow a real
 * team follows, so the pact page shows a signed version with history. The demo happens a year in
 * the past, so its steps are dated there too, the default pact the install put in force (version
 * 1, when there is one) included: it is dated before the version that retires it.
 */
export async function adoptDemoPact(
  db: Kysely<Database>,
  options: { competitorDomains: readonly string[]; userIds: Map<string, string>; organisation: DemoOrganisation; now: Date },
): Promise<number> {
  const marketer = options.organisation.users.find((user) => user.role === 'marketing');
  const salesManager = options.organisation.users.find((user) => user.role === 'sales_manager');
  if (!marketer || !salesManager) throw new Error('the demo organisation needs a marketing user and a sales manager');
  const daysBefore = (days: number) => new Date(options.now.getTime() - days * dayMs);

  const installed = await findActivePactVersion(db);
  if (installed) await backdateDemoPactVersion(db, installed.id, { createdAt: daysBefore(history.defaultInstalled), activatedAt: daysBefore(history.defaultInstalled) });

  const document = { ...defaultPact(), name: 'Demo pact', junk: { ...defaultPact().junk, competitorDomains: [...options.competitorDomains] } };
  const actor = { type: 'system' as const, id: null };
  const proposed = await proposePactVersion(db, { document, note: 'Demo organisation pact: the default pact plus our competitors', actor, createdBy: options.userIds.get(marketer.key) ?? null, access: operatorAccess });
  await backdateDemoPactVersion(db, proposed.id, { createdAt: daysBefore(history.proposed) });
  await approvePactVersion(db, { version: proposed.version, approver: { email: marketer.email }, access: operatorAccess, actor, now: daysBefore(history.marketingApproved) });
  await approvePactVersion(db, { version: proposed.version, approver: { email: salesManager.email }, access: operatorAccess, actor, now: daysBefore(history.salesApproved) });
  const activation = await activatePactVersion(db, { version: proposed.version, activatedBy: options.userIds.get(salesManager.key) ?? null, actor, now: options.now, access: operatorAccess });
  await rescoreOpenLeads(db, { runId: activation.rescoreRunId, now: options.now });
  return proposed.version;
}
