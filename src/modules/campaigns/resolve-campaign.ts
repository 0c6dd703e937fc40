import type { CampaignRow, Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findCampaignsByIdOrName } from './campaign.repository.ts';

/** The campaign a reference names (its id or exact name); a 400 naming `campaign` when none does. */
export async function resolveCampaign(db: Db, reference: string): Promise<CampaignRow> {
  const [campaign] = await findCampaignsByIdOrName(db, [reference]);
  if (!campaign) throw AppError.validation([{ path: 'campaign', message: `no campaign "${reference}" (give its id or exact name)` }]);
  return campaign;
}
