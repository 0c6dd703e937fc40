import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Badge, type BadgeTone } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Cell, HeaderCell, Row, Table } from '../ui/table.tsx';
import { asSentence, formatLabel } from './describe-import.ts';
import { importQuery, importRowsQuery, peopleQuery, rowsCsvUrl, runReportQuery, type ImportRow, type ImportSummary } from './import-api.ts';
import { ImportStatusBadge, formatStartedAt, runByName } from './import-status.tsx';
import { pageWindow, rowOutcomes, type ImportReportSearch, type ImportRowOutcome } from './report-search.ts';
import './imports.css';

const route = getRouteApi('/signed-in/imports/$importId');
const count = new Intl.NumberFormat();

const outcomeTones: Record<ImportRowOutcome, BadgeTone> = { created: 'success', merged: 'info', junk: 'warning', rejected: 'danger' };
const outcomeLabels = Object.fromEntries(rowOutcomes.map((entry) => [entry.outcome, entry.label])) as Record<ImportRowOutcome, string>;

function outcomeCount(summary: ImportSummary, outcome: ImportRowOutcome): number {
  return { created: summary.createdCount, merged: summary.mergedCount, junk: summary.junkCount, rejected: summary.rejectedCount }[outcome];
}

/** What the row table says about a row with no message of its own. */
const quietOutcomeText: Record<ImportRowOutcome, string> = {
  created: 'New lead',
  merged: 'Added to a lead already here',
  junk: 'Kept as junk by the pact’s junk rules',
  rejected: 'Rejected',
};

function RowDetail(props: { row: ImportRow }) {
  const { row } = props;
  if (row.message === null) return <span className="lp-import__muted">{quietOutcomeText[row.outcome]}</span>;
  return (
    <span className={row.outcome === 'rejected' ? 'lp-report__reason' : 'lp-report__warning'}>
      {row.outcome === 'rejected' ? null : <span className="lp-visually-hidden">Warning: </span>}
      {asSentence(row.message)}
    </span>
  );
}

function Summary(props: { summary: ImportSummary; unchanged: number | undefined; outcome: ImportRowOutcome | undefined; onFilter: (outcome: ImportRowOutcome | undefined) => void }) {
  const { summary } = props;
  return (
    <div className="lp-report__tiles" role="group" aria-label="Show rows">
      <button type="button" className="lp-report__tile" aria-pressed={props.outcome === undefined} onClick={() => props.onFilter(undefined)}>
        <span className="lp-report__tile-label">All rows</span>
        <span className="lp-report__tile-value">{count.format(summary.rowCount)}</span>
        <span className="lp-report__tile-note">read from the file</span>
      </button>
      {rowOutcomes.map(({ outcome, label }) => (
        <button
          key={outcome}
          type="button"
          className={`lp-report__tile lp-report__tile--${outcome}`}
          aria-pressed={props.outcome === outcome}
          onClick={() => props.onFilter(outcome)}
        >
          <span className="lp-report__tile-label">{label}</span>
          <span className="lp-report__tile-value">{count.format(outcomeCount(summary, outcome))}</span>
          <span className="lp-report__tile-note">
            {outcome === 'created'
              ? 'new leads'
              : outcome === 'merged'
                ? props.unchanged !== undefined && props.unchanged > 0
                  ? `${count.format(props.unchanged)} changed nothing`
                  : 'into leads already here'
                : outcome === 'junk'
                  ? 'stored, not worked'
                  : 'not imported, with reason'}
          </span>
        </button>
      ))}
    </div>
  );
}

/**
 * One import's report: its counts, then every row with what became of it (filterable by outcome,
 * paged), and the whole report as CSV. The counts double as the filter.
 */
export function ImportReportPage() {
  const { importId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;

  const summaryQuery = useQuery(importQuery(importId));
  const rowsQuery = useQuery(importRowsQuery(importId, search.outcome, page));
  const runReport = useQuery(runReportQuery(importId)).data ?? undefined;
  const people = useQuery(peopleQuery);

  const setSearch = (change: ImportReportSearch) => void navigate({ search: change, replace: true });
  const total = rowsQuery.data?.total ?? 0;
  const pages = pageWindow(page, total);

  // A bookmarked page past the end (the rows filtered down since) goes to the last page there is.
  useEffect(() => {
    if (rowsQuery.data && total > 0 && page > pages.pageCount) void navigate({ search: (previous: ImportReportSearch) => ({ ...previous, page: pages.pageCount }), replace: true });
  }, [rowsQuery.data, total, page, pages.pageCount, navigate]);

  if (summaryQuery.isError && !summaryQuery.data) {
    const missing = isApiError(summaryQuery.error) && (summaryQuery.error.status === 404 || summaryQuery.error.status === 400);
    return (
      <div className="lp-import">
        <Link to="/imports" className="lp-import__back">
          ← Imports
        </Link>
        {missing ? (
          <Card>
            <EmptyState icon="upload" title="No such import" action={<Link to="/imports">See all imports</Link>}>
              The link may be mistyped.
            </EmptyState>
          </Card>
        ) : (
          <InlineError title="This import could not be loaded." error={summaryQuery.error} action={<Button size="sm" onClick={() => void summaryQuery.refetch()}>Try again</Button>} />
        )}
      </div>
    );
  }

  const summary = summaryQuery.data;
  const mappingName = summary && typeof summary.mapping.name === 'string' ? summary.mapping.name : undefined;
  const filterLabel = search.outcome ? outcomeLabels[search.outcome].toLowerCase() : null;

  return (
    <div className="lp-import">
      <Link to="/imports" className="lp-import__back">
        ← Imports
      </Link>
      <PageHeader
        title={summary ? summary.fileName : 'Import'}
        description={
          summary ? (
            <>
              {formatLabel(summary.format, mappingName)} · started {formatStartedAt(summary.startedAt)} by {runByName(summary.createdBy, people.data)} · <ImportStatusBadge status={summary.status} />
            </>
          ) : (
            'Loading…'
          )
        }
        actions={
          <>
            <a className="lp-button lp-button--secondary lp-button--md" href={rowsCsvUrl(importId)} download>
              <Icon name="pact" size={16} />
              <span>Download report (CSV)</span>
            </a>
            <Link to="/imports/new" className="lp-button lp-button--primary lp-button--md">
              <Icon name="upload" size={16} />
              <span>New import</span>
            </Link>
          </>
        }
      />

      {summary?.status === 'running' ? (
        <div className="lp-notice lp-notice--info" role="status">
          <Icon name="upload" size={18} />
          <p>Still importing: {count.format(summary.rowCount)} rows so far. This page updates by itself.</p>
        </div>
      ) : null}
      {summary?.status === 'failed' ? (
        <InlineError title="The import stopped before the end. The rows below were written before it stopped and are kept." error={new Error(asSentence(summary.errorMessage ?? 'unexpected error'))} />
      ) : null}
      {runReport && runReport.warnings.length > 0 ? (
        <div className="lp-notice lp-notice--warning">
          <Icon name="alert" size={18} />
          <div>
            <p className="lp-notice__title">The mapping had problems the rows could live with</p>
            <ul>
              {runReport.warnings.map((warning) => (
                <li key={`${warning.path}:${warning.message}`}>
                  <code>{warning.path}</code>: {asSentence(warning.message)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      {summary ? (
        <Summary summary={summary} unchanged={runReport?.unchanged} outcome={search.outcome} onFilter={(outcome) => setSearch(outcome ? { outcome } : {})} />
      ) : (
        <div className="lp-report__tiles" aria-hidden="true">
          {[0, 1, 2, 3, 4].map((index) => (
            <div key={index} className="lp-imports__skeleton lp-report__tile-skeleton" />
          ))}
        </div>
      )}

      <Card flush title={filterLabel ? `Rows: ${filterLabel}` : 'Rows'} aria-busy={rowsQuery.isFetching}>
        {rowsQuery.isError && !rowsQuery.data ? (
          <div className="lp-imports__message">
            <InlineError title="The rows could not be loaded." error={rowsQuery.error} action={<Button size="sm" onClick={() => void rowsQuery.refetch()}>Try again</Button>} />
          </div>
        ) : rowsQuery.isPending ? (
          <div className="lp-imports__loading" role="status">
            <span className="lp-visually-hidden">Loading rows…</span>
            {[0, 1, 2, 3].map((index) => (
              <div key={index} className="lp-imports__skeleton" aria-hidden="true" />
            ))}
          </div>
        ) : rowsQuery.data.rows.length === 0 ? (
          <EmptyState icon="check" title={filterLabel ? `No ${filterLabel} rows` : 'No rows'} action={filterLabel ? <Button onClick={() => setSearch({})}>Show all rows</Button> : undefined}>
            {filterLabel ? `None of this import’s rows ended ${filterLabel}.` : 'The file had no data rows after its header.'}
          </EmptyState>
        ) : (
          <>
            <Table caption={`Rows ${pages.first}–${pages.last} of ${total}${filterLabel ? `, ${filterLabel} only` : ''}`} className="lp-report__table">
              <thead>
                <tr>
                  <HeaderCell align="end">Line</HeaderCell>
                  <HeaderCell>Outcome</HeaderCell>
                  <HeaderCell>Field</HeaderCell>
                  <HeaderCell>Reason or note</HeaderCell>
                </tr>
              </thead>
              <tbody>
                {rowsQuery.data.rows.map((row) => (
                  <Row key={row.line} data-line={row.line} data-outcome={row.outcome}>
                    <Cell label="Line" align="end">
                      {row.line}
                    </Cell>
                    <Cell label="Outcome">
                      <Badge tone={outcomeTones[row.outcome]}>{outcomeLabels[row.outcome]}</Badge>
                      {row.leadId ? (
                        <>
                          {' '}
                          <Link to="/leads/$leadId" params={{ leadId: row.leadId }} className="lp-report__lead-link">
                            Open lead<span className="lp-visually-hidden"> of line {row.line}</span>
                          </Link>
                        </>
                      ) : null}
                    </Cell>
                    <Cell label="Field" className="lp-report__field">
                      {row.field ? <code>{row.field}</code> : <span className="lp-import__muted">–</span>}
                    </Cell>
                    <Cell label="Reason" className="lp-report__detail">
                      <RowDetail row={row} />
                    </Cell>
                  </Row>
                ))}
              </tbody>
            </Table>
            <nav className="lp-report__pages" aria-label="Pages of rows">
              <p className="lp-import__muted">
                {pages.first}–{pages.last} of {count.format(total)} {total === 1 ? 'row' : 'rows'}
              </p>
              <div className="lp-report__page-buttons">
                <Button size="sm" disabled={!pages.hasPrevious} onClick={() => setSearch({ ...search, page: page - 1 > 1 ? page - 1 : undefined })}>
                  Previous
                </Button>
                <Button size="sm" disabled={!pages.hasNext} onClick={() => setSearch({ ...search, page: page + 1 })}>
                  Next
                </Button>
              </div>
            </nav>
          </>
        )}
      </Card>
    </div>
  );
}
