import type { Command } from 'commander';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { isUuid } from '../core/identity/uuid.ts';
import { findUserByEmailIgnoringCase } from '../modules/team/user.repository.ts';

/** The CLI spelling of each list query parameter, so a refusal names the option the user typed. */
export const listOptionNames: Record<string, string> = {
  stage: '--stage',
  grade: '--grade',
  owner: '--owner',
  source: '--source',
  class: '--class',
  team: '--team',
  account: '--account',
  createdFrom: '--created-from',
  createdTo: '--created-to',
  q: '--q',
  sort: '--sort',
  cursor: '--cursor',
  limit: '--limit',
  country: '--country',
  industry: '--industry',
};

/**
 * `--owner` as the API takes it: a user id, "unassigned", or "me" pass through (the list refuses
 * "me" for the operator, naming owner); an e-mail is looked up, 400 naming --owner when nobody has it.
 */
export async function ownerParameter(db: Db, text: string | undefined): Promise<string | undefined> {
  if (text === undefined || isUuid(text) || text === 'unassigned' || text === 'me' || !text.includes('@')) return text;
  const user = await findUserByEmailIgnoringCase(db, text);
  if (!user) throw AppError.validation([{ path: '--owner', message: `no user with e-mail ${text}` }]);
  return user.id;
}

/** Adds `--sort` with the keys it takes. */
export function sortOption(command: Command, keys: readonly string[], fallback: string): Command {
  return command.option('--sort <key>', `order by ${keys.join(', ')}; prefix - for descending (default ${fallback})`);
}
