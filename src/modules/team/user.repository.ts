import type { Db, RoleValue, TeamRow, UserRow } from '../../db/database.ts';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<(UserRow & { team_name: string | null })[]> {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .selectAll('users')
    .select('teams.name as team_name')
    .orderBy('users.name')
    .execute();
}

export async function listTeams(db: Db): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertTeam(db: Db, team: { id?: string; name: string; account_class: TeamRow['account_class']; manager_id?: string | null }): Promise<TeamRow> {
  return db.insertInto('teams').values(team).returningAll().executeTakeFirstOrThrow();
}

export async function insertUser(
  db: Db,
  user: { id?: string; email: string; name: string; role: RoleValue; team_id?: string | null; capacity?: number; weight?: number; away_until?: Date | null },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setTeamManager(db: Db, teamId: string, managerId: string): Promise<void> {
  await db.updateTable('teams').set({ manager_id: managerId }).where('id', '=', teamId).execute();
}

/** Columns the sales-org API may change on a user; never the routing counters (see rep.repository.ts). */
export type UserSettingsUpdate = Partial<Pick<UserRow, 'name' | 'role' | 'team_id' | 'capacity' | 'weight' | 'away_until' | 'active'>>;

/** The user with this e-mail in any letter case. */
export async function findUserByEmailIgnoringCase(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/**
 * Inserts a user unless the e-mail is taken (the unique index decides, so two concurrent sign-ups
 * of one address end with one user); undefined when it was taken. The e-mail is stored lowercase.
 */
export async function insertUserUnlessEmailTaken(
  db: Db,
  user: { email: string; name: string; role: RoleValue; team_id: string | null; capacity: number; weight: number; away_until: Date | null },
): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The user row locked until the transaction ends (routing locks the same rows, in id order). */
export async function lockUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function lockUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .forUpdate()
    .executeTakeFirst();
}

export async function updateUserSettings(db: Db, id: string, changes: UserSettingsUpdate, now: Date): Promise<UserRow> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserListFilter {
  role?: RoleValue;
  teamId?: string;
  active?: boolean;
}

export async function queryUsers(db: Db, filter: UserListFilter): Promise<(UserRow & { team_name: string | null })[]> {
  let query = db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id').selectAll('users').select('teams.name as team_name');
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.teamId) query = query.where('users.team_id', '=', filter.teamId);
  if (filter.active !== undefined) query = query.where('users.active', '=', filter.active);
  return query.orderBy('users.name').orderBy('users.id').execute();
}

export async function findTeamById(db: Db, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockTeamById(db: Db, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The team with this name in any letter case. */
export async function findTeamByNameIgnoringCase(db: Db, name: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Inserts a team unless the name is taken (decided by the unique index); undefined when it was. */
export async function insertTeamUnlessNameTaken(db: Db, team: { name: string; account_class: TeamRow['account_class']; manager_id: string | null }): Promise<TeamRow | undefined> {
  return db
    .insertInto('teams')
    .values(team)
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateTeam(db: Db, id: string, changes: Partial<Pick<TeamRow, 'name' | 'account_class' | 'manager_id'>>): Promise<TeamRow> {
  return db.updateTable('teams').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findUserWithTeamName(db: Db, id: string): Promise<(UserRow & { team_name: string | null }) | undefined> {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .selectAll('users')
    .select('teams.name as team_name')
    .where('users.id', '=', id)
    .executeTakeFirst();
}
