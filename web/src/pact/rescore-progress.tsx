import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatNumber } from '../../../src/core/pact/describe-condition.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Chart } from '../ui/chart.tsx';
import { InlineError } from '../ui/inline-error.tsx';
import { gradeChangeChartHeight, gradeChangeChartOption } from './grade-change-chart.ts';
import type { RescoreRun } from './pact-document.ts';
import { isFinished, rescoreRunQuery } from './pact-queries.ts';

/** Grade changes from the run's summary ("B→A": 12), largest first. */
export function gradeChangesOf(run: RescoreRun): [string, number][] {
  const changes = run.summary?.gradeChanges;
  if (changes === null || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, unknown>)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function percentOf(run: RescoreRun): number {
  if (run.total === 0) return run.status === 'completed' ? 100 : 0;
  return Math.min(100, Math.round((run.processed / run.total) * 100));
}

/**
 * The rescoring of every open lead after an activation: progress while it runs (polled every
 * second), then what changed — grades, new MQLs, and MQLs that no longer qualify (they keep their
 * stage and owner, for someone to review).
 */
export function RescoreProgress(props: { runId: string }) {
  const query = useQuery(rescoreRunQuery(props.runId));
  const run = query.data;
  return (
    <Card title="Rescoring open leads" aria-busy={!isFinished(run)}>
      {query.isError && !run ? (
        <InlineError
          title="The rescoring’s progress could not be loaded."
          error={query.error}
          action={
            <Button size="sm" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      ) : !run ? (
        <p className="lp-pact-muted" role="status">
          Looking up the rescoring…
        </p>
      ) : (
        <div className="lp-pact-rescore">
          <div className="lp-pact-rescore__bar-row">
            <progress
              className="lp-pact-rescore__progress"
              aria-label="Leads rescored"
              max={Math.max(run.total, 1)}
              value={run.status === 'completed' && run.total === 0 ? 1 : run.processed}
              aria-valuetext={`${formatNumber(run.processed)} of ${formatNumber(run.total)} leads`}
            />
            <span className="lp-pact-rescore__count">
              {formatNumber(run.processed)} / {formatNumber(run.total)}
            </span>
          </div>
          <p role="status" className="lp-pact-rescore__status">
            {run.status === 'queued'
              ? 'Queued: the rescoring starts in a moment.'
              : run.status === 'running'
                ? `Rescoring… ${percentOf(run)} % of the open leads done.`
                : run.status === 'completed'
                  ? `Done: every open lead was rescored under the new version (${formatNumber(run.total)} leads).`
                  : 'The rescoring stopped with an error.'}
          </p>
          {run.status === 'failed' ? <InlineError title="Rescoring failed" error={run.errorMessage ?? 'No reason was recorded.'} /> : null}
          {run.status === 'completed' ? <RescoreSummary run={run} /> : null}
        </div>
      )}
    </Card>
  );
}

function RescoreSummary(props: { run: RescoreRun }) {
  const { run } = props;
  const gradeChanges = gradeChangesOf(run);
  // A new option object redraws the chart: only when the changes themselves change (each poll brings a new run object).
  const changesKey = JSON.stringify(gradeChanges);
  const chartOption = useMemo(() => gradeChangeChartOption(gradeChanges), [changesKey]);
  return (
    <div className="lp-pact-rescore__summary">
      <dl className="lp-pact-stats" aria-label="What the rescoring changed">
        <div>
          <dt>Grade changed</dt>
          <dd>{formatNumber(run.gradeChanged)}</dd>
        </div>
        <div>
          <dt>New MQLs</dt>
          <dd>{formatNumber(run.becameMql)}</dd>
        </div>
        <div>
          <dt>Back from recycling</dt>
          <dd>{formatNumber(run.resurfaced)}</dd>
        </div>
        <div>
          <dt>MQLs that no longer qualify</dt>
          <dd>{formatNumber(run.lostMql)}</dd>
        </div>
      </dl>
      {gradeChanges.length > 0 ? (
        <>
          <Chart option={chartOption} label="Leads whose grade changed, by change" height={gradeChangeChartHeight(gradeChanges.length)} />
          <p className="lp-pact-text">
            Grade changes: {gradeChanges.map(([change, count]) => `${change} ${formatNumber(count)}`).join(', ')}.
          </p>
        </>
      ) : null}
      {run.becameMql + run.resurfaced > 0 ? <p className="lp-pact-text lp-pact-text--muted">New MQLs and recycled leads whose recycle date had passed were routed to sales like newly captured ones.</p> : null}
      {run.lostMql > 0 ? <p className="lp-pact-text lp-pact-text--muted">MQLs that no longer qualify keep their stage and owner; review them with sales.</p> : null}
    </div>
  );
}
