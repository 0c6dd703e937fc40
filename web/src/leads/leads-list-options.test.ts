import { describe, expect, it } from 'vitest';
import type { components } from '../api/schema.d.ts';
import { ownerOptionsFor, sourceSuggestions, teamOptionsFor } from './leads-list-options.ts';

type User = components['schemas']['User'];

function user(id: string, name: string, role: User['role'], teamId: string | null, teamName: string | null, active = true): User {
  return { id, email: `${id}@x.test`, name, role, teamId, teamName, capacity: 10, weight: 1, awayUntil: null, active, openLeadCount: 0, createdAt: '', updatedAt: '' };
}

const users = [
  user('u-zoe', 'Zoe Rep', 'sales_rep', 't-in', 'Inside'),
  user('u-sam', 'Sam Manager', 'sales_manager', 't-in', 'Inside'),
  user('u-al', 'Al Rep', 'sales_rep', 't-field', 'Field', false),
  user('u-mo', 'Morgan Marketing', 'marketing', null, null),
  user('u-ad', 'Admin', 'admin', null, null),
];

describe('owner filter choices', () => {
  it('gives a sales manager "Me" and their own team only', () => {
    expect(ownerOptionsFor({ id: 'u-sam', role: 'sales_manager', teamId: 't-in' }, users, undefined)).toEqual([
      { value: '', label: 'Anyone' },
      { value: 'me', label: 'Me' },
      { value: 'unassigned', label: 'Unassigned' },
      { value: 'u-zoe', label: 'Zoe Rep' },
    ]);
  });

  it('gives marketing every rep and manager with their team, by name, and says who is inactive', () => {
    expect(ownerOptionsFor({ id: 'u-mo', role: 'marketing', teamId: null }, users, undefined)).toEqual([
      { value: '', label: 'Anyone' },
      { value: 'unassigned', label: 'Unassigned' },
      { value: 'u-al', label: 'Al Rep · Field (inactive)' },
      { value: 'u-sam', label: 'Sam Manager · Inside' },
      { value: 'u-zoe', label: 'Zoe Rep · Inside' },
    ]);
  });

  it('keeps an owner from the link selectable before the people have loaded', () => {
    const options = ownerOptionsFor({ id: 'u-mo', role: 'marketing', teamId: null }, [], 'u-zoe');
    expect(options.at(-1)).toEqual({ value: 'u-zoe', label: 'The owner in the link' });
    expect(teamOptionsFor([], 't-in').at(-1)).toEqual({ value: 't-in', label: 'The team in the link' });
  });
});

describe('source suggestions', () => {
  it('lists each campaign source once, ignoring case and blanks, sorted', () => {
    expect(sourceSuggestions([{ source: 'Webinar' }, { source: 'webinar' }, { source: null }, { source: ' ' }, { source: 'Google Ads' }])).toEqual(['Google Ads', 'Webinar']);
  });
});
