import type { Principal } from './principal.ts';

/**
 * How a lead, account or opportunity relates to whoever asks:
 * - `own`: they own it;
 * - `team`: it belongs to their team (a teammate owns it, or a lead is in the team's queue, or an
 *   account has a lead of the team);
 * - `linked`: an account of one of their own leads (they see the company their lead works at);
 * - nothing: someone else's, or nobody's.
 * A record can hold several relations at once (a rep's own lead is also their team's).
 */
export type RecordRelation = 'own' | 'team' | 'linked';

/** The user the relations are measured from: the signed-in user or the key's owner. */
export interface Viewer {
  userId: string;
  teamId: string | null;
}

/** The viewer of a principal; null for the operator and web forms (they relate to no record). */
export function viewerOf(principal: Principal): Viewer | null {
  return principal.kind === 'user' || principal.kind === 'api_key' ? { userId: principal.userId, teamId: principal.teamId } : null;
}

/** What decides a lead's relations: its owner, the owner's team and the team it was routed to. */
export interface LeadAccessFacts {
  ownerId: string | null;
  ownerTeamId: string | null;
  teamId: string | null;
}

export function leadRelations(viewer: Viewer, lead: LeadAccessFacts): RecordRelation[] {
  const relations: RecordRelation[] = [];
  if (lead.ownerId !== null && lead.ownerId === viewer.userId) relations.push('own');
  if (viewer.teamId !== null && (lead.teamId === viewer.teamId || lead.ownerTeamId === viewer.teamId)) relations.push('team');
  return relations;
}

/** What decides an account's relations: its owner and whose leads it has (live leads only). */
export interface AccountAccessFacts {
  ownerId: string | null;
  ownerTeamId: string | null;
  /** The account has a live lead the viewer owns. */
  hasLeadOwnedByViewer: boolean;
  /** The account has a live lead of the viewer's team (routed to it, or owned by a member). */
  hasLeadOfViewerTeam: boolean;
}

export function accountRelations(viewer: Viewer, account: AccountAccessFacts): RecordRelation[] {
  const relations: RecordRelation[] = [];
  if (account.ownerId !== null && account.ownerId === viewer.userId) relations.push('own');
  if (viewer.teamId !== null && (account.ownerTeamId === viewer.teamId || account.hasLeadOfViewerTeam)) relations.push('team');
  if (account.hasLeadOwnedByViewer) relations.push('linked');
  return relations;
}

/** What decides an opportunity's relations: its owner and the owner's team. */
export interface OpportunityAccessFacts {
  ownerId: string | null;
  ownerTeamId: string | null;
}

export function opportunityRelations(viewer: Viewer, opportunity: OpportunityAccessFacts): RecordRelation[] {
  const relations: RecordRelation[] = [];
  if (opportunity.ownerId !== null && opportunity.ownerId === viewer.userId) relations.push('own');
  if (viewer.teamId !== null && opportunity.ownerTeamId === viewer.teamId) relations.push('team');
  return relations;
}
