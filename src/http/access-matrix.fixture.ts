// The app first: @hono/zod-openapi must extend zod before any schema is built.
import { createTestApp, testOrigin, type TestApp, type TestCredentials, type TestResponse } from '../../test/support/test-app.ts';
import { randomUUID } from 'node:crypto';
import { apiScopes, type ApiScope } from '../core/access/principal.ts';
import { loadConfig } from '../config.ts';
import type { RoleValue } from '../db/database.ts';
import { insertTeam } from '../modules/team/user.repository.ts';
import type { DatabaseKind } from '../../test/support/test-database.ts';
import { createApp } from './create-app.ts';
import { sessionCookieName } from './session-cookie.ts';

/**
 * The organisation the access-matrix test walks: two sales teams (A and B), each with a manager
 * and two reps, plus marketing, an executive and an admin; sessions and API keys; and records
 * (leads, accounts, opportunities, touches) inserted with chosen owners. Only the fixture: the
 * expectations live in the test, not here and not in the policy.
 */

export const people = ['admin', 'marketing', 'managerA', 'repA1', 'repA2', 'managerB', 'repB1', 'repB2', 'executive'] as const;
export type Person = (typeof people)[number];

const roleOf: Record<Person, RoleValue> = {
  admin: 'admin',
  marketing: 'marketing',
  managerA: 'sales_manager',
  repA1: 'sales_rep',
  repA2: 'sales_rep',
  managerB: 'sales_manager',
  repB1: 'sales_rep',
  repB2: 'sales_rep',
  executive: 'executive',
};
const teamOf: Record<Person, 'A' | 'B' | null> = { admin: null, marketing: null, managerA: 'A', repA1: 'A', repA2: 'A', managerB: 'B', repB1: 'B', repB2: 'B', executive: null };

export interface MatrixOrg {
  t: TestApp;
  /** The same database and services under LEADPACT_REPS_SEE_TEAM=true. */
  seesTeamApp: ReturnType<typeof createApp>;
  teamIds: Record<'A' | 'B', string>;
  userIds: Record<Person, string>;
  teamOfUser: Map<string, 'A' | 'B' | null>;
  sessions: Partial<Record<Person, TestCredentials>>;
  keys: Partial<Record<Person, TestCredentials>>;
  /** A rep's key narrowed to reading leads. */
  repReadOnlyKey: TestCredentials;
}

// Hundreds of requests per person in a few seconds: lift the per-user and per-IP limits.
const env = { LEADPACT_RATE_LIMIT_PER_MINUTE: '10000000', LEADPACT_IP_RATE_LIMIT_PER_MINUTE: '10000000' };

export async function createMatrixOrg(kind: DatabaseKind): Promise<MatrixOrg> {
  const t = await createTestApp(kind, { env });
  const seesTeamApp = createApp({ ...t.services, config: loadConfig({ ...env, LEADPACT_REPS_SEE_TEAM: 'true' }) });
  const teamA = await insertTeam(t.database.db, { name: 'Matrix Team A', account_class: 'inside' });
  const teamB = await insertTeam(t.database.db, { name: 'Matrix Team B', account_class: 'inside' });
  const teamIds = { A: teamA.id, B: teamB.id };
  const userIds = {} as Record<Person, string>;
  const teamOfUser = new Map<string, 'A' | 'B' | null>();
  const sessions: MatrixOrg['sessions'] = {};
  const keys: MatrixOrg['keys'] = {};
  for (const person of people) {
    const team = teamOf[person];
    const user = await t.createUser({ role: roleOf[person], email: `${person.toLowerCase()}@matrix.test`, name: person, teamId: team ? teamIds[team] : null });
    userIds[person] = user.id;
    teamOfUser.set(user.id, team);
    if (['admin', 'marketing', 'managerA', 'repA1', 'executive'].includes(person)) {
      sessions[person] = { session: await t.signIn(user.email, user.password!) };
      keys[person] = { apiKey: await t.createApiKey(user.id, apiScopes) };
    }
  }
  teamOfUser.set(t.admin.id, null);
  const repReadOnlyKey = { apiKey: await t.createApiKey(userIds.repA1, ['leads:read'] satisfies ApiScope[]) };
  return { t, seesTeamApp, teamIds, userIds, teamOfUser, sessions, keys, repReadOnlyKey };
}

/** A request to the LEADPACT_REPS_SEE_TEAM app, authenticated like TestApp.callAs. */
export async function requestSeesTeam(org: MatrixOrg, credentials: TestCredentials, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<TestResponse> {
  const headers: Record<string, string> = {};
  if (credentials !== 'anonymous' && 'apiKey' in credentials) headers.authorization = `Bearer ${credentials.apiKey}`;
  if (credentials !== 'anonymous' && 'session' in credentials) {
    headers.cookie = `${sessionCookieName}=${credentials.session.sessionToken}`;
    headers['x-csrf-token'] = credentials.session.csrfToken;
    headers.origin = testOrigin;
  }
  Object.assign(headers, extra);
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await org.seesTeamApp.request(path, init);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Words that appear in a record and nowhere else: a response that contains one leaked it. */
export interface RecordTokens {
  id: string;
  tokens: string[];
}

let sequence = 0;
const nextToken = (prefix: string) => `${prefix}${(sequence += 1).toString(36)}q${randomUUID().slice(0, 6)}`;

export interface LeadSpec {
  ownerId: string | null;
  teamId: string | null;
  stage?: 'mql' | 'junk';
  accountId?: string | null;
  /** Text shared by a group of leads, to find them with `q`. */
  company?: string;
}

/** Inserts leads with the given owners (a fixture: not through capture, so owners are exact). */
export async function insertMatrixLeads(org: MatrixOrg, specs: readonly LeadSpec[]): Promise<RecordTokens[]> {
  const now = new Date();
  const rows = specs.map((spec, index) => {
    const token = nextToken('lead');
    const email = `${token}@matrix-leads.test`;
    return {
      id: randomUUID(),
      email,
      email_key: email,
      email_domain: 'matrix-leads.test',
      email_kind: 'business',
      attributes: '{}',
      first_name: `Fn${token}`,
      last_name: 'Matrix',
      company: spec.company ?? `Co${token}`,
      stage: spec.stage ?? 'mql',
      stage_changed_at: now,
      junk_code: spec.stage === 'junk' ? 'manual' : null,
      junk_reason: spec.stage === 'junk' ? 'fixture' : null,
      owner_id: spec.ownerId,
      team_id: spec.teamId,
      account_id: spec.accountId ?? null,
      assigned_at: spec.ownerId ? now : null,
      created_at: new Date(now.getTime() - index),
      updated_at: now,
    };
  });
  for (let start = 0; start < rows.length; start += 200) await org.t.database.db.insertInto('leads').values(rows.slice(start, start + 200)).execute();
  return rows.map((row) => ({ id: row.id, tokens: [row.email.split('@')[0]!, row.first_name] }));
}

/** One touch on each lead (what the touch list must show only to who may see the lead). */
export async function insertMatrixTouches(org: MatrixOrg, leadIds: readonly string[]): Promise<void> {
  const rows = leadIds.map((leadId) => ({ lead_id: leadId, type: 'webinar', occurred_at: new Date(), dedupe_key: `matrix-${leadId}`, detail: JSON.stringify({ note: 'fixture' }) }));
  for (let start = 0; start < rows.length; start += 200) await org.t.database.db.insertInto('touches').values(rows.slice(start, start + 200)).execute();
}

export async function insertMatrixAccounts(org: MatrixOrg, specs: readonly { ownerId: string | null; namePrefix?: string }[]): Promise<RecordTokens[]> {
  const rows = specs.map((spec) => {
    const token = nextToken('acct');
    return { id: randomUUID(), name: `${spec.namePrefix ?? ''}${token}`, name_key: token, domain: `${token}.matrix-accounts.test`, owner_id: spec.ownerId, account_class: 'inside' as const };
  });
  for (let start = 0; start < rows.length; start += 200) await org.t.database.db.insertInto('accounts').values(rows.slice(start, start + 200)).execute();
  return rows.map((row) => ({ id: row.id, tokens: [row.name_key] }));
}

export async function insertMatrixOpportunities(org: MatrixOrg, specs: readonly { ownerId: string | null }[]): Promise<RecordTokens[]> {
  const rows = specs.map((spec, index) => {
    const token = nextToken('deal');
    return { id: randomUUID(), name: `Deal ${token}`, owner_id: spec.ownerId, amount_minor: 1_000_000, expected_close_on: '2026-06-30', status: 'open' as const, opened_at: new Date(Date.now() - index * 1000) };
  });
  for (let start = 0; start < rows.length; start += 200) await org.t.database.db.insertInto('opportunities').values(rows.slice(start, start + 200)).execute();
  return rows.map((row) => ({ id: row.id, tokens: [row.name.split(' ')[1]!] }));
}
