import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A column holding text or JSON, with its PostgreSQL type (`text`, `jsonb`, `character varying(200)` …). */
export interface TextColumn {
  name: string;
  type: string;
}

export interface TableRef {
  schema: string;
  table: string;
}

export interface TableTextColumns extends TableRef {
  columns: TextColumn[];
}

/** One stored row: a reference to it (valid until the row is changed) and the asked columns as text. */
export interface StoredText {
  rowRef: string;
  values: Record<string, string | null>;
}

/** The schema leadpact's tables are in (`public` on the embedded database). */
export async function currentSchema(db: Db): Promise<string> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema ?? 'public';
}

/**
 * Every ordinary table of the given schemas — partitions included, partitioned parents not (their
 * rows live in the partitions) — with its text, varchar, json and jsonb columns. Tables without
 * such columns are left out.
 */
export async function listTextColumns(db: Db, schemas: readonly string[]): Promise<TableTextColumns[]> {
  if (schemas.length === 0) return [];
  const result = await sql<{ schema: string; table: string; column: string; type: string }>`
    select n.nspname as schema, c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname in (${sql.join([...schemas])})
      and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.atttypid in ('text'::regtype, 'character varying'::regtype, 'character'::regtype, 'json'::regtype, 'jsonb'::regtype)
    order by n.nspname, c.relname, a.attnum`.execute(db);
  const tables = new Map<string, TableTextColumns>();
  for (const row of result.rows) {
    const key = `${row.schema}.${row.table}`;
    const table = tables.get(key) ?? { schema: row.schema, table: row.table, columns: [] };
    table.columns.push({ name: row.column, type: row.type });
    tables.set(key, table);
  }
  return [...tables.values()];
}

/** "Any of these columns, read as text, matches the pattern" (PostgreSQL `~*`: case-insensitive). */
export function anyColumnMatches(columns: readonly TextColumn[], pattern: string): RawBuilder<unknown> {
  return sql`(${sql.join(
    columns.map((column) => sql`${sql.id(column.name)}::text ~* ${pattern}`),
    sql` or `,
  )})`;
}

/** The rows of `table` where `condition` holds, with the given columns as text. */
export async function selectStoredText(db: Db, table: TableRef, columns: readonly TextColumn[], condition: RawBuilder<unknown>): Promise<StoredText[]> {
  if (columns.length === 0) return [];
  const selected = sql.join(columns.map((column, position) => sql`${sql.id(column.name)}::text as ${sql.id(`c${position}`)}`));
  const result = await sql<Record<string, string | null>>`
    select ctid::text as row_ref, ${selected} from ${sql.id(table.schema, table.table)} where ${condition}`.execute(db);
  return result.rows.map((row) => ({
    rowRef: row.row_ref!,
    values: Object.fromEntries(columns.map((column, position) => [column.name, row[`c${position}`] ?? null])),
  }));
}

/** Sets the given columns of one row (found by its reference) from text, cast to each column's type. */
export async function rewriteStoredText(db: Db, table: TableRef, rowRef: string, changes: readonly { column: TextColumn; text: string | null }[]): Promise<void> {
  if (changes.length === 0) return;
  const assignments = sql.join(changes.map(({ column, text }) => sql`${sql.id(column.name)} = cast(${text} as ${sql.raw(column.type)})`));
  await sql`update ${sql.id(table.schema, table.table)} set ${assignments} where ctid = cast(${rowRef} as tid)`.execute(db);
}

/**
 * `rewriteStoredText` under a savepoint: when the new text would break a unique constraint (two
 * campaign names that differed only by the erased e-mail), the row is left as it was, the caller's
 * transaction stays usable, and the answer is `unique_violation`. Needs a transaction.
 */
export async function tryRewriteStoredText(db: Db, table: TableRef, rowRef: string, changes: readonly { column: TextColumn; text: string | null }[]): Promise<'written' | 'unique_violation'> {
  await sql`savepoint rewrite_stored_text`.execute(db);
  try {
    await rewriteStoredText(db, table, rowRef, changes);
  } catch (error) {
    await sql`rollback to savepoint rewrite_stored_text`.execute(db);
    if ((error as { code?: string }).code === '23505') return 'unique_violation';
    throw error;
  }
  await sql`release savepoint rewrite_stored_text`.execute(db);
  return 'written';
}
