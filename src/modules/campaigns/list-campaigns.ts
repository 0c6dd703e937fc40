import type { AccessContext } from '../../core/access/access-context.ts';
import type { Db } from '../../db/database.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { listCampaignsWithCounts, type CampaignWithCounts } from './campaign.repository.ts';

/** Every campaign with its cost, lead count and touch count, newest start first. Every role reads campaigns. */
export async function listCampaigns(db: Db, options: { access: AccessContext }): Promise<CampaignWithCounts[]> {
  assertRoleMay(options.access, 'campaign:read');
  return listCampaignsWithCounts(db);
}
