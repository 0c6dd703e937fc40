import { describe, expect, it } from 'vitest';
import type { OrganisationUser } from './admin-types.ts';
import { filterUsers, noTeam, parseUsersSearch, userStatus } from './user-list.ts';

const now = new Date('2026-06-01T12:00:00Z');

function user(fields: Partial<OrganisationUser>): OrganisationUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'robin@example.com',
    name: 'Robin Rep',
    role: 'sales_rep',
    teamId: 'team-inside',
    teamName: 'Inside Sales',
    capacity: 50,
    weight: 1,
    awayUntil: null,
    active: true,
    openLeadCount: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

describe('userStatus', () => {
  it('is away only while the away date lies ahead, and inactive above all', () => {
    expect(userStatus(user({}), now)).toBe('active');
    expect(userStatus(user({ awayUntil: '2026-06-02T00:00:00Z' }), now)).toBe('away');
    expect(userStatus(user({ awayUntil: '2026-06-01T12:00:00Z' }), now)).toBe('active');
    expect(userStatus(user({ awayUntil: '2026-06-02T00:00:00Z', active: false }), now)).toBe('inactive');
  });
});

describe('users filters', () => {
  it('keeps known filters from the URL and drops the rest', () => {
    expect(parseUsersSearch({ q: ' sam ', role: 'sales_rep', team: 'abc', status: 'away', edit: '00000000-0000-4000-8000-000000000001' })).toEqual({
      q: ' sam ',
      role: 'sales_rep',
      team: 'abc',
      status: 'away',
      edit: '00000000-0000-4000-8000-000000000001',
    });
    expect(parseUsersSearch({ q: '  ', role: 'boss', status: 'gone', edit: '../x', team: 7 })).toEqual({});
  });

  it('matches text in name or e-mail, role, team (or no team) and status together', () => {
    const users = [
      user({ id: 'a', name: 'Robin Rep', email: 'robin@example.com' }),
      user({ id: 'b', name: 'Sam Manager', email: 'sam@example.com', role: 'sales_manager' }),
      user({ id: 'c', name: 'Riley Admin', email: 'admin@example.com', role: 'admin', teamId: null, teamName: null }),
      user({ id: 'd', name: 'Ada Away', email: 'ada@example.com', awayUntil: '2026-07-01T00:00:00Z' }),
    ];
    const ids = (search: Parameters<typeof filterUsers>[1]) => filterUsers(users, search, now).map((found) => found.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ q: 'SAM' })).toEqual(['b']);
    expect(ids({ q: 'admin@' })).toEqual(['c']);
    expect(ids({ role: 'sales_rep' })).toEqual(['a', 'd']);
    expect(ids({ team: noTeam })).toEqual(['c']);
    expect(ids({ team: 'team-inside', status: 'away' })).toEqual(['d']);
    expect(ids({ role: 'sales_rep', status: 'active' })).toEqual(['a']);
  });
});
