import { stringify } from 'csv-stringify/sync';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import { formatListSort, type KeysetCursor } from '../../core/listing/list-sort.ts';
import type { Db } from '../../db/database.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { neutralizeFormula } from '../../core/csv/neutralize-formula.ts';
import { countLeadsByStage, queryAccounts, type AccountListRow } from './account-query.repository.ts';
import { leadCountsOf, type LeadCounts } from './lead-counts.ts';
import { accountFilterOf, defaultAccountSort, type AccountListOptions } from './list-accounts.ts';

const pageSize = 2000;

export const accountCsvHeader = [
  'id',
  'name',
  'domain',
  'website',
  'industry',
  'employees',
  'annual_revenue_minor',
  'currency',
  'country',
  'account_class',
  'class_priority',
  'owner_id',
  'owner_name',
  'owner_email',
  'leads',
  'open_leads',
  'created_at',
];

const text = (value: string | number | null) => (value === null ? '' : String(value));

/** One CSV line of an account with its visible leads counted; formula cells neutralized (names come from forms and files). */
export function accountCsvLine(row: AccountListRow, leadCounts: LeadCounts): string[] {
  const cells = [
    row.id,
    row.name,
    text(row.domain),
    text(row.website),
    text(row.industry),
    text(row.employees),
    text(row.annual_revenue_minor),
    row.currency,
    text(row.country),
    text(row.account_class),
    text(row.class_priority),
    text(row.owner_id),
    text(row.owner_name),
    text(row.owner_email),
    String(leadCounts.total),
    String(leadCounts.open),
    row.created_at.toISOString(),
  ];
  return cells.map(neutralizeFormula);
}

/**
 * Every account the caller may read that matches the filter, in `sort` order, as CSV text chunks
 * (header first), each with the live leads the caller may read counted; read a page at a time along
 * the list's keyset so an export of any size streams. Checks the caller and the filter (403; 400
 * naming `country` or `owner`) before yielding anything. `onAccounts` is told each chunk's size.
 */
export async function exportAccountsCsv(db: Db, options: Omit<AccountListOptions, 'cursor' | 'limit'> & { onAccounts?: (count: number) => void }): Promise<AsyncIterable<string>> {
  assertRoleMay(options.access, 'account:list');
  const sort = options.sort ?? defaultAccountSort;
  const filter = accountFilterOf(options);
  const scope = recordScopeOf(options.access);
  return (async function* chunks() {
    yield stringify([accountCsvHeader]);
    let cursor: KeysetCursor | null = null;
    for (;;) {
      const rows = await queryAccounts(db, scope, filter, sort, cursor, pageSize);
      if (rows.length === 0) return;
      const counts = await countLeadsByStage(db, rows.map((row) => row.id), scope);
      yield stringify(rows.map((row) => accountCsvLine(row, leadCountsOf(counts.get(row.id)))));
      options.onAccounts?.(rows.length);
      const last = rows[rows.length - 1]!;
      if (rows.length < pageSize) return;
      cursor = { sort: formatListSort(sort), value: last.sort_value, id: last.id };
    }
  })();
}
