import type { DatabaseBaseline } from './lead-list-baseline.ts';
import type { ScreenLoad, ScreenResult } from './measure-screen-load.ts';

/** Everything measured for one screen on one database. */
export interface ScreenMeasurement {
  result: ScreenResult;
  /** Who opened it, as printed ("rep Jane Doe (312 open leads, 140 to work)"). */
  who: string;
  baseline: DatabaseBaseline | null;
}

export interface WebMeasurement {
  db: 'pglite' | 'postgres';
  inbox: ScreenMeasurement;
  leadList: ScreenMeasurement;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')}`;
const eachRun = (values: readonly number[]) => values.map(ms).join(' / ');

function apiWait(load: ScreenLoad): number {
  return load.apiCalls.reduce((sum, call) => sum + call.waitMs, 0);
}

function apiTotal(load: ScreenLoad): number {
  return load.apiCalls.reduce((sum, call) => sum + call.totalMs, 0);
}

/** Boot (navigation → first GET /api/leads sent: page, scripts, session) + API (first call sent → last answered) + render (→ first row painted). */
function phases(load: ScreenLoad): string {
  const first = load.apiCalls[0];
  if (!first) return `no API call + ${ms(load.firstRenderMs)} render`;
  const lastEnd = Math.max(...load.apiCalls.map((call) => call.endMs));
  return `${ms(first.startMs)} boot + ${ms(lastEnd - first.startMs)} API + ${ms(load.firstRenderMs - lastEnd)} render`;
}

/**
 * The figures of one database as a table (medians over every run, the cold run first in the lists
 * of each run), then per screen the details a slow figure needs: rows, API calls, long tasks, plan.
 */
export function webTable(measurement: WebMeasurement, target: number): string {
  const header = ['screen', 'first render ms', 'interactive ms', 'GET /api/leads server ms', 'raw DB ms (listLeads)', 'DB execution ms (EXPLAIN)', `≤ ${ms(target)} ms?`];
  const rows: string[][] = [header];
  const details: string[] = [];
  for (const { result, who, baseline } of [measurement.inbox, measurement.leadList]) {
    const { loads } = result;
    if (loads.length === 0) {
      rows.push([result.spec.screen, '–', '–', '–', '–', '–', 'not measured']);
      details.push(`${result.spec.screen} (${result.spec.path}, as ${who}): ${result.missing}`);
      continue;
    }
    const firstRender = loads.map((load) => load.firstRenderMs);
    const interactive = loads.map((load) => load.interactiveMs);
    const waits = loads.map(apiWait);
    rows.push([
      result.spec.screen,
      ms(median(firstRender)),
      ms(median(interactive)),
      ms(median(waits)),
      baseline ? ms(median(baseline.runsMs)) : '–',
      baseline?.executionMs != null ? ms(baseline.executionMs) : '–',
      median(interactive) <= target && median(firstRender) <= target ? 'yes' : 'NO',
    ]);
    const last = loads.at(-1)!;
    details.push(
      [
        `${result.spec.screen} (${result.spec.path}, as ${who}): ${last.rows.toLocaleString('en-US')} rows rendered; ${last.apiCalls.length} GET /api/leads call(s) per load`,
        `  first render, each run (cold first): ${eachRun(firstRender)} ms`,
        `  interactive, each run:               ${eachRun(interactive)} ms (j ${loads.every((load) => load.keyMovedFocus) ? 'moved focus to a lead row every time' : 'did not move focus to a row: the frame after the key was handled counts'}; input delay ${eachRun(loads.map((load) => load.inputDelayMs))} ms)`,
        `  API server time (request → first byte), each run: ${eachRun(waits)} ms; request → last byte: ${eachRun(loads.map(apiTotal))} ms`,
        `  other API calls before interactive (last run): ${last.otherApiCalls.map((call) => `${call.path} ${ms(call.waitMs)} ms`).join(', ') || 'none'}`,
        `  where the time goes, each run: ${loads.map(phases).join(' / ')} ms`,
        `  long tasks before interactive, each run: ${loads.map((load) => `${load.longTasks} (${ms(load.longTaskMs)} ms)`).join(' / ')}`,
        baseline ? `  raw DB, listLeads run directly, each run: ${eachRun(baseline.runsMs)} ms; EXPLAIN ANALYZE per statement: ${baseline.statements.map((statement) => `${statement.kind} ${statement.ms.toFixed(1)}`).join(', ')} ms` : '  raw DB: not measured',
        ...(baseline?.unknownParameters.length ? [`  note: the calls carried parameters GET /api/leads does not read (ignored by both): ${baseline.unknownParameters.join(', ')}`] : []),
        ...(result.missing ? [`  stopped early: ${result.missing}`] : []),
      ].join('\n'),
    );
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
  return `${measurement.db}\n${table}\n\n${details.join('\n')}\n`;
}

/** The plan of the slowest query behind a screen over the target, for the reader who must find out why. */
export function slowestPlanText(screen: ScreenMeasurement, target: number): string | null {
  const { loads } = screen.result;
  const overTarget = loads.length > 0 && (median(loads.map((load) => load.interactiveMs)) > target || median(loads.map((load) => load.firstRenderMs)) > target);
  const plan = overTarget ? screen.baseline?.slowestPlan : undefined;
  return plan?.length ? `${screen.result.spec.screen}: slowest query's plan\n${plan.map((line) => `  ${line}`).join('\n')}\n` : null;
}

function medianOrNull(loads: readonly ScreenLoad[], pick: (load: ScreenLoad) => number): number | null {
  return loads.length ? Math.round(median(loads.map(pick))) : null;
}

/** The machine-readable line: interactive medians as inbox_ms and lead_list_ms (null when a screen showed no rows). */
export function webJsonLine(measurement: WebMeasurement): string {
  return JSON.stringify({
    bench: 'web',
    db: measurement.db,
    inbox_ms: medianOrNull(measurement.inbox.result.loads, (load) => load.interactiveMs),
    lead_list_ms: medianOrNull(measurement.leadList.result.loads, (load) => load.interactiveMs),
    inbox_first_render_ms: medianOrNull(measurement.inbox.result.loads, (load) => load.firstRenderMs),
    lead_list_first_render_ms: medianOrNull(measurement.leadList.result.loads, (load) => load.firstRenderMs),
  });
}
