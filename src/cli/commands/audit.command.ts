import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AuditLogFilter, AuditLogRow } from '../../modules/audit/audit.repository.ts';
import { exportAuditCsv } from '../../modules/audit/export-audit-csv.ts';
import { listAuditEntries, maxAuditPageSize } from '../../modules/audit/list-audit-entries.ts';
import { parsePositiveInteger, runCommand, withDatabase } from '../cli-context.ts';

/** Where the command reads and writes; tests pass their own database and capture the output. */
export interface AuditCommandContext {
  useDatabase<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  stdout: { write(text: string): unknown };
}

const defaultContext: AuditCommandContext = {
  useDatabase: (run) => withDatabase(({ database }) => run(database.db)),
  stdout: process.stdout,
};

export interface AuditFilterOptions {
  entity?: string;
  id?: string;
  actor?: string;
  actorType?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditListOptions extends AuditFilterOptions {
  limit: string;
  cursor?: string;
  json?: boolean;
}

const actorTypes = ['user', 'api_key', 'system', 'cli', 'import', 'form'];
const actions = ['create', 'update', 'delete', 'approve', 'activate', 'merge', 'revoke'];

function withFilterOptions(command: Command): Command {
  return command
    .option('--entity <type>', 'entity type: lead, account, opportunity, campaign, user, team, touch, pact_version, api_key …')
    .option('--id <id>', 'entity id (with --entity: one record’s history)')
    .option('--actor <id>', 'actor id (a user, API key or import)')
    .option('--actor-type <type>', actorTypes.join(' | '))
    .option('--action <action>', actions.join(' | '))
    .option('--from <instant>', 'entries at or after (ISO date or date-time, UTC)')
    .option('--to <instant>', 'entries before (ISO date or date-time, UTC)');
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('The audit log: who changed what, when, old and new values (append-only)');

  withFilterOptions(audit.command('list'))
    .option('--limit <n>', `how many, at most ${maxAuditPageSize}`, '20')
    .option('--cursor <cursor>', 'continue after the last page (printed as "next page:")')
    .option('--json', 'as JSON: { entries, nextCursor }')
    .description('Newest audit entries matching the filters')
    .action((options: AuditListOptions) => runCommand(() => runAuditListCommand(options)));

  withFilterOptions(audit.command('export'))
    .argument('<file>', 'CSV file to write (overwritten)')
    .description('Write the audit entries matching the filters to a CSV file, newest first')
    .action((file: string, options: AuditFilterOptions) => runCommand(() => runAuditExportCommand(file, options)));
}

/** `leadpact audit list`: one line per entry (time, action, record, actor, changed fields), or JSON. */
export async function runAuditListCommand(options: AuditListOptions, context: AuditCommandContext = defaultContext): Promise<void> {
  const filter = auditFilterOf(options);
  const limit = parsePositiveInteger('--limit', options.limit);
  if (limit > maxAuditPageSize) throw AppError.validation([{ path: '--limit', message: `at most ${maxAuditPageSize}` }]);
  const page = await context.useDatabase((db) => listAuditEntries(db, { filter, cursor: options.cursor, limit }));
  if (options.json) {
    context.stdout.write(`${JSON.stringify(page)}\n`);
    return;
  }
  if (page.entries.length === 0) context.stdout.write('no audit entries match\n');
  for (const entry of page.entries) context.stdout.write(`${formatAuditEntry(entry)}\n`);
  if (page.nextCursor) context.stdout.write(`next page: --cursor ${page.nextCursor}\n`);
}

/** `leadpact audit export FILE`: the matching entries as CSV (formula cells neutralized). */
export async function runAuditExportCommand(file: string, options: AuditFilterOptions, context: AuditCommandContext = defaultContext): Promise<void> {
  const filter = auditFilterOf(options);
  let count = 0;
  await context.useDatabase(async (db) => {
    const chunks = await exportAuditCsv(db, filter, { onEntries: (entries) => (count += entries) });
    try {
      await writeFile(file, chunks);
    } catch (error) {
      // Only a file-system failure names FILE; a database failure while reading stays what it is.
      const fileError = error as NodeJS.ErrnoException;
      if (fileError.syscall === undefined) throw error;
      throw AppError.validation([{ path: 'FILE', message: `cannot write ${file} (${fileError.code ?? fileError.message})` }]);
    }
  });
  context.stdout.write(`wrote ${count} audit entr${count === 1 ? 'y' : 'ies'} to ${file}\n`);
}

/** The filter the options describe; a bad value is refused naming its option. */
export function auditFilterOf(options: AuditFilterOptions): AuditLogFilter {
  if (options.actorType !== undefined && !actorTypes.includes(options.actorType)) {
    throw AppError.validation([{ path: '--actor-type', message: `expected one of ${actorTypes.join(' | ')}` }]);
  }
  if (options.action !== undefined && !actions.includes(options.action)) {
    throw AppError.validation([{ path: '--action', message: `expected one of ${actions.join(' | ')}` }]);
  }
  return {
    entityType: options.entity?.trim() || undefined,
    entityId: options.id?.trim() || undefined,
    actorId: options.actor?.trim() || undefined,
    actorType: options.actorType,
    action: options.action,
    from: instantOption('--from', options.from),
    to: instantOption('--to', options.to),
  };
}

function instantOption(name: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) throw AppError.validation([{ path: name, message: `expected an ISO date or date-time such as 2026-01-31 or 2026-01-31T09:00:00Z, got "${text}"` }]);
  return instant;
}

/** `#12 2026-11-22T09:00:00.000Z update account 3f…  by user:7a…  industry: "Retail" → "Software"` */
export function formatAuditEntry(entry: AuditLogRow): string {
  const actor = entry.actor_id ? `${entry.actor_type}:${entry.actor_id}` : entry.actor_type;
  const head = `#${entry.id} ${entry.at.toISOString()} ${entry.action} ${entry.entity_type} ${entry.entity_id}  by ${actor}`;
  const oldValues = entry.old_values ?? {};
  const newValues = entry.new_values ?? {};
  const columns = [...new Set([...Object.keys(oldValues), ...Object.keys(newValues)])];
  const changes = columns.map((column) =>
    column in oldValues ? `${column}: ${shown(oldValues[column])} → ${shown(newValues[column])}` : `${column}: ${shown(newValues[column])}`,
  );
  return changes.length === 0 ? head : `${head}\n    ${changes.join('\n    ')}`;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
