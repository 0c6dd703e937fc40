import type { Command } from 'commander';
import { apiScopes, operatorPrincipal, type ApiScope } from '../../core/access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import { findApiKeyById } from '../../modules/identity/api-key.repository.ts';
import { createApiKey } from '../../modules/identity/create-api-key.ts';
import { listApiKeys } from '../../modules/identity/list-api-keys.ts';
import { revokeApiKey } from '../../modules/identity/revoke-api-key.ts';
import { setUserPassword } from '../../modules/identity/set-user-password.ts';
import { findUserByEmailIgnoringCase } from '../../modules/team/user.repository.ts';
import { presentApiKey } from '../../http/schemas/auth.schemas.ts';
import type { AuditActor } from '../../modules/audit/record-audit.ts';
import { runCommand, withDatabase } from '../cli-context.ts';
import type { OrgCommandContext } from './team.command.ts';

const cliAuditActor: AuditActor = { type: 'cli', id: null };

/** Where these commands read and write by default (team.command.ts registers `user password` with its own context). */
const defaultContext: OrgCommandContext = {
  useDatabase: (run) => withDatabase(({ database }) => run(database.db)),
  stdout: process.stdout,
  now: () => new Date(),
};

async function readFirstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function parseScopes(text: string): ApiScope[] {
  const scopes = text.split(',').map((scope) => scope.trim()).filter((scope) => scope !== '');
  const unknown = scopes.filter((scope) => !(apiScopes as readonly string[]).includes(scope));
  if (unknown.length > 0) throw AppError.validation([{ path: '--scopes', message: `unknown scope ${unknown.join(', ')}; expected some of ${apiScopes.join(', ')}` }]);
  if (scopes.length === 0) throw AppError.validation([{ path: '--scopes', message: 'give at least one scope' }]);
  return scopes as ApiScope[];
}

/**
 * `leadpact user password EMAIL` — set or reset a password as the operator (no sign-in: whoever runs
 * the CLI on the database host already holds the data). Registered under the `user` command.
 */
export function registerUserPasswordCommand(user: Command, context: OrgCommandContext = defaultContext): void {
  user
    .command('password')
    .argument('<email>', 'e-mail address of the person')
    .option('--password-stdin', 'read the new password from the first line of stdin (otherwise one is generated and printed once)')
    .description('Set or reset a password; the person’s sessions end. Without --password-stdin a password is generated and printed once')
    .action((email: string, options: { passwordStdin?: boolean }) =>
      runCommand(async () => {
        const password = options.passwordStdin ? await readFirstLineOfStdin() : undefined;
        const result = await context.useDatabase((db) => setUserPassword(db, { user: email.trim(), ...(password !== undefined ? { password } : {}), now: context.now(), actor: cliAuditActor, path: '--password-stdin' }));
        context.stdout.write(result.generatedPassword ? `password of ${result.user.email}: ${result.generatedPassword}\n(shown only this once)\n` : `password of ${result.user.email} set\n`);
      }),
    );
}

/** `leadpact api-key create|list|revoke` — keys for scripts and integrations, made by the operator. */
export function registerApiKeyCommand(program: Command, context: OrgCommandContext = defaultContext): void {
  const apiKey = program.command('api-key').description('API keys: `Authorization: Bearer lp_…` for scripts and integrations');
  apiKey
    .command('create')
    .argument('<email>', 'the user the key acts for (it never has more rights than they do)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "CRM sync"')
    .requiredOption('--scopes <list>', `comma-separated: ${apiScopes.join(', ')}`)
    .option('--json', 'print the key as JSON')
    .description('Create a key; the whole key is printed this once and never again')
    .action((email: string, options: { name: string; scopes: string; json?: boolean }) =>
      runCommand(async () => {
        const scopes = parseScopes(options.scopes);
        const created = await context.useDatabase(async (db) => {
          const owner = await findUserByEmailIgnoringCase(db, email);
          if (!owner) throw AppError.validation([{ path: 'EMAIL', message: `no user ${email}` }]);
          const result = await createApiKey(db, { owner, name: options.name.trim(), scopes, now: context.now(), actor: cliAuditActor });
          return { ...presentApiKey((await findApiKeyById(db, result.key.id))!), key: result.secretText };
        });
        context.stdout.write(options.json ? `${JSON.stringify(created)}\n` : `${created.key}\n(the key of ${created.userEmail} "${created.name}", scopes ${created.scopes.join(', ')}; shown only this once)\n`);
      }),
    );
  apiKey
    .command('list')
    .option('--user <email>', 'only this user’s keys')
    .option('--json', 'print the keys as JSON')
    .description('Keys with their prefix, owner, scopes, last use and revocation (never their secret)')
    .action((options: { user?: string; json?: boolean }) =>
      runCommand(async () => {
        const keys = await context.useDatabase(async (db) => {
          const owner = options.user ? await findUserByEmailIgnoringCase(db, options.user) : undefined;
          if (options.user && !owner) throw AppError.validation([{ path: '--user', message: `no user ${options.user}` }]);
          return (await listApiKeys(db, { principal: operatorPrincipal, ...(owner ? { userId: owner.id } : { everyone: true }) })).map(presentApiKey);
        });
        const line = (key: (typeof keys)[number]) =>
          `lp_${key.prefix}_…  ${key.name.padEnd(24)} ${key.userEmail.padEnd(32)} ${key.scopes.join(',')}  last used ${key.lastUsedAt ?? 'never'}${key.revokedAt ? `  REVOKED ${key.revokedAt}` : ''}  ${key.id}\n`;
        context.stdout.write(options.json ? `${JSON.stringify(keys)}\n` : keys.length === 0 ? 'no API keys\n' : keys.map(line).join(''));
      }),
    );
  apiKey
    .command('revoke')
    .argument('<id>', 'the key’s id (from api-key list)')
    .description('Revoke a key: it stops working at once')
    .action((id: string) =>
      runCommand(async () => {
        const key = await context.useDatabase((db) => revokeApiKey(db, { keyId: id.trim(), principal: operatorPrincipal, actor: cliAuditActor, now: context.now() }));
        context.stdout.write(`revoked lp_${key.prefix}_… (${key.name}, ${key.owner_email})\n`);
      }),
    );
}
