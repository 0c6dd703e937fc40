import type { ApiCaptureResult } from './measure-api-capture.ts';
import type { RawCopyResult } from './copy-csv-raw.ts';

export interface ImportMeasurement {
  rows: number;
  seconds: number;
  created: number;
  merged: number;
  junk: number;
  rejected: number;
  /** CPU time per row (ms) of the importing process (CSV parsing and the whole pipeline) and of the PostgreSQL backends. */
  processCpuMsPerRow: number;
  databaseCpuMsPerRow: number | null;
}

export interface IngestMeasurement {
  db: 'pglite' | 'postgres';
  location: string;
  rawCopy: RawCopyResult & { databaseCpuMsPerRow: number | null };
  bulkImport: ImportMeasurement;
  api: ApiCaptureResult;
  /** Leads stored in the API's database once the server stopped (warm-up included). */
  apiLeadsStored: number;
  apiWarmupLeads: number;
  /** Whether every API request carried its own Idempotency-Key (`--idempotency-keys`). */
  apiIdempotencyKeys: boolean;
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const cpu = (milliseconds: number | null) => (milliseconds === null ? '–' : `${milliseconds.toFixed(3)} ms`);
const percent = (part: number, whole: number) => `${fixed((100 * part) / whole)} %`;

/** The readable table of one database's run. */
export function ingestTable(measurement: IngestMeasurement): string {
  const { rawCopy, bulkImport, api } = measurement;
  const copyRate = rawCopy.rows / rawCopy.seconds;
  const importRate = bulkImport.rows / bulkImport.seconds;
  const apiRows = api.ok + api.non2xx;
  const lines = [
    `ingest on ${measurement.db} (${measurement.location})`,
    row(['', 'rows', 'seconds', 'rows/s', 'vs raw COPY']),
    row(['raw COPY into a bare table', count(rawCopy.rows), fixed(rawCopy.seconds, 2), count(copyRate), '100 %']),
    row(['bulk import through leadpact', count(bulkImport.rows), fixed(bulkImport.seconds, 2), count(importRate), percent(importRate, copyRate)]),
    row([measurement.apiIdempotencyKeys ? 'API capture, 8 conn., keyed' : 'API capture, 8 connections', count(apiRows), fixed(api.seconds, 2), count(api.leadsPerSecond), percent(api.leadsPerSecond, copyRate)]),
    `  import: ${count(bulkImport.created)} created, ${count(bulkImport.merged)} merged, ${count(bulkImport.junk)} junk, ${count(bulkImport.rejected)} rejected`,
    `  API (the same rows, on a fresh database after ${count(measurement.apiWarmupLeads)} warm-up leads of other people): ${count(api.created)} created (201), ${count(api.merged)} merged (200), ${count(api.non2xx)} non-2xx${api.non2xx > 0 ? ` ${JSON.stringify(api.otherStatuses)}` : ''}, ${count(api.errors)} errors/timeouts${api.stoppedAtLimit ? ', STOPPED AT THE TIME LIMIT' : ''}; ${count(measurement.apiLeadsStored)} leads stored`,
    `  CPU per row: raw COPY ${cpu(rawCopy.databaseCpuMsPerRow)} in the database; import ${cpu(bulkImport.processCpuMsPerRow)} in Node + ${cpu(bulkImport.databaseCpuMsPerRow)} in the database; ` +
      `API ${cpu(api.serverCpuMsPerLead)} in the server + ${cpu(api.databaseCpuMsPerLead)} in the database${measurement.db === 'pglite' ? ' (PGlite runs inside the Node process: its share is in the Node figure)' : ''}`,
    `  API latency p50 ${fixed(api.p50Ms)} ms, p99 ${fixed(api.p99Ms)} ms, max ${fixed(api.maxMs)} ms; server RSS ${fixed(api.rssAfterStartMb)} MB after start, ${fixed(api.peakRssMb)} MB peak`,
  ];
  if (measurement.db === 'postgres') {
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    lines.push(
      `  targets on PostgreSQL: import ≥ 50 % of COPY: ${percent(importRate, copyRate)} ${verdict(importRate >= copyRate / 2)}; ` +
        `API ≥ 2,000 leads/s: ${count(api.leadsPerSecond)} ${verdict(api.leadsPerSecond >= 2000)}; ` +
        `p99 ≤ 50 ms: ${fixed(api.p99Ms)} ${verdict(api.p99Ms <= 50)}; RSS ≤ 300 MB: ${fixed(api.peakRssMb)} ${verdict(api.peakRssMb <= 300)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The machine-readable line of one database (these are the last lines of the output). */
export function ingestJsonLine(measurement: IngestMeasurement): string {
  return JSON.stringify({
    bench: 'ingest',
    db: measurement.db,
    raw_copy_rows_s: Math.round(measurement.rawCopy.rows / measurement.rawCopy.seconds),
    import_leads_s: Math.round(measurement.bulkImport.rows / measurement.bulkImport.seconds),
    api_leads_s: Math.round(measurement.api.leadsPerSecond),
    api_p99_ms: measurement.api.p99Ms,
    server_rss_mb: Math.round(measurement.api.peakRssMb),
    ...(measurement.apiIdempotencyKeys ? { api_idempotency_keys: true } : {}),
  });
}

function row(cells: readonly string[]): string {
  const [label = '', ...numbers] = cells;
  return `  ${label.padEnd(32)}${numbers.map((cell) => cell.padStart(12)).join('')}`;
}
