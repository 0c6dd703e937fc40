import { generateDemoAccounts } from './generate-demo-accounts.ts';
import { generateDemoCampaigns } from './generate-demo-campaigns.ts';
import { generateDemoLeads } from './generate-demo-leads.ts';
import { demoTeams, generateDemoStaff } from './generate-demo-staff.ts';
import { demoCompetitorDomains, demoDisposableMailDomains, globalFreeMailDomains } from './demo-mail-domains.ts';
import { demoCountries } from './demo-countries.ts';
import type { DemoOrganisation } from './demo-organisation.ts';
import { demoRandom } from './seeded-random.ts';

export { demoCompetitorDomains } from './demo-mail-domains.ts';

/**
 * Builds the whole demo organisation — teams, users, accounts, campaigns and a year of leads up to
 * `now` — from a seed. Pure and deterministic: the same seed and `now` always give a deep-equal
 * result; nothing in it happens after `now` (only plans such as recycle dates and expected close
 * dates may lie beyond). Each part draws from its own random stream, so asking for more leads
 * leaves users, accounts and campaigns unchanged.
 */
export function generateDemoOrganisation(options: { seed: number; now: Date; leadCount?: number; accountCount?: number }): DemoOrganisation {
  const { seed, now } = options;
  const leadCount = options.leadCount ?? 20_000;
  const accountCount = options.accountCount ?? 2_000;
  if (!Number.isInteger(leadCount) || leadCount < 0) throw new Error('leadCount must be a whole number ≥ 0');
  if (!Number.isInteger(accountCount) || accountCount < 0) throw new Error('accountCount must be a whole number ≥ 0');
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');

  const takenDomains = new Set<string>([
    ...demoCompetitorDomains,
    ...demoDisposableMailDomains,
    ...globalFreeMailDomains.map(([domain]) => domain),
    ...demoCountries.flatMap((country) => country.localFreeMail),
  ]);
  const users = generateDemoStaff(demoRandom(seed, 'staff'), now);
  const accounts = generateDemoAccounts(demoRandom(seed, 'accounts'), accountCount, users, takenDomains);
  const campaignPlans = generateDemoCampaigns(demoRandom(seed, 'campaigns'), now);
  const leads = generateDemoLeads(demoRandom(seed, 'leads'), { now, leadCount, accounts, users, campaignPlans, takenDomains });
  return {
    seed,
    now: new Date(now.getTime()),
    teams: demoTeams.map((team) => ({ ...team })),
    users,
    accounts,
    campaigns: campaignPlans.map((plan) => plan.campaign),
    leads,
  };
}
