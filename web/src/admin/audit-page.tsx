import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { AdminLoadFailed, AdminLoading } from './admin-load-states.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useAuditNames } from './admin-hooks.ts';
import { apiKeysQuery, auditLogQuery, organisationUsersQuery } from './admin-queries.ts';
import { AuditEntryItem } from './audit-entry-item.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { auditCsvHref, auditQueryOf, hasAuditFilters, type AuditSearch } from './audit-search.ts';
import { formLevelError } from '../api/field-issues.ts';

const route = getRouteApi('/signed-in/admin/audit');

/**
 * The audit log, newest first, filtered by what, which action, who and when (in the URL), a page at
 * a time ("Load more" follows the cursor); each entry opens to its values old → new. The CSV export
 * takes the same filters.
 */
export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const names = useAuditNames();
  const users = useQuery(organisationUsersQuery).data ?? [];
  const apiKeys = useQuery(apiKeysQuery).data ?? [];
  const query = useMemo(() => auditQueryOf(search), [search]);
  const log = useInfiniteQuery(auditLogQuery(query));
  const [openIds, setOpenIds] = useState<ReadonlySet<number>>(new Set());

  const setFilter = useCallback((change: Partial<AuditSearch>) => void navigate({ search: (previous: AuditSearch) => ({ ...previous, ...change }), replace: true }), [navigate]);
  const clearFilters = () => void navigate({ search: {}, replace: true });
  const toggle = (id: number) =>
    setOpenIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);
  const refused = isApiError(log.error) && log.error.status === 400 ? log.error : null;
  const errorOf = (field: 'from' | 'to' | 'entityId') => refused?.issueAt(field);
  const listError = formLevelError(log.error, ['from', 'to', 'entityId']);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, who made it and when, with the values before and after. Newest first."
        actions={
          <a className="lp-button lp-button--secondary lp-button--md" href={auditCsvHref(search)} download>
            <Icon name="download" size={16} />
            <span>Export CSV</span>
          </a>
        }
      />
      <AuditFilters search={search} users={users} apiKeys={apiKeys} onChange={setFilter} errorOf={errorOf} />
      {hasAuditFilters(search) ? (
        <p className="lp-admin-filter-note">
          Filtered.{' '}
          <Button size="sm" variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        </p>
      ) : null}

      <Card flush aria-busy={log.isFetching}>
        {listError && entries.length === 0 ? (
          <AdminLoadFailed title="The audit log could not be loaded." error={listError} onRetry={() => void log.refetch()} />
        ) : refused && entries.length === 0 ? (
          <EmptyState icon="clock" title="Fix the filters above">
            The log cannot be read with these filters.
          </EmptyState>
        ) : log.isPending ? (
          <AdminLoading label="Loading the audit log…" rows={5} />
        ) : entries.length === 0 ? (
          <EmptyState icon="clock" title="No changes match these filters" action={hasAuditFilters(search) ? <Button onClick={clearFilters}>Clear filters</Button> : undefined}>
            Changes appear here as soon as they are saved.
          </EmptyState>
        ) : (
          <>
            {listError ? (
              <div className="lp-admin-message">
                <InlineError title="More entries could not be loaded." error={listError} />
              </div>
            ) : null}
            <ol className="lp-audit-list" aria-label="Audit entries, newest first">
              {entries.map((entry) => (
                <AuditEntryItem key={entry.id} entry={entry} names={names} open={openIds.has(entry.id)} onToggle={() => toggle(entry.id)} />
              ))}
            </ol>
            <div className="lp-admin-footer lp-audit-footer">
              <span role="status">
                {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown{log.hasNextPage ? '' : ' · that is all'}
              </span>
              {log.hasNextPage ? (
                <Button size="sm" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                  Load more
                </Button>
              ) : null}
            </div>
          </>
        )}
      </Card>
    </>
  );
}
