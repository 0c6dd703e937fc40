import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { roleLabels } from '../shell/role-labels.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Field } from '../ui/field.tsx';
import { Icon } from '../ui/icon.tsx';
import { AdminLoadFailed, AdminLoading } from './admin-load-states.tsx';
import { Input } from '../ui/input.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Select } from '../ui/select.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { useCalendarTimeZone } from './admin-hooks.ts';
import { organisationUsersQuery, teamsQuery } from './admin-queries.ts';
import { awayUntilLabel } from './away-date.ts';
import { EditUserPanel } from './edit-user-panel.tsx';
import { NewUserDialog } from './new-user-dialog.tsx';
import { roleOptions } from './user-fields.tsx';
import { filterUsers, noTeam, statusLabels, userStatus, type UserStatus, type UsersSearch } from './user-list.ts';

const route = getRouteApi('/signed-in/admin/users');

/**
 * The people of the organisation: role, team, routing settings (capacity, weight, away date), the
 * open leads they hold and whether they may sign in. Filters live in the URL, and so does the person
 * being edited (`?edit=<id>`), so a link can open someone's panel.
 */
export function UsersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const usersQuery = useQuery(organisationUsersQuery);
  const teams = useQuery(teamsQuery).data ?? [];
  const { timeZone, settled: timeZoneSettled } = useCalendarTimeZone();
  const [creating, setCreating] = useState(false);

  const [text, setText] = useState(search.q ?? '');
  const settledText = useDebouncedValue(text.trim(), 250);
  const appliedText = useRef(search.q ?? '');
  appliedText.current = search.q ?? '';
  useEffect(() => {
    if (settledText !== appliedText.current) void navigate({ search: (previous: UsersSearch) => ({ ...previous, q: settledText || undefined }), replace: true });
  }, [settledText, navigate]);

  const users = useMemo(() => usersQuery.data ?? [], [usersQuery.data]);
  const now = useMemo(() => new Date(), [usersQuery.dataUpdatedAt]);
  const visible = useMemo(() => filterUsers(users, search, now), [users, search, now]);
  const editing = search.edit ? users.find((user) => user.id === search.edit) : undefined;
  const setFilter = (change: Partial<UsersSearch>) => void navigate({ search: (previous: UsersSearch) => ({ ...previous, ...change }), replace: true });
  const clearFilters = () => {
    setText('');
    void navigate({ search: {}, replace: true });
  };
  const activeCount = users.filter((user) => user.active).length;

  return (
    <>
      <PageHeader
        title="Users"
        description="Who is in the organisation, what routing may give them, and who is away."
        actions={
          <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <div className="lp-admin-toolbar lp-admin-toolbar--users" role="search" aria-label="Filter users">
        <Field label="Search">
          {(control) => <Input {...control} type="search" icon="search" placeholder="Name or e-mail" value={text} autoComplete="off" onChange={(event) => setText(event.target.value)} />}
        </Field>
        <Field label="Role">
          {(control) => (
            <Select {...control} value={search.role ?? ''} options={[{ value: '', label: 'All roles' }, ...roleOptions]} onChange={(event) => setFilter({ role: (event.target.value || undefined) as UsersSearch['role'] })} />
          )}
        </Field>
        <Field label="Team">
          {(control) => (
            <Select
              {...control}
              value={search.team ?? ''}
              options={[{ value: '', label: 'All teams' }, ...teams.map((team) => ({ value: team.id, label: team.name })), { value: noTeam, label: 'No team' }]}
              onChange={(event) => setFilter({ team: event.target.value || undefined })}
            />
          )}
        </Field>
        <Field label="Status">
          {(control) => (
            <Select
              {...control}
              value={search.status ?? ''}
              options={[{ value: '', label: 'Everyone' }, ...(Object.keys(statusLabels) as UserStatus[]).map((status) => ({ value: status, label: statusLabels[status].label }))]}
              onChange={(event) => setFilter({ status: (event.target.value || undefined) as UserStatus | undefined })}
            />
          )}
        </Field>
      </div>

      <Card flush aria-busy={usersQuery.isFetching}>
        {usersQuery.isError && !usersQuery.data ? (
          <AdminLoadFailed title="The users could not be loaded." error={usersQuery.error} onRetry={() => void usersQuery.refetch()} />
        ) : usersQuery.isPending ? (
          <AdminLoading label="Loading users…" rows={5} />
        ) : visible.length === 0 ? (
          <EmptyState icon="user" title="No one matches these filters" action={<Button onClick={clearFilters}>Clear filters</Button>}>
            Try another name, role, team or status.
          </EmptyState>
        ) : (
          <>
            <Table caption={`Users: ${visible.length} shown`} className="lp-users-table">
              <thead>
                <tr>
                  <HeaderCell>Name</HeaderCell>
                  <HeaderCell>Role and team</HeaderCell>
                  <HeaderCell align="end" title="Most open leads routing may give them">
                    Capacity
                  </HeaderCell>
                  <HeaderCell align="end" title="Share of round-robin against teammates">
                    Weight
                  </HeaderCell>
                  <HeaderCell align="end">Open leads</HeaderCell>
                  <HeaderCell>Away until</HeaderCell>
                  <HeaderCell>Status</HeaderCell>
                  <HeaderCell>
                    <span className="lp-visually-hidden">Actions</span>
                  </HeaderCell>
                </tr>
              </thead>
              <tbody>
                {visible.map((user) => {
                  const status = userStatus(user, now);
                  return (
                    <Row key={user.id} data-user-id={user.id} selected={user.id === search.edit}>
                      <Cell label="Name" className="lp-users-table__name">
                        <span className="lp-admin-primary">{user.name}</span>
                        <span className="lp-admin-secondary" title={user.email}>
                          {user.email}
                        </span>
                      </Cell>
                      <Cell label="Role and team" className="lp-admin-nowrap">
                        <span>
                          <span className="lp-admin-block">{roleLabels[user.role]}</span>
                          <span className="lp-admin-secondary">{user.teamName ?? 'No team'}</span>
                        </span>
                      </Cell>
                      <Cell label="Capacity" align="end" data-field="capacity">
                        {user.capacity}
                      </Cell>
                      <Cell label="Weight" align="end">
                        {user.weight}
                      </Cell>
                      <Cell label="Open leads" align="end">
                        {user.openLeadCount}
                      </Cell>
                      <Cell label="Away until" data-field="away-until" className="lp-users-table__away">
                        {status === 'away' && user.awayUntil ? awayUntilLabel(user.awayUntil, timeZone) : '—'}
                      </Cell>
                      <Cell label="Status">
                        <Badge tone={statusLabels[status].tone}>{statusLabels[status].label}</Badge>
                      </Cell>
                      <Cell label="Actions" align="end" className="lp-admin-row-actions">
                        <Button size="sm" onClick={() => setFilter({ edit: user.id })}>
                          Edit<span className="lp-visually-hidden"> {user.name}</span>
                        </Button>
                      </Cell>
                    </Row>
                  );
                })}
              </tbody>
            </Table>
            <p className="lp-admin-footer">
              {visible.length === users.length ? `${users.length} people` : `${visible.length} of ${users.length} people`} · {activeCount} active
            </p>
          </>
        )}
      </Card>

      {creating && timeZoneSettled ? <NewUserDialog teams={teams} timeZone={timeZone} onClose={() => setCreating(false)} /> : null}
      {editing && timeZoneSettled ? <EditUserPanel key={editing.id} user={editing} teams={teams} timeZone={timeZone} onClose={() => setFilter({ edit: undefined })} /> : null}
    </>
  );
}
