import { sql } from 'kysely';
import { recordsetInsert, type ColumnTypes } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/database.ts';
import { auditEntriesInsert } from '../audit/audit.repository.ts';
import type { AuditEntry } from '../audit/record-audit.ts';
import type { RepCounters } from './route-leads.ts';
import { repCountersUpdate } from './routing-reps.repository.ts';
import { leadEventColumnTypes, type LeadEventToInsert } from '../leads/lead-event.repository.ts';
import { leadColumnTypes, type LeadToInsert } from '../leads/lead.repository.ts';
import { touchColumnTypes, type TouchToInsert } from '../leads/touch.repository.ts';
import type { AccountToInsert } from '../accounts/account.repository.ts';

/** An account capture creates for a new company domain (classified by the pact): the accounts table's insert shape. */
export type AccountToCreate = AccountToInsert;

const accountColumnTypes: ColumnTypes = {
  id: 'uuid',
  name: 'text',
  name_key: 'text',
  domain: 'text',
  website: 'text',
  industry: 'text',
  employees: 'integer',
  annual_revenue_minor: 'bigint',
  country: 'text',
  owner_id: 'uuid',
  account_class: 'text',
  class_priority: 'integer',
  class_reason: 'text',
};

export interface CaptureRows {
  accounts: readonly AccountToCreate[];
  leads: readonly LeadToInsert[];
  touches: readonly TouchToInsert[];
  events: readonly LeadEventToInsert[];
  /** The routing counters of the reps the batch assigned leads to (locked by routing). */
  repCounters?: readonly RepCounters[];
  /** The batch's audit entries. */
  audit?: readonly AuditEntry[];
}

/**
 * Writes a batch's new accounts, new leads, touches, events, reps' routing counters and audit
 * entries in one statement (one round trip). Returns false — and then writes nothing — when a
 * concurrent capture took one of the new people (e-mail key or external id) or one of the new
 * company domains first: the caller rolls back and retries against the winner. A touch whose dedupe
 * key is already stored is skipped.
 */
export async function insertCaptureRows(db: Db, rows: CaptureRows): Promise<boolean> {
  const repCounters = rows.repCounters ?? [];
  const audit = rows.audit ?? [];
  if (rows.accounts.length + rows.leads.length + rows.touches.length + rows.events.length + repCounters.length + audit.length === 0) return true;
  const accountsWritten = sql`(select count(*) from new_accounts) = ${rows.accounts.length}`;
  const complete = sql`(select complete from written)`;
  const result = await sql<{ complete: boolean }>`
    with new_accounts as (${recordsetInsert('accounts', accountColumnTypes, rows.accounts as unknown as Record<string, unknown>[], { conflict: sql`on conflict (domain) do nothing`, returning: ['id'] })}),
    new_leads as (${recordsetInsert('leads', leadColumnTypes, rows.leads, { onlyIf: accountsWritten, conflict: sql`on conflict do nothing`, returning: ['id'] })}),
    written as (select ${accountsWritten} and (select count(*) from new_leads) = ${rows.leads.length} as complete),
    new_touches as (${recordsetInsert('touches', touchColumnTypes, rows.touches as unknown as Record<string, unknown>[], { onlyIf: complete, conflict: sql`on conflict (dedupe_key) do nothing` })}),
    new_events as (${recordsetInsert('lead_events', leadEventColumnTypes, rows.events as unknown as Record<string, unknown>[], { onlyIf: complete })})
    ${repCounters.length > 0 ? sql`, rep_counters as (${repCountersUpdate(repCounters, complete)})` : sql``}
    ${audit.length > 0 ? sql`, audit_entries as (${auditEntriesInsert(audit, { onlyIf: complete })})` : sql``}
    select complete from written
  `.execute(db);
  return result.rows[0]?.complete === true;
}
