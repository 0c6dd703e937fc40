import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { UserPrincipal } from '../../src/core/access/principal.ts';
import type { DatabaseHandle } from '../../src/db/open-database.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repositoryRoot, 'bin', 'leadpact.js');

/** Throw-away databases only: the benchmark's copy of the demo organisation. */
export const benchPassword = 'web-bench-only-correct-horse-battery';

/** The demo's marketing user: marketing reads every lead, so its lead list is the largest there is. */
const listUserEmail = 'morgan@demo.leadpact.dev';

export interface BenchUser {
  principal: UserPrincipal;
  name: string;
  /** Leads in stages inquiry–sql (rep) or every lead the user may read (list user). */
  openLeads: number;
  /** The rep's leads in the inbox's default view (MQL and SAL): the rows the inbox shows. */
  toWorkLeads: number;
}

async function asPrincipal(handle: DatabaseHandle, email: string): Promise<{ principal: UserPrincipal; name: string }> {
  const user = await handle.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'team_id']).where('email', '=', email).executeTakeFirst();
  if (!user) throw new Error(`no user ${email} in the demo organisation`);
  return { principal: { kind: 'user', userId: user.id, role: user.role, teamId: user.team_id, email: user.email, sessionId: null }, name: user.name };
}

/**
 * The two people the benchmark signs in as: the sales rep holding the most open leads (the heaviest
 * inbox) and the marketing user (the lead list over every lead).
 */
export async function pickBenchUsers(handle: DatabaseHandle): Promise<{ rep: BenchUser; listUser: BenchUser }> {
  const busiest = await handle.db
    .selectFrom('leads')
    .innerJoin('users', 'users.id', 'leads.owner_id')
    .select(['users.email', (eb) => eb.fn.countAll<number>().as('open_leads'), sql<number>`count(*) filter (where leads.stage in ('mql', 'sal'))`.as('to_work')])
    .where('users.role', '=', 'sales_rep')
    .where('leads.merged_into_id', 'is', null)
    .where('leads.stage', 'in', ['inquiry', 'mql', 'sal', 'sql'])
    .groupBy('users.email')
    .orderBy('open_leads', 'desc')
    .orderBy('users.email')
    .executeTakeFirst();
  if (!busiest) throw new Error('no sales rep holds an open lead: the demo organisation did not load as expected');
  const everyLead = await handle.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('count')).where('merged_into_id', 'is', null).executeTakeFirstOrThrow();
  return {
    rep: { ...(await asPrincipal(handle, busiest.email)), openLeads: Number(busiest.open_leads), toWorkLeads: Number(busiest.to_work) },
    listUser: { ...(await asPrincipal(handle, listUserEmail)), openLeads: Number(everyLead.count), toWorkLeads: 0 },
  };
}

/** Gives each user the bench password the way an operator would: `leadpact user password EMAIL --password-stdin`. */
export function setBenchPasswords(emails: readonly string[], databaseEnv: Record<string, string>): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', LEADPACT_DATA_DIR: '', LOG_LEVEL: 'warn', ...databaseEnv };
  for (const email of emails) {
    const result = spawnSync(process.execPath, [cli, 'user', 'password', email, '--password-stdin'], { cwd: repositoryRoot, env, input: `${benchPassword}\n`, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`leadpact user password ${email} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
