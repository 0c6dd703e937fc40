import type { Kysely } from 'kysely';
import type { Database, TeamRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { resolveTeamManager } from './resolve-team.ts';
import type { NewTeam } from './team-fields.ts';
import { findTeamByNameIgnoringCase, insertTeamUnlessNameTaken } from './user.repository.ts';

/** The 409 for a team name already in use (names are compared ignoring letter case). */
export function teamNameTaken(name: string, existing: TeamRow | undefined): AppError {
  return new AppError('CONFLICT', {
    userMessage: `a team named "${existing?.name ?? name}" already exists`,
    issues: [{ path: 'name', message: `"${name}" is taken${existing ? ` by team ${existing.id}` : ''}` }],
  });
}

/**
 * Creates a team of the sales organisation. The pact routes each account class to a team by name,
 * so names are unique ignoring case. The manager, when given, must be an active sales manager.
 * Audited.
 */
export async function createTeam(db: Kysely<Database>, options: { input: NewTeam; actor: AuditActor }): Promise<TeamRow> {
  const { input } = options;
  return db.transaction().execute(async (trx) => {
    const manager = input.managerEmail ? await resolveTeamManager(trx, input.managerEmail, 'managerEmail') : null;
    const existing = await findTeamByNameIgnoringCase(trx, input.name);
    if (existing) throw teamNameTaken(input.name, existing);
    const team = await insertTeamUnlessNameTaken(trx, { name: input.name, account_class: input.accountClass, manager_id: manager?.id ?? null });
    if (!team) throw teamNameTaken(input.name, await findTeamByNameIgnoringCase(trx, input.name));
    await recordAudit(trx, {
      actor: options.actor,
      action: 'create',
      entityType: 'team',
      entityId: team.id,
      newValues: { name: team.name, account_class: team.account_class, manager_id: team.manager_id },
    });
    return team;
  });
}
