import { describe, expect, it } from 'vitest';
import type { Team } from './admin-types.ts';
import { emptyTeamForm, newTeamBodyOf, teamChangesOf, teamFormValuesOf } from './team-form.ts';

const inside: Team = {
  id: '00000000-0000-4000-8000-000000000010',
  name: 'Inside Sales',
  accountClass: 'inside',
  managerId: 'm1',
  managerName: 'Sam Manager',
  managerEmail: 'sam@example.com',
  memberCount: 12,
  activeMemberCount: 11,
  openLeadCount: 300,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('team form', () => {
  it('builds a new team, leaving out an unpicked manager', () => {
    expect(newTeamBodyOf({ ...emptyTeamForm, name: ' Enterprise ' })).toEqual({ body: { name: 'Enterprise', accountClass: 'inside' } });
    expect(newTeamBodyOf({ name: 'Field West', accountClass: 'field', managerEmail: 'sam@example.com' })).toEqual({
      body: { name: 'Field West', accountClass: 'field', managerEmail: 'sam@example.com' },
    });
    expect(newTeamBodyOf({ ...emptyTeamForm, name: '  ' })).toEqual({ body: null, nameError: 'Enter a name.' });
  });

  it('sends only what changed, and null to remove the manager', () => {
    const before = teamFormValuesOf(inside);
    expect(teamChangesOf(before, before)).toEqual({ changes: {} });
    expect(teamChangesOf(before, { ...before, name: 'Inside Sales EMEA' })).toEqual({ changes: { name: 'Inside Sales EMEA' } });
    expect(teamChangesOf(before, { ...before, managerEmail: '', accountClass: 'field' })).toEqual({ changes: { managerEmail: null, accountClass: 'field' } });
    expect(teamChangesOf(before, { ...before, name: '' })).toEqual({ changes: {}, nameError: 'Enter a name.' });
  });
});
