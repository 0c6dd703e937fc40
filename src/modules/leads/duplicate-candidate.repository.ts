import { sql } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { RecordScope } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { leadScopeCondition } from '../access/record-access.repository.ts';

/** Stores likely-duplicate pairs (a pair already stored is skipped); returns the `lead|other` pairs inserted. */
export async function insertDuplicateCandidates(db: Db, pairs: readonly { lead_id: string; other_lead_id: string; reason: string }[]): Promise<Set<string>> {
  const rows = await bulkInsert<{ lead_id: string; other_lead_id: string }>(
    db,
    'duplicate_candidates',
    { lead_id: 'uuid', other_lead_id: 'uuid', reason: 'text' },
    pairs,
    { conflict: sql`on conflict (lead_id, other_lead_id) do nothing`, returning: ['lead_id', 'other_lead_id'] },
  );
  return new Set(rows.map((row) => `${row.lead_id}|${row.other_lead_id}`));
}

/** The likely-duplicate pairs a lead is part of, with who the other lead is, leaving out pairs whose other lead is outside `scope`. */
export async function listDuplicateCandidatesOfLead(db: Db, leadId: string, scope: RecordScope) {
  return db
    .selectFrom('duplicate_candidates')
    .innerJoin('leads as other', (join) =>
      join.on(sql<boolean>`other.id = case when duplicate_candidates.lead_id = ${leadId}::uuid then duplicate_candidates.other_lead_id else duplicate_candidates.lead_id end`),
    )
    .selectAll('duplicate_candidates')
    .select([
      'other.id as other_id',
      'other.first_name as other_first_name',
      'other.last_name as other_last_name',
      'other.email as other_email',
      'other.company as other_company',
      'other.stage as other_stage',
      'other.grade as other_grade',
      'other.merged_into_id as other_merged_into_id',
    ])
    .where((eb) => eb.or([eb('duplicate_candidates.lead_id', '=', leadId), eb('duplicate_candidates.other_lead_id', '=', leadId)]))
    .where(leadScopeCondition(scope, 'other'))
    .orderBy('duplicate_candidates.created_at')
    .execute();
}

export async function resolveDuplicateCandidates(db: Db, leadA: string, leadB: string, status: 'merged' | 'dismissed', at: Date): Promise<void> {
  await db
    .updateTable('duplicate_candidates')
    .set({ status, resolved_at: at })
    .where((eb) => eb.or([eb.and([eb('lead_id', '=', leadA), eb('other_lead_id', '=', leadB)]), eb.and([eb('lead_id', '=', leadB), eb('other_lead_id', '=', leadA)])]))
    .execute();
}
