import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';
import type { Role } from '../auth/session-query.ts';
import type { SelectOption } from '../ui/select.tsx';

type OrganisationUser = components['schemas']['User'];
type Team = components['schemas']['Team'];
type Campaign = components['schemas']['Campaign'];

// The filter bar's choices come from the organisation, not from the page of leads shown (a page of
// 50 would hide most owners and sources). Cached a while: they change seldom.
const optionsStaleTime = 5 * 60_000;

export const leadOwnersQuery = queryOptions({
  queryKey: ['leads-list', 'owners'] as const,
  queryFn: async ({ signal }): Promise<OrganisationUser[]> => (await dataOf(api.GET('/api/users', { signal }))).users,
  staleTime: optionsStaleTime,
});

export const leadTeamsQuery = queryOptions({
  queryKey: ['leads-list', 'teams'] as const,
  queryFn: async ({ signal }): Promise<Team[]> => (await dataOf(api.GET('/api/teams', { signal }))).teams,
  staleTime: optionsStaleTime,
});

export const leadSourcesQuery = queryOptions({
  queryKey: ['leads-list', 'sources'] as const,
  queryFn: async ({ signal }): Promise<string[]> => sourceSuggestions((await dataOf(api.GET('/api/campaigns', { signal }))).campaigns),
  staleTime: optionsStaleTime,
});

const salesRoles: readonly Role[] = ['sales_rep', 'sales_manager'];

export interface Viewer {
  id: string;
  role: Role;
  teamId: string | null;
}

/**
 * The owner filter's choices for `viewer`: a sales manager sees their team's leads, so "Me" and
 * their team's people; marketing and admins see everyone who can own a lead, with their team.
 * An owner picked in the URL that is not among them (the people not loaded yet, or someone who
 * left) stays selectable, so the select never shows a filter other than the one in force.
 */
export function ownerOptionsFor(viewer: Viewer, users: readonly OrganisationUser[], selected: string | undefined): SelectOption[] {
  const owners = users
    .filter((user) => salesRoles.includes(user.role) && user.id !== viewer.id)
    .filter((user) => viewer.role !== 'sales_manager' || (viewer.teamId !== null && user.teamId === viewer.teamId))
    .sort((a, b) => a.name.localeCompare(b.name));
  const options: SelectOption[] = [{ value: '', label: 'Anyone' }];
  if (salesRoles.includes(viewer.role)) options.push({ value: 'me', label: 'Me' });
  options.push({ value: 'unassigned', label: 'Unassigned' });
  for (const user of owners) {
    const team = viewer.role === 'sales_manager' || !user.teamName ? '' : ` · ${user.teamName}`;
    options.push({ value: user.id, label: `${user.name}${team}${user.active ? '' : ' (inactive)'}` });
  }
  if (selected && !options.some((option) => option.value === selected)) options.push({ value: selected, label: selected === viewer.id ? 'Me' : 'The owner in the link' });
  return options;
}

/** The team filter's choices; only marketing and admins have it (a manager's list is their team already). */
export function teamOptionsFor(teams: readonly Team[], selected: string | undefined): SelectOption[] {
  const options: SelectOption[] = [{ value: '', label: 'All teams' }, ...[...teams].sort((a, b) => a.name.localeCompare(b.name)).map((team) => ({ value: team.id, label: team.name }))];
  if (selected && !options.some((option) => option.value === selected)) options.push({ value: selected, label: 'The team in the link' });
  return options;
}

export function showsTeamFilter(role: Role): boolean {
  return role === 'admin' || role === 'marketing';
}

/** The sources the campaigns bring leads from, once each ignoring case, sorted: suggestions for the source box (any text still works). */
export function sourceSuggestions(campaigns: readonly Pick<Campaign, 'source'>[]): string[] {
  const byKey = new Map<string, string>();
  for (const campaign of campaigns) {
    const source = campaign.source?.trim();
    if (source && !byKey.has(source.toLowerCase())) byKey.set(source.toLowerCase(), source);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
