import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { resolveTeam } from './resolve-team.ts';
import { awayUntilInstant, type UserChanges } from './user-fields.ts';
import { lockUserByEmail, lockUserById, updateUserSettings, type UserSettingsUpdate } from './user.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Changes a user's settings: name, role, team, capacity, weight, away-until, active. The row is
 * locked first — the same lock routing takes — so a change never interleaves with an assignment.
 * The routing counters are left alone; leads the user already owns stay theirs (deactivating or
 * marking someone away only stops new assignments). The audit entry holds the old and new value of
 * every column that changed.
 */
export async function updateUser(
  db: Kysely<Database>,
  options: { /** The user's id or e-mail (any letter case). */ user: string; changes: UserChanges; actor: AuditActor; now: Date },
): Promise<UserRow> {
  const { changes, user } = options;
  const byEmail = user.includes('@');
  if (!byEmail && !uuidPattern.test(user)) throw AppError.validation([{ path: 'id', message: 'not a user id (uuid) or e-mail' }]);
  const { pact } = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const before = byEmail ? await lockUserByEmail(trx, user) : await lockUserById(trx, user);
    if (!before) throw AppError.notFound('user', user);
    const update: UserSettingsUpdate = {};
    if (changes.name !== undefined) update.name = changes.name;
    if (changes.role !== undefined) update.role = changes.role;
    if (changes.team !== undefined) update.team_id = changes.team === null ? null : (await resolveTeam(trx, changes.team, 'team')).id;
    if (changes.capacity !== undefined) update.capacity = changes.capacity;
    if (changes.weight !== undefined) update.weight = changes.weight;
    if (changes.awayUntil !== undefined) update.away_until = awayUntilInstant(changes.awayUntil, pact.sla.calendar.timeZone);
    if (changes.active !== undefined) update.active = changes.active;
    const changed = (Object.keys(update) as (keyof UserSettingsUpdate)[]).filter((column) => !sameValue(update[column], before[column]));
    if (changed.length === 0) return before;
    const after = await updateUserSettings(trx, before.id, Object.fromEntries(changed.map((column) => [column, update[column]])), options.now);
    await recordAudit(trx, {
      actor: options.actor,
      action: 'update',
      entityType: 'user',
      entityId: before.id,
      oldValues: Object.fromEntries(changed.map((column) => [column, before[column]])),
      newValues: Object.fromEntries(changed.map((column) => [column, after[column]])),
    });
    return after;
  });
}
