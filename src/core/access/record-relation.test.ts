import { describe, expect, it } from 'vitest';
import { accountRelations, leadRelations, opportunityRelations, viewerOf } from './record-relation.ts';

const me = { userId: 'me', teamId: 'team-a' };
const loner = { userId: 'me', teamId: null };

describe('record relations', () => {
  it('relates a lead by owner, its owner’s team and the team it was routed to', () => {
    expect(leadRelations(me, { ownerId: 'me', ownerTeamId: 'team-a', teamId: 'team-a' })).toEqual(['own', 'team']);
    expect(leadRelations(me, { ownerId: 'mate', ownerTeamId: 'team-a', teamId: null })).toEqual(['team']);
    expect(leadRelations(me, { ownerId: null, ownerTeamId: null, teamId: 'team-a' })).toEqual(['team']);
    expect(leadRelations(me, { ownerId: 'other', ownerTeamId: 'team-b', teamId: 'team-b' })).toEqual([]);
    expect(leadRelations(me, { ownerId: null, ownerTeamId: null, teamId: null })).toEqual([]);
    expect(leadRelations(loner, { ownerId: null, ownerTeamId: null, teamId: null })).toEqual([]);
  });

  it('relates an account by owner, by the team’s owner or leads, and by the viewer’s own leads', () => {
    const none = { ownerId: null, ownerTeamId: null, hasLeadOwnedByViewer: false, hasLeadOfViewerTeam: false };
    expect(accountRelations(me, { ...none, ownerId: 'me', ownerTeamId: 'team-a' })).toEqual(['own', 'team']);
    expect(accountRelations(me, { ...none, ownerId: 'mate', ownerTeamId: 'team-a' })).toEqual(['team']);
    expect(accountRelations(me, { ...none, hasLeadOfViewerTeam: true })).toEqual(['team']);
    expect(accountRelations(me, { ...none, ownerId: 'other', ownerTeamId: 'team-b', hasLeadOwnedByViewer: true, hasLeadOfViewerTeam: true })).toEqual(['team', 'linked']);
    expect(accountRelations(loner, { ...none, ownerId: 'other', ownerTeamId: null })).toEqual([]);
  });

  it('relates an opportunity by its owner and the owner’s team', () => {
    expect(opportunityRelations(me, { ownerId: 'me', ownerTeamId: 'team-a' })).toEqual(['own', 'team']);
    expect(opportunityRelations(me, { ownerId: 'mate', ownerTeamId: 'team-a' })).toEqual(['team']);
    expect(opportunityRelations(me, { ownerId: null, ownerTeamId: null })).toEqual([]);
  });

  it('measures from the signed-in user or the key’s owner; the operator and forms relate to nothing', () => {
    expect(viewerOf({ kind: 'api_key', keyId: 'k', keyName: 'n', scopes: [], userId: 'u', role: 'sales_rep', teamId: 't', email: 'e' })).toEqual({ userId: 'u', teamId: 't' });
    expect(viewerOf({ kind: 'operator', label: 'CLI' })).toBeNull();
    expect(viewerOf({ kind: 'form' })).toBeNull();
  });
});
