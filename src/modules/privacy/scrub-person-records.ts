import { sql, type RawBuilder } from 'kysely';
import { keptAuditValueKeys } from '../../core/privacy/lead-erasure-policy.ts';
import { keepOnlyListedValues, type PersonalDataRedactor } from '../../core/privacy/redact-personal-data.ts';
import type { Db } from '../../db/database.ts';
import { textColumnsOfApplication } from './application-tables.ts';
import { redactStoredRows, type ValueRedaction } from './redact-stored-rows.ts';
import { anyColumnMatches, type TextColumn } from './stored-text.repository.ts';

const text = (name: string): TextColumn => ({ name, type: 'text' });
const jsonb = (name: string): TextColumn => ({ name, type: 'jsonb' });

/** leadpact's own records that belong to the person's leads, and the columns that may quote them. */
const recordsOfLeads: { table: string; columns: TextColumn[]; belongs: (leadIds: RawBuilder<unknown>) => RawBuilder<unknown> }[] = [
  { table: 'leads', columns: [text('junk_reason'), jsonb('routing')], belongs: (ids) => sql`id in (${ids})` },
  { table: 'lead_events', columns: [text('reason'), jsonb('detail')], belongs: (ids) => sql`lead_id in (${ids})` },
  { table: 'duplicate_candidates', columns: [text('reason')], belongs: (ids) => sql`(lead_id in (${ids}) or other_lead_id in (${ids}))` },
  { table: 'import_rows', columns: [text('field'), text('message')], belongs: (ids) => sql`lead_id in (${ids})` },
  { table: 'opportunities', columns: [text('name'), text('close_reason')], belongs: (ids) => sql`lead_id in (${ids})` },
  { table: 'lead_consents', columns: [text('source'), text('withdrawal_source')], belongs: (ids) => sql`lead_id in (${ids})` },
];

// Text arrives as a string, JSON parsed; redactJson handles both.
const redactWith =
  (redactor: PersonalDataRedactor): ValueRedaction =>
  (_column, value) =>
    redactor.redactJson(value);

/**
 * Scrubs the person from the records of their leads — events, duplicate flags, import report rows,
 * opportunities, consents, the leads' own reasons — with every pattern (names, details included).
 * Returns the rows changed per table.
 */
export async function scrubRecordsOfLeads(db: Db, options: { appSchema: string; leadIds: readonly string[]; redactor: PersonalDataRedactor }): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (options.leadIds.length === 0) return counts;
  const ids = sql.join([...options.leadIds]);
  for (const target of recordsOfLeads) {
    const table = { schema: options.appSchema, table: target.table };
    counts[target.table] = await redactStoredRows(db, table, target.columns, target.belongs(ids), redactWith(options.redactor));
  }
  return counts;
}

/**
 * Audit entries about the person's records (the leads, their touches, opportunities, consents):
 * who, when and what stay; of the recorded values only the keys known to be non-personal keep
 * their value, every other value becomes `[erased]` (default-deny, so a field audited later is
 * never kept by accident). The transaction must have enabled audit redaction. Returns how many.
 */
export async function scrubAuditEntriesAbout(db: Db, options: { appSchema: string; entityIds: readonly string[]; redactor: PersonalDataRedactor }): Promise<number> {
  if (options.entityIds.length === 0) return 0;
  return redactStoredRows(db, { schema: options.appSchema, table: 'audit_log' }, [jsonb('old_values'), jsonb('new_values')], sql`entity_id in (${sql.join([...options.entityIds])})`, (_column, value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? keepOnlyListedValues(value as Record<string, unknown>, keptAuditValueKeys, options.redactor)
      : options.redactor.redactJson(value),
  );
}

/**
 * The safety net: every row of every table in leadpact's and pg-boss's schemas whose text or JSON
 * mentions one of the person's identifiers (e-mail in any spelling, phone in any formatting, long
 * external ids) — job payloads, stored requests, summaries, tables added after this was written —
 * has those identifiers and the person's names replaced by `[erased]`. Returns rows changed per
 * table (`schema.table` outside leadpact's schema).
 */
export async function sweepIdentifiers(db: Db, options: { identifierPattern: string; redactor: PersonalDataRedactor }): Promise<Record<string, number>> {
  const { appSchema, tables } = await textColumnsOfApplication(db);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const changed = await redactStoredRows(db, table, table.columns, anyColumnMatches(table.columns, options.identifierPattern), redactWith(options.redactor));
    if (changed > 0) counts[table.schema === appSchema ? table.table : `${table.schema}.${table.table}`] = changed;
  }
  return counts;
}
