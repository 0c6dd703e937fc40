import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import type { CampaignRow, Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import type { NewCampaign } from './campaign-fields.ts';
import { findCampaignByNameIgnoringCase, insertCampaignUnlessNameTaken } from './campaign.repository.ts';

/** The 409 for a campaign name already in use (compared ignoring letter case: leads name campaigns by it). */
export function campaignNameTaken(name: string, existing: CampaignRow | undefined): AppError {
  return new AppError('CONFLICT', {
    userMessage: `a campaign named "${existing?.name ?? name}" already exists`,
    issues: [{ path: 'name', message: `"${name}" is taken${existing ? ` by campaign ${existing.id}` : ''}` }],
  });
}

/**
 * Creates a campaign. Names are unique ignoring case (409 naming `name`); cost is integer minor
 * units of `currency`, which defaults to the pact's; dates are whole days. Audited. Admins and
 * marketing only (403).
 */
export async function createCampaign(db: Kysely<Database>, options: { input: NewCampaign; actor: AuditActor; access: AccessContext }): Promise<CampaignRow> {
  const { input } = options;
  assertRoleMay(options.access, 'campaign:write');
  const { pact } = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const existing = await findCampaignByNameIgnoringCase(trx, input.name);
    if (existing) throw campaignNameTaken(input.name, existing);
    const values = {
      name: input.name,
      channel: input.channel,
      source: input.source ?? null,
      cost_minor: input.costMinor ?? 0,
      currency: input.currency ?? pact.currency,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
    };
    const campaign = await insertCampaignUnlessNameTaken(trx, values);
    if (!campaign) throw campaignNameTaken(input.name, await findCampaignByNameIgnoringCase(trx, input.name));
    await recordAudit(trx, { actor: options.actor, action: 'create', entityType: 'campaign', entityId: campaign.id, newValues: values });
    return campaign;
  });
}
