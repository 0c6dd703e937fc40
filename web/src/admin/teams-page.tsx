import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { roleLabels } from '../shell/role-labels.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { AdminLoading } from './admin-load-states.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { organisationUsersQuery, teamsQuery } from './admin-queries.ts';
import type { OrganisationUser, Team } from './admin-types.ts';
import { accountClassLabels } from './team-form.ts';
import { TeamDialog } from './team-dialog.tsx';
import { statusLabels, userStatus } from './user-list.ts';

/** The teams routing sends leads to: class, manager, members and the open leads each holds. */
export function TeamsPage() {
  const teamsResult = useQuery(teamsQuery);
  const usersResult = useQuery(organisationUsersQuery);
  const [dialog, setDialog] = useState<{ team?: Team } | null>(null);
  const users = useMemo(() => usersResult.data ?? [], [usersResult.data]);
  const now = useMemo(() => new Date(), [usersResult.dataUpdatedAt]);
  const membersByTeam = useMemo(() => {
    const byTeam = new Map<string, OrganisationUser[]>();
    for (const user of users) if (user.teamId) byTeam.set(user.teamId, [...(byTeam.get(user.teamId) ?? []), user]);
    return byTeam;
  }, [users]);

  return (
    <>
      <PageHeader
        title="Teams"
        description="The pact routes each account class to one of these teams, by name."
        actions={
          <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => setDialog({})}>
            New team
          </Button>
        }
      />
      {teamsResult.isError && !teamsResult.data ? (
        <InlineError
          title="The teams could not be loaded."
          error={teamsResult.error}
          action={
            <Button size="sm" onClick={() => void teamsResult.refetch()}>
              Try again
            </Button>
          }
        />
      ) : teamsResult.isPending ? (
        <AdminLoading label="Loading teams…" rows={3} />
      ) : teamsResult.data.length === 0 ? (
        <Card>
          <EmptyState icon="leads" title="No teams yet" action={<Button onClick={() => setDialog({})}>New team</Button>}>
            Routing needs a team for each account class the pact sends leads to.
          </EmptyState>
        </Card>
      ) : (
        <div className="lp-teams">
          {usersResult.isError ? <InlineError title="The members could not be loaded." error={usersResult.error} /> : null}
          {teamsResult.data.map((team) => (
            <TeamCard key={team.id} team={team} members={membersByTeam.get(team.id) ?? []} membersLoading={usersResult.isPending} now={now} onEdit={() => setDialog({ team })} />
          ))}
        </div>
      )}
      {dialog ? <TeamDialog team={dialog.team} users={users} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function TeamCard(props: { team: Team; members: readonly OrganisationUser[]; membersLoading: boolean; now: Date; onEdit(): void }) {
  const { team } = props;
  const headingId = `team-${team.id}`;
  return (
    <section className="lp-card lp-team-card" aria-labelledby={headingId} data-team-id={team.id}>
      <header className="lp-team-card__header">
        <div className="lp-team-card__title-row">
          <h2 id={headingId} className="lp-card__title">
            {team.name}
          </h2>
          <Badge tone="brand">{accountClassLabels[team.accountClass]}</Badge>
        </div>
        <Button size="sm" onClick={props.onEdit}>
          Edit<span className="lp-visually-hidden"> {team.name}</span>
        </Button>
      </header>
      <dl className="lp-team-card__facts">
        <div>
          <dt>Manager</dt>
          <dd>{team.managerName ?? 'None'}</dd>
        </div>
        <div>
          <dt>Members</dt>
          <dd>
            {team.activeMemberCount} active{team.memberCount > team.activeMemberCount ? ` of ${team.memberCount}` : ''}
          </dd>
        </div>
        <div>
          <dt>Open leads</dt>
          <dd>{team.openLeadCount}</dd>
        </div>
      </dl>
      {props.membersLoading ? (
        <p className="lp-admin-muted lp-team-card__members-note">Loading members…</p>
      ) : props.members.length === 0 ? (
        <p className="lp-admin-muted lp-team-card__members-note">No members yet: give people this team on the Users page.</p>
      ) : (
        <ul className="lp-team-card__members" aria-label={`Members of ${team.name}`}>
          <li className="lp-team-member lp-team-member--head" aria-hidden="true">
            <span>Member</span>
            <span className="lp-team-member__role">Role</span>
            <span className="lp-team-member__load">Leads / cap.</span>
            <span />
          </li>
          {props.members.map((member) => {
            const status = userStatus(member, props.now);
            return (
              <li key={member.id} className="lp-team-member">
                <Link to="/admin/users" search={{ edit: member.id }} className="lp-team-member__name">
                  {member.name}
                </Link>
                <span className="lp-team-member__role">{roleLabels[member.role]}</span>
                <span className="lp-team-member__load" title="Open leads / capacity">
                  <span aria-hidden="true">
                    {member.openLeadCount} / {member.capacity}
                  </span>
                  <span className="lp-visually-hidden">
                    {member.openLeadCount} open leads, capacity {member.capacity}
                  </span>
                </span>
                <span>{status === 'active' ? null : <Badge tone={statusLabels[status].tone}>{statusLabels[status].label}</Badge>}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
