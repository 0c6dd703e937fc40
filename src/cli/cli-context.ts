import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from '../config.ts';
import { databaseOptionsFromConfig, openDatabase, type DatabaseHandle } from '../db/open-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { AppError, isAppError } from '../errors/app-error.ts';

export interface CliContext {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

/**
 * Opens the configured database (locked, migrated, with a pact in force), runs the command and
 * closes it, whatever happens.
 */
export async function withDatabase<T>(run: (context: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const database = await openDatabase(databaseOptionsFromConfig(config));
  try {
    await prepareDatabase(database);
    return await run({ config, database, logger });
  } finally {
    await database.close();
  }
}

/** Exit codes: 0 done, 1 the input or the request was refused (message names the field), 2 usage, 3 unexpected failure. */
export const exitCodes = { ok: 0, refused: 1, usage: 2, failure: 3 } as const;

/**
 * Runs a command body and turns errors into a message on stderr and an exit code: an AppError's
 * safe message and each issue's path; anything else one line (LOG_LEVEL=debug shows the stack).
 */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = reportCliError(error);
  }
}

export function reportCliError(error: unknown): number {
  if (isAppError(error)) {
    process.stderr.write(`error: ${error.userMessage}\n`);
    for (const issue of error.issues.length > 1 || (error.issues[0] && !error.userMessage.includes(issue0(error))) ? error.issues : []) {
      process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    }
    return error.code === 'INTERNAL' ? exitCodes.failure : exitCodes.refused;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return exitCodes.failure;
}

function issue0(error: AppError): string {
  const first = error.issues[0];
  return first ? `${first.path}: ${first.message}` : '';
}

/** Parses a CLI option that must be a positive integer, naming the option when it is not. */
export function parsePositiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw AppError.validation([{ path: name, message: `expected a positive whole number, got "${text}"` }]);
  return value;
}
