import type { AccessContext } from '../../core/access/access-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { listCampaignsWithCounts, type CampaignWithCounts } from './campaign.repository.ts';

/**
 * A campaign with its lead and touch counts; 404 when there is none with that id. Every role reads
 * campaigns: cost and counts, no personal data (executives see spend in their reports).
 */
export async function getCampaign(db: Db, options: { campaignId: string; access: AccessContext }): Promise<CampaignWithCounts> {
  const id = options.campaignId;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw AppError.validation([{ path: 'id', message: 'not a campaign id (uuid)' }]);
  assertRoleMay(options.access, 'campaign:read');
  const [campaign] = await listCampaignsWithCounts(db, id);
  if (!campaign) throw AppError.notFound('campaign', id);
  return campaign;
}
