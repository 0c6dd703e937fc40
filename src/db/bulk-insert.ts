import { sql, type RawBuilder } from 'kysely';
import type { Database, Db } from './database.ts';

/** PostgreSQL type of each column written, in the order given. */
export type ColumnTypes = Record<string, 'uuid' | 'text' | 'integer' | 'bigint' | 'boolean' | 'double precision' | 'timestamptz' | 'date' | 'jsonb'>;

export interface RecordsetInsertOptions {
  /** An `on conflict …` clause. */
  conflict?: RawBuilder<unknown>;
  /** Columns to return. */
  returning?: readonly string[];
  /** A condition every row must meet to be inserted (a `where` on the rows; inside a WITH, e.g. that an earlier insert took every row). */
  onlyIf?: RawBuilder<unknown>;
}

/**
 * Inserts many rows with one statement and one parameter: the rows travel as a JSON array that
 * `jsonb_to_recordset` turns back into typed columns. This keeps bulk capture at one round trip
 * per table per batch on both drivers, with no 65,535-parameter ceiling.
 * `conflict` is an `on conflict …` clause, `returning` the columns to return.
 */
export async function bulkInsert<Row extends Record<string, unknown>>(
  db: Db,
  table: keyof Database,
  columns: ColumnTypes,
  rows: readonly Record<string, unknown>[],
  options: RecordsetInsertOptions = {},
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const result = await (recordsetInsert(table, columns, rows, options) as RawBuilder<Row>).execute(db);
  return result.rows;
}

/**
 * The `insert … select … from jsonb_to_recordset(…)` statement of bulkInsert, unexecuted: to run
 * as it is, or as one step of a `with` statement that writes several tables in one round trip.
 */
export function recordsetInsert(table: keyof Database, columns: ColumnTypes, rows: readonly Record<string, unknown>[], options: RecordsetInsertOptions = {}): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const columnList = sql.raw(names.map((name) => `"${name}"`).join(', '));
  const recordDefinition = sql.raw(names.map((name) => `"${name}" ${columns[name]}`).join(', '));
  // JSON.stringify writes a Date as its ISO text and leaves out undefined values, which
  // jsonb_to_recordset then reads as null; properties that are not columns are ignored.
  const payload = JSON.stringify(rows);
  const where = options.onlyIf ? sql` where ${options.onlyIf}` : sql``;
  const returning = options.returning?.length ? sql` returning ${sql.raw(options.returning.map((c) => `"${c}"`).join(', '))}` : sql``;
  return sql`insert into ${sql.table(table)} (${columnList}) select ${columnList} from jsonb_to_recordset(${payload}::jsonb) as r(${recordDefinition})${where} ${options.conflict ?? sql``}${returning}`;
}
