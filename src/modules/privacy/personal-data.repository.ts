import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Every touch of the leads, oldest first, with its campaign's name. */
export async function listTouchesOfLeads(db: Db, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return db
    .selectFrom('touches')
    .leftJoin('campaigns', 'campaigns.id', 'touches.campaign_id')
    .selectAll('touches')
    .select('campaigns.name as campaign_name')
    .where('touches.lead_id', 'in', [...leadIds])
    .orderBy('touches.occurred_at')
    .execute();
}

/** Every event of the leads, in order. */
export async function listEventsOfLeads(db: Db, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return db.selectFrom('lead_events').selectAll().where('lead_id', 'in', [...leadIds]).orderBy('at').orderBy('id').execute();
}

/** Every likely-duplicate pair either side of which is one of the leads. */
export async function listDuplicateCandidatesOfLeads(db: Db, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return db
    .selectFrom('duplicate_candidates')
    .selectAll()
    .where((eb) => eb.or([eb('lead_id', 'in', [...leadIds]), eb('other_lead_id', 'in', [...leadIds])]))
    .orderBy('created_at')
    .execute();
}

export async function listOpportunitiesOfLeads(db: Db, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return db.selectFrom('opportunities').selectAll().where('lead_id', 'in', [...leadIds]).orderBy('opened_at').execute();
}

/** The import report rows that landed on the leads, with the file they came from. */
export async function listImportRowsOfLeads(db: Db, leadIds: readonly string[]) {
  if (leadIds.length === 0) return [];
  return db
    .selectFrom('import_rows')
    .innerJoin('imports', 'imports.id', 'import_rows.import_id')
    .select(['import_rows.import_id', 'imports.file_name', 'imports.started_at', 'import_rows.line', 'import_rows.outcome', 'import_rows.lead_id', 'import_rows.field', 'import_rows.message'])
    .where('import_rows.lead_id', 'in', [...leadIds])
    .orderBy('imports.started_at')
    .orderBy('import_rows.line')
    .execute();
}

/**
 * Audit entries about the given records, and — when a pattern is given — any entry whose recorded
 * values match it (PostgreSQL `~*`), oldest first.
 */
export async function listAuditEntriesAbout(db: Db, entityIds: readonly string[], valuePattern: string | null) {
  if (entityIds.length === 0 && valuePattern === null) return [];
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => {
      const clauses = [];
      if (entityIds.length > 0) clauses.push(eb('entity_id', 'in', [...entityIds]));
      if (valuePattern !== null) {
        clauses.push(eb(sql`old_values::text`, '~*', valuePattern));
        clauses.push(eb(sql`new_values::text`, '~*', valuePattern));
      }
      return eb.or(clauses);
    })
    .orderBy('id')
    .execute();
}
