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
import { leadChangesSchema } from '../../modules/leads/lead-changes.ts';
import { mergeLeads } from '../../modules/leads/merge-leads.ts';
import { updateLead } from '../../modules/leads/update-lead.ts';
import { presentLead } from '../../http/schemas/lead.schemas.ts';
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

interface LeadUpdateOptions {
  firstName?: string;
  lastName?: string;
  title?: string;
  phone?: string;
  company?: string;
  website?: string;
  industry?: string;
  employees?: string;
  country?: string;
  state?: string;
  city?: string;
  owner?: string;
  stage?: string;
  disposition?: string;
  recycleUntil?: string;
  reason?: string;
  json?: boolean;
}

/** The CLI spelling of each field of a lead change, so a refusal names the option typed. */
const leadUpdateOptionNames: Record<string, string> = {
  firstName: '--first-name',
  lastName: '--last-name',
  title: '--title',
  phone: '--phone',
  company: '--company',
  website: '--website',
  industry: '--industry',
  employees: '--employees',
  country: '--country',
  state: '--state',
  city: '--city',
  ownerId: '--owner',
  stage: '--stage',
  dispositionCode: '--disposition',
  recycleUntil: '--recycle-until',
  reason: '--reason',
  LEAD: 'LEAD',
};

/** The options as the API's PATCH body: "none" clears a field, an owner's e-mail is looked up. */
async function leadChangesInput(db: Db, options: LeadUpdateOptions): Promise<Record<string, unknown>> {
  const cleared = (text: string | undefined) => (text === undefined ? undefined : text.trim().toLowerCase() === 'none' ? null : text);
  const employees = cleared(options.employees);
  const owner = cleared(options.owner);
  // An e-mail is looked up as `lead list --owner` does; anything else goes to the schema, which wants a user id.
  const ownerId = owner ? await ownerParameter(db, owner) : owner;
  return {
    firstName: cleared(options.firstName),
    lastName: cleared(options.lastName),
    title: cleared(options.title),
    phone: cleared(options.phone),
    company: cleared(options.company),
    website: cleared(options.website),
    industry: cleared(options.industry),
    // A whole number is sent as one; anything else as typed, for the schema to refuse by name.
    employees: typeof employees === 'string' && /^\d+$/.test(employees.trim()) ? Number(employees.trim()) : employees,
    country: cleared(options.country),
    state: cleared(options.state),
    city: cleared(options.city),
    ownerId,
    stage: options.stage,
    dispositionCode: options.disposition,
    recycleUntil: options.recycleUntil,
    reason: options.reason,
  };
}

export function registerLeadCommand(program: Command, context: OrgCommandContext = defaultOrgCommandContext): void {
  const lead = program.command('lead').description('Leads: show one with its full score and routing explanation, list, export, update, merge, junk, restore');

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
    .command('update')
    .argument('<lead>', 'lead id or e-mail')
    .option('--first-name <text>', 'first name ("none" clears it; so for every contact field)')
    .option('--last-name <text>', 'last name')
    .option('--title <text>', 'job title')
    .option('--phone <text>', 'phone, any usual spelling (stored as E.164)')
    .option('--company <text>', 'company')
    .option('--website <text>', 'website')
    .option('--industry <text>', 'industry')
    .option('--employees <n>', 'number of employees')
    .option('--country <text>', 'country name or code')
    .option('--state <text>', 'state or region')
    .option('--city <text>', 'city')
    .option('--owner <owner>', 'hand the lead to this user (e-mail or id); "none" puts it back in its team’s queue')
    .option('--stage <stage>', `move it: ${lifecycleStages.join(', ')}`)
    .option('--disposition <code>', 'with --stage disqualified or recycled: a disposition code of the active pact')
    .option('--recycle-until <date-time>', 'with --stage recycled: when it may resurface (ISO date-time)')
    .option('--reason <text>', 'why, for the timeline')
    .option('--json', 'the lead after the change, as PATCH /api/leads/{id} answers')
    .description('Correct a lead’s contact details, hand it to someone or move its stage (audited, on its timeline), as PATCH /api/leads/{id}')
    .action((reference: string, options: LeadUpdateOptions) =>
      runCommand(() =>
        namingOptions(leadUpdateOptionNames, async () => {
          const lead = await context.useDatabase(async (db) => {
            const changes = parseWith(leadChangesSchema, await leadChangesInput(db, options));
            return updateLead(db, { leadId: await resolveLeadId(db, reference), changes, access: operatorAccess, actor: cliActor, now: context.now() });
          });
          const presented = presentLead(lead);
          if (options.json) return void context.stdout.write(`${JSON.stringify(presented)}\n`);
          context.stdout.write(`lead ${presented.id}: ${presented.stage}, grade ${presented.grade ?? '-'}, score ${presented.score ?? '-'}${presented.ownerId ? `, owner ${presented.ownerId}` : ', no owner'}\n`);
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
