import { sql } from 'kysely';
import type { Db, LeadRow, StageValue } from '../../db/database.ts';

export async function countOpenLeads(db: Db, stages: readonly StageValue[]): Promise<number> {
  const row = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('stage', 'in', [...stages])
    .where('merged_into_id', 'is', null)
    .where('erased_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The next page of open leads by id (keyset pagination: stable while rows change). */
export async function listOpenLeadsAfter(db: Db, stages: readonly StageValue[], afterId: string, limit: number): Promise<LeadRow[]> {
  // Erased people are kept only as anonymous numbers: nothing about them is scored again.
  let query = db.selectFrom('leads').selectAll().where('stage', 'in', [...stages]).where('merged_into_id', 'is', null).where('erased_at', 'is', null);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

export interface LeadScoreUpdate {
  id: string;
  fit_score: number;
  engagement_score: number;
  score: number;
  grade: string;
  score_explanation: Record<string, unknown>;
  scored_at: Date;
  mql_clause: string | null;
  pact_version_id: string;
  stage: StageValue;
  stage_changed_at: Date;
  team_id: string | null;
  owner_id: string | null;
  assigned_at: Date | null;
  routing: Record<string, unknown> | null;
}

/** Writes new scores (and stage/routing) for many leads in one statement. */
export async function updateLeadScores(db: Db, updates: readonly LeadScoreUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const payload = JSON.stringify(updates.map((update) => ({ ...update, scored_at: update.scored_at.toISOString(), stage_changed_at: update.stage_changed_at.toISOString(), assigned_at: update.assigned_at?.toISOString() ?? null })));
  await sql`
    update leads set
      fit_score = r.fit_score, engagement_score = r.engagement_score, score = r.score, grade = r.grade,
      score_explanation = r.score_explanation, scored_at = r.scored_at, mql_clause = r.mql_clause,
      pact_version_id = r.pact_version_id, stage = r.stage, stage_changed_at = r.stage_changed_at,
      team_id = r.team_id, owner_id = r.owner_id, assigned_at = r.assigned_at, routing = r.routing,
      updated_at = r.scored_at
    from jsonb_to_recordset(${payload}::jsonb) as r(
      id uuid, fit_score integer, engagement_score double precision, score integer, grade text,
      score_explanation jsonb, scored_at timestamptz, mql_clause text, pact_version_id uuid, stage text,
      stage_changed_at timestamptz, team_id uuid, owner_id uuid, assigned_at timestamptz, routing jsonb)
    where leads.id = r.id`.execute(db);
}
