import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useLocation } from '@tanstack/react-router';
import { isApiError, type ApiError } from '../api/api-error.ts';
import { useMe } from '../auth/session-query.ts';
import { mayVisit } from '../shell/navigation.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ExportCsvLink } from '../ui/export-csv-link.tsx';
import { parseListSort, type ListSort } from '../ui/list-sort.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ListCardBody } from '../ui/list-card-body.tsx';
import { useCursorPosition } from '../ui/pager.tsx';
import { LeadsListFilters, type LeadFilterName } from './leads-list-filters.tsx';
import { leadsListQuery, leadsPageSize } from './leads-list-query.ts';
import {
  activeLeadFilterCount,
  createdRangeProblem,
  leadsCsvHref,
  leadSortKeys,
  leadSortOf,
  leadSortParam,
  withoutLeadFilters,
  type LeadSortKey,
  type LeadsListSearch,
} from './leads-list-search.ts';
import { LeadsListTable } from './leads-list-table.tsx';
import '../ui/list-table.css';
import './leads-list.css';

const route = getRouteApi('/signed-in/leads');

/** The API's name of each filter's query parameter, to put its answer under the right field. */
const apiParameterOf: Record<LeadFilterName, string> = { stage: 'stage', grade: 'grade', owner: 'owner', team: 'team', account: 'account', source: 'source', class: 'class', from: 'createdFrom', to: 'createdTo', q: 'q' };

function filterErrorsOf(error: ApiError | null, rangeProblem: string | null): Partial<Record<LeadFilterName, string>> {
  const errors: Partial<Record<LeadFilterName, string>> = {};
  if (error?.status === 400) {
    for (const [name, parameter] of Object.entries(apiParameterOf) as [LeadFilterName, string][]) {
      const message = error.issueAt(parameter);
      if (message) errors[name] = message;
    }
  }
  if (rangeProblem) errors.to = rangeProblem;
  return errors;
}

/**
 * Every lead the signed-in manager, marketer or admin may see (the API decides: a manager's team,
 * everyone's for marketing and admins), one page at a time with the total; filters, order and page
 * in the URL; the same view as CSV.
 */
export function LeadsListPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const href = useLocation({ select: (location) => location.href });
  const sort = leadSortOf(search);
  const position = useCursorPosition(search.cursor);
  const rangeProblem = createdRangeProblem(search);
  const list = useQuery({ ...leadsListQuery(search), enabled: rangeProblem === null });
  const apiError = isApiError(list.error) ? list.error : null;
  const errors = filterErrorsOf(apiError, rangeProblem);
  const filtered = activeLeadFilterCount(search) > 0;
  const page = list.data;
  const viewer = { id: me.user.id, role: me.user.role, teamId: me.user.teamId };

  // Filters and order start the list again from its first page; typing replaces the URL entry
  // instead of adding one per pause, so Back leaves the page rather than undoing letters.
  const changeFilters = (change: Partial<LeadsListSearch>, typed = false) =>
    void navigate({ search: (previous: LeadsListSearch) => ({ ...previous, ...change, cursor: undefined }), replace: typed, resetScroll: false });
  const changeSort = (next: ListSort<LeadSortKey>) => void navigate({ search: (previous: LeadsListSearch) => ({ ...previous, sort: leadSortParam(next), cursor: undefined }), resetScroll: false });
  const clearFilters = () => void navigate({ search: (previous: LeadsListSearch) => withoutLeadFilters(previous), resetScroll: false });
  const goTo = (target: { cursor: string | null; before: readonly (string | null)[] }) =>
    void navigate({ search: (previous: LeadsListSearch) => ({ ...previous, cursor: target.cursor ?? undefined }), state: { pagesBefore: [...target.before] } });

  const total = page?.total;
  const countText = total === undefined ? 'Counting leads…' : `${total.toLocaleString()} ${total === 1 ? 'lead' : 'leads'}`;
  const scopeText = filtered ? 'match these filters' : me.user.role === 'sales_manager' ? `in ${me.user.teamName ?? 'your team'}` : 'in all teams';
  const exportBlocked = rangeProblem !== null || apiError?.status === 400;

  return (
    <div className="lp-leads-list">
      <PageHeader
        title="Leads"
        description={
          <span className="lp-list-total" data-total={total}>
            <strong>{countText}</strong> {total === undefined ? null : scopeText}
          </span>
        }
        actions={<ExportCsvLink href={leadsCsvHref(search)} blockedReason={exportBlocked ? 'Fix the filters first: the export takes the same filters as the list.' : null} />}
      />

      <LeadsListFilters
        search={search}
        viewer={viewer}
        errors={errors}
        onChange={changeFilters}
        onSortChange={(text) => changeSort(parseListSort(text, leadSortKeys) ?? sort)}
        onClear={clearFilters}
        loadChoices={list.isFetched || rangeProblem !== null}
      />

      <Card flush className="lp-list-card" aria-busy={list.isFetching}>
        {rangeProblem ? (
          <EmptyState icon="search" title="No days in this range">
            The “Created to” day comes before the “Created from” day. Change one of them.
          </EmptyState>
        ) : (
          <ListCardBody
            noun={['lead', 'leads']}
            page={page ? { rows: page.leads.length, total: page.total, nextCursor: page.nextCursor } : undefined}
            position={position}
            pageSize={leadsPageSize}
            busy={list.isPlaceholderData}
            goTo={goTo}
            failed={list.isError}
            error={list.error}
            apiError={apiError}
            errorTitle="The leads could not be loaded."
            onRetry={() => void list.refetch()}
            empty={
              filtered ? (
                <EmptyState
                  icon="search"
                  title="No leads match these filters"
                  action={
                    <Button variant="secondary" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  }
                >
                  Remove a filter or two, or clear them all to see every lead you may see.
                </EmptyState>
              ) : (
                <EmptyState icon="leads" title="No leads yet" action={mayVisit(me.user.role, '/imports') ? <Link to="/imports">Import leads from a CSV file</Link> : undefined}>
                  {me.user.role === 'sales_manager'
                    ? 'Leads routed to your team show up here as web forms, the API and imports capture them.'
                    : 'Leads show up here as web forms, the API and imports capture them.'}
                </EmptyState>
              )
            }
          >
            {page ? <LeadsListTable leads={page.leads} caption={`Leads, ${countText}`} sort={sort} onSort={changeSort} from={href} /> : null}
          </ListCardBody>
        )}
      </Card>
    </div>
  );
}
