import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useLocation } from '@tanstack/react-router';
import { isApiError, type ApiError } from '../api/api-error.ts';
import { useMe } from '../auth/session-query.ts';
import { leadOwnersQuery, ownerOptionsFor } from '../leads/leads-list-options.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Field } from '../ui/field.tsx';
import { FilterBar } from '../ui/filter-bar.tsx';
import { ExportCsvLink } from '../ui/export-csv-link.tsx';
import { formatListSort, parseListSort, type ListSort } from '../ui/list-sort.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { ListCardBody } from '../ui/list-card-body.tsx';
import { useCursorPosition } from '../ui/pager.tsx';
import { Select } from '../ui/select.tsx';
import { SettlingInput } from '../ui/settling-input.tsx';
import '../ui/list-table.css';
import { accountClassLabels, accountClassValues, type AccountClass } from './account-classes.ts';
import { accountsListQuery, accountsPageSize } from './accounts-list-query.ts';
import {
  accountFilterNames,
  accountsCsvHref,
  accountSortKeys,
  accountSortOf,
  accountSortOptions,
  accountSortParam,
  activeAccountFilterCount,
  withoutAccountFilters,
  type AccountFilterName,
  type AccountSortKey,
  type AccountsListSearch,
} from './accounts-list-search.ts';
import { AccountsListTable } from './accounts-list-table.tsx';
import './accounts-list.css';

const route = getRouteApi('/signed-in/accounts');
const classOptions = [{ value: '', label: 'All classes' }, ...accountClassValues.map((value) => ({ value, label: accountClassLabels[value] }))];
const sortOptions = accountSortOptions();

/** The API's answer about a filter, by filter (the query parameters have the filters' names). */
function filterErrorsOf(error: ApiError | null): Partial<Record<AccountFilterName, string>> {
  const errors: Partial<Record<AccountFilterName, string>> = {};
  if (error?.status !== 400) return errors;
  for (const name of accountFilterNames) {
    const message = error.issueAt(name);
    if (message) errors[name] = message;
  }
  return errors;
}

/**
 * The accounts the signed-in manager, marketer or admin may see, with how many of their leads the
 * viewer may see; filters, order and page in the URL; the same view as CSV.
 */
export function AccountsListPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const href = useLocation({ select: (location) => location.href });
  const sort = accountSortOf(search);
  const position = useCursorPosition(search.cursor);
  const list = useQuery(accountsListQuery(search));
  const owners = useQuery(leadOwnersQuery);
  const apiError = isApiError(list.error) ? list.error : null;
  const errors = filterErrorsOf(apiError);
  const activeCount = activeAccountFilterCount(search);
  const page = list.data;
  const viewer = { id: me.user.id, role: me.user.role, teamId: me.user.teamId };

  const changeFilters = (change: Partial<AccountsListSearch>, typed = false) =>
    void navigate({ search: (previous: AccountsListSearch) => ({ ...previous, ...change, cursor: undefined }), replace: typed, resetScroll: false });
  const changeSort = (next: ListSort<AccountSortKey>) => void navigate({ search: (previous: AccountsListSearch) => ({ ...previous, sort: accountSortParam(next), cursor: undefined }), resetScroll: false });
  const clearFilters = () => void navigate({ search: (previous: AccountsListSearch) => withoutAccountFilters(previous), resetScroll: false });
  const goTo = (target: { cursor: string | null; before: readonly (string | null)[] }) =>
    void navigate({ search: (previous: AccountsListSearch) => ({ ...previous, cursor: target.cursor ?? undefined }), state: { pagesBefore: [...target.before] } });

  const total = page?.total;
  const countText = total === undefined ? 'Counting accounts…' : `${total.toLocaleString()} ${total === 1 ? 'account' : 'accounts'}`;
  const scopeText = activeCount > 0 ? 'match these filters' : me.user.role === 'sales_manager' ? 'your team owns or works with' : 'in all';

  return (
    <div className="lp-accounts-list">
      <PageHeader
        title="Accounts"
        description={
          <span className="lp-list-total" data-total={total}>
            <strong>{countText}</strong> {total === undefined ? null : scopeText}
          </span>
        }
        actions={<ExportCsvLink href={accountsCsvHref(search)} blockedReason={apiError?.status === 400 ? 'Fix the filters first: the export takes the same filters as the list.' : null} />}
      />

      <FilterBar
        label="Filter accounts"
        activeCount={activeCount - (search.q ? 1 : 0)}
        onClear={activeCount > 0 ? clearFilters : undefined}
        search={
          <Field label="Search" error={errors.q}>
            {(control) => <SettlingInput {...control} type="search" icon="search" placeholder="Name or domain" value={search.q ?? ''} onSettle={(text) => changeFilters({ q: text || undefined }, true)} autoComplete="off" />}
          </Field>
        }
        sort={
          <Field label="Sort by">
            {(control) => <Select {...control} value={formatListSort(sort)} options={sortOptions} onChange={(event) => changeSort(parseListSort(event.target.value, accountSortKeys) ?? sort)} />}
          </Field>
        }
      >
        <Field label="Class" error={errors.class}>
          {(control) => <Select {...control} value={search.class ?? ''} options={classOptions} onChange={(event) => changeFilters({ class: (event.target.value || undefined) as AccountClass | undefined })} />}
        </Field>
        <Field label="Owner" error={errors.owner ?? (owners.isError ? 'The list of people could not be loaded; the filter in force still applies.' : null)}>
          {(control) => (
            <Select
              {...control}
              value={search.owner ?? ''}
              options={ownerOptionsFor(viewer, owners.data ?? [], search.owner).map((option) => (option.value === 'unassigned' ? { ...option, label: 'No owner' } : option))}
              onChange={(event) => changeFilters({ owner: event.target.value || undefined })}
            />
          )}
        </Field>
        <Field label="Industry" error={errors.industry}>
          {(control) => <SettlingInput {...control} placeholder="Any industry" value={search.industry ?? ''} onSettle={(text) => changeFilters({ industry: text || undefined }, true)} autoComplete="off" />}
        </Field>
        <Field label="Country" error={errors.country}>
          {(control) => <SettlingInput {...control} placeholder="Name or code" value={search.country ?? ''} onSettle={(text) => changeFilters({ country: text || undefined }, true)} autoComplete="off" />}
        </Field>
      </FilterBar>

      <Card flush className="lp-list-card" aria-busy={list.isFetching}>
        <ListCardBody
          noun={['account', 'accounts']}
          page={page ? { rows: page.accounts.length, total: page.total, nextCursor: page.nextCursor } : undefined}
          position={position}
          pageSize={accountsPageSize}
          busy={list.isPlaceholderData}
          goTo={goTo}
          failed={list.isError}
          error={list.error}
          apiError={apiError}
          errorTitle={Object.keys(errors).length > 0 ? 'A filter needs fixing (see above).' : 'The accounts could not be loaded.'}
          onRetry={() => void list.refetch()}
          empty={
            activeCount > 0 ? (
              <EmptyState
                icon="search"
                title="No accounts match these filters"
                action={
                  <Button variant="secondary" onClick={clearFilters}>
                    Clear filters
                  </Button>
                }
              >
                Remove a filter or two, or clear them all to see every account you may see.
              </EmptyState>
            ) : (
              <EmptyState icon="building" title="No accounts yet">
                Accounts are created as leads arrive (matched by their company’s domain), or from the API and imports.
              </EmptyState>
            )
          }
        >
          {page ? <AccountsListTable accounts={page.accounts} caption={`Accounts, ${countText}`} sort={sort} onSort={changeSort} from={href} /> : null}
        </ListCardBody>
      </Card>
    </div>
  );
}
