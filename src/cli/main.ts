import { Command, CommanderError } from 'commander';
import { registerAccountCommand } from './commands/account.command.ts';
import { registerCampaignCommand } from './commands/campaign.command.ts';
import { registerAuditCommand } from './commands/audit.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerApiKeyCommand } from './commands/identity.command.ts';
import { registerImportCommand } from './commands/import.command.ts';
import { registerLeadCommand } from './commands/lead.command.ts';
import { registerMigrateCommand } from './commands/migrate.command.ts';
import { registerPactCommand } from './commands/pact.command.ts';
import { registerPrivacyCommand } from './commands/privacy.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerTeamCommand } from './commands/team.command.ts';
import { exitCodes } from './cli-context.ts';

/** The `leadpact` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('leadpact')
    .description('The marketing–sales lead agreement, executable. Configuration comes from the environment (see README).')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerImportCommand(program);
  registerPactCommand(program);
  registerLeadCommand(program);
  registerTeamCommand(program);
  registerAccountCommand(program);
  registerCampaignCommand(program);
  registerApiKeyCommand(program);
  registerPrivacyCommand(program);
  registerAuditCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests exit 0; usage mistakes exit 2 (commander already printed why).
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
      return;
    }
    throw error;
  }
}
