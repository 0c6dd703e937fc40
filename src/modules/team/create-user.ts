import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { resolveTeam } from './resolve-team.ts';
import { awayUntilInstant, type NewUser } from './user-fields.ts';
import { findUserByEmailIgnoringCase, insertUserUnlessEmailTaken } from './user.repository.ts';

function emailTaken(email: string, existing: UserRow | undefined): AppError {
  return new AppError('CONFLICT', {
    userMessage: `a user with e-mail ${existing?.email ?? email.toLowerCase()} already exists`,
    issues: [{ path: 'email', message: `${email} is taken${existing ? ` by user ${existing.id}` : ''}` }],
  });
}

/**
 * Adds a person to the sales organisation. E-mails are unique ignoring letter case and stored
 * lowercase. Capacity defaults to 0 (out of routing) except that a sales rep must be given one;
 * weight defaults to 1. A day given as `awayUntil` is the start of that day in the pact's calendar
 * time zone. Routing counters start at 0 and are never set here. Audited.
 */
export async function createUser(db: Kysely<Database>, options: { input: NewUser; actor: AuditActor }): Promise<UserRow> {
  const { input } = options;
  const { pact } = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmailIgnoringCase(trx, input.email);
    if (existing) throw emailTaken(input.email, existing);
    const team = input.team ? await resolveTeam(trx, input.team, 'team') : null;
    const user = await insertUserUnlessEmailTaken(trx, {
      email: input.email,
      name: input.name,
      role: input.role,
      team_id: team?.id ?? null,
      capacity: input.capacity ?? 0,
      weight: input.weight ?? 1,
      away_until: awayUntilInstant(input.awayUntil ?? null, pact.sla.calendar.timeZone),
    });
    if (!user) throw emailTaken(input.email, await findUserByEmailIgnoringCase(trx, input.email));
    await recordAudit(trx, {
      actor: options.actor,
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      newValues: { email: user.email, name: user.name, role: user.role, team_id: user.team_id, capacity: user.capacity, weight: user.weight, away_until: user.away_until, active: user.active },
    });
    return user;
  });
}
