import { sql, type Selectable } from 'kysely';
import type { Db, LawfulBasisValue, LeadConsentsTable } from '../../db/database.ts';

export type LeadConsentRow = Selectable<LeadConsentsTable>;

export interface ConsentToInsert {
  leadId: string;
  basis: LawfulBasisValue;
  marketingEmail: boolean | null;
  source: string | null;
  capturedAt: Date;
}

/**
 * Stores consent statements in one statement. A statement the lead already has in force (same
 * basis, marketing permission and source, not withdrawn) is skipped: a re-sent form or re-imported
 * row restates it and adds nothing. Returns the rows stored.
 */
export async function insertConsents(db: Db, consents: readonly ConsentToInsert[]): Promise<LeadConsentRow[]> {
  if (consents.length === 0) return [];
  const payload = JSON.stringify(
    consents.map((consent) => ({ lead_id: consent.leadId, basis: consent.basis, marketing_email: consent.marketingEmail, source: consent.source, captured_at: consent.capturedAt.toISOString() })),
  );
  const result = await sql<LeadConsentRow>`
    insert into lead_consents (lead_id, basis, marketing_email, source, captured_at)
    select r.lead_id, r.basis, r.marketing_email, r.source, r.captured_at
    from jsonb_to_recordset(${payload}::jsonb) as r(lead_id uuid, basis text, marketing_email boolean, source text, captured_at timestamptz)
    where not exists (
      select 1 from lead_consents c
      where c.lead_id = r.lead_id and c.basis = r.basis and c.withdrawn_at is null
        and c.marketing_email is not distinct from r.marketing_email and c.source is not distinct from r.source
    )
    returning *`.execute(db);
  return result.rows;
}

/** Closes the leads' consents in force (of one basis, when given) at `at`; returns the ids closed. */
export async function withdrawConsents(db: Db, leadIds: readonly string[], options: { basis?: LawfulBasisValue | undefined; at: Date; source: string | null }): Promise<string[]> {
  if (leadIds.length === 0) return [];
  let query = db
    .updateTable('lead_consents')
    .set({ withdrawn_at: options.at, withdrawal_source: options.source })
    .where('lead_id', 'in', [...leadIds])
    .where('withdrawn_at', 'is', null);
  if (options.basis) query = query.where('basis', '=', options.basis);
  const rows = await query.returning('id').execute();
  return rows.map((row) => row.id);
}

/** Every consent statement of the given leads, oldest first. */
export async function listConsentsOfLeads(db: Db, leadIds: readonly string[]): Promise<LeadConsentRow[]> {
  if (leadIds.length === 0) return [];
  return db.selectFrom('lead_consents').selectAll().where('lead_id', 'in', [...leadIds]).orderBy('captured_at').orderBy('recorded_at').execute();
}
