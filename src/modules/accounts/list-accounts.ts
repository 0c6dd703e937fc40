import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import { decodeKeysetCursor, encodeKeysetCursor, formatListSort, type ListSort } from '../../core/listing/list-sort.ts';
import type { AccountClassValue, Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { accountCountryFrom } from './account-normalization.ts';
import { countAccounts, countLeadsByStage, queryAccounts, type AccountListFilter, type AccountSortKey } from './account-query.repository.ts';
import { leadCountsOf } from './lead-counts.ts';

export { accountSortKeys, type AccountSortKey } from './account-query.repository.ts';

/** By name: the order of the list before it could be sorted, and still its default. */
export const defaultAccountSort: ListSort<AccountSortKey> = { key: 'name', descending: false };

function decodeAccountCursor(text: string, sort: ListSort<AccountSortKey>) {
  const decoded = decodeKeysetCursor(text, formatListSort(sort));
  if (!decoded.ok) throw AppError.validation([{ path: 'cursor', message: decoded.message }]);
  return decoded.cursor;
}

export interface AccountListOptions {
  /** Text matched against name and domain. */
  q?: string | undefined;
  accountClass?: AccountClassValue | undefined;
  /** A user id, 'unassigned', or 'me' (the caller: a user, or the user owning the API key). */
  owner?: string | undefined;
  industry?: string | undefined;
  /** As typed ("Germany", "de"); an unknown country is a 400 naming `country`. */
  country?: string | undefined;
  sort?: ListSort<AccountSortKey> | undefined;
  cursor?: string | undefined;
  limit: number;
  access: AccessContext;
}

/** The filter the options describe: the country read (400 naming `country`), `owner: 'me'` resolved (400 naming `owner` without a user). */
export function accountFilterOf(options: Omit<AccountListOptions, 'sort' | 'cursor' | 'limit'>): AccountListFilter {
  const country = options.country ? accountCountryFrom(options.country) : null;
  let owner = options.owner;
  if (owner === 'me') {
    const principal = options.access.principal;
    if (principal.kind !== 'user' && principal.kind !== 'api_key') throw AppError.validation([{ path: 'owner', message: '"me" needs a signed-in user or a user’s API key; give a user id instead' }]);
    owner = principal.userId;
  }
  return {
    ...(options.q ? { text: options.q } : {}),
    ...(options.accountClass ? { accountClass: options.accountClass } : {}),
    ...(owner ? { owner } : {}),
    ...(options.industry ? { industry: options.industry } : {}),
    ...(country ? { country } : {}),
  };
}

/**
 * A page of the accounts the caller may read, in `sort` order (default by name; accounts without a
 * value for the key last), each with the live leads the caller may read counted by stage (one
 * grouped query for the whole page), the cursor of the next page (null at the end) and `total`, how
 * many accounts match in all under the same access rules. Roles that read no accounts (executives)
 * are refused (403); a cursor of another sort is a 400 naming `cursor`.
 */
export async function listAccounts(db: Db, options: AccountListOptions) {
  assertRoleMay(options.access, 'account:list');
  const scope = recordScopeOf(options.access);
  const sort = options.sort ?? defaultAccountSort;
  const cursor = options.cursor ? decodeAccountCursor(options.cursor, sort) : null;
  const filter = accountFilterOf(options);
  const [rows, total] = await Promise.all([queryAccounts(db, scope, filter, sort, cursor, options.limit + 1), countAccounts(db, scope, filter)]);
  const page = rows.slice(0, options.limit);
  const counts = await countLeadsByStage(db, page.map((account) => account.id), scope);
  const last = page[page.length - 1];
  return {
    accounts: page.map((account) => ({ ...account, leadCounts: leadCountsOf(counts.get(account.id)) })),
    nextCursor: rows.length > options.limit && last ? encodeKeysetCursor({ sort: formatListSort(sort), value: last.sort_value, id: last.id }) : null,
    total,
  };
}
