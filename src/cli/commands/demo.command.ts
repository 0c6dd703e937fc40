import type { Command } from 'commander';
import { AppError } from '../../errors/app-error.ts';
import { countUsers } from '../../modules/team/user.repository.ts';
import { countLeads } from '../../modules/demo/demo.repository.ts';
import { loadDemoOrganisation } from '../../modules/demo/load-demo-organisation.ts';
import { parsePositiveInteger, runCommand, withDatabase } from '../cli-context.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Load the demo organisation (teams, ~25 reps, ~2,000 accounts, campaigns, 20,000 leads over four quarters) into an empty database')
    .option('--seed <n>', 'same seed, same organisation', '42')
    .option('--leads <n>', 'number of leads', '20000')
    .option('--accounts <n>', 'number of accounts', '2000')
    .option('--json', 'print the summary as JSON')
    .action((options: { seed: string; leads: string; accounts: string; json?: boolean }) =>
      runCommand(async () => {
        const seed = Number(options.seed);
        if (!Number.isInteger(seed) || seed < 0) throw AppError.validation([{ path: '--seed', message: `expected a whole number ≥ 0, got "${options.seed}"` }]);
        const leadCount = parsePositiveInteger('--leads', options.leads);
        const accountCount = parsePositiveInteger('--accounts', options.accounts);
        await withDatabase(async ({ database, logger }) => {
          if ((await countUsers(database.db)) > 0 || (await countLeads(database.db)) > 0) {
            throw new AppError('CONFLICT', { userMessage: `the database (${database.location}) already has users or leads; the demo loads only into an empty one (set LEADPACT_DATA_DIR to a new directory)` });
          }
          const summary = await loadDemoOrganisation(database.db, { seed, now: new Date(), leadCount, accountCount, logger });
          process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : `demo organisation loaded in ${summary.seconds} s: ${summary.users} users in ${summary.teams} teams, ${summary.accounts} accounts, ${summary.campaigns} campaigns, ${summary.leadsCaptured} lead captures and ${summary.touchesCaptured} later touches through the pipeline, ${summary.lifecycleStepsApplied} sales steps; pact version ${summary.pactVersion} active\n`);
        });
      }),
    );
}
