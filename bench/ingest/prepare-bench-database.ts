import type { DemoCampaign } from '../../src/core/demo/demo-organisation.ts';
import type { TeamRow } from '../../src/db/database.ts';
import type { DatabaseHandle } from '../../src/db/open-database.ts';
import { prepareDatabase } from '../../src/db/prepare-database.ts';
import { systemActor } from '../../src/modules/audit/record-audit.ts';
import { createApiKey } from '../../src/modules/identity/create-api-key.ts';
import { insertCampaignUnlessNameTaken } from '../../src/modules/campaigns/campaign.repository.ts';
import { insertTeam, insertUser } from '../../src/modules/team/user.repository.ts';

/** The teams the default pact routes to, with as many reps as the demo organisation has. */
const teams: readonly { name: string; accountClass: TeamRow['account_class']; reps: number }[] = [
  { name: 'Field Sales', accountClass: 'field', reps: 7 },
  { name: 'Inside Sales', accountClass: 'inside', reps: 11 },
  { name: 'Digital Sales', accountClass: 'marketing_led', reps: 7 },
];

/** So large that routing never runs out of room: the benchmark measures capture, not a full inbox. */
const repCapacity = 1_000_000;

/**
 * Schema, default pact, the sales organisation (3 teams, 25 reps of weights 1–3) and the
 * campaigns the leads name: what a real install has before its first import.
 */
export async function prepareBenchDatabase(handle: DatabaseHandle, campaigns: readonly DemoCampaign[]): Promise<void> {
  await prepareDatabase(handle);
  for (const team of teams) {
    const row = await insertTeam(handle.db, { name: team.name, account_class: team.accountClass });
    for (let index = 1; index <= team.reps; index += 1) {
      const slug = team.name.toLowerCase().replace(/ /g, '-');
      await insertUser(handle.db, { email: `rep-${index}@${slug}.bench.test`, name: `${team.name} rep ${index}`, role: 'sales_rep', team_id: row.id, capacity: repCapacity, weight: 1 + (index % 3) });
    }
  }
  for (const campaign of campaigns) {
    await insertCampaignUnlessNameTaken(handle.db, {
      name: campaign.name,
      channel: campaign.channel,
      source: campaign.source,
      cost_minor: campaign.costMinor,
      currency: campaign.currency,
      starts_on: campaign.startsOn,
      ends_on: campaign.endsOn,
    });
  }
}

/** An API key allowed to capture (its owner a marketing user), as the `Authorization` header value. */
export async function createBenchApiKey(handle: DatabaseHandle): Promise<string> {
  const owner = await insertUser(handle.db, { email: 'ingest-bench@marketing.bench.test', name: 'Ingest bench', role: 'marketing' });
  const created = await createApiKey(handle.db, { owner, name: 'ingest bench', scopes: ['capture'], now: new Date(), actor: systemActor });
  return `Bearer ${created.secretText}`;
}
