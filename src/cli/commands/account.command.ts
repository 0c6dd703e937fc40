import type { Command } from 'commander';
import { operatorAccess } from '../../core/access/access-context.ts';
import { accountClasses } from '../../core/pact/pact-schema.ts';
import type { Db } from '../../db/database.ts';
import { accountExportQuerySchema, accountQueryOptionsOf, presentAccountListItem } from '../../http/schemas/account.schemas.ts';
import { exportAccountsCsv } from '../../modules/accounts/export-accounts-csv.ts';
import { accountSortKeys, listAccounts } from '../../modules/accounts/list-accounts.ts';
import { parsePositiveInteger, runCommand } from '../cli-context.ts';
import { listOptionNames, ownerParameter, sortOption } from '../list-options.ts';
import { writeCsvFile } from '../write-csv-file.ts';
import { defaultOrgCommandContext, namingOptions, parseWith, type OrgCommandContext } from './team.command.ts';

function accountLine(account: ReturnType<typeof presentAccountListItem>): string {
  const leads = account.leadCounts.total === 0 ? 'no leads' : `${account.leadCounts.total} leads (${account.leadCounts.open} open)`;
  return `${account.name.padEnd(32)} ${(account.domain ?? '—').padEnd(26)} ${(account.accountClass ?? '—').padEnd(14)} ${(account.country ?? '—').padEnd(3)} ${(account.ownerName ?? 'no owner').padEnd(22)} ${leads}\n`;
}

interface AccountFilterOptions {
  q?: string;
  class?: string;
  owner?: string;
  country?: string;
  industry?: string;
  sort?: string;
}

/** The options as the API's query parameters (an owner's e-mail looked up), to parse with its schema. */
async function accountQueryInput(db: Db, options: AccountFilterOptions): Promise<Record<string, string | undefined>> {
  return { q: options.q, class: options.class, owner: await ownerParameter(db, options.owner), country: options.country, industry: options.industry, sort: options.sort };
}

/** `leadpact account …`: the companies leads belong to. */
export function registerAccountCommand(program: Command, context: OrgCommandContext = defaultOrgCommandContext): void {
  const account = program.command('account').description('Accounts: the companies leads belong to, with their class and owner');
  const filtered = (command: Command) =>
    sortOption(
      command
        .option('--q <text>', 'text in the name or domain')
        .option('--class <class>', accountClasses.join(', '))
        .option('--owner <owner>', 'user e-mail or id, or "unassigned"')
        .option('--country <country>', 'country name or ISO code')
        .option('--industry <industry>', 'industry (any letter case)'),
      accountSortKeys,
      'name',
    );

  filtered(account.command('list'))
    .option('--limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue after the page that printed this cursor (same filters and --sort)')
    .option('--json', 'print the page as JSON')
    .description('Accounts by name unless --sort says otherwise, each with its leads counted by stage, and how many match in all')
    .action((options: AccountFilterOptions & { limit: string; cursor?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(listOptionNames, async () => {
          const limit = parsePositiveInteger('--limit', options.limit);
          const page = await context.useDatabase(async (db) => {
            const query = parseWith(accountExportQuerySchema, await accountQueryInput(db, options));
            return listAccounts(db, { ...accountQueryOptionsOf(query), cursor: options.cursor, limit, access: operatorAccess });
          });
          const accounts = page.accounts.map(presentAccountListItem);
          if (options.json) return void context.stdout.write(`${JSON.stringify({ accounts, nextCursor: page.nextCursor, total: page.total })}\n`);
          context.stdout.write(accounts.length === 0 ? 'no accounts match\n' : `${accounts.map(accountLine).join('')}${accounts.length} of ${page.total}\n`);
          if (page.nextCursor) context.stdout.write(`more: add --cursor ${page.nextCursor}\n`);
        }),
      ),
    );

  filtered(account.command('export'))
    .argument('<file>', 'the CSV file to write')
    .description('Every account matching the filters as CSV, with its leads counted (the columns of GET /api/accounts.csv)')
    .action((file: string, options: AccountFilterOptions) =>
      runCommand(() =>
        namingOptions(listOptionNames, async () => {
          let count = 0;
          await context.useDatabase(async (db) => {
            const query = parseWith(accountExportQuerySchema, await accountQueryInput(db, options));
            const chunks = await exportAccountsCsv(db, { ...accountQueryOptionsOf(query), access: operatorAccess, onAccounts: (accounts) => (count += accounts) });
            await writeCsvFile(file, chunks);
          });
          context.stdout.write(`wrote ${count} account${count === 1 ? '' : 's'} to ${file}\n`);
        }),
      ),
    );
}
