import { Link, useRouter } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { leadDisplayName } from '../inbox/lead-name.ts';
import { GradeBadge, StageBadge } from '../ui/badge.tsx';
import type { ListSort } from '../ui/list-sort.ts';
import { SortableHeaderCell } from '../ui/sortable-header.tsx';
import { Cell, Row, Table } from '../ui/table.tsx';
import '../ui/list-table.css';
import { leadSortChoices } from './leads-list-columns.ts';
import type { LeadRow } from './leads-list-query.ts';
import type { LeadSortKey } from './leads-list-search.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export interface LeadsListTableProps {
  leads: readonly LeadRow[];
  caption: string;
  sort: ListSort<LeadSortKey>;
  onSort(sort: ListSort<LeadSortKey>): void;
  /** Where the lead page's back link returns: this list with its filters and page (see lead-back-path.ts). */
  from: string;
}

/** A press anywhere on a row that is not on its link (or another control) opens the lead too: the mouse's shortcut. */
function isOnControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('a, button, input, select, textarea') !== null;
}

/**
 * The leads as a table: a name that links to the lead's page, and the columns the list sorts by,
 * each header a sort button. Below 720 px each row is a card (see ui/list-table.css).
 */
export function LeadsListTable(props: LeadsListTableProps) {
  const router = useRouter();
  const header = (key: LeadSortKey, align?: 'end') => {
    const choice = leadSortChoices.find((candidate) => candidate.key === key)!;
    return <SortableHeaderCell label={choice.column ?? key} sortKey={key} sort={props.sort} firstDescending={choice.firstDescending} onSort={props.onSort} align={align} className={`lp-leads-table__col-${key}`} />;
  };
  return (
    <Table caption={props.caption} className="lp-list-table lp-leads-table">
      <thead>
        <tr>
          {header('name')}
          {header('company')}
          {header('grade')}
          {header('score', 'end')}
          {header('stage')}
          {header('owner')}
          {header('source')}
          {header('created_at', 'end')}
        </tr>
      </thead>
      <tbody>
        {props.leads.map((lead) => {
          const name = leadDisplayName(lead);
          return (
            <Row
              key={lead.id}
              data-lead-id={lead.id}
              onClick={(event) => {
                if (isOnControl(event) || window.getSelection()?.toString()) return;
                void router.navigate({ to: '/leads/$leadId', params: { leadId: lead.id }, search: { from: props.from } });
              }}
            >
              <Cell label="Name" className="lp-leads-table__name">
                <Link to="/leads/$leadId" params={{ leadId: lead.id }} search={{ from: props.from }} className="lp-list-table__link">
                  {name}
                </Link>
                <span className="lp-list-table__sub">{lead.title ?? (lead.email !== name ? lead.email : null) ?? ''}</span>
              </Cell>
              <Cell label="Company" className="lp-leads-table__company lp-list-table__clip">
                {lead.accountName ?? lead.company ?? '–'}
              </Cell>
              <Cell label="Grade" className="lp-leads-table__grade">
                <GradeBadge grade={lead.grade} />
              </Cell>
              <Cell label="Score" align="end" className="lp-leads-table__score">
                {lead.score === null ? '–' : Math.round(lead.score)}
              </Cell>
              <Cell label="Stage" className="lp-leads-table__stage">
                <StageBadge stage={lead.stage} />
              </Cell>
              <Cell label="Owner" className="lp-leads-table__owner lp-list-table__clip">
                {lead.ownerName ?? <span className="lp-list-table__muted">Unassigned</span>}
              </Cell>
              <Cell label="Source" className="lp-leads-table__source lp-list-table__clip">
                {lead.source ?? '–'}
              </Cell>
              <Cell label="Created" align="end" className="lp-leads-table__created" title={new Date(lead.createdAt).toLocaleString()}>
                {dateFormat.format(new Date(lead.createdAt))}
              </Cell>
            </Row>
          );
        })}
      </tbody>
    </Table>
  );
}
