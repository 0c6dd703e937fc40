import type { Insertable, Updateable } from 'kysely';
import type { CampaignRow, CampaignsTable, Db } from '../../db/database.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Campaigns named by id or by exact name. */
export async function findCampaignsByIdOrName(db: Db, references: readonly string[]): Promise<CampaignRow[]> {
  if (references.length === 0) return [];
  const ids = references.filter((reference) => uuidPattern.test(reference));
  const names = references.filter((reference) => !uuidPattern.test(reference));
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where((eb) => {
      const clauses = [];
      if (ids.length > 0) clauses.push(eb('id', 'in', ids));
      if (names.length > 0) clauses.push(eb('name', 'in', names));
      return eb.or(clauses);
    })
    .execute();
}

export async function findCampaignNamesByIds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The campaign with this name in any letter case. */
export async function findCampaignByNameIgnoringCase(db: Db, name: string): Promise<CampaignRow | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Inserts a campaign unless its name is taken (the unique index decides); undefined when it was. */
export async function insertCampaignUnlessNameTaken(db: Db, campaign: Insertable<CampaignsTable>): Promise<CampaignRow | undefined> {
  return db
    .insertInto('campaigns')
    .values(campaign)
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function lockCampaignById(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateCampaign(db: Db, id: string, changes: Updateable<CampaignsTable>): Promise<CampaignRow> {
  return db.updateTable('campaigns').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export type CampaignWithCounts = CampaignRow & { lead_count: number; touch_count: number };

/**
 * Every campaign (or the one with `campaignId`) with the live leads it brought in and the touches
 * attributed to it, in one query; newest start first, undated last, then by name.
 */
export async function listCampaignsWithCounts(db: Db, campaignId?: string): Promise<CampaignWithCounts[]> {
  let query = db
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .select((eb) => [
      eb
        .selectFrom('leads')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('leads.campaign_id', '=', 'campaigns.id')
        .where('leads.merged_into_id', 'is', null)
        .as('lead_count'),
      eb.selectFrom('touches').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('touches.campaign_id', '=', 'campaigns.id').as('touch_count'),
    ]);
  if (campaignId !== undefined) query = query.where('campaigns.id', '=', campaignId);
  const rows = await query.orderBy('campaigns.starts_on', (order) => order.desc().nullsLast()).orderBy('campaigns.name').execute();
  return rows.map((row) => ({ ...row, lead_count: Number(row.lead_count ?? 0), touch_count: Number(row.touch_count ?? 0) }));
}
