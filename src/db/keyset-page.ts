import { sql, type RawBuilder } from 'kysely';
import type { KeysetCursor } from '../core/listing/list-sort.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * A key a list can be sorted by, as SQL. For an index to serve the order, `expression` must be
 * written exactly as in the index (see the list-sort migration); text keys are `lower(…) collate "C"`
 * so both databases order them the same way, whatever their default collation.
 */
export interface SortKeySql {
  expression: RawBuilder<unknown>;
  /** How a cursor's value is read back: timestamps travel as ISO text with microseconds. */
  type: 'timestamptz' | 'integer' | 'text';
  nullable: boolean;
}

/** One part of a keyset page: the rows with a value in key order, or (nulls last) those without, by id. */
export interface KeysetSegment {
  where: RawBuilder<boolean>;
  orderBy: [RawBuilder<unknown>, 'asc' | 'desc'][];
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The value of the key as the cursor stores it (selected with the row: exact, unlike a JS Date). */
export function sortValueSql(key: SortKeySql): RawBuilder<string | number | null> {
  if (key.type === 'timestamptz') return sql<string | null>`to_char(${key.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql<string | number | null>`${key.expression}`;
}

function checkedValue(key: SortKeySql, value: string | number | null): string | number | null {
  const fits =
    value === null
      ? key.nullable
      : key.type === 'integer'
        ? typeof value === 'number' && Number.isSafeInteger(value)
        : typeof value === 'string' && !value.includes('\u0000') && (key.type === 'text' || isoInstant.test(value));
  // A value the key could not hold means a hand-made or corrupted cursor: a 400, never a SQL error.
  if (!fits) throw AppError.validation([{ path: 'cursor', message: 'not a cursor returned by this endpoint' }]);
  return value;
}

/**
 * The segments of the page after `cursor` (the first page when null), in order: query each with
 * `where` and `orderBy`, limited to what the page still needs, and stop once it is full. Splitting
 * off the rows without a value keeps "nulls last" in both directions while each segment is a plain
 * `(key, id)` range that one ascending index on `(key, id)` serves, read forwards or backwards.
 */
export function keysetSegments(key: SortKeySql, id: RawBuilder<unknown>, descending: boolean, cursor: KeysetCursor | null): KeysetSegment[] {
  const direction = descending ? 'desc' : 'asc';
  const after = descending ? sql.raw('<') : sql.raw('>');
  const value = cursor ? checkedValue(key, cursor.value) : null;
  const cast = sql.raw(key.type === 'integer' ? 'bigint' : key.type);
  const withValue: KeysetSegment = {
    where: cursor
      ? sql<boolean>`(${key.expression}, ${id}) ${after} (${value}::${cast}, ${cursor.id}::uuid)`
      : key.nullable
        ? sql<boolean>`${key.expression} is not null`
        : sql<boolean>`true`,
    orderBy: [
      [key.expression, direction],
      [id, direction],
    ],
  };
  const withoutValue: KeysetSegment = {
    where: cursor && value === null ? sql<boolean>`${key.expression} is null and ${id} ${after} ${cursor.id}::uuid` : sql<boolean>`${key.expression} is null`,
    orderBy: [[id, direction]],
  };
  if (!key.nullable) return [withValue];
  return cursor && value === null ? [withoutValue] : [withValue, withoutValue];
}
