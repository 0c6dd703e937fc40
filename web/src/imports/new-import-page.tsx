import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { FileDrop } from '../ui/file-drop.tsx';
import { Icon } from '../ui/icon.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { readColumnSamples } from './column-samples.ts';
import { ColumnMappingTable, type MappingTableColumn } from './column-mapping-table.tsx';
import { asSentence, formatBytes, formatLabel, isBlockingIssue, uploadErrorMessage } from './describe-import.ts';
import { importListQuery, previewQuery, runImport, runReportQuery, type ImportPreview } from './import-api.ts';
import { adjustedMapping, attributeNameFor, changedColumnIndexes, columnChoiceOf, mapsEmail, repeatedHeaderIndexes, withColumnChoice } from './mapping-edits.ts';
import type { ImportMapping } from './mapping-targets.ts';
import { PreviewSample } from './preview-sample.tsx';
import './imports.css';

const acceptedFiles = '.csv,text/csv,text/plain,application/vnd.ms-excel';

function Notices(props: { preview: ImportPreview; mapping: ImportMapping; headers: readonly string[] }) {
  const blocking = props.preview.issues.filter(isBlockingIssue);
  const warnings = props.preview.issues.filter((issue) => !isBlockingIssue(issue));
  const noEmail = !mapsEmail(props.mapping, props.headers);
  const attributeCount = props.headers.filter((header) => columnChoiceOf(props.mapping, header).kind === 'attribute').length;
  return (
    <div className="lp-import__notices">
      {blocking.length > 0 ? (
        <div className="lp-notice lp-notice--danger" role="alert">
          <Icon name="alert" size={18} />
          <div>
            <p className="lp-notice__title">This mapping cannot be imported</p>
            <ul>
              {blocking.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>{asSentence(issue.message)}</li>
              ))}
            </ul>
            {blocking.some((issue) => issue.path === 'mapping' || issue.path === 'columns') ? <p>Set the column that identifies each lead to E-mail, Phone or External id below.</p> : null}
          </div>
        </div>
      ) : null}
      {noEmail && blocking.length === 0 ? (
        <div className="lp-notice lp-notice--warning">
          <Icon name="alert" size={18} />
          <div>
            <p className="lp-notice__title">No column is imported as E-mail</p>
            <p>Leads will be matched by phone or external id only, and a row with neither is rejected. Set the column that holds the e-mail address to “E-mail”.</p>
          </div>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className="lp-notice lp-notice--warning">
          <Icon name="alert" size={18} />
          <div>
            <p className="lp-notice__title">Worth a look before importing</p>
            <ul>
              {warnings.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code>: {asSentence(issue.message)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {attributeCount > 0 ? (
        <div className="lp-notice lp-notice--info">
          <Icon name="pact" size={18} />
          <p>
            {attributeCount === 1 ? '1 column is' : `${attributeCount} columns are`} kept as attributes on each lead, under the column’s name: pact rules can use them. Set a column to “Don’t import” to leave
            it out.
          </p>
        </div>
      ) : null}
    </div>
  );
}

/**
 * A new import: choose or drop a CSV, see the format leadpact recognised and where each column
 * goes, change any column, then run it and land on its report. Every change is previewed again by
 * the server, which reads the mapping exactly as the import will.
 */
export function NewImportPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  // The person's edits of the detected mapping; null until they change a column.
  const [edited, setEdited] = useState<ImportMapping | null>(null);
  const runHintId = useId();

  const detected = useQuery(previewQuery(file, fileKey, undefined));
  const base = detected.data?.mapping;
  const headers = useMemo(() => detected.data?.columns.map((column) => column.column) ?? [], [detected.data]);
  const current = edited ?? base;
  const changed = useMemo(() => (base && current ? changedColumnIndexes(base, current, headers) : []), [base, current, headers]);
  const sentMapping = base && current && changed.length > 0 ? adjustedMapping(base, current) : undefined;
  const adjusted = useQuery({ ...previewQuery(file, fileKey, sentMapping), enabled: file !== null && sentMapping !== undefined });
  const preview = (sentMapping ? adjusted.data : undefined) ?? detected.data;

  const samples = useQuery({
    queryKey: ['imports', 'samples', fileKey, headers.length] as const,
    queryFn: () => readColumnSamples(file as File, headers.length),
    enabled: file !== null && headers.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const run = useMutation({
    mutationFn: () => runImport(file as File, sentMapping),
    onSuccess: async (report) => {
      queryClient.setQueryData(runReportQuery(report.importId).queryKey, report);
      await queryClient.invalidateQueries({ queryKey: importListQuery.queryKey });
      await navigate({ to: '/imports/$importId', params: { importId: report.importId } });
    },
  });

  const chooseFile = (chosen: File) => {
    setFile(chosen);
    setFileKey((key) => key + 1);
    setEdited(null);
    run.reset();
  };
  const startOver = () => {
    setFile(null);
    setEdited(null);
    run.reset();
  };

  const repeated = useMemo(() => repeatedHeaderIndexes(headers), [headers]);
  const serverColumns = preview?.columns;
  const tableColumns: MappingTableColumn[] = useMemo(() => {
    if (!current) return [];
    const changedSet = new Set(changed);
    return headers.map((column, index) => ({
      index,
      column,
      choice: columnChoiceOf(current, column),
      changed: changedSet.has(index),
      samples: samples.data?.[index] ?? [],
      attributeName: attributeNameFor(current, column),
      note: serverColumns?.[index]?.note,
      repeated: repeated.has(index),
    }));
  }, [current, headers, changed, samples.data, serverColumns, repeated]);

  const fileError = detected.isError && file ? uploadErrorMessage(detected.error, file) : null;
  // A mapping the server refused (it should not happen: the screen only builds valid ones) is shown above the table.
  const mappingError = sentMapping && adjusted.isError ? adjusted.error : null;
  const blockedBy = preview && !preview.importable ? preview.issues.find(isBlockingIssue) : undefined;
  const runError = run.isError ? (isApiError(run.error) && run.error.status === 413 && file ? uploadErrorMessage(run.error, file) : run.error.message) : null;
  const runIssues = run.isError && isApiError(run.error) ? run.error.issues : [];

  return (
    <div className="lp-import">
      <Link to="/imports" className="lp-import__back">
        ← Imports
      </Link>
      <PageHeader
        title="New import"
        description="Upload a CSV of leads: leadpact recognises its own columns and Salesforce and HubSpot exports. Check where each column goes, then run it."
      />

      {!file || !detected.data ? (
        <Card title="Choose a file">
          <FileDrop
            label="CSV file"
            prompt="Drop a CSV file here, or choose one"
            hint="A Salesforce Lead export, a HubSpot contacts export, or any CSV with a header row (UTF-8 or UTF-16, comma-separated)."
            accept={acceptedFiles}
            error={fileError}
            busy={detected.isFetching && file ? `Reading ${file.name}…` : undefined}
            onFile={chooseFile}
          />
        </Card>
      ) : (
        <>
          <Card className="lp-import__file">
            <div className="lp-import__file-row">
              <Icon name="pact" size={20} className="lp-import__file-icon" />
              <div className="lp-import__file-text">
                <p className="lp-import__file-name">{file.name}</p>
                <p className="lp-import__muted">
                  {formatBytes(file.size)} · {headers.length} columns
                </p>
              </div>
              <Button size="sm" onClick={startOver} disabled={run.isPending}>
                Choose another file
              </Button>
            </div>
          </Card>

          <Card
            title="Columns"
            aria-busy={adjusted.isFetching || undefined}
            actions={
              changed.length > 0 ? (
                <Button size="sm" variant="ghost" onClick={() => setEdited(null)} disabled={run.isPending}>
                  Undo my changes
                </Button>
              ) : undefined
            }
          >
            <div className="lp-import__format" aria-live="polite">
              <span className="lp-import__format-label">Detected format</span>
              <Badge tone={detected.data.format === 'unknown' ? 'warning' : 'brand'}>{formatLabel(detected.data.format)}</Badge>
              <span className="lp-import__muted">
                {detected.data.format === 'unknown' ? 'no column recognised' : `${Math.round(detected.data.confidence * headers.length)} of ${headers.length} columns recognised`}
                {changed.length > 0 ? ` · ${changed.length} changed by you` : ''}
                {adjusted.isFetching ? ' · checking…' : ''}
              </span>
            </div>
            {mappingError ? <InlineError title="The server refused this mapping." error={mappingError} /> : null}
            {preview && current ? <Notices preview={preview} mapping={current} headers={headers} /> : null}
            <ColumnMappingTable
              columns={tableColumns}
              offerTouchType={base?.touch.typeFromColumn !== null && base?.touch.typeFromColumn !== undefined}
              onChoose={(column, choice) => current && setEdited(withColumnChoice(current, column.column, choice, headers))}
            />
          </Card>

          {preview ? (
            <Card title="First rows">
              <p className="lp-import__muted lp-import__lead-in">How the first rows of the file read with this mapping. E-mail, phone, junk and duplicates are checked when the import runs.</p>
              <PreviewSample sample={preview.sample} />
            </Card>
          ) : null}

          <Card className="lp-import__run">
            <div className="lp-import__run-row">
              <Button variant="primary" busy={run.isPending} disabled={blockedBy !== undefined} aria-describedby={runHintId} onClick={() => run.mutate()}>
                {run.isPending ? 'Importing…' : 'Run import'}
              </Button>
              <div id={runHintId} className="lp-import__run-text">
                {blockedBy ? (
                  <p className="lp-import__run-blocked">
                    <Icon name="alert" size={14} />
                    <span>Can’t run yet: {asSentence(blockedBy.message)}</span>
                  </p>
                ) : run.isPending ? (
                  <p>Every row goes through capture: cleaned, checked for junk and duplicates, scored and routed. Large files take a while.</p>
                ) : (
                  <p>Every row ends created, merged, junk or rejected, with the reason. Importing the same file again changes nothing.</p>
                )}
              </div>
            </div>
            {runError ? (
              <div className="lp-import__run-error" role="alert">
                <Icon name="alert" size={16} />
                <div>
                  <p className="lp-notice__title">The import did not run: {asSentence(runError)}</p>
                  {runIssues.length > 1 ? (
                    <ul>
                      {runIssues.map((issue) => (
                        <li key={`${issue.path}:${issue.message}`}>
                          <code>{issue.path}</code>: {asSentence(issue.message)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </div>
            ) : null}
          </Card>
        </>
      )}
    </div>
  );
}
