import type { Command } from 'commander';
import { accountClasses, lifecycleStages } from '../../core/pact/pact-schema.ts';
import { leadExportQuerySchema, leadFilterOf, presentLeadSummary } from '../../http/schemas/lead-list.schemas.ts';
import { exportLeadsCsv } from '../../modules/leads/export-leads-csv.ts';
import { operatorAccess } from '../../core/access/access-context.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import { normalizeEmail } from '../../core/normalize/normalize-email.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CaptureActor } from '../../modules/capture/capture-leads.ts';
import { markLeadJunk, restoreJunkLead } from '../../modules/leads/change-junk-status.ts';
import { getLead } from '../../modules/leads/get-lead.ts';
import { findLeadIdByEmailKey } from '../../modules/leads/lead.repository.ts';
import { leadSortKeys, listLeads } from '../../modules/leads/list-leads.ts';
import { mergeLeads } from '../../modules/leads/merge-leads.ts';
import { formatLeadExplanation } from '../format-lead-explanation.ts';
import { parsePositiveInteger, runCommand, withDatabase } from '../cli-context.ts';
import { listOptionNames, ownerParameter, sortOption } from '../list-options.ts';
import { writeCsvFile } from '../write-csv-file.ts';
import { defaultOrgCommandContext, namingOptions, parseWith, type OrgCommandContext } from './team.command.ts';

const cliActor: CaptureActor = { type: 'system', id: null, label: 'CLI' };

/** A lead id, or an e-mail in any spelling (matched as capture matches it). */
async function resolveLeadId(db: Db, reference: string): Promise<string> {
  if (isUuid(reference)) return reference;
  const email = normalizeEmail(reference);
  if (!email.ok) throw AppError.validation([{ path: 'LEAD', message: `expected a lead id or an e-mail address (${email.reason})` }]);
  const id = await findLeadIdByEmailKey(db, email.matchKey);
  if (!id) throw AppError.notFound('lead with e-mail', reference);
  return id;
}

interface LeadFilterOptions {
  stage?: string;
  grade?: string;
  owner?: string;
  source?: string;
  class?: string;
  team?: string;
  account?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort?: string;
}

/** The options as the API's query parameters (an owner's e-mail looked up), to parse with its schema. */
async function leadQueryInput(db: Db, options: LeadFilterOptions): Promise<Record<string, string | undefined>> {
  const grade = options.grade?.split(',').map((part) => part.trim().toUpperCase()).join(',');
  return { stage: options.stage, grade, owner: await ownerParameter(db, options.owner), source: options.source, class: options.class, team: options.team, account: options.account, createdFrom: options.createdFrom, createdTo: options.createdTo, q: options.q, sort: options.sort };
}

export function registerLeadCommand(program: Command, context: OrgCommandContext = defaultOrgCommandContext): void {
  const lead = program.command('lead').description('Leads: show one with its full score and routing explanation, list, export, merge, junk, restore');

  lead
    .command('show')
    .argument('<lead>', 'lead id or e-mail')
    .option('--json', 'everything as JSON')
    .description('A lead with every rule that scored it, why it was routed where it is, its touches and history')
    .action((reference: string, options: { json?: boolean }) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          const detail = await getLead(database.db, { leadId: await resolveLeadId(database.db, reference), access: operatorAccess });
          process.stdout.write(options.json ? `${JSON.stringify(detail, null, 2)}\n` : `${formatLeadExplanation(detail)}\n`);
        }),
      ),
    );

  const filtered = (command: Command) =>
    sortOption(
      command
        .option('--stage <stages>', `comma-separated: ${lifecycleStages.join(', ')}`)
        .option('--grade <grades>', 'comma-separated: A, B, C, D')
        .option('--owner <owner>', 'user e-mail or id, or "unassigned"')
        .option('--source <source>', 'lead source (any letter case)')
        .option('--class <class>', accountClasses.join(', '))
        .option('--team <id>', 'team id')
        .option('--account <id>', 'account id: only its leads')
        .option('--created-from <date>', 'created at or after (ISO date or date-time)')
        .option('--created-to <date>', 'created before (ISO date or date-time)')
        .option('--q <text>', 'search e-mail, names, company'),
      leadSortKeys,
      '-created_at',
    );

  filtered(lead.command('list'))
    .option('--limit <n>', 'how many', '20')
    .option('--cursor <cursor>', 'continue after the page that printed this cursor (same filters and --sort)')
    .option('--json', 'the page as JSON, as GET /api/leads answers')
    .description('Leads matching the filters, newest first unless --sort says otherwise, with how many match in all')
    .action((options: LeadFilterOptions & { limit: string; cursor?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(listOptionNames, async () => {
          const limit = parsePositiveInteger('--limit', options.limit);
          const page = await context.useDatabase(async (db) => {
            const query = parseWith(leadExportQuerySchema, await leadQueryInput(db, options));
            return listLeads(db, { filter: leadFilterOf(query), sort: query.sort, cursor: options.cursor, limit, access: operatorAccess });
          });
          const leads = page.leads.map(presentLeadSummary);
          if (options.json) return void context.stdout.write(`${JSON.stringify({ leads, nextCursor: page.nextCursor, total: page.total })}\n`);
          for (const row of leads) {
            const name = [row.firstName, row.lastName].filter(Boolean).join(' ') || '—';
            context.stdout.write(`${row.id}  ${row.grade ?? '-'} ${String(row.score ?? '').padStart(3)}  ${row.stage.padEnd(12)} ${name} <${row.email ?? ''}> ${row.company ?? ''}${row.ownerName ? ` → ${row.ownerName}` : ''}\n`);
          }
          context.stdout.write(`${leads.length === 0 ? 'no leads match' : `${leads.length} of ${page.total}`}\n`);
          if (page.nextCursor) context.stdout.write(`more: add --cursor ${page.nextCursor}\n`);
        }),
      ),
    );

  filtered(lead.command('export'))
    .argument('<file>', 'the CSV file to write')
    .description('Every lead matching the filters as CSV (the columns of GET /api/leads.csv; formula cells neutralized)')
    .action((file: string, options: LeadFilterOptions) =>
      runCommand(() =>
        namingOptions(listOptionNames, async () => {
          let count = 0;
          await context.useDatabase(async (db) => {
            const query = parseWith(leadExportQuerySchema, await leadQueryInput(db, options));
            const chunks = await exportLeadsCsv(db, { filter: leadFilterOf(query), sort: query.sort, access: operatorAccess, onLeads: (leads) => (count += leads) });
            await writeCsvFile(file, chunks);
          });
          context.stdout.write(`wrote ${count} lead${count === 1 ? '' : 's'} to ${file}\n`);
        }),
      ),
    );

  lead
    .command('merge')
    .argument('<survivor>', 'lead id or e-mail that stays')
    .argument('<duplicate>', 'lead id or e-mail merged into it')
    .description('Merge a duplicate into another lead, keeping both histories')
    .action((survivor: string, duplicate: string) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          const merged = await mergeLeads(database.db, { survivorId: await resolveLeadId(database.db, survivor), mergedId: await resolveLeadId(database.db, duplicate), actor: cliActor, now: new Date(), access: operatorAccess });
          process.stdout.write(`merged into ${merged.id} (${merged.stage}, grade ${merged.grade})\n`);
        }),
      ),
    );

  lead
    .command('junk')
    .argument('<lead>', 'lead id or e-mail')
    .requiredOption('--reason <text>', 'why it is junk')
    .description('Mark a lead as junk (reversible with `lead restore`)')
    .action((reference: string, options: { reason: string }) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          if (options.reason.trim().length < 3) throw AppError.validation([{ path: '--reason', message: 'give a reason of at least 3 characters' }]);
          const row = await markLeadJunk(database.db, { leadId: await resolveLeadId(database.db, reference), reason: options.reason.trim(), actor: cliActor, now: new Date(), access: operatorAccess });
          process.stdout.write(`lead ${row.id} is junk: ${row.junk_reason}\n`);
        }),
      ),
    );

  lead
    .command('restore')
    .argument('<lead>', 'lead id or e-mail')
    .requiredOption('--reason <text>', 'why it is not junk')
    .description('Take a lead out of junk; it is rescored and routed if it qualifies')
    .action((reference: string, options: { reason: string }) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          if (options.reason.trim().length < 3) throw AppError.validation([{ path: '--reason', message: 'give a reason of at least 3 characters' }]);
          const row = await restoreJunkLead(database.db, { leadId: await resolveLeadId(database.db, reference), reason: options.reason.trim(), actor: cliActor, now: new Date(), access: operatorAccess });
          process.stdout.write(`lead ${row.id} restored: ${row.stage}, grade ${row.grade}${row.owner_id ? ', assigned' : ''}\n`);
        }),
      ),
    );
}
