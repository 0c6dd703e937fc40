import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import { decodeKeysetCursor, encodeKeysetCursor, formatListSort, type ListSort } from '../../core/listing/list-sort.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { countLeads, queryLeads, type LeadListFilter, type LeadListRow, type LeadSortKey } from './lead-query.repository.ts';

export { leadSortKeys, type LeadSortKey } from './lead-query.repository.ts';

/** Newest first: the order of the list before it could be sorted, and still its default. */
export const defaultLeadSort: ListSort<LeadSortKey> = { key: 'created_at', descending: true };

/**
 * The filter with `owner: 'me'` resolved to the caller's user id: a user, or an API key acting for
 * the user who owns it. Callers that are no user (the CLI operator) get a 400 naming `owner`.
 */
export function resolveOwnerFilter(filter: LeadListFilter, access: AccessContext): LeadListFilter {
  if (filter.owner !== 'me') return filter;
  const principal = access.principal;
  if (principal.kind === 'user' || principal.kind === 'api_key') return { ...filter, owner: principal.userId };
  throw AppError.validation([{ path: 'owner', message: '"me" needs a signed-in user or a user’s API key; give a user id instead' }]);
}

export function decodeLeadCursor(text: string, sort: ListSort<LeadSortKey>) {
  const decoded = decodeKeysetCursor(text, formatListSort(sort));
  if (!decoded.ok) throw AppError.validation([{ path: 'cursor', message: decoded.message }]);
  return decoded.cursor;
}

export function nextLeadCursor(last: LeadListRow, sort: ListSort<LeadSortKey>): string {
  return encodeKeysetCursor({ sort: formatListSort(sort), value: last.sort_value, id: last.id });
}

/**
 * A page of the leads the caller may read that match the filter, in `sort` order (default newest
 * first; leads without a value for the key last), with the cursor of the next page (null at the
 * end) and `total`, how many leads match in all under the same access rules. Roles that read no
 * leads (executives) are refused (403); a cursor of another sort is a 400 naming `cursor`.
 */
export async function listLeads(
  db: Db,
  options: { filter: LeadListFilter; sort?: ListSort<LeadSortKey> | undefined; cursor?: string | undefined; limit: number; access: AccessContext },
) {
  assertRoleMay(options.access, 'lead:list');
  const sort = options.sort ?? defaultLeadSort;
  const filter = resolveOwnerFilter(options.filter, options.access);
  const cursor = options.cursor ? decodeLeadCursor(options.cursor, sort) : null;
  const scope = recordScopeOf(options.access);
  const [rows, total] = await Promise.all([queryLeads(db, scope, filter, sort, cursor, options.limit + 1), countLeads(db, scope, filter)]);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return { leads: page, nextCursor: rows.length > options.limit && last ? nextLeadCursor(last, sort) : null, total };
}
