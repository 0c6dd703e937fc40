import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { Card } from '../ui/card.tsx';
import { Icon, type IconName } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useAuditNames } from './admin-hooks.ts';
import { apiKeysQuery, auditLogQuery, organisationUsersQuery, teamsQuery } from './admin-queries.ts';
import { auditActorLabel, auditEntityLabel, auditEntrySummary } from './audit-entry-text.ts';
import { formatInstant } from './format-instant.ts';
import { userStatus } from './user-list.ts';

type SectionPath = '/admin/users' | '/admin/teams' | '/admin/api-keys' | '/admin/audit';

function SectionCard(props: { to: SectionPath; icon: IconName; title: string; figure: ReactNode; detail: ReactNode; loading: boolean }) {
  return (
    <Link to={props.to} className="lp-admin-tile">
      <span className="lp-admin-tile__icon">
        <Icon name={props.icon} size={20} />
      </span>
      <span className="lp-admin-tile__title">{props.title}</span>
      <span className="lp-admin-tile__figure">{props.loading ? '…' : props.figure}</span>
      <span className="lp-admin-tile__detail">{props.loading ? 'Loading…' : props.detail}</span>
    </Link>
  );
}

/** The admin hub: how the organisation stands (people, teams, keys) and the latest changes, each a way into its section. */
export function AdminOverviewPage() {
  const users = useQuery(organisationUsersQuery);
  const teams = useQuery(teamsQuery);
  const keys = useQuery(apiKeysQuery);
  // The unfiltered log's first page: the same cache entry the audit page opens with.
  const log = useInfiniteQuery(auditLogQuery({}));
  const recent = log.data?.pages[0]?.entries.slice(0, 6) ?? [];
  const names = useAuditNames();
  const now = useMemo(() => new Date(), [users.dataUpdatedAt]);

  const people = users.data ?? [];
  const statuses = people.map((user) => userStatus(user, now));
  const count = (status: string) => statuses.filter((candidate) => candidate === status).length;
  const activeKeys = (keys.data ?? []).filter((key) => key.revokedAt === null).length;
  const firstError = users.error ?? teams.error ?? keys.error;

  return (
    <>
      <PageHeader title="Admin" description="The organisation behind the pact: people and their routing settings, teams, API keys, and every change made." />
      {firstError ? <InlineError title="Some figures could not be loaded." error={firstError} /> : null}
      <div className="lp-admin-tiles">
        <SectionCard
          to="/admin/users"
          icon="user"
          title="Users"
          loading={users.isPending}
          figure={`${count('active') + count('away')} active`}
          detail={`${count('away')} away now · ${count('inactive')} deactivated`}
        />
        <SectionCard
          to="/admin/teams"
          icon="leads"
          title="Teams"
          loading={teams.isPending}
          figure={`${teams.data?.length ?? 0} ${teams.data?.length === 1 ? 'team' : 'teams'}`}
          detail={`${(teams.data ?? []).reduce((sum, team) => sum + team.openLeadCount, 0)} open leads routed to them`}
        />
        <SectionCard
          to="/admin/api-keys"
          icon="key"
          title="API keys"
          loading={keys.isPending}
          figure={`${activeKeys} active`}
          detail={`${(keys.data?.length ?? 0) - activeKeys} revoked`}
        />
        <SectionCard to="/admin/audit" icon="clock" title="Audit log" loading={false} figure="Every change" detail="Who, when, before and after; CSV export" />
      </div>

      <Card title="Latest changes" actions={<Link to="/admin/audit">Open the audit log</Link>} flush>
        {log.isError ? (
          <div className="lp-admin-message">
            <InlineError error={log.error} />
          </div>
        ) : log.isPending ? (
          <p className="lp-admin-message lp-admin-muted" role="status">
            Loading…
          </p>
        ) : recent.length === 0 ? (
          <p className="lp-admin-message lp-admin-muted">Nothing has changed yet.</p>
        ) : (
          <ul className="lp-admin-recent">
            {recent.map((entry) => (
              <li key={entry.id}>
                <span className="lp-admin-recent__what">
                  <span className="lp-admin-primary">{auditEntityLabel(entry, names)}</span>
                  <span className="lp-admin-secondary">
                    {auditEntrySummary(entry)} · by {auditActorLabel(entry, names)}
                  </span>
                </span>
                <span className="lp-admin-recent__when">{formatInstant(entry.at, names.displayTimeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
