// The fixture first: it loads the app, and @hono/zod-openapi must extend zod before any schema is built.
import {
  createMatrixOrg,
  insertMatrixAccounts,
  insertMatrixLeads,
  insertMatrixOpportunities,
  insertMatrixTouches,
  requestSeesTeam,
  type MatrixOrg,
  type Person,
  type RecordTokens,
} from './access-matrix.fixture.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestCredentials, TestResponse } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';
import { defaultPact } from '../core/pact/default-pact.ts';

/**
 * The access matrix (issue 3): role × object × action × owner relation, generated, against the API.
 * Every expected answer comes from the small tables below — written from the rules in the README
 * ("Who can see and do what"), not from the policy code — so the test can disagree with the code.
 * Each case asserts the status; denied answers must not contain the target's data; denied writes
 * must leave the record as it was; lists must hold exactly the rows the table says the caller sees.
 */

type ActorClass = 'admin' | 'marketing' | 'manager' | 'rep' | 'repSeesTeam' | 'executive';
interface Actor {
  label: string;
  cls: ActorClass;
  person: Person;
  credentials: TestCredentials;
  /** Asks the app running with LEADPACT_REPS_SEE_TEAM=true. */
  seesTeam?: boolean;
  /** A key with only leads:read: every write is refused by scope. */
  readOnlyKey?: boolean;
}

/** How much of a record an actor gets: change it, curate it (marketing on leads), read it, nothing (404), or refused by role (403). */
type Level = 'change' | 'curate' | 'read' | 'hidden' | 'denied';

type LeadRelation = 'own' | 'teammate' | 'teamQueue' | 'otherTeam' | 'unowned';
type AccountRelation = 'own' | 'teammate' | 'linked' | 'otherTeam' | 'unowned';
type OpportunityRelation = 'own' | 'teammate' | 'otherTeam' | 'unowned';

// ---- The expectation tables (the rules, restated) --------------------------------------------

const leadLevel: Record<ActorClass, Record<LeadRelation, Level>> = {
  admin: { own: 'change', teammate: 'change', teamQueue: 'change', otherTeam: 'change', unowned: 'change' },
  marketing: { own: 'curate', teammate: 'curate', teamQueue: 'curate', otherTeam: 'curate', unowned: 'curate' },
  manager: { own: 'change', teammate: 'change', teamQueue: 'change', otherTeam: 'hidden', unowned: 'hidden' },
  rep: { own: 'change', teammate: 'hidden', teamQueue: 'hidden', otherTeam: 'hidden', unowned: 'hidden' },
  repSeesTeam: { own: 'change', teammate: 'read', teamQueue: 'read', otherTeam: 'hidden', unowned: 'hidden' },
  executive: { own: 'denied', teammate: 'denied', teamQueue: 'denied', otherTeam: 'denied', unowned: 'denied' },
};
const accountLevel: Record<ActorClass, Record<AccountRelation, Level>> = {
  admin: { own: 'change', teammate: 'change', linked: 'change', otherTeam: 'change', unowned: 'change' },
  marketing: { own: 'read', teammate: 'read', linked: 'read', otherTeam: 'read', unowned: 'read' },
  manager: { own: 'change', teammate: 'change', linked: 'change', otherTeam: 'hidden', unowned: 'hidden' },
  rep: { own: 'change', teammate: 'hidden', linked: 'read', otherTeam: 'hidden', unowned: 'hidden' },
  repSeesTeam: { own: 'change', teammate: 'read', linked: 'read', otherTeam: 'hidden', unowned: 'hidden' },
  executive: { own: 'denied', teammate: 'denied', linked: 'denied', otherTeam: 'denied', unowned: 'denied' },
};
const opportunityLevel: Record<ActorClass, Record<OpportunityRelation, Level>> = {
  admin: { own: 'change', teammate: 'change', otherTeam: 'change', unowned: 'change' },
  marketing: { own: 'read', teammate: 'read', otherTeam: 'read', unowned: 'read' },
  manager: { own: 'change', teammate: 'change', otherTeam: 'hidden', unowned: 'hidden' },
  rep: { own: 'change', teammate: 'hidden', otherTeam: 'hidden', unowned: 'hidden' },
  repSeesTeam: { own: 'change', teammate: 'read', otherTeam: 'hidden', unowned: 'hidden' },
  executive: { own: 'denied', teammate: 'denied', otherTeam: 'denied', unowned: 'denied' },
};

/** A refusal: 404 when the caller may not see the record, 403 otherwise. */
const refusal = (level: Level) => (level === 'hidden' ? 404 : 403);
const readStatus = (level: Level) => (level === 'hidden' ? 404 : level === 'denied' ? 403 : 200);
const visible = (level: Level) => level === 'change' || level === 'curate' || level === 'read';

/** Lead actions: what each answers, by level and class (field level: only admins skip stages; owners are chosen by admins and managers). */
const leadWrites = {
  editContact: (level: Level) => (level === 'change' || level === 'curate' ? 200 : refusal(level)),
  reassign: (level: Level, cls: ActorClass) => (level === 'change' && (cls === 'admin' || cls === 'manager') ? 200 : refusal(level)),
  // To a rep of team B: a manager of team A may not hand a lead out of their team.
  reassignToTeamB: (level: Level, cls: ActorClass) => (level === 'change' && cls === 'admin' ? 200 : refusal(level)),
  stepStage: (level: Level) => (level === 'change' ? 200 : refusal(level)),
  skipStage: (level: Level, cls: ActorClass) => (level === 'change' && cls === 'admin' ? 200 : refusal(level)),
  setScore: (level: Level) => (level === 'change' || level === 'curate' ? 400 : refusal(level)),
  junk: (level: Level, cls: ActorClass) => (cls === 'admin' || level === 'curate' ? 200 : refusal(level)),
  restore: (level: Level, cls: ActorClass) => (cls === 'admin' || level === 'curate' ? 200 : refusal(level)),
  merge: (level: Level, cls: ActorClass) => (cls === 'admin' || level === 'curate' ? 200 : refusal(level)),
  recordTouch: (level: Level) => (level === 'change' || level === 'curate' ? 201 : refusal(level)),
} as const;
const accountWrites = {
  edit: (level: Level) => (level === 'change' ? 200 : refusal(level)),
  reassign: (level: Level, cls: ActorClass) => (level === 'change' && (cls === 'admin' || cls === 'manager') ? 200 : refusal(level)),
} as const;
const opportunityWrites = {
  edit: (level: Level) => (level === 'change' ? 200 : refusal(level)),
  close: (level: Level) => (level === 'change' ? 200 : refusal(level)),
} as const;

/** Record-independent actions: which classes may (everyone else: 403). */
const roleRules: Record<string, { allowed: readonly ActorClass[]; status: number; deniedStatus?: number }> = {
  'campaign:list': { allowed: ['admin', 'marketing', 'manager', 'rep', 'repSeesTeam', 'executive'], status: 200 },
  'campaign:read': { allowed: ['admin', 'marketing', 'manager', 'rep', 'repSeesTeam', 'executive'], status: 200 },
  'campaign:create': { allowed: ['admin', 'marketing'], status: 201 },
  'campaign:update': { allowed: ['admin', 'marketing'], status: 200 },
  'account:create': { allowed: ['admin', 'manager', 'rep', 'repSeesTeam'], status: 201 },
  'lead:capture': { allowed: ['admin', 'marketing', 'manager', 'rep', 'repSeesTeam'], status: 201 },
  'pact:read': { allowed: ['admin', 'marketing', 'manager', 'rep', 'repSeesTeam', 'executive'], status: 200 },
  'pact:propose': { allowed: ['admin', 'marketing'], status: 201 },
  'pact:approve': { allowed: ['marketing', 'manager'], status: 200 },
  // Admins may activate; a draft cannot be put in force, so theirs is the state's 409.
  'pact:activate': { allowed: ['admin'], status: 409 },
  'import:list': { allowed: ['admin', 'marketing'], status: 200 },
  'import:preview': { allowed: ['admin', 'marketing'], status: 200 },
  'import:upload': { allowed: ['admin', 'marketing'], status: 201 },
  'audit:list': { allowed: ['admin'], status: 200 },
  'audit:export': { allowed: ['admin'], status: 200 },
  'organisation:users': { allowed: ['admin', 'marketing', 'manager'], status: 200 },
  'organisation:teams': { allowed: ['admin', 'marketing', 'manager'], status: 200 },
  'organisation:create-user': { allowed: ['admin'], status: 201 },
  'organisation:update-user': { allowed: ['admin'], status: 200 },
};

// ---- The run -----------------------------------------------------------------------------------

describeEachDatabase('access matrix', (kind) => {
  let org: MatrixOrg;
  let actors: Actor[];
  let casesRun = 0;
  let rowsChecked = 0;
  const failures: string[] = [];

  beforeAll(async () => {
    org = await createMatrixOrg(kind);
    const session = (person: Person) => org.sessions[person]!;
    const key = (person: Person) => org.keys[person]!;
    actors = [
      { label: 'admin (session)', cls: 'admin', person: 'admin', credentials: session('admin') },
      { label: 'admin (key)', cls: 'admin', person: 'admin', credentials: key('admin') },
      { label: 'marketing (session)', cls: 'marketing', person: 'marketing', credentials: session('marketing') },
      { label: 'marketing (key)', cls: 'marketing', person: 'marketing', credentials: key('marketing') },
      { label: 'manager A (session)', cls: 'manager', person: 'managerA', credentials: session('managerA') },
      { label: 'manager A (key)', cls: 'manager', person: 'managerA', credentials: key('managerA') },
      { label: 'rep A1 (session)', cls: 'rep', person: 'repA1', credentials: session('repA1') },
      { label: 'rep A1 (key)', cls: 'rep', person: 'repA1', credentials: key('repA1') },
      { label: 'rep A1 (leads:read key)', cls: 'rep', person: 'repA1', credentials: org.repReadOnlyKey, readOnlyKey: true },
      { label: 'rep A1 (session, reps see team)', cls: 'repSeesTeam', person: 'repA1', credentials: session('repA1'), seesTeam: true },
      { label: 'executive (session)', cls: 'executive', person: 'executive', credentials: session('executive') },
      { label: 'executive (key)', cls: 'executive', person: 'executive', credentials: key('executive') },
    ];
  });
  afterAll(async () => {
    // The closing note quotes this line.
    console.info(`[${kind}] access matrix: ${casesRun} cases run (${failures.length} failed), ${rowsChecked} list rows checked`);
    await org.t.destroy();
  });

  const send = (actor: Actor, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse> =>
    actor.seesTeam ? requestSeesTeam(org, actor.credentials, method, path, body, headers) : org.t.callAs(actor.credentials, method, path, body, headers);

  /** One generated case: the status must match, and a refusal must not carry the target's words. */
  async function check(name: string, actor: Actor, expected: number, response: TestResponse, target?: RecordTokens): Promise<void> {
    casesRun += 1;
    const problems: string[] = [];
    if (response.status !== expected) problems.push(`status ${response.status}, expected ${expected}: ${JSON.stringify(response.body).slice(0, 200)}`);
    if (target && response.status >= 400) {
      const text = JSON.stringify(response.body);
      for (const token of target.tokens) if (text.includes(token)) problems.push(`the refusal contains the target's "${token}"`);
    }
    if (problems.length > 0) failures.push(`${actor.label} · ${name}: ${problems.join('; ')}`);
  }

  const ownerFor = (actor: Actor, relation: LeadRelation | AccountRelation | OpportunityRelation): Person | null => {
    switch (relation) {
      case 'own':
        return actor.person;
      case 'teammate':
        return actor.person === 'repA1' ? 'repA2' : 'repA1';
      case 'otherTeam':
      case 'linked':
        return 'repB1';
      default:
        return null;
    }
  };
  const idOf = (person: Person | null) => (person ? org.userIds[person] : null);
  const teamOfRelation = (relation: LeadRelation) => (relation === 'otherTeam' ? org.teamIds.B : relation === 'unowned' ? null : org.teamIds.A);
  /** Someone to hand a record to: a manager within team A; anyone else to the other team's rep B2 (or rep A2 when B2 had it). */
  const newOwnerFor = (actor: Actor, current: Person | null): string =>
    org.userIds[actor.cls === 'manager' ? (current === 'repA1' ? 'repA2' : 'repA1') : current === 'repB2' ? 'repA2' : 'repB2'];
  /** A lead's relation to the actor, from its owner and team (the owner is the actor, a team A lead, team B's, nobody's). */
  const leadRelationOf = (actor: Actor, owner: Person | null, team: 'A' | 'B' | null): LeadRelation => {
    if (owner !== null && owner === actor.person) return 'own';
    if (team === 'A') return owner === null ? 'teamQueue' : 'teammate';
    return team === 'B' ? 'otherTeam' : 'unowned';
  };
  const relationsFor = <R extends string>(actor: Actor, all: readonly R[]): R[] => all.filter((relation) => relation !== 'own' || ['manager', 'rep', 'repSeesTeam'].includes(actor.cls));

  it('leads: read, list, search, every change, junk, restore, merge, touches and their audit, by owner relation', async () => {
    const relations: readonly LeadRelation[] = ['own', 'teammate', 'teamQueue', 'otherTeam', 'unowned'];
    // Shared records for reads and lists, one per owner the relations use.
    const sharedSpecs: { key: string; owner: Person | null; team: 'A' | 'B' | null }[] = [
      { key: 'managerA', owner: 'managerA', team: 'A' },
      { key: 'repA1', owner: 'repA1', team: 'A' },
      { key: 'repA2', owner: 'repA2', team: 'A' },
      { key: 'queueA', owner: null, team: 'A' },
      { key: 'repB1', owner: 'repB1', team: 'B' },
      { key: 'nobody', owner: null, team: null },
    ];
    const sharedRecords = await insertMatrixLeads(org, sharedSpecs.map((spec) => ({ ownerId: idOf(spec.owner), teamId: spec.team ? org.teamIds[spec.team] : null, company: 'Sharedleadco' })));
    await insertMatrixTouches(org, sharedRecords.map((record) => record.id));
    const shared = new Map(sharedSpecs.map((spec, index) => [spec.key, sharedRecords[index]!]));
    const sharedFor = (actor: Actor, relation: LeadRelation): RecordTokens =>
      shared.get(relation === 'teamQueue' ? 'queueA' : relation === 'unowned' ? 'nobody' : ownerFor(actor, relation)!)!;

    for (const actor of actors) {
      const level = (relation: LeadRelation) => leadLevel[actor.cls][relation];

      // Lists and search: exactly the shared leads the table shows, across pages.
      const list = await send(actor, 'GET', '/api/leads?q=sharedleadco&limit=2');
      if (actor.cls === 'executive') {
        await check('list leads', actor, 403, list);
        await check('list touches', actor, 403, await send(actor, 'GET', '/api/touches'));
      } else {
        const seen = new Set<string>();
        let page = list;
        while (page.status === 200) {
          for (const row of page.body.leads as { id: string }[]) seen.add(row.id);
          if (!page.body.nextCursor) break;
          page = await send(actor, 'GET', `/api/leads?q=sharedleadco&limit=2&cursor=${page.body.nextCursor}`);
        }
        for (const relation of relationsFor(actor, relations)) {
          const record = sharedFor(actor, relation);
          casesRun += 1;
          if (seen.has(record.id) !== visible(level(relation))) failures.push(`${actor.label} · list leads, ${relation}: ${seen.has(record.id) ? 'listed' : 'missing'}`);
        }
        for (const id of seen) {
          const spec = sharedSpecs.find((candidate) => shared.get(candidate.key)!.id === id)!;
          rowsChecked += 1;
          if (!visible(level(leadRelationOf(actor, spec.owner, spec.team)))) failures.push(`${actor.label} · list leads holds ${spec.key}'s lead`);
        }
      }

      for (const relation of relationsFor(actor, relations)) {
        const record = sharedFor(actor, relation);
        await check(`read lead, ${relation}`, actor, readStatus(level(relation)), await send(actor, 'GET', `/api/leads/${record.id}`), record);
        const touches = await send(actor, 'GET', `/api/touches?leadId=${record.id}`);
        if (actor.cls === 'executive') await check(`touches of lead, ${relation}`, actor, 403, touches, record);
        else {
          casesRun += 1;
          const count = touches.status === 200 ? (touches.body.touches as unknown[]).length : -1;
          if (count !== (visible(level(relation)) ? 1 : 0)) failures.push(`${actor.label} · touches of lead, ${relation}: ${count} touches`);
        }
        await check(`audit of lead, ${relation}`, actor, actor.cls === 'admin' ? 200 : 403, await send(actor, 'GET', `/api/leads/${record.id}/audit`), record);

        // Every change on a lead of its own, so cases never depend on each other.
        for (const [action, expectedOf] of Object.entries(leadWrites)) {
          const owner = ownerFor(actor, relation === 'teamQueue' || relation === 'unowned' ? 'unowned' : relation);
          const [target] = await insertMatrixLeads(org, [{ ownerId: idOf(relation === 'teamQueue' || relation === 'unowned' ? null : owner), teamId: teamOfRelation(relation), stage: action === 'restore' ? 'junk' : 'mql' }]);
          const before = await leadSnapshot(target!.id);
          const path = `/api/leads/${target!.id}`;
          let response: TestResponse;
          if (action === 'editContact') response = await send(actor, 'PATCH', path, { city: 'Matrixville' });
          else if (action === 'reassign') response = await send(actor, 'PATCH', path, { ownerId: newOwnerFor(actor, relation === 'teamQueue' || relation === 'unowned' ? null : owner) });
          else if (action === 'reassignToTeamB') response = await send(actor, 'PATCH', path, { ownerId: org.userIds[owner === 'repB1' ? 'repB2' : 'repB1'] });
          else if (action === 'stepStage') response = await send(actor, 'PATCH', path, { stage: 'sal' });
          else if (action === 'skipStage') response = await send(actor, 'PATCH', path, { stage: 'sql' });
          else if (action === 'setScore') response = await send(actor, 'PATCH', path, { score: 100 });
          else if (action === 'junk') response = await send(actor, 'POST', `${path}/junk`, { reason: 'matrix check' });
          else if (action === 'restore') response = await send(actor, 'POST', `${path}/restore`, { reason: 'matrix check' });
          else if (action === 'merge') {
            const [other] = await insertMatrixLeads(org, [{ ownerId: null, teamId: null }]);
            response = await send(actor, 'POST', `${path}/merge`, { otherLeadId: other!.id });
          } else response = await send(actor, 'POST', '/api/touches', { leadId: target!.id, type: 'webinar', occurredAt: '2026-01-15T10:00:00Z' });
          const expected = actor.readOnlyKey ? 403 : expectedOf(level(relation), actor.cls);
          await check(`${action} lead, ${relation}`, actor, expected, response, target);
          if (expected >= 400) await expectUnchanged(`${actor.label} · ${action} lead, ${relation}`, before, await leadSnapshot(target!.id));
        }
      }

      const capture = await send(actor, 'POST', '/api/leads', { email: `captured.${actor.person}.${actor.label.length}.${casesRun}@matrix-capture.test` });
      await check('capture a lead', actor, actor.readOnlyKey ? 403 : roleStatus('lead:capture', actor), capture);
    }
  });

  it('accounts: read, list with lead counts, edit, reassign and create, by owner relation', async () => {
    const relations: readonly AccountRelation[] = ['own', 'teammate', 'linked', 'otherTeam', 'unowned'];
    const owners: (Person | null)[] = ['managerA', 'repA1', 'repA2', 'repB1', 'repB1', null];
    const sharedRecords = await insertMatrixAccounts(org, owners.map((owner) => ({ ownerId: idOf(owner), namePrefix: 'Sharedacct ' })));
    const [byManagerA, byRepA1, byRepA2, linked, otherTeam, unowned] = sharedRecords as [RecordTokens, RecordTokens, RecordTokens, RecordTokens, RecordTokens, RecordTokens];
    // The linked account has a lead of rep A1; the other team's a lead of rep B2 (never counted for team A).
    const [linkedLead] = await insertMatrixLeads(org, [{ ownerId: org.userIds.repA1, teamId: org.teamIds.A, accountId: linked.id }]);
    await insertMatrixLeads(org, [{ ownerId: org.userIds.repB2, teamId: org.teamIds.B, accountId: otherTeam.id }]);
    await insertMatrixLeads(org, [{ ownerId: org.userIds.repB2, teamId: org.teamIds.B, accountId: linked.id }]);
    const sharedFor = (actor: Actor, relation: AccountRelation): RecordTokens => {
      if (relation === 'linked') return linked;
      if (relation === 'otherTeam') return otherTeam;
      if (relation === 'unowned') return unowned;
      const owner = ownerFor(actor, relation);
      return owner === 'managerA' ? byManagerA : owner === 'repA1' ? byRepA1 : byRepA2;
    };

    for (const actor of actors.filter((candidate) => !candidate.readOnlyKey)) {
      const level = (relation: AccountRelation) => accountLevel[actor.cls][relation];
      const list = await send(actor, 'GET', '/api/accounts?q=sharedacct&limit=500');
      if (actor.cls === 'executive') await check('list accounts', actor, 403, list);
      else {
        const rows = list.body.accounts as { id: string; leadCounts: { total: number } }[];
        for (const relation of relationsFor(actor, relations)) {
          const record = sharedFor(actor, relation);
          casesRun += 1;
          const row = rows.find((candidate) => candidate.id === record.id);
          if (Boolean(row) !== visible(level(relation))) failures.push(`${actor.label} · list accounts, ${relation}: ${row ? 'listed' : 'missing'}`);
        }
        for (const row of rows) {
          rowsChecked += 1;
          const index = sharedRecords.findIndex((record) => record.id === row.id);
          const relation: AccountRelation = index === 3 ? 'linked' : index === 4 ? 'otherTeam' : index === 5 ? 'unowned' : owners[index] === actor.person ? 'own' : 'teammate';
          if (!visible(level(relation))) failures.push(`${actor.label} · list accounts holds ${owners[index] ?? 'nobody'}'s account (${relation})`);
          // A rep's count of the linked account's leads holds only the leads they see (theirs, not rep B2's).
          if (row.id === linked.id) {
            rowsChecked += 1;
            const expectedLeads = actor.cls === 'admin' || actor.cls === 'marketing' ? 2 : 1;
            if (row.leadCounts.total !== expectedLeads) failures.push(`${actor.label} · linked account counts ${row.leadCounts.total} leads, expected ${expectedLeads}`);
          }
        }
      }

      for (const relation of relationsFor(actor, relations)) {
        const record = sharedFor(actor, relation);
        const detail = await send(actor, 'GET', `/api/accounts/${record.id}`);
        await check(`read account, ${relation}`, actor, readStatus(level(relation)), detail, record);
        if (detail.status === 200 && record.id === linked.id) {
          rowsChecked += 1;
          const leadIds = (detail.body.recentLeads as { id: string }[]).map((lead) => lead.id);
          const mayAll = actor.cls === 'admin' || actor.cls === 'marketing';
          if (leadIds.length !== (mayAll ? 2 : 1) || !leadIds.includes(linkedLead!.id)) failures.push(`${actor.label} · linked account shows leads ${leadIds.join(',')}`);
        }
        for (const [action, expectedOf] of Object.entries(accountWrites)) {
          const owner = ownerFor(actor, relation);
          const [target] = await insertMatrixAccounts(org, [{ ownerId: idOf(owner) }]);
          if (relation === 'linked') await insertMatrixLeads(org, [{ ownerId: org.userIds.repA1, teamId: org.teamIds.A, accountId: target!.id }]);
          const before = await accountSnapshot(target!.id);
          const body = action === 'edit' ? { employees: 321 } : { ownerId: newOwnerFor(actor, owner) };
          const expected = expectedOf(level(relation), actor.cls);
          await check(`${action} account, ${relation}`, actor, expected, await send(actor, 'PATCH', `/api/accounts/${target!.id}`, body), target);
          if (expected >= 400) await expectUnchanged(`${actor.label} · ${action} account, ${relation}`, before, await accountSnapshot(target!.id));
        }
      }
      const created = await send(actor, 'POST', '/api/accounts', { name: `Created ${casesRun}`, domain: `created${casesRun}${actor.person.toLowerCase()}.test` });
      await check('create account', actor, roleStatus('account:create', actor), created);
      if (created.status === 201 && ['manager', 'rep', 'repSeesTeam'].includes(actor.cls)) {
        rowsChecked += 1;
        if (created.body.ownerId !== org.userIds[actor.person]) failures.push(`${actor.label} · created account owned by ${created.body.ownerId}`);
      }
    }
  });

  it('opportunities: read, list, edit and close, by owner relation', async () => {
    const relations: readonly OpportunityRelation[] = ['own', 'teammate', 'otherTeam', 'unowned'];
    const owners: (Person | null)[] = ['managerA', 'repA1', 'repA2', 'repB1', null];
    const records = await insertMatrixOpportunities(org, owners.map((owner) => ({ ownerId: idOf(owner) })));
    const byOwner = new Map(owners.map((owner, index) => [owner, records[index]!]));
    const sharedFor = (actor: Actor, relation: OpportunityRelation) => byOwner.get(ownerFor(actor, relation))!;

    for (const actor of actors.filter((candidate) => !candidate.readOnlyKey)) {
      const level = (relation: OpportunityRelation) => opportunityLevel[actor.cls][relation];
      const first = await send(actor, 'GET', '/api/opportunities?status=open&limit=500');
      if (actor.cls === 'executive') await check('list opportunities', actor, 403, first);
      else {
        const ids = new Set((first.body.opportunities as { id: string }[]).map((row) => row.id));
        for (const relation of relationsFor(actor, relations)) {
          casesRun += 1;
          if (ids.has(sharedFor(actor, relation).id) !== visible(level(relation))) failures.push(`${actor.label} · list opportunities, ${relation}`);
        }
      }
      for (const relation of relationsFor(actor, relations)) {
        const record = sharedFor(actor, relation);
        await check(`read opportunity, ${relation}`, actor, readStatus(level(relation)), await send(actor, 'GET', `/api/opportunities/${record.id}`), record);
        for (const [action, expectedOf] of Object.entries(opportunityWrites)) {
          const [target] = await insertMatrixOpportunities(org, [{ ownerId: idOf(ownerFor(actor, relation)) }]);
          const before = await opportunitySnapshot(target!.id);
          const body = action === 'edit' ? { amountMinor: 4242 } : { status: 'won', closeReason: 'matrix check' };
          const expected = expectedOf(level(relation));
          await check(`${action} opportunity, ${relation}`, actor, expected, await send(actor, 'PATCH', `/api/opportunities/${target!.id}`, body), target);
          if (expected >= 400) await expectUnchanged(`${actor.label} · ${action} opportunity, ${relation}`, before, await opportunitySnapshot(target!.id));
        }
      }
    }
  });

  it('campaigns, the pact, imports, the audit log and the organisation, by role', async () => {
    const campaign = await org.t.call('POST', '/api/campaigns', { name: 'Matrix campaign', channel: 'webinar' });
    const draftOf = async () => (await org.t.call('POST', '/api/pact-versions', { document: defaultPact(), note: 'matrix' })).body.version as number;
    const activatable = await draftOf();
    const csv = 'email,first_name\nimported.matrix@matrix-import.test,Imported\n';
    for (const actor of actors.filter((candidate) => !candidate.readOnlyKey)) {
      const n = casesRun;
      const requests: [string, () => Promise<TestResponse>][] = [
        ['campaign:list', () => send(actor, 'GET', '/api/campaigns')],
        ['campaign:read', () => send(actor, 'GET', `/api/campaigns/${campaign.body.id}`)],
        ['campaign:create', () => send(actor, 'POST', '/api/campaigns', { name: `Matrix campaign ${n}`, channel: 'email' })],
        ['campaign:update', () => send(actor, 'PATCH', `/api/campaigns/${campaign.body.id}`, { costMinor: n })],
        ['pact:read', () => send(actor, 'GET', '/api/pact')],
        ['pact:propose', () => send(actor, 'POST', '/api/pact-versions', { document: defaultPact(), note: `matrix ${n}` })],
        ['pact:approve', async () => send(actor, 'POST', `/api/pact-versions/${await draftOf()}/approve`)],
        ['pact:activate', () => send(actor, 'POST', `/api/pact-versions/${activatable}/activate`)],
        ['import:list', () => send(actor, 'GET', '/api/imports')],
        ['import:preview', () => send(actor, 'POST', '/api/imports/preview?fileName=matrix.csv', csv, { 'content-type': 'text/csv' })],
        ['import:upload', () => send(actor, 'POST', `/api/imports?fileName=matrix-${n}.csv`, csv, { 'content-type': 'text/csv' })],
        ['audit:list', () => send(actor, 'GET', '/api/audit?limit=5')],
        ['audit:export', () => send(actor, 'GET', '/api/audit.csv?entityType=campaign')],
        ['organisation:users', () => send(actor, 'GET', '/api/users')],
        ['organisation:teams', () => send(actor, 'GET', '/api/teams')],
        ['organisation:create-user', () => send(actor, 'POST', '/api/users', { email: `new.${n}@matrix.test`, name: 'New Person', role: 'marketing' })],
        ['organisation:update-user', () => send(actor, 'PATCH', `/api/users/${org.userIds.repB2}`, { capacity: 12 })],
      ];
      for (const [action, request] of requests) await check(action, actor, roleStatus(action, actor), await request());
    }
  });

  it('answers every generated case as the tables say', () => {
    expect(casesRun).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  function roleStatus(action: string, actor: Actor): number {
    const rule = roleRules[action]!;
    return rule.allowed.includes(actor.cls) ? rule.status : (rule.deniedStatus ?? 403);
  }

  async function leadSnapshot(id: string) {
    const row = await org.t.database.db
      .selectFrom('leads')
      .select(['owner_id', 'team_id', 'stage', 'city', 'score', 'grade', 'merged_into_id', 'junk_code', 'updated_at'])
      .select((eb) => eb.selectFrom('touches').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('touches.lead_id', '=', 'leads.id').as('touches'))
      .select(sql<number>`(select count(*) from audit_log where audit_log.entity_id = leads.id::text)`.as('audit'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return JSON.stringify(row);
  }
  async function accountSnapshot(id: string) {
    return JSON.stringify(await org.t.database.db.selectFrom('accounts').select(['owner_id', 'employees', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow());
  }
  async function opportunitySnapshot(id: string) {
    return JSON.stringify(await org.t.database.db.selectFrom('opportunities').select(['amount_minor', 'status', 'closed_at', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow());
  }
  async function expectUnchanged(name: string, before: string, after: string): Promise<void> {
    rowsChecked += 1;
    if (before !== after) failures.push(`${name}: a refused request changed the record (${before} → ${after})`);
  }
});
