import { stringify } from 'csv-stringify/sync';
import type { AccessContext } from '../../core/access/access-context.ts';
import { recordScopeOf } from '../../core/access/access-policy.ts';
import { formatListSort, type KeysetCursor, type ListSort } from '../../core/listing/list-sort.ts';
import type { Db } from '../../db/database.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { neutralizeFormula } from '../../core/csv/neutralize-formula.ts';
import { queryLeads, type LeadListFilter, type LeadListRow, type LeadSortKey } from './lead-query.repository.ts';
import { defaultLeadSort, resolveOwnerFilter } from './list-leads.ts';

const pageSize = 2000;

export const leadCsvHeader = [
  'id',
  'first_name',
  'last_name',
  'email',
  'title',
  'company',
  'country',
  'source',
  'stage',
  'grade',
  'score',
  'fit_score',
  'engagement_score',
  'account_class',
  'account_id',
  'account_name',
  'owner_id',
  'owner_name',
  'junk_reason',
  'created_at',
  'stage_changed_at',
];

const text = (value: string | number | null) => (value === null ? '' : String(value));

/** One CSV line of a lead; any cell a spreadsheet would run as a formula is neutralized (names and companies come from forms and files). */
export function leadCsvLine(row: LeadListRow): string[] {
  const cells = [
    row.id,
    text(row.first_name),
    text(row.last_name),
    text(row.email),
    text(row.title),
    text(row.company),
    text(row.country),
    text(row.source),
    row.stage,
    text(row.grade),
    text(row.score),
    text(row.fit_score),
    text(row.engagement_score),
    text(row.account_class),
    text(row.account_id),
    text(row.account_name),
    text(row.owner_id),
    text(row.owner_name),
    text(row.junk_reason),
    row.created_at.toISOString(),
    row.stage_changed_at.toISOString(),
  ];
  return cells.map(neutralizeFormula);
}

/**
 * Every lead the caller may read that matches the filter, in `sort` order, as CSV text chunks
 * (header first), read a page at a time along the same keyset as the list so an export of any size
 * streams. Checks the caller and the filter (403, 400 naming `owner`) before yielding anything.
 * `onLeads` is told how many leads each chunk held, once it was yielded.
 */
export async function exportLeadsCsv(
  db: Db,
  options: { filter: LeadListFilter; sort?: ListSort<LeadSortKey> | undefined; access: AccessContext; onLeads?: (count: number) => void },
): Promise<AsyncIterable<string>> {
  assertRoleMay(options.access, 'lead:list');
  const sort = options.sort ?? defaultLeadSort;
  const filter = resolveOwnerFilter(options.filter, options.access);
  const scope = recordScopeOf(options.access);
  return (async function* chunks() {
    yield stringify([leadCsvHeader]);
    let cursor: KeysetCursor | null = null;
    for (;;) {
      const rows = await queryLeads(db, scope, filter, sort, cursor, pageSize);
      if (rows.length === 0) return;
      yield stringify(rows.map(leadCsvLine));
      options.onLeads?.(rows.length);
      const last = rows[rows.length - 1]!;
      if (rows.length < pageSize) return;
      cursor = { sort: formatListSort(sort), value: last.sort_value, id: last.id };
    }
  })();
}
