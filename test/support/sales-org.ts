import type { Db } from '../../src/db/database.ts';
import { insertTeam, insertUser } from '../../src/modules/team/user.repository.ts';

export interface SalesOrg {
  teams: Record<'field' | 'inside' | 'digital', string>;
  reps: Record<string, string>;
}

/**
 * The three teams the default pact routes to, with reps whose capacities the caller chooses
 * (email → capacity per team). Marketing and sales-manager users for pact approvals.
 */
export async function createSalesOrg(
  db: Db,
  capacities: { field?: Record<string, number>; inside?: Record<string, number>; digital?: Record<string, number> } = {},
): Promise<SalesOrg> {
  const field = await insertTeam(db, { name: 'Field Sales', account_class: 'field' });
  const inside = await insertTeam(db, { name: 'Inside Sales', account_class: 'inside' });
  const digital = await insertTeam(db, { name: 'Digital Sales', account_class: 'marketing_led' });
  const reps: Record<string, string> = {};
  const add = async (teamId: string, members: Record<string, number>) => {
    for (const [email, capacity] of Object.entries(members)) {
      const user = await insertUser(db, { email, name: email.split('@')[0]!, role: 'sales_rep', team_id: teamId, capacity });
      reps[email] = user.id;
    }
  };
  await add(field.id, capacities.field ?? { 'fiona@example.test': 50 });
  await add(inside.id, capacities.inside ?? { 'ivan@example.test': 50, 'iris@example.test': 50 });
  await add(digital.id, capacities.digital ?? { 'dora@example.test': 100 });
  const marketer = await insertUser(db, { email: 'mara@example.test', name: 'Mara Marketing', role: 'marketing' });
  const manager = await insertUser(db, { email: 'sam@example.test', name: 'Sam Manager', role: 'sales_manager', team_id: inside.id });
  reps['mara@example.test'] = marketer.id;
  reps['sam@example.test'] = manager.id;
  return { teams: { field: field.id, inside: inside.id, digital: digital.id }, reps };
}
