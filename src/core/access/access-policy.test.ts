import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleValue } from '../../db/database.ts';
import { defaultAccessSettings, operatorAccess, type AccessContext } from './access-context.ts';
import {
  accountActions,
  decideAccountOwnerOnCreate,
  decideAssignee,
  decideRecordAction,
  decideRoleAction,
  defaultAccountOwnerId,
  leadActions,
  opportunityActions,
  pactSideOfRole,
  recordActionsAllowed,
  recordScopeOf,
  roleActions,
} from './access-policy.ts';
import type { ApiScope } from './principal.ts';
import type { RecordRelation } from './record-relation.ts';

const teamA = 'team-a';
const as = (role: RoleValue, options: { teamId?: string | null; repsSeeTeam?: boolean; userId?: string } = {}): AccessContext => ({
  principal: { kind: 'user', userId: options.userId ?? `${role}-1`, role, teamId: options.teamId === undefined ? teamA : options.teamId, email: `${role}@example.test`, sessionId: null },
  settings: { repsSeeTeam: options.repsSeeTeam ?? false },
});
const keyOf = (role: RoleValue, scopes: ApiScope[]): AccessContext => ({
  principal: { kind: 'api_key', keyId: 'k', keyName: 'key', scopes, userId: `${role}-1`, role, teamId: teamA, email: `${role}@example.test` },
  settings: defaultAccessSettings,
});
const form: AccessContext = { principal: { kind: 'form' }, settings: defaultAccessSettings };

const answer = (decision: ReturnType<typeof decideRecordAction>) => (decision.allowed ? 'allowed' : decision.denial);

describe('the access policy: record-independent actions', () => {
  it('lets the operator do everything and a web form nothing but capture (elsewhere)', () => {
    for (const action of roleActions) {
      expect(decideRoleAction(operatorAccess, action).allowed, action).toBe(true);
      expect(decideRoleAction(form, action), action).toMatchObject({ allowed: false, denial: 'forbidden' });
    }
  });

  it('keeps executives to the pact, campaigns and reports', () => {
    const allowed = roleActions.filter((action) => decideRoleAction(as('executive'), action).allowed);
    expect(allowed).toEqual(['campaign:read', 'pact:read', 'report:read']);
  });

  it('gives campaigns, imports and proposals to marketing; approvals by side; activation to admins', () => {
    expect(decideRoleAction(as('marketing'), 'campaign:write').allowed).toBe(true);
    expect(decideRoleAction(as('sales_manager'), 'campaign:write').allowed).toBe(false);
    expect(decideRoleAction(as('marketing'), 'import:run').allowed).toBe(true);
    expect(decideRoleAction(as('sales_rep'), 'import:run').allowed).toBe(false);
    expect(decideRoleAction(as('marketing'), 'pact:propose').allowed).toBe(true);
    expect(decideRoleAction(as('sales_manager'), 'pact:propose').allowed).toBe(false);
    expect(decideRoleAction(as('sales_manager'), 'pact:approve').allowed).toBe(true);
    expect(decideRoleAction(as('admin'), 'pact:approve').allowed).toBe(false);
    expect(decideRoleAction(as('admin'), 'pact:activate').allowed).toBe(true);
    expect(decideRoleAction(as('marketing'), 'pact:activate').allowed).toBe(false);
    expect(pactSideOfRole('marketing')).toBe('marketing');
    expect(pactSideOfRole('sales_manager')).toBe('sales');
    expect(pactSideOfRole('admin')).toBeNull();
  });

  it('reads the organisation for admins, marketing and managers; changes, audit and privacy need an admin (and a key its admin scope)', () => {
    expect((['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'] as const).filter((role) => decideRoleAction(as(role), 'organisation:read').allowed)).toEqual(['admin', 'marketing', 'sales_manager']);
    for (const action of ['organisation:write', 'audit:read', 'privacy:manage'] as const) {
      expect(decideRoleAction(as('admin'), action).allowed).toBe(true);
      expect(decideRoleAction(keyOf('admin', ['admin']), action).allowed).toBe(true);
      expect(decideRoleAction(keyOf('admin', ['leads:read']), action)).toMatchObject({ allowed: false, reason: `${action} needs the admin scope on an API key` });
      expect(decideRoleAction(as('marketing'), action).allowed).toBe(false);
    }
  });
});

describe('the access policy: one lead, account or opportunity', () => {
  it('lets admins and the operator do everything to any record, related or not', () => {
    for (const context of [as('admin'), operatorAccess]) {
      for (const action of leadActions) expect(decideRecordAction(context, 'lead', action, []).allowed).toBe(true);
      for (const action of accountActions) expect(decideRecordAction(context, 'account', action, []).allowed).toBe(true);
      for (const action of opportunityActions) expect(decideRecordAction(context, 'opportunity', action, []).allowed).toBe(true);
    }
  });

  it('refuses executives and forms every record with 403, whether or not it is theirs', () => {
    for (const context of [as('executive'), form]) {
      for (const relations of [[], ['own']] as RecordRelation[][]) {
        expect(answer(decideRecordAction(context, 'lead', 'read', relations))).toBe('forbidden');
        expect(answer(decideRecordAction(context, 'account', 'read', relations))).toBe('forbidden');
        expect(answer(decideRecordAction(context, 'opportunity', 'read', relations))).toBe('forbidden');
      }
    }
  });

  it('lets marketing read everything and curate lead data, but never a lead’s owner or stage, nor accounts and opportunities', () => {
    const marketing = as('marketing', { teamId: null });
    expect([...recordActionsAllowed(marketing, 'lead', [])].sort()).toEqual(['edit_contact', 'junk', 'merge', 'read', 'record_touch', 'restore']);
    expect(answer(decideRecordAction(marketing, 'lead', 'reassign', []))).toBe('forbidden');
    expect(answer(decideRecordAction(marketing, 'lead', 'move_stage', []))).toBe('forbidden');
    expect([...recordActionsAllowed(marketing, 'account', [])]).toEqual(['read']);
    expect(answer(decideRecordAction(marketing, 'account', 'edit', []))).toBe('forbidden');
    expect(answer(decideRecordAction(marketing, 'opportunity', 'close', []))).toBe('forbidden');
  });

  it('lets a manager work their team’s records (never skip stages or junk) and hides the rest', () => {
    const manager = as('sales_manager');
    for (const relations of [['own'], ['team'], ['own', 'team']] as RecordRelation[][]) {
      expect([...recordActionsAllowed(manager, 'lead', relations)].sort()).toEqual(['edit_contact', 'move_stage', 'read', 'reassign', 'record_touch']);
      expect(answer(decideRecordAction(manager, 'account', 'reassign', relations))).toBe('allowed');
      expect(answer(decideRecordAction(manager, 'opportunity', 'close', relations))).toBe('allowed');
    }
    expect(answer(decideRecordAction(manager, 'lead', 'skip_stage', ['team']))).toBe('forbidden');
    expect(answer(decideRecordAction(manager, 'lead', 'junk', ['team']))).toBe('forbidden');
    expect(answer(decideRecordAction(manager, 'lead', 'read', []))).toBe('not_found');
    expect(answer(decideRecordAction(manager, 'account', 'edit', ['linked']))).toBe('forbidden');
    expect(answer(decideRecordAction(manager, 'opportunity', 'read', []))).toBe('not_found');
  });

  it('lets a rep work only their own records, read their leads’ accounts, and their team’s only when the setting says so', () => {
    const rep = as('sales_rep');
    expect([...recordActionsAllowed(rep, 'lead', ['own', 'team'])].sort()).toEqual(['edit_contact', 'move_stage', 'read', 'record_touch']);
    for (const action of ['reassign', 'skip_stage', 'junk', 'restore', 'merge'] as const) expect(answer(decideRecordAction(rep, 'lead', action, ['own']))).toBe('forbidden');
    expect(answer(decideRecordAction(rep, 'lead', 'read', ['team']))).toBe('not_found');
    expect(answer(decideRecordAction(as('sales_rep', { repsSeeTeam: true }), 'lead', 'read', ['team']))).toBe('allowed');
    expect(answer(decideRecordAction(as('sales_rep', { repsSeeTeam: true }), 'lead', 'edit_contact', ['team']))).toBe('forbidden');
    expect(answer(decideRecordAction(rep, 'account', 'edit', ['own']))).toBe('allowed');
    expect(answer(decideRecordAction(rep, 'account', 'reassign', ['own']))).toBe('forbidden');
    expect(answer(decideRecordAction(rep, 'account', 'read', ['linked']))).toBe('allowed');
    expect(answer(decideRecordAction(rep, 'account', 'edit', ['linked', 'team']))).toBe('forbidden');
    expect(answer(decideRecordAction(rep, 'opportunity', 'close', ['own']))).toBe('allowed');
    expect(answer(decideRecordAction(rep, 'opportunity', 'read', ['team']))).toBe('not_found');
  });

  it('treats an API key as its owner’s role (scopes are the route’s business)', () => {
    expect(decideRecordAction(keyOf('sales_rep', ['leads:read']), 'lead', 'edit_contact', ['own']).allowed).toBe(true);
    expect(answer(decideRecordAction(keyOf('sales_rep', ['leads:write']), 'lead', 'read', []))).toBe('not_found');
  });

  it('never lets an action through on a record it hides, and hides nothing it lets through (property)', () => {
    const roles = fc.constantFrom<RoleValue>('admin', 'marketing', 'sales_manager', 'sales_rep', 'executive');
    const relations = fc.subarray<RecordRelation>(['own', 'team', 'linked']);
    fc.assert(
      fc.property(roles, relations, fc.boolean(), fc.constantFrom(...leadActions), (role, related, repsSeeTeam, action) => {
        const context = as(role, { repsSeeTeam });
        const decision = decideRecordAction(context, 'lead', action, related);
        const readable = decideRecordAction(context, 'lead', 'read', related).allowed;
        if (decision.allowed) expect(readable).toBe(true);
        if (!decision.allowed && decision.denial === 'not_found') expect(readable).toBe(false);
      }),
    );
  });
});

describe('the access policy: lists', () => {
  it('gives admins, marketing and the operator every row; managers their team; reps their own (and team by setting)', () => {
    expect(recordScopeOf(as('admin'))).toEqual({ kind: 'all' });
    expect(recordScopeOf(as('marketing'))).toEqual({ kind: 'all' });
    expect(recordScopeOf(operatorAccess)).toEqual({ kind: 'all' });
    expect(recordScopeOf(as('sales_manager'))).toEqual({ kind: 'related', userId: 'sales_manager-1', teamId: teamA });
    expect(recordScopeOf(as('sales_rep'))).toEqual({ kind: 'related', userId: 'sales_rep-1', teamId: null });
    expect(recordScopeOf(as('sales_rep', { repsSeeTeam: true }))).toEqual({ kind: 'related', userId: 'sales_rep-1', teamId: teamA });
    expect(recordScopeOf(as('executive'))).toEqual({ kind: 'none' });
    expect(recordScopeOf(form)).toEqual({ kind: 'none' });
  });
});

describe('the access policy: owners', () => {
  it('lets a manager hand records only within their team; admins to anyone; nobody else chooses', () => {
    expect(decideAssignee(as('sales_manager'), { userId: 'x', teamId: teamA }).allowed).toBe(true);
    expect(decideAssignee(as('sales_manager'), null).allowed).toBe(true);
    expect(decideAssignee(as('sales_manager'), { userId: 'x', teamId: 'team-b' }).allowed).toBe(false);
    expect(decideAssignee(as('sales_manager', { teamId: null }), { userId: 'x', teamId: null }).allowed).toBe(false);
    expect(decideAssignee(as('admin'), { userId: 'x', teamId: 'team-b' }).allowed).toBe(true);
    expect(decideAssignee(as('sales_rep'), { userId: 'sales_rep-1', teamId: teamA }).allowed).toBe(false);
    expect(decideAssignee(as('marketing'), null).allowed).toBe(false);
  });

  it('makes sales the owner of accounts they create; a rep may not create one for someone else', () => {
    expect(defaultAccountOwnerId(as('sales_rep'))).toBe('sales_rep-1');
    expect(defaultAccountOwnerId(as('sales_manager'))).toBe('sales_manager-1');
    expect(defaultAccountOwnerId(as('admin'))).toBeNull();
    expect(decideAccountOwnerOnCreate(as('sales_rep'), { userId: 'sales_rep-1', teamId: teamA }).allowed).toBe(true);
    expect(decideAccountOwnerOnCreate(as('sales_rep'), { userId: 'other', teamId: teamA }).allowed).toBe(false);
    expect(decideAccountOwnerOnCreate(as('sales_rep'), null).allowed).toBe(false);
    expect(decideAccountOwnerOnCreate(as('sales_manager'), { userId: 'other', teamId: teamA }).allowed).toBe(true);
    expect(decideAccountOwnerOnCreate(as('sales_manager'), { userId: 'other', teamId: 'team-b' }).allowed).toBe(false);
    expect(decideAccountOwnerOnCreate(as('admin'), { userId: 'other', teamId: 'team-b' }).allowed).toBe(true);
  });
});
