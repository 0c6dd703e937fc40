import { readFile } from 'node:fs/promises';
import { operatorAccess } from '../../core/access/access-context.ts';
import type { Command } from 'commander';
import { diffPacts, formatPactDiff } from '../../core/pact/diff-pacts.ts';
import { parsePactText } from '../../core/pact/parse-pact-text.ts';
import { pactDocumentSchema } from '../../core/pact/pact-schema.ts';
import { renderPactAsText } from '../../core/pact/render-pact.ts';
import { validatePact } from '../../core/pact/validate-pact.ts';
import { AppError, type FieldIssue } from '../../errors/app-error.ts';
import { startJobQueue } from '../../modules/jobs/job-queue.ts';
import { activatePactVersion } from '../../modules/pact/activate-pact-version.ts';
import { approvePactVersion } from '../../modules/pact/approve-pact-version.ts';
import { findActivePactVersion, findPactVersion, listPactVersions } from '../../modules/pact/pact-version.repository.ts';
import { proposePactVersion } from '../../modules/pact/propose-pact-version.ts';
import { findRescoreRun } from '../../modules/pact/rescore-run.repository.ts';
import { exitCodes, parsePositiveInteger, runCommand, withDatabase } from '../cli-context.ts';

async function readPactFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw AppError.validation([{ path: 'FILE', message: `cannot read ${path}` }]);
  }
}

function printIssues(issues: readonly FieldIssue[], label: string): void {
  for (const issue of issues) process.stderr.write(`${label} ${issue.path}: ${issue.message}\n`);
}

export function registerPactCommand(program: Command): void {
  const pact = program.command('pact').description('The pact: show, validate, propose, approve, activate, diff');

  pact
    .command('show')
    .description('The active pact (or a version) as the readable one-page agreement')
    .option('--version <n>', 'a version number instead of the active one')
    .option('--json', 'print the document as JSON')
    .action((options: { version?: string; json?: boolean }) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          const row = options.version ? await findPactVersion(database.db, parsePositiveInteger('--version', options.version)) : await findActivePactVersion(database.db);
          if (!row) throw AppError.notFound('pact version', options.version ?? 'active');
          const document = pactDocumentSchema.parse(row.document);
          process.stdout.write(options.json ? `${JSON.stringify(document, null, 2)}\n` : `Pact version ${row.version} (${row.status})\n\n${renderPactAsText(document)}\n`);
        }),
      ),
    );

  pact
    .command('list')
    .description('Every version with its status and approvals')
    .action(() =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          for (const row of await listPactVersions(database.db)) {
            const approvals = [row.marketing_approved_at ? 'marketing ✓' : 'marketing –', row.sales_approved_at ? 'sales ✓' : 'sales –'].join(', ');
            process.stdout.write(`v${row.version}\t${row.status}\t${approvals}\t${row.note ?? ''}\n`);
          }
        }),
      ),
    );

  pact
    .command('validate')
    .argument('<file>', 'a pact in JSON or YAML')
    .description('Check a pact file; every problem is printed with its path in the document (exit code 1 if any)')
    .action((file: string) =>
      runCommand(async () => {
        const parsed = parsePactText(await readPactFile(file), /\.ya?ml$/i.test(file) ? 'yaml' : undefined);
        const result = parsed.ok ? validatePact(parsed.value) : { ok: false as const, issues: parsed.issues };
        if (!result.ok) {
          printIssues(result.issues, 'error');
          process.stderr.write(`${file}: ${result.issues.length} problem(s); nothing stored\n`);
          process.exitCode = exitCodes.refused;
          return;
        }
        printIssues(result.warnings, 'warning');
        process.stdout.write(`${file}: valid pact "${result.pact.name}"${result.warnings.length ? ` (${result.warnings.length} warning(s))` : ''}\n`);
      }),
    );

  pact
    .command('propose')
    .argument('<file>', 'a pact in JSON or YAML')
    .option('--note <text>', 'what this version changes and why')
    .description('Store a pact file as a new draft version (refused whole if anything is wrong)')
    .action((file: string, options: { note?: string }) =>
      runCommand(async () => {
        const text = await readPactFile(file);
        const parsed = parsePactText(text, /\.ya?ml$/i.test(file) ? 'yaml' : undefined);
        if (!parsed.ok) throw AppError.validation(parsed.issues);
        await withDatabase(async ({ database }) => {
          const proposed = await proposePactVersion(database.db, { document: parsed.value, note: options.note ?? null, actor: { type: 'cli', id: null }, createdBy: null, access: operatorAccess });
          printIssues(proposed.warnings, 'warning');
          process.stdout.write(`draft version ${proposed.version} stored; next: leadpact pact approve ${proposed.version} --as <marketing user e-mail> and --as <sales manager e-mail>\n`);
        });
      }),
    );

  pact
    .command('approve')
    .argument('<version>', 'version number')
    .requiredOption('--as <email>', 'the approving user (a marketing user or a sales manager)')
    .description('Approve a draft for one side; two approvals (marketing and sales) make it approved')
    .action((version: string, options: { as: string }) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          const row = await approvePactVersion(database.db, { version: parsePositiveInteger('VERSION', version), approver: { email: options.as }, access: operatorAccess, actor: { type: 'cli', id: null }, now: new Date() });
          process.stdout.write(row.status === 'approved' ? `version ${row.version} is approved by both sides; activate it with: leadpact pact activate ${row.version}\n` : `version ${row.version} approved by ${options.as}; it still needs the other side\n`);
        }),
      ),
    );

  pact
    .command('activate')
    .argument('<version>', 'version number')
    .description('Put an approved version in force and rescore every open lead (a background job; progress is shown)')
    .action((version: string) =>
      runCommand(() =>
        withDatabase(async ({ database, logger }) => {
          const activation = await activatePactVersion(database.db, { version: parsePositiveInteger('VERSION', version), activatedBy: null, actor: { type: 'cli', id: null }, now: new Date(), access: operatorAccess });
          process.stdout.write(`version ${activation.version} is active (was ${activation.previousVersion ?? 'none'}); rescoring open leads…\n`);
          const jobs = await startJobQueue(database, { work: true, logger });
          try {
            await jobs.enqueueRescore(activation.rescoreRunId);
            for (;;) {
              const run = await findRescoreRun(database.db, activation.rescoreRunId);
              if (run?.status === 'running' && run.total > 0) process.stderr.write(`\r  ${run.processed}/${run.total} leads`);
              if (run?.status === 'completed' || run?.status === 'failed') {
                process.stderr.write('\n');
                if (run.status === 'failed') throw new AppError('INTERNAL', { userMessage: `rescoring failed: ${run.error_message}` });
                const summary = run.summary as { gradeChanges: Record<string, number> } | null;
                process.stdout.write(`rescored ${run.processed} open leads: ${run.grade_changed} changed grade ${JSON.stringify(summary?.gradeChanges ?? {})}, ${run.became_mql} new MQLs, ${(summary as { resurfaced?: number } | null)?.resurfaced ?? 0} back from recycling, ${run.lost_mql} MQLs no longer qualify (kept, listed in the run summary)\n`);
                return;
              }
              await new Promise((resolve) => setTimeout(resolve, 200));
            }
          } finally {
            await jobs.stop();
          }
        }),
      ),
    );

  pact
    .command('diff')
    .argument('<from>', 'version number')
    .argument('[to]', 'version number (default: the active version)')
    .description('What changed between two versions, one line per change')
    .action((from: string, to: string | undefined) =>
      runCommand(() =>
        withDatabase(async ({ database }) => {
          const before = await findPactVersion(database.db, parsePositiveInteger('FROM', from));
          if (!before) throw AppError.notFound('pact version', from);
          const after = to ? await findPactVersion(database.db, parsePositiveInteger('TO', to)) : await findActivePactVersion(database.db);
          if (!after) throw AppError.notFound('pact version', to ?? 'active');
          const changes = diffPacts(pactDocumentSchema.parse(before.document), pactDocumentSchema.parse(after.document));
          process.stdout.write(changes.length ? `${formatPactDiff(changes)}\n` : `versions ${before.version} and ${after.version} are the same\n`);
        }),
      ),
    );
}
