import type { Kysely, Updateable } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import type { CampaignRow, CampaignsTable, Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { campaignNameTaken } from './create-campaign.ts';
import { campaignDatesProblem, type CampaignChanges } from './campaign-fields.ts';
import { findCampaignByNameIgnoringCase, lockCampaignById, updateCampaign as updateCampaignRow } from './campaign.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Changes a campaign's name, channel, source, cost or dates. The dates are checked together with
 * the stored ones (400 naming `endsOn` when the campaign would end before it starts); a new name
 * must be free (409 naming `name`). The audit entry holds the old and new value of every column
 * that changed. Admins and marketing only (403).
 */
export async function updateCampaign(db: Kysely<Database>, options: { campaignId: string; changes: CampaignChanges; actor: AuditActor; now: Date; access: AccessContext }): Promise<CampaignRow> {
  const { changes } = options;
  if (!uuidPattern.test(options.campaignId)) throw AppError.validation([{ path: 'id', message: 'not a campaign id (uuid)' }]);
  assertRoleMay(options.access, 'campaign:write');
  return db.transaction().execute(async (trx) => {
    const before = await lockCampaignById(trx, options.campaignId);
    if (!before) throw AppError.notFound('campaign', options.campaignId);
    const update: Updateable<CampaignsTable> = {};
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.channel !== undefined) update.channel = changes.channel;
    if (changes.source !== undefined) update.source = changes.source;
    if (changes.costMinor !== undefined) update.cost_minor = changes.costMinor;
    if (changes.currency !== undefined) update.currency = changes.currency;
    if (changes.startsOn !== undefined) update.starts_on = changes.startsOn;
    if (changes.endsOn !== undefined) update.ends_on = changes.endsOn;
    const problem = campaignDatesProblem(update.starts_on === undefined ? before.starts_on : update.starts_on, update.ends_on === undefined ? before.ends_on : update.ends_on);
    if (problem) throw AppError.validation([{ path: changes.endsOn !== undefined ? 'endsOn' : 'startsOn', message: problem }]);
    if (update.name !== undefined && update.name !== before.name) {
      const existing = await findCampaignByNameIgnoringCase(trx, update.name);
      if (existing && existing.id !== before.id) throw campaignNameTaken(update.name, existing);
    }
    const changed = (Object.keys(update) as (keyof CampaignRow)[]).filter((column) => (update as Partial<CampaignRow>)[column] !== before[column]);
    if (changed.length === 0) return before;
    const after = await updateCampaignRow(trx, before.id, { ...Object.fromEntries(changed.map((column) => [column, (update as Partial<CampaignRow>)[column]])), updated_at: options.now }).catch(
      (error: unknown) => {
        // A concurrent rename to the same name loses at the unique index.
        if ((error as { code?: string }).code === '23505') throw campaignNameTaken(update.name ?? before.name, undefined);
        throw error;
      },
    );
    await recordAudit(trx, {
      actor: options.actor,
      action: 'update',
      entityType: 'campaign',
      entityId: before.id,
      oldValues: Object.fromEntries(changed.map((column) => [column, before[column]])),
      newValues: Object.fromEntries(changed.map((column) => [column, after[column]])),
    });
    return after;
  });
}
