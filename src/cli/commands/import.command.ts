import { operatorAccess } from '../../core/access/access-context.ts';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ImportReport } from '../../modules/imports/import-report.ts';
import { parseMappingText } from '../../modules/imports/parse-mapping-text.ts';
import { runImport } from '../../modules/imports/run-import.ts';
import { parsePositiveInteger, runCommand, withDatabase } from '../cli-context.ts';

export interface ImportCommandOptions {
  mapping?: string;
  json?: boolean;
  batchSize?: string;
}

/** Where the command reads and writes; tests pass their own database and capture the output. */
export interface ImportCommandContext {
  useDatabase<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  now(): Date;
}

const defaultContext: ImportCommandContext = {
  useDatabase: (run) => withDatabase(({ database }) => run(database.db)),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
};

/** Rejected rows listed by the human summary; --json lists them all. */
const errorsShown = 50;
/** Without a terminal, a progress line every this many rows. */
const progressStep = 10_000;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .argument('<file>', 'CSV file: leadpact columns, a Salesforce or HubSpot export, or anything with --mapping')
    .option('--mapping <file>', 'mapping file (JSON) saying which column feeds which lead field; see examples/x-education.mapping.json')
    .option('--json', 'print the report as one JSON object (the last line of stdout)')
    .option('--batch-size <n>', 'rows per capture batch', '1000')
    .description('Import leads from a CSV: every row is created, merged, junk or rejected with its line, column and reason')
    .action((file: string, options: ImportCommandOptions) => runCommand(() => runImportCommand(file, options)));
}

/**
 * The `leadpact import` command: checks the file and the mapping before opening the database,
 * streams the import with progress on stderr, then prints the summary (or the JSON report).
 * Throws AppError (exit code 1) naming the file or mapping path at fault.
 */
export async function runImportCommand(file: string, options: ImportCommandOptions, context: ImportCommandContext = defaultContext): Promise<void> {
  const batchSize = options.batchSize === undefined ? undefined : parsePositiveInteger('--batch-size', options.batchSize);
  await assertReadableFile(file);
  const mapping = options.mapping === undefined ? undefined : await readMapping(options.mapping);
  const fileName = basename(file);
  const progress = progressReporter(context.stderr, fileName);

  const report = await context
    .useDatabase((db) =>
      runImport(db, {
        access: operatorAccess,
        fileName,
        source: createReadStream(file),
        mapping,
        actor: { type: 'import', id: null, label: `import ${fileName}` },
        now: context.now(),
        batchSize,
        onProgress: progress.update,
      }),
    )
    .finally(progress.done);
  for (const warning of report.warnings) context.stderr.write(`warning: ${warning.path}: ${warning.message}\n`);
  context.stdout.write(options.json ? `${JSON.stringify(jsonReport(report))}\n` : humanSummary(fileName, report));
}

async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw AppError.validation([{ path, message: error.code === 'ENOENT' ? 'no such file' : `cannot be read (${error.code ?? error.message})` }]);
  });
  if (!info.isFile()) throw AppError.validation([{ path, message: 'not a file' }]);
}

async function readMapping(path: string): Promise<ColumnMapping> {
  await assertReadableFile(path);
  return parseMappingText(await readFile(path, 'utf8'), 'mapping');
}

function progressReporter(stderr: ImportCommandContext['stderr'], fileName: string) {
  let printed = 0;
  return {
    update(rows: number) {
      if (stderr.isTTY) {
        stderr.write(`\rimporting ${fileName}: ${rows} rows`);
        printed = rows;
      } else if (Math.floor(rows / progressStep) > Math.floor(printed / progressStep)) {
        stderr.write(`importing ${fileName}: ${rows} rows\n`);
        printed = rows;
      }
    },
    done() {
      if (stderr.isTTY && printed > 0) stderr.write('\n');
    },
  };
}

/** The documented JSON shape: the counts and every error first, then the extra keys. */
export function jsonReport(report: ImportReport) {
  return {
    rows: report.rows,
    created: report.created,
    merged: report.merged,
    junk: report.junk,
    rejected: report.rejected,
    errors: report.errors.map(({ line, field, message }) => ({ line, field, message })),
    unchanged: report.unchanged,
    importId: report.importId,
    format: report.format,
  };
}

export function humanSummary(fileName: string, report: ImportReport): string {
  const width = String(report.rows).length;
  const count = (value: number) => String(value).padStart(width);
  const lines = [
    `${fileName}: ${report.rows} rows read as ${report.format} (import ${report.importId})`,
    `  created   ${count(report.created)}`,
    `  merged    ${count(report.merged)}${report.merged > 0 ? `  (${report.unchanged} unchanged: already imported)` : ''}`,
    `  junk      ${count(report.junk)}`,
    `  rejected  ${count(report.rejected)}`,
  ];
  if (report.errors.length > 0) lines.push('', 'rejected rows:');
  for (const error of report.errors.slice(0, errorsShown)) lines.push(`line ${error.line}: ${error.field}: ${error.message}`);
  if (report.errors.length > errorsShown) lines.push(`… and ${report.errors.length - errorsShown} more (all of them: leadpact import … --json, or GET /api/imports/${report.importId}/rows?outcome=rejected)`);
  return `${lines.join('\n')}\n`;
}
