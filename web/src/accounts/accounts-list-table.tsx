import { Link, useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { Badge } from '../ui/badge.tsx';
import type { ListSort } from '../ui/list-sort.ts';
import { SortableHeaderCell } from '../ui/sortable-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import '../ui/list-table.css';
import { accountClassLabels } from './account-classes.ts';
import type { AccountRow } from './accounts-list-query.ts';
import { accountSortChoices, type AccountSortKey } from './accounts-list-search.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export interface AccountsListTableProps {
  accounts: readonly AccountRow[];
  caption: string;
  sort: ListSort<AccountSortKey>;
  onSort(sort: ListSort<AccountSortKey>): void;
  /** This list as it is (filters, order, page), for the account page's back link. */
  from: string;
}

function isOnControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('a, button, input, select, textarea') !== null;
}

/** What the account is, under its name: industry and country, as far as known. */
function accountLine(account: AccountRow): string {
  return [account.industry, account.country].filter(Boolean).join(' · ');
}

/**
 * The accounts as a table: the name links to the account's page; the headers of the orders the API
 * offers sort it. Owner is not one of them (the API does not sort by it), so its header is plain.
 */
export function AccountsListTable(props: AccountsListTableProps) {
  const router = useRouter();
  const header = (key: AccountSortKey, align?: 'end') => {
    const choice = accountSortChoices.find((candidate) => candidate.key === key)!;
    return <SortableHeaderCell label={choice.column} sortKey={key} sort={props.sort} firstDescending={choice.firstDescending} onSort={props.onSort} align={align} />;
  };
  return (
    <Table caption={props.caption} className="lp-list-table lp-accounts-table">
      <thead>
        <tr>
          {header('name')}
          {header('domain')}
          {header('class')}
          <HeaderCell>Owner</HeaderCell>
          {header('leads', 'end')}
          {header('created_at', 'end')}
        </tr>
      </thead>
      <tbody>
        {props.accounts.map((account) => (
          <Row
            key={account.id}
            data-account-id={account.id}
            onClick={(event) => {
              if (isOnControl(event) || window.getSelection()?.toString()) return;
              void router.navigate({ to: '/accounts/$accountId', params: { accountId: account.id }, search: { from: props.from } });
            }}
          >
            <Cell label="Name" className="lp-accounts-table__name">
              <Link to="/accounts/$accountId" params={{ accountId: account.id }} search={{ from: props.from }} className="lp-list-table__link">
                {account.name}
              </Link>
              <span className="lp-list-table__sub">{accountLine(account)}</span>
            </Cell>
            <Cell label="Domain" className="lp-list-table__clip">
              {account.domain ?? <span className="lp-list-table__muted">–</span>}
            </Cell>
            <Cell label="Class">{account.accountClass ? <Badge tone="neutral">{accountClassLabels[account.accountClass]}</Badge> : <span className="lp-list-table__muted">Not classified</span>}</Cell>
            <Cell label="Owner" className="lp-list-table__clip">
              {account.ownerName ?? <span className="lp-list-table__muted">No owner</span>}
            </Cell>
            <Cell label="Leads" align="end" className="lp-accounts-table__leads">
              {account.leadCounts.total.toLocaleString()}
              <span className="lp-list-table__sub">{account.leadCounts.open.toLocaleString()} open</span>
            </Cell>
            <Cell label="Created" align="end" title={new Date(account.createdAt).toLocaleString()}>
              {dateFormat.format(new Date(account.createdAt))}
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
