import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { erasePerson } from '../../modules/privacy/erase-person.ts';
import { exportPersonalData } from '../../modules/privacy/export-personal-data.ts';
import { runCommand, withDatabase } from '../cli-context.ts';

/** Where the command reads and writes; tests pass their own database and capture the output. */
export interface PrivacyCommandContext {
  useDatabase<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  stdout: { write(text: string): unknown };
  now(): Date;
}

const defaultContext: PrivacyCommandContext = {
  useDatabase: (run) => withDatabase(({ database }) => run(database.db)),
  stdout: process.stdout,
  now: () => new Date(),
};

export function registerPrivacyCommand(program: Command): void {
  const privacy = program.command('privacy').description("A person's data: export everything held on them, or erase them and refuse to store them again");

  privacy
    .command('export')
    .argument('<email>', 'the person’s e-mail address (any spelling)')
    .option('--out <file>', 'write the JSON document to this file (created readable by you only) instead of stdout')
    .description('Everything held on the person — leads, consents, touches, events, duplicates, opportunities, import rows, audit entries — as one JSON document')
    .action((email: string, options: { out?: string }) => runCommand(() => runPrivacyExportCommand(email, options)));

  privacy
    .command('erase')
    .argument('<email>', 'the person’s e-mail address (any spelling)')
    .requiredOption('--reason <text>', 'why: the request’s reference or channel (kept, so do not quote the person)')
    .description('Erase the person’s personal data everywhere (analytics kept) and suppress the address so it is never captured again')
    .action((email: string, options: { reason: string }) => runCommand(() => runPrivacyEraseCommand(email, options)));
}

/** `leadpact privacy export`: the document on stdout, or in a new owner-only file with a one-line note. */
export async function runPrivacyExportCommand(email: string, options: { out?: string | undefined }, context: PrivacyCommandContext = defaultContext): Promise<void> {
  const document = await context.useDatabase((db) => exportPersonalData(db, { email, now: context.now() }));
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (options.out === undefined) {
    context.stdout.write(text);
    return;
  }
  await writeFile(options.out, text, { mode: 0o600 });
  context.stdout.write(`wrote ${options.out}: ${document.leads.length} lead(s), ${document.touches.length} touch(es), ${document.events.length} event(s), ${document.auditEntries.length} audit entr(ies)${document.suppressed ? '; the address is suppressed (erased)' : ''}\n`);
}

/** `leadpact privacy erase`: what was erased and rewritten, or that the person was already erased. */
export async function runPrivacyEraseCommand(email: string, options: { reason: string }, context: PrivacyCommandContext = defaultContext): Promise<void> {
  const report = await context.useDatabase((db) => erasePerson(db, { email, reason: options.reason, actor: { type: 'cli', id: null }, now: context.now() }));
  if (report.status === 'already_erased') {
    context.stdout.write(`nothing held: already erased; the address has been suppressed since ${report.suppressedAt}\n`);
    return;
  }
  const rewritten = Object.entries(report.rewritten)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${table} ${count}`)
    .join(', ');
  context.stdout.write(`erased ${report.leadIds.length} lead(s): ${report.leadIds.join(', ')}\n`);
  context.stdout.write(`rewritten: ${rewritten || 'nothing else'}\n`);
  context.stdout.write(`the address is suppressed (since ${report.suppressedAt}): leadpact will refuse to capture it again\n`);
}
