import { Command } from 'commander';
import { vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { OrgCommandContext } from './team.command.ts';

export interface CommandLineResult {
  out: string;
  err: string;
  exitCode: number;
}

/**
 * Runs one `leadpact …` command line in-process against a test database, with only the commands
 * `register` adds: what it printed on stdout and stderr and the exit code it set. The program
 * throws instead of exiting (commander's exitOverride), so a refused option fails the test loudly.
 */
export async function runCommandLine(db: Kysely<Database>, options: { register: ((program: Command, context: OrgCommandContext) => void)[]; now: Date }, args: string[]): Promise<CommandLineResult> {
  const out: string[] = [];
  const err: string[] = [];
  const context: OrgCommandContext = { useDatabase: (run) => run(db), stdout: { write: (text: string) => out.push(text) }, now: () => options.now };
  const program = new Command('leadpact').exitOverride();
  for (const register of options.register) register(program, context);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((text) => err.push(String(text)) > 0);
  const previousExitCode = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out: out.join(''), err: err.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = previousExitCode;
    stderr.mockRestore();
  }
}
