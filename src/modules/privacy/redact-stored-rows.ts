import type { RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { rewriteStoredText, selectStoredText, tryRewriteStoredText, type TableRef, type TextColumn } from './stored-text.repository.ts';

/** A column's new value from its old one: JSON columns get and give parsed values, text columns strings. */
export type ValueRedaction = (column: TextColumn, value: unknown) => unknown;

/**
 * Reads the rows of `table` where `condition` holds, passes each non-null value of the given
 * columns through `redact` and writes back the rows that changed (only the changed columns, one
 * statement per row). Returns how many rows changed. In the caller's transaction.
 */
export async function redactStoredRows(db: Db, table: TableRef, columns: readonly TextColumn[], condition: RawBuilder<unknown>, redact: ValueRedaction): Promise<number> {
  const rows = await selectStoredText(db, table, columns, condition);
  let changed = 0;
  for (const row of rows) {
    const changes: { column: TextColumn; text: string | null }[] = [];
    for (const column of columns) {
      const text = row.values[column.name];
      if (text === null || text === undefined) continue;
      const json = isJsonType(column.type);
      const redacted = redact(column, json ? (JSON.parse(text) as unknown) : text);
      const next = redacted === null || redacted === undefined ? null : json ? JSON.stringify(redacted) : String(redacted);
      if (next === null ? true : json ? !sameJson(next, text) : next !== text) changes.push({ column, text: next });
    }
    if (changes.length === 0) continue;
    await rewriteKeepingUnique(db, table, row.rowRef, changes);
    changed += 1;
  }
  return changed;
}

/** Most redacted texts that collide are told apart within a handful of numbers. */
const maxDistinctAttempts = 50;

/**
 * Writes a row's redacted values. When they collide with a unique constraint — `Invite
 * dana@acme.com` becoming `Invite [erased]` where that name exists — the text values get a number
 * (`Invite [erased] (2)`), the lowest that is free: the personal data goes either way, the other
 * record keeps its name.
 */
async function rewriteKeepingUnique(db: Db, table: TableRef, rowRef: string, changes: { column: TextColumn; text: string | null }[]): Promise<void> {
  if ((await tryRewriteStoredText(db, table, rowRef, changes)) === 'written') return;
  for (let attempt = 2; attempt <= maxDistinctAttempts; attempt += 1) {
    const numbered = changes.map((change) => (change.text === null || isJsonType(change.column.type) ? change : { ...change, text: `${change.text} (${attempt})` }));
    if ((await tryRewriteStoredText(db, table, rowRef, numbered)) === 'written') return;
  }
  // Still colliding: let the database say why (the erasure's transaction rolls back whole).
  await rewriteStoredText(db, table, rowRef, changes);
}

function isJsonType(type: string): boolean {
  return type === 'json' || type === 'jsonb';
}

// jsonb text comes back normalized (key order, spacing), so compare parsed values re-serialized.
function sameJson(a: string, b: string): boolean {
  return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
}
