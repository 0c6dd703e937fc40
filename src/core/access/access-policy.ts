import type { RoleValue } from '../../db/database.ts';
import type { AccessContext } from './access-context.ts';
import type { Principal } from './principal.ts';
import type { RecordRelation } from './record-relation.ts';
import { isAdminPrincipal } from './role-scopes.ts';

/**
 * The access policy: who may do what with which record. Pure — the use cases gather the facts
 * (the principal, the record's relations to them) and ask; the repositories turn `recordScopeOf`
 * into SQL so lists hold only what the principal may read.
 *
 * What an answer means at the edge:
 * - `forbidden` (403): the role may not do this at all, or may read the record but not do this to it;
 * - `not_found` (404): the record is not the principal's to see — the answer is the same as for a
 *   record that does not exist, so existence never leaks.
 *
 * API keys act for their owner with the owner's role; their scopes narrow them further at the
 * route (requireScope). The operator (CLI on the database host) may do everything; an anonymous
 * web form may only capture.
 */

/** The role a principal acts with: the user's, the key owner's, or the operator; null for a web form. */
export type AccessRole = RoleValue | 'operator';

export function accessRoleOf(principal: Principal): AccessRole | null {
  switch (principal.kind) {
    case 'user':
    case 'api_key':
      return principal.role;
    case 'operator':
      return 'operator';
    case 'form':
      return null;
  }
}

export type AccessDecision = { allowed: true } | { allowed: false; denial: 'forbidden' | 'not_found'; reason: string };

const allowed: AccessDecision = { allowed: true };
const forbidden = (reason: string): AccessDecision => ({ allowed: false, denial: 'forbidden', reason });
const notFound = (reason: string): AccessDecision => ({ allowed: false, denial: 'not_found', reason });

// ---------------------------------------------------------------------------------------------
// Actions that do not depend on a particular record.

export const roleActions = [
  'lead:list',
  'lead:capture',
  'touch:list',
  'account:list',
  'account:create',
  'opportunity:list',
  'campaign:read',
  'campaign:write',
  'pact:read',
  'pact:propose',
  'pact:approve',
  'pact:activate',
  'import:run',
  'organisation:read',
  'report:read',
  // Admin-only: an admin's API key needs the `admin` scope for these (isAdminPrincipal).
  'organisation:write',
  'audit:read',
  'privacy:manage',
] as const;
export type RoleAction = (typeof roleActions)[number];

const salesAndMarketing: readonly RoleValue[] = ['admin', 'marketing', 'sales_manager', 'sales_rep'];
const everyone: readonly RoleValue[] = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'];
const adminOnlyActions: ReadonlySet<RoleAction> = new Set(['organisation:write', 'audit:read', 'privacy:manage']);

/**
 * Which roles may take each record-independent action (the operator always may). Executives read
 * the pact, campaigns (spend and counts, no personal data) and reports — never lead, account,
 * opportunity or touch records. Pact approval is by side: marketing signs for marketing, a sales
 * manager for sales; admins sign for neither (two people of the two teams must agree).
 */
const roleActionGrants: Record<RoleAction, readonly RoleValue[]> = {
  'lead:list': salesAndMarketing,
  'lead:capture': salesAndMarketing,
  'touch:list': salesAndMarketing,
  'account:list': salesAndMarketing,
  'account:create': ['admin', 'sales_manager', 'sales_rep'],
  'opportunity:list': salesAndMarketing,
  'campaign:read': everyone,
  'campaign:write': ['admin', 'marketing'],
  'pact:read': everyone,
  'pact:propose': ['admin', 'marketing'],
  'pact:approve': ['marketing', 'sales_manager'],
  'pact:activate': ['admin'],
  'import:run': ['admin', 'marketing'],
  'organisation:read': ['admin', 'marketing', 'sales_manager'],
  'report:read': ['admin', 'marketing', 'sales_manager', 'executive'],
  'organisation:write': ['admin'],
  'audit:read': ['admin'],
  'privacy:manage': ['admin'],
};

/** Whether the principal may take a record-independent action; role-level denials are always `forbidden`. */
export function decideRoleAction(context: AccessContext, action: RoleAction): AccessDecision {
  const role = accessRoleOf(context.principal);
  if (role === 'operator') return allowed;
  if (role === null) return forbidden(`a web form may only capture leads, not ${action}`);
  if (adminOnlyActions.has(action)) {
    if (isAdminPrincipal(context.principal)) return allowed;
    return forbidden(role === 'admin' ? `${action} needs the admin scope on an API key` : `${action} is for admins only`);
  }
  return roleActionGrants[action].includes(role) ? allowed : forbidden(`role ${role} may not ${action}`);
}

// ---------------------------------------------------------------------------------------------
// Actions on one lead, account or opportunity.

export const leadActions = ['read', 'edit_contact', 'reassign', 'move_stage', 'skip_stage', 'junk', 'restore', 'merge', 'record_touch'] as const;
export type LeadAction = (typeof leadActions)[number];
export const accountActions = ['read', 'edit', 'reassign'] as const;
export type AccountAction = (typeof accountActions)[number];
export const opportunityActions = ['read', 'edit', 'close'] as const;
export type OpportunityAction = (typeof opportunityActions)[number];

export interface RecordActions {
  lead: LeadAction;
  account: AccountAction;
  opportunity: OpportunityAction;
}
export type RecordKind = keyof RecordActions;

/** Grants by relation; `any` applies to every record of the kind, related or not. */
type GrantsByRelation<Action> = Partial<Record<RecordRelation | 'any', readonly Action[]>>;
type RoleGrants = { [Kind in RecordKind]: GrantsByRelation<RecordActions[Kind]> };

const managerLead: readonly LeadAction[] = ['read', 'edit_contact', 'reassign', 'move_stage', 'record_touch'];
const managerAccount: readonly AccountAction[] = ['read', 'edit', 'reassign'];
const ownerOpportunity: readonly OpportunityAction[] = ['read', 'edit', 'close'];

/**
 * What each role may do with a record, by the record's relation to them. A record none of whose
 * relations grants anything is hidden (404). Marketing reads everything and curates lead data
 * (contact fields, junk, restore, merge, touches) but never a lead's owner or stage, nor accounts
 * or opportunities; sales works its own records, managers their team's. Reps' `team` grants apply
 * only under `repsSeeTeam` (read-only).
 */
const recordGrants: Record<Exclude<RoleValue, 'admin' | 'executive'>, RoleGrants> = {
  marketing: {
    lead: { any: ['read', 'edit_contact', 'junk', 'restore', 'merge', 'record_touch'] },
    account: { any: ['read'] },
    opportunity: { any: ['read'] },
  },
  sales_manager: {
    lead: { own: managerLead, team: managerLead },
    account: { own: managerAccount, team: managerAccount, linked: ['read'] },
    opportunity: { own: ownerOpportunity, team: ownerOpportunity },
  },
  sales_rep: {
    lead: { own: ['read', 'edit_contact', 'move_stage', 'record_touch'], team: ['read'] },
    account: { own: ['read', 'edit'], linked: ['read'], team: ['read'] },
    opportunity: { own: ownerOpportunity, team: ['read'] },
  },
};

/** Everything the principal may do with one record, given its relations to them; empty: hidden. */
export function recordActionsAllowed<Kind extends RecordKind>(context: AccessContext, kind: Kind, relations: readonly RecordRelation[]): ReadonlySet<RecordActions[Kind]> {
  const role = accessRoleOf(context.principal);
  if (role === 'operator' || role === 'admin') return new Set(allActionsOf(kind));
  if (role === null || role === 'executive') return new Set();
  const grants = recordGrants[role][kind] as GrantsByRelation<RecordActions[Kind]>;
  const applicable = relations.filter((relation) => relation !== 'team' || role !== 'sales_rep' || context.settings.repsSeeTeam);
  return new Set([...(grants.any ?? []), ...applicable.flatMap((relation) => grants[relation] ?? [])]);
}

function allActionsOf<Kind extends RecordKind>(kind: Kind): readonly RecordActions[Kind][] {
  const actions = { lead: leadActions, account: accountActions, opportunity: opportunityActions }[kind];
  return actions as readonly RecordActions[Kind][];
}

/**
 * Whether the principal's role works with records of this kind at all. Asked before a record is
 * looked up, so a role refused wholesale (executives, forms) gets 403 whether or not the record
 * exists — never a 404 that would tell which ids exist.
 */
export function decideRecordKind(context: AccessContext, kind: RecordKind): AccessDecision {
  const role = accessRoleOf(context.principal);
  if (role === null) return forbidden(`a web form may not read or change ${kind} records`);
  if (role === 'executive') return forbidden(`executives read the pact, campaigns and reports, not ${kind} records`);
  return allowed;
}

/**
 * Whether the principal may take `action` on one record. Executives and forms are refused by role
 * (403) whatever the record; a record the principal may not even read is `not_found` (404); one
 * they may read but not change this way is `forbidden` (403).
 */
export function decideRecordAction<Kind extends RecordKind>(context: AccessContext, kind: Kind, action: RecordActions[Kind], relations: readonly RecordRelation[]): AccessDecision {
  const byKind = decideRecordKind(context, kind);
  if (!byKind.allowed) return byKind;
  const role = accessRoleOf(context.principal);
  const granted = recordActionsAllowed(context, kind, relations);
  if (granted.size === 0) return notFound(`the ${kind} is not ${role}'s to see`);
  return granted.has(action) ? allowed : forbidden(`role ${role} may not ${action.replaceAll('_', ' ')} this ${kind}`);
}

// ---------------------------------------------------------------------------------------------
// Lists: which records a principal's list, search and count may contain.

/**
 * - `all`: every record;
 * - `related`: records the user owns, accounts of leads they own, and — when `teamId` is set —
 *   records of that team (see record-relation.ts for what "of the team" means per kind);
 * - `none`: nothing (roles that may not read records at all; their list is refused before this).
 */
export type RecordScope = { kind: 'all' } | { kind: 'related'; userId: string; teamId: string | null } | { kind: 'none' };

/**
 * The rows the principal's lists may hold: the same rule as `recordActionsAllowed(…).has('read')`,
 * in a form a repository can put in a WHERE clause. The access-matrix test holds the two together.
 */
export function recordScopeOf(context: AccessContext): RecordScope {
  const { principal } = context;
  const role = accessRoleOf(principal);
  if (role === 'operator' || role === 'admin' || role === 'marketing') return { kind: 'all' };
  if (role === null || role === 'executive' || (principal.kind !== 'user' && principal.kind !== 'api_key')) return { kind: 'none' };
  const seesTeam = role === 'sales_manager' || context.settings.repsSeeTeam;
  return { kind: 'related', userId: principal.userId, teamId: seesTeam ? principal.teamId : null };
}

// ---------------------------------------------------------------------------------------------
// Field-level rules that need more than the record.

/** A user a record could be handed to. */
export interface AssigneeFacts {
  userId: string;
  teamId: string | null;
}

/**
 * Whether the principal may hand a record (lead or account) they may `reassign` to this user:
 * admins and the operator to anyone, a sales manager only within their own team.
 */
export function decideAssignee(context: AccessContext, assignee: AssigneeFacts | null): AccessDecision {
  const role = accessRoleOf(context.principal);
  if (role === 'operator' || role === 'admin') return allowed;
  const principal = context.principal;
  if (role === 'sales_manager' && (principal.kind === 'user' || principal.kind === 'api_key')) {
    if (assignee === null) return allowed;
    if (principal.teamId !== null && assignee.teamId === principal.teamId) return allowed;
    return forbidden('a sales manager may hand records only to members of their own team');
  }
  return forbidden(`role ${role ?? 'form'} may not choose an owner`);
}

/**
 * The owner an account created by this principal gets: sales reps and managers create accounts
 * for themselves unless they name someone (a rep may name only themselves, a manager a member of
 * their team — checked with `decideAccountOwnerOnCreate`); admins and the operator leave it unowned.
 */
export function defaultAccountOwnerId(context: AccessContext): string | null {
  const { principal } = context;
  const role = accessRoleOf(principal);
  if ((role === 'sales_rep' || role === 'sales_manager') && (principal.kind === 'user' || principal.kind === 'api_key')) return principal.userId;
  return null;
}

/** Whether the principal may create an account owned by `owner` (null: unowned). */
export function decideAccountOwnerOnCreate(context: AccessContext, owner: AssigneeFacts | null): AccessDecision {
  const { principal } = context;
  const role = accessRoleOf(principal);
  if (role === 'operator' || role === 'admin') return allowed;
  if (principal.kind !== 'user' && principal.kind !== 'api_key') return forbidden('only people create accounts');
  if (owner !== null && owner.userId === principal.userId) return allowed;
  if (role === 'sales_manager') return decideAssignee(context, owner);
  return forbidden('a sales rep creates accounts they own themselves');
}

/** Which side of the pact a role signs for: marketing for marketing, a sales manager for sales. */
export function pactSideOfRole(role: RoleValue): 'marketing' | 'sales' | null {
  if (role === 'marketing') return 'marketing';
  if (role === 'sales_manager') return 'sales';
  return null;
}
