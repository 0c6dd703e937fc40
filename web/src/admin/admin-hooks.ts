import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiKeysQuery, calendarTimeZoneQuery, organisationUsersQuery, teamsQuery } from './admin-queries.ts';
import type { AuditNames } from './audit-entry-text.ts';
import { browserTimeZone } from './away-date.ts';

/**
 * The zone away dates are given in: the pact calendar's, else (no pact yet, or it could not be read)
 * the browser's. `settled` is false while the pact is still loading: a form that turns an instant
 * into a day waits for it, so it never starts from the wrong day.
 */
export function useCalendarTimeZone(): { timeZone: string; settled: boolean } {
  const query = useQuery(calendarTimeZoneQuery);
  return { timeZone: query.data ?? browserTimeZone(), settled: !query.isPending };
}

/**
 * The names that make audit entries readable (ids of users, teams and keys); while they load, or
 * if one list fails, entries show the raw ids instead — the log itself never waits for them.
 */
export function useAuditNames(): AuditNames {
  const users = useQuery(organisationUsersQuery);
  const teams = useQuery(teamsQuery);
  const keys = useQuery(apiKeysQuery);
  const calendarTimeZone = useCalendarTimeZone().timeZone;
  return useMemo(
    () => ({
      users: new Map((users.data ?? []).map((user) => [user.id, user.name])),
      teams: new Map((teams.data ?? []).map((team) => [team.id, team.name])),
      apiKeys: new Map((keys.data ?? []).map((key) => [key.id, key.name])),
      calendarTimeZone,
      displayTimeZone: browserTimeZone(),
    }),
    [users.data, teams.data, keys.data, calendarTimeZone],
  );
}
