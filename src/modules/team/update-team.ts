import type { Kysely } from 'kysely';
import type { Database, TeamRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { teamNameTaken } from './create-team.ts';
import { resolveTeamManager } from './resolve-team.ts';
import type { TeamChanges } from './team-fields.ts';
import { findTeamByNameIgnoringCase, lockTeamById, updateTeam as updateTeamRow } from './user.repository.ts';

type TeamColumnChanges = Partial<Pick<TeamRow, 'name' | 'account_class' | 'manager_id'>>;

/**
 * Renames a team, changes its account class or sets its manager (an active sales manager; null
 * removes the manager). Renaming a team the pact routes to is allowed; the pact then names a team
 * that no longer exists until it is amended, which routing reports on each lead. The audit entry
 * holds the old and new value of every column that changed.
 */
export async function updateTeam(db: Kysely<Database>, options: { teamId: string; changes: TeamChanges; actor: AuditActor }): Promise<TeamRow> {
  const { changes } = options;
  return db.transaction().execute(async (trx) => {
    const before = await lockTeamById(trx, options.teamId);
    if (!before) throw AppError.notFound('team', options.teamId);
    const update: TeamColumnChanges = {};
    if (changes.name !== undefined && changes.name !== before.name) {
      const existing = await findTeamByNameIgnoringCase(trx, changes.name);
      if (existing && existing.id !== before.id) throw teamNameTaken(changes.name, existing);
      update.name = changes.name;
    }
    if (changes.accountClass !== undefined) update.account_class = changes.accountClass;
    if (changes.managerEmail !== undefined) {
      update.manager_id = changes.managerEmail === null ? null : (await resolveTeamManager(trx, changes.managerEmail, 'managerEmail')).id;
    }
    const changed = (Object.keys(update) as (keyof TeamColumnChanges)[]).filter((column) => update[column] !== before[column]);
    if (changed.length === 0) return before;
    const after = await updateTeamRow(trx, before.id, update).catch((error: unknown) => {
      // A concurrent rename to the same name loses at the unique index.
      if (update.name !== undefined && (error as { code?: string }).code === '23505') throw teamNameTaken(update.name, undefined);
      throw error;
    });
    await recordAudit(trx, {
      actor: options.actor,
      action: 'update',
      entityType: 'team',
      entityId: before.id,
      oldValues: Object.fromEntries(changed.map((column) => [column, before[column]])),
      newValues: Object.fromEntries(changed.map((column) => [column, after[column]])),
    });
    return after;
  });
}
