import type { Command } from 'commander';
import { operatorAccess } from '../../core/access/access-context.ts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { fieldIssuesFromZod } from '../../errors/zod-issues.ts';
import { presentTeam, presentUser } from '../../http/schemas/team.schemas.ts';
import type { AuditActor } from '../../modules/audit/record-audit.ts';
import { createTeam } from '../../modules/team/create-team.ts';
import { createUser } from '../../modules/team/create-user.ts';
import { listOrganisationUsers } from '../../modules/team/list-users.ts';
import { newTeamSchema, teamChangesSchema } from '../../modules/team/team-fields.ts';
import { findTeamWithCounts, listTeamsWithCounts } from '../../modules/team/team-query.repository.ts';
import { updateTeam } from '../../modules/team/update-team.ts';
import { updateUser } from '../../modules/team/update-user.ts';
import { newUserSchema, roleSchema, userChangesSchema } from '../../modules/team/user-fields.ts';
import { findUserWithTeamName } from '../../modules/team/user.repository.ts';
import { resolveTeam } from '../../modules/team/resolve-team.ts';
import { runCommand, withDatabase } from '../cli-context.ts';
import { registerUserPasswordCommand } from './identity.command.ts';

/** Where the sales-organisation commands read and write; tests pass their own database and capture stdout. */
export interface OrgCommandContext {
  useDatabase<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  stdout: { write(text: string): unknown };
  now(): Date;
}

export const defaultOrgCommandContext: OrgCommandContext = {
  useDatabase: (run) => withDatabase(({ database }) => run(database.db)),
  stdout: process.stdout,
  now: () => new Date(),
};

export const cliAuditActor: AuditActor = { type: 'cli', id: null };

/** Parses options with a module's schema; the issues name fields until `namingOptions` renames them. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(fieldIssuesFromZod(result.error));
  return result.data;
}

/** Runs `body`, turning the field names in any refusal into the option names the user typed. */
export async function namingOptions<T>(optionOfField: Record<string, string>, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (!isAppError(error) || error.issues.length === 0) throw error;
    const issues = error.issues.map((issue) => ({ path: optionOfField[issue.path] ?? issue.path, message: issue.message }));
    if (error.code === 'VALIDATION_FAILED') throw AppError.validation(issues);
    throw new AppError(error.code, { userMessage: error.userMessage, issues });
  }
}

/** A whole-number option ("100", "-1"); anything else is refused naming the option. Absent stays undefined. */
export function wholeNumberOption(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw AppError.validation([{ path: option, message: `expected a whole number, got "${text}"` }]);
  return Number(text);
}

/** The options the user actually gave: an absent option is no change, not a change to nothing. */
export function givenOptions<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** "none" clears a value (`--team none`, `--away-until none`). */
const orNull = (text: string | undefined) => (text === undefined ? undefined : text.trim().toLowerCase() === 'none' ? null : text);

const teamOptions = { name: 'NAME', accountClass: '--class', managerEmail: '--manager' };
const userOptions = { email: 'EMAIL', name: '--name', role: '--role', team: '--team', capacity: '--capacity', weight: '--weight', awayUntil: '--away-until', active: '--active', id: 'EMAIL' };

function printJsonOr(context: OrgCommandContext, json: boolean | undefined, value: unknown, text: () => string): void {
  context.stdout.write(json ? `${JSON.stringify(value)}\n` : text());
}

function teamLine(team: ReturnType<typeof presentTeam>): string {
  const manager = team.managerName ? `managed by ${team.managerName} <${team.managerEmail}>` : 'no manager';
  return `${team.name.padEnd(24)} ${team.accountClass.padEnd(14)} ${String(team.memberCount).padStart(3)} members  ${String(team.openLeadCount).padStart(5)} open leads  ${manager}\n`;
}

function userLine(user: ReturnType<typeof presentUser>): string {
  const state = !user.active ? 'inactive' : user.awayUntil ? `away until ${user.awayUntil}` : '';
  return `${user.email.padEnd(32)} ${user.name.padEnd(22)} ${user.role.padEnd(13)} ${(user.teamName ?? '—').padEnd(18)} cap ${String(user.capacity).padStart(4)}  w ${user.weight}  open ${String(user.openLeadCount).padStart(4)}  ${state}\n`.replace(/\s+\n$/, '\n');
}

/** `leadpact team …` and `leadpact user …`: the sales organisation routing works with. */
export function registerTeamCommand(program: Command, context: OrgCommandContext = defaultOrgCommandContext): void {
  const team = program.command('team').description('Teams of the sales organisation (the pact routes each account class to one by name)');
  team
    .command('add')
    .argument('<name>', 'team name, e.g. "Inside Sales"')
    .requiredOption('--class <class>', 'account class the team serves: field, inside or marketing_led')
    .option('--manager <email>', 'e-mail of an active sales manager')
    .option('--json', 'print the team as JSON')
    .description('Create a team')
    .action((name: string, options: { class: string; manager?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(teamOptions, async () => {
          const input = parseWith(newTeamSchema, { name, accountClass: options.class, ...(options.manager ? { managerEmail: options.manager } : {}) });
          const created = await context.useDatabase(async (db) => findTeamWithCounts(db, (await createTeam(db, { input, actor: cliAuditActor })).id));
          const shown = presentTeam(created!);
          printJsonOr(context, options.json, shown, () => `created team ${shown.name} (${shown.id})\n`);
        }),
      ),
    );
  team
    .command('update')
    .argument('<team>', 'team name or id')
    .option('--rename <name>', 'new name')
    .option('--class <class>', 'account class: field, inside or marketing_led')
    .option('--manager <email>', 'e-mail of an active sales manager, or "none"')
    .option('--json', 'print the team as JSON')
    .description('Rename a team, change its class or set its manager')
    .action((reference: string, options: { rename?: string; class?: string; manager?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions({ ...teamOptions, name: '--rename', team: 'TEAM' }, async () => {
          const changes = parseWith(teamChangesSchema, givenOptions({ name: options.rename, accountClass: options.class, managerEmail: orNull(options.manager) }));
          const updated = await context.useDatabase(async (db) => {
            const target = await resolveTeam(db, reference, 'team');
            return findTeamWithCounts(db, (await updateTeam(db, { teamId: target.id, changes, actor: cliAuditActor })).id);
          });
          const shown = presentTeam(updated!);
          printJsonOr(context, options.json, shown, () => teamLine(shown));
        }),
      ),
    );
  team
    .command('list')
    .option('--json', 'print the teams as JSON')
    .description('Teams with their manager, members and open leads')
    .action((options: { json?: boolean }) =>
      runCommand(async () => {
        const teams = (await context.useDatabase((db) => listTeamsWithCounts(db))).map(presentTeam);
        printJsonOr(context, options.json, teams, () => (teams.length === 0 ? 'no teams yet: leadpact team add "Inside Sales" --class inside\n' : teams.map(teamLine).join('')));
      }),
    );

  const user = program.command('user').description('People of the sales organisation: role, team, capacity, weight, absence');
  user
    .command('add')
    .argument('<email>', 'e-mail address (unique, any letter case)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'admin, marketing, sales_manager, sales_rep or executive')
    .option('--team <team>', 'team name or id')
    .option('--capacity <n>', 'most open leads routing may give them (required for sales_rep)')
    .option('--weight <n>', 'share of round-robin, 1–10 (default 1)')
    .option('--away-until <date>', 'away until this day (start of day in the pact calendar’s time zone) or date-time')
    .option('--json', 'print the user as JSON')
    .description('Add a person')
    .action((email: string, options: { name: string; role: string; team?: string; capacity?: string; weight?: string; awayUntil?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(userOptions, async () => {
          const input = parseWith(
            newUserSchema,
            givenOptions({
              email: email.trim(),
              name: options.name,
              role: options.role,
              team: options.team,
              capacity: wholeNumberOption('--capacity', options.capacity),
              weight: wholeNumberOption('--weight', options.weight),
              awayUntil: options.awayUntil,
            }),
          );
          const created = await context.useDatabase(async (db) => findUserWithTeamName(db, (await createUser(db, { input, actor: cliAuditActor })).id));
          const shown = presentUser(created!);
          printJsonOr(context, options.json, shown, () => `added ${shown.email} (${shown.role}${shown.teamName ? `, ${shown.teamName}` : ''}) ${shown.id}\n`);
        }),
      ),
    );
  user
    .command('update')
    .argument('<email>', 'e-mail address of the person')
    .option('--name <name>', 'full name')
    .option('--role <role>', 'admin, marketing, sales_manager, sales_rep or executive')
    .option('--team <team>', 'team name or id, or "none"')
    .option('--capacity <n>', 'most open leads routing may give them')
    .option('--weight <n>', 'share of round-robin, 1–10')
    .option('--away-until <date>', 'away until this day or date-time, or "none" when back')
    .option('--active <bool>', 'true or false')
    .option('--json', 'print the user as JSON')
    .description('Change a person’s settings (never their routing counters)')
    .action((email: string, options: { name?: string; role?: string; team?: string; capacity?: string; weight?: string; awayUntil?: string; active?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions(userOptions, async () => {
          if (options.active !== undefined && !['true', 'false'].includes(options.active)) {
            throw AppError.validation([{ path: '--active', message: `expected true or false, got "${options.active}"` }]);
          }
          const changes = parseWith(
            userChangesSchema,
            givenOptions({
              name: options.name,
              role: options.role,
              team: orNull(options.team),
              capacity: wholeNumberOption('--capacity', options.capacity),
              weight: wholeNumberOption('--weight', options.weight),
              awayUntil: orNull(options.awayUntil),
              active: options.active === undefined ? undefined : options.active === 'true',
            }),
          );
          const updated = await context.useDatabase(async (db) => findUserWithTeamName(db, (await updateUser(db, { user: email.trim(), changes, actor: cliAuditActor, now: context.now() })).id));
          const shown = presentUser(updated!);
          printJsonOr(context, options.json, shown, () => userLine(shown));
        }),
      ),
    );
  user
    .command('list')
    .option('--team <team>', 'only this team (name or id)')
    .option('--role <role>', 'only this role')
    .option('--json', 'print the users as JSON')
    .description('People with their role, team, capacity, weight, absence and open leads')
    .action((options: { team?: string; role?: string; json?: boolean }) =>
      runCommand(() =>
        namingOptions({ team: '--team' }, async () => {
          const role = options.role === undefined ? undefined : roleSchema.safeParse(options.role).data;
          if (options.role !== undefined && role === undefined) throw AppError.validation([{ path: '--role', message: `expected one of ${roleSchema.options.join(', ')}, got "${options.role}"` }]);
          const users = (await context.useDatabase((db) => listOrganisationUsers(db, { role, team: options.team, access: operatorAccess }))).map(presentUser);
          printJsonOr(context, options.json, users, () => (users.length === 0 ? 'no users match\n' : users.map(userLine).join('')));
        }),
      ),
    );
  registerUserPasswordCommand(user, context);
}
