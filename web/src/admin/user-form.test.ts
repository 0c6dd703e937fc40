import { describe, expect, it } from 'vitest';
import type { OrganisationUser } from './admin-types.ts';
import { emptyUserForm, newUserBodyOf, parseWholeNumber, userChangesOf, userFormValuesOf } from './user-form.ts';

const robin: OrganisationUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'robin@example.com',
  name: 'Robin Rep',
  role: 'sales_rep',
  teamId: 'team-inside',
  teamName: 'Inside Sales',
  capacity: 50,
  weight: 2,
  awayUntil: '2030-01-15T05:00:00.000Z',
  active: true,
  openLeadCount: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('user form', () => {
  it('shows the away date as its day in the calendar’s zone', () => {
    expect(userFormValuesOf(robin, 'America/New_York')).toMatchObject({ teamId: 'team-inside', capacity: '50', weight: '2', awayUntil: '2030-01-15' });
    expect(userFormValuesOf(robin, 'Asia/Tokyo').awayUntil).toBe('2030-01-15');
    expect(userFormValuesOf({ ...robin, awayUntil: null, teamId: null }, 'UTC')).toMatchObject({ teamId: '', awayUntil: '' });
  });

  it('reads whole numbers, and leaves range rules to the API', () => {
    expect(parseWholeNumber(' 75 ')).toEqual({ value: 75 });
    expect(parseWholeNumber('-1')).toEqual({ value: -1 });
    expect(parseWholeNumber('')).toEqual({ empty: true });
    expect(parseWholeNumber('7.5')).toEqual({ error: 'Enter a whole number.' });
    expect(parseWholeNumber('ten')).toEqual({ error: 'Enter a whole number.' });
  });

  it('sends only what changed', () => {
    const before = userFormValuesOf(robin, 'America/New_York');
    expect(userChangesOf(before, before)).toEqual({ changes: {}, errors: {} });
    expect(userChangesOf(before, { ...before, capacity: '-1', awayUntil: '' })).toEqual({ changes: { capacity: -1, awayUntil: null }, errors: {} });
    expect(userChangesOf(before, { ...before, teamId: '', role: 'sales_manager', active: false, name: ' Robin R. ' })).toEqual({
      changes: { team: null, role: 'sales_manager', active: false, name: 'Robin R.' },
      errors: {},
    });
    expect(userChangesOf(before, { ...before, awayUntil: '2030-02-01', weight: '3' }).changes).toEqual({ awayUntil: '2030-02-01', weight: 3 });
  });

  it('names the field to fix when an edit cannot be sent', () => {
    const before = userFormValuesOf(robin, 'America/New_York');
    expect(userChangesOf(before, { ...before, capacity: '', weight: 'x', name: '' }).errors).toEqual({
      capacity: 'Enter a capacity (0 keeps them out of routing).',
      weight: 'Enter a whole number.',
      name: 'Enter a name.',
    });
  });

  it('builds a new user, leaving empty numbers to the API’s defaults', () => {
    expect(newUserBodyOf({ ...emptyUserForm, name: ' Ada ', email: ' ada@example.com ', teamId: 't1', capacity: '40' })).toEqual({
      body: { email: 'ada@example.com', name: 'Ada', role: 'sales_rep', team: 't1', capacity: 40, weight: 1 },
      errors: {},
    });
    expect(newUserBodyOf({ ...emptyUserForm, role: 'marketing', name: 'Mo', email: 'mo@example.com', weight: '', awayUntil: '2030-01-15' }).body).toEqual({
      email: 'mo@example.com',
      name: 'Mo',
      role: 'marketing',
      team: null,
      awayUntil: '2030-01-15',
    });
    expect(newUserBodyOf({ ...emptyUserForm, capacity: '1e3' })).toEqual({
      body: null,
      errors: { name: 'Enter a name.', email: 'Enter an e-mail address.', capacity: 'Enter a whole number.' },
    });
  });
});
