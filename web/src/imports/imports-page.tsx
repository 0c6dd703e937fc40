import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { formatLabel } from './describe-import.ts';
import { importListQuery, peopleQuery, type ImportSummary } from './import-api.ts';
import { ImportStatusBadge, formatStartedAt, runByName } from './import-status.tsx';
import './imports.css';

function mappingName(summary: ImportSummary): string | undefined {
  return typeof summary.mapping.name === 'string' ? summary.mapping.name : undefined;
}

const count = new Intl.NumberFormat();

/** Past imports, newest first, with what each did; the way to a new one. */
export function ImportsPage() {
  const imports = useQuery(importListQuery);
  const people = useQuery(peopleQuery);

  const newImport = (
    <Link to="/imports/new" className="lp-button lp-button--primary lp-button--md">
      <Icon name="upload" size={16} />
      <span>New import</span>
    </Link>
  );

  return (
    <div className="lp-imports">
      <PageHeader title="Imports" description="CSV files of leads brought in, and what became of every row." actions={newImport} />
      <Card flush aria-busy={imports.isFetching}>
        {imports.isError && !imports.data ? (
          <div className="lp-imports__message">
            <InlineError
              title="The imports could not be loaded."
              error={imports.error}
              action={
                <Button size="sm" onClick={() => void imports.refetch()}>
                  Try again
                </Button>
              }
            />
          </div>
        ) : imports.isPending ? (
          <div className="lp-imports__loading" role="status">
            <span className="lp-visually-hidden">Loading imports…</span>
            {[0, 1, 2].map((index) => (
              <div key={index} className="lp-imports__skeleton" aria-hidden="true" />
            ))}
          </div>
        ) : imports.data.length === 0 ? (
          <EmptyState icon="upload" title="No imports yet" action={newImport}>
            Bring in leads from a Salesforce or HubSpot export, or any CSV with a header row. Every row is cleaned, deduplicated, scored and routed like any other lead.
          </EmptyState>
        ) : (
          <Table caption={`Imports, newest first: ${imports.data.length}`} className="lp-imports__table">
            <thead>
              <tr>
                <HeaderCell>File</HeaderCell>
                <HeaderCell>Started</HeaderCell>
                <HeaderCell align="end">Rows</HeaderCell>
                <HeaderCell align="end">Created</HeaderCell>
                <HeaderCell align="end">Merged</HeaderCell>
                <HeaderCell align="end">Junk</HeaderCell>
                <HeaderCell align="end">Rejected</HeaderCell>
                <HeaderCell>Status</HeaderCell>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((summary) => (
                <Row key={summary.id} data-import-id={summary.id}>
                  <Cell label="File" className="lp-imports__file">
                    <span className="lp-imports__stack">
                      <Link to="/imports/$importId" params={{ importId: summary.id }} className="lp-imports__file-link">
                        {summary.fileName}
                      </Link>
                      <span className="lp-imports__format">{formatLabel(summary.format, mappingName(summary))}</span>
                    </span>
                  </Cell>
                  <Cell label="Started" className="lp-imports__started">
                    <span className="lp-imports__stack">
                      <time dateTime={summary.startedAt}>{formatStartedAt(summary.startedAt)}</time>
                      <span className="lp-imports__run-by">by {runByName(summary.createdBy, people.data)}</span>
                    </span>
                  </Cell>
                  <Cell label="Rows" align="end">
                    {count.format(summary.rowCount)}
                  </Cell>
                  <Cell label="Created" align="end">
                    {count.format(summary.createdCount)}
                  </Cell>
                  <Cell label="Merged" align="end">
                    {count.format(summary.mergedCount)}
                  </Cell>
                  <Cell label="Junk" align="end">
                    {count.format(summary.junkCount)}
                  </Cell>
                  <Cell label="Rejected" align="end" className={summary.rejectedCount > 0 ? 'lp-imports__rejected' : undefined}>
                    {count.format(summary.rejectedCount)}
                  </Cell>
                  <Cell label="Status">
                    <ImportStatusBadge status={summary.status} />
                  </Cell>
                </Row>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
