import type { Command } from 'commander';
import { withDatabase, runCommand } from '../cli-context.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date and install the default pact on a new database')
    .action(() =>
      runCommand(async () => {
        // withDatabase migrates and installs the default pact before running the body.
        await withDatabase(async ({ database }) => {
          process.stdout.write(`database ${database.kind} (${database.location}) is up to date\n`);
        });
      }),
    );
}
