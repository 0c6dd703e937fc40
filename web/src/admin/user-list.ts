import type { BadgeTone } from '../ui/badge.tsx';
import type { OrganisationUser, Role } from './admin-types.ts';

export type UserStatus = 'active' | 'away' | 'inactive';

export const statusLabels: Record<UserStatus, { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  away: { label: 'Away', tone: 'warning' },
  inactive: { label: 'Inactive', tone: 'neutral' },
};

/** Inactive (cannot sign in, gets no leads), away (active, but routing skips them until a date) or active. */
export function userStatus(user: Pick<OrganisationUser, 'active' | 'awayUntil'>, now: Date): UserStatus {
  if (!user.active) return 'inactive';
  if (user.awayUntil !== null && Date.parse(user.awayUntil) > now.getTime()) return 'away';
  return 'active';
}

/** The users page's filters, kept in the URL; `edit` is the person whose panel is open. */
export interface UsersSearch {
  q?: string;
  role?: Role;
  team?: string;
  status?: UserStatus;
  edit?: string;
}

const roleValues: readonly string[] = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'];
const statusValues: readonly string[] = ['active', 'away', 'inactive'];
/** The team filter's value for people in no team. */
export const noTeam = 'none';

/** Reads the filters from the URL, dropping anything unknown (a hand-edited URL never breaks the page). */
export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const parsed: UsersSearch = {};
  if (typeof search.q === 'string' && search.q.trim() !== '') parsed.q = search.q.slice(0, 200);
  if (typeof search.role === 'string' && roleValues.includes(search.role)) parsed.role = search.role as Role;
  if (typeof search.team === 'string' && search.team.trim() !== '') parsed.team = search.team.slice(0, 100);
  if (typeof search.status === 'string' && statusValues.includes(search.status)) parsed.status = search.status as UserStatus;
  if (typeof search.edit === 'string' && /^[0-9a-f-]{36}$/i.test(search.edit)) parsed.edit = search.edit;
  return parsed;
}

/** The users matching the filters, in the API's order (by name). Text matches name or e-mail, any case. */
export function filterUsers(users: readonly OrganisationUser[], search: UsersSearch, now: Date): OrganisationUser[] {
  const text = search.q?.trim().toLocaleLowerCase() ?? '';
  return users.filter(
    (user) =>
      (!text || user.name.toLocaleLowerCase().includes(text) || user.email.toLocaleLowerCase().includes(text)) &&
      (!search.role || user.role === search.role) &&
      (!search.team || (search.team === noTeam ? user.teamId === null : user.teamId === search.team)) &&
      (!search.status || userStatus(user, now) === search.status),
  );
}
