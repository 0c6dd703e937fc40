import { sql, type RawBuilder } from 'kysely';
import type { AccountRow, Db, LeadRow } from '../../db/database.ts';
import type { ExternalKey } from '../leads/lead.repository.ts';
import type { TouchForLead } from '../leads/touch.repository.ts';

/** The account columns capture uses (matching, facts for scoring, class and owner for routing). */
export type MatchedAccount = Pick<AccountRow, 'id' | 'name' | 'domain' | 'industry' | 'employees' | 'annual_revenue_minor' | 'country' | 'owner_id' | 'account_class' | 'class_reason'>;

export interface CaptureLookup {
  emailKeys: readonly string[];
  externalKeys: readonly ExternalKey[];
  accountDomains: readonly string[];
  touchKeys: readonly string[];
  /** Likely-duplicate keys: valid phones and name-at-company keys. */
  phones: readonly string[];
  nameKeys: readonly string[];
  /** Also read which pact version is active. */
  activePactVersion: boolean;
}

/** What a capture batch needs to know before it decides anything, read in one round trip. */
export interface CaptureContext {
  /** Leads with one of the e-mail keys or external ids, live or merged into another (to be followed). */
  identityRows: LeadRow[];
  /** Every touch of `identityRows`, oldest first (what engagement scoring of a merge needs). */
  touchesOfIdentityRows: TouchForLead[];
  accounts: MatchedAccount[];
  /** The touch keys already stored. */
  storedTouchKeys: Set<string>;
  /** Live leads sharing a valid phone or a name-at-company key. */
  duplicateMatches: Pick<LeadRow, 'id' | 'phone' | 'phone_valid' | 'name_key'>[];
  /** The id of the active pact version (when asked for; null when none is active). */
  activePactVersionId: string | null;
}

interface ContextPayload {
  accounts: MatchedAccount[];
  touch_keys: string[];
  touches: { lead_id: string; type: string; occurred_at: string }[];
  duplicates: Pick<LeadRow, 'id' | 'phone' | 'phone_valid' | 'name_key'>[];
  active_pact_version_id?: string | null;
}

/** A JSON value built from an aggregate, or the empty array when there is nothing to look for. */
const jsonArrayOr = (wanted: boolean, aggregate: RawBuilder<unknown>) => (wanted ? sql`coalesce((${aggregate}), '[]'::jsonb)` : sql`'[]'::jsonb`);

/**
 * Reads, in one statement, the people a batch may already know (by e-mail key and external id, live
 * and merged, each through its own index), their touches, the accounts of the batch's company
 * domains, which touch keys are already stored, and the live leads sharing a likely-duplicate key.
 * Matched leads come back as typed rows; the rest rides on one extra row as JSON. Parts with
 * nothing to look for are left out of the statement: on small batches planning is most of its cost.
 */
export async function findCaptureContext(db: Db, lookup: CaptureLookup): Promise<CaptureContext> {
  const emailKeys = [...lookup.emailKeys];
  const externalKeys = JSON.stringify(lookup.externalKeys.map((key) => ({ s: key.source, i: key.id })));
  const identityBranches = [
    ...(emailKeys.length > 0
      ? [
          sql`select l.* from leads l where l.email_key = any(${emailKeys}::text[]) and l.merged_into_id is null`,
          sql`select l.* from leads l where l.email_key = any(${emailKeys}::text[]) and l.merged_into_id is not null`,
        ]
      : []),
    ...(lookup.externalKeys.length > 0
      ? [
          sql`select l.* from leads l join jsonb_to_recordset(${externalKeys}::jsonb) as k(s text, i text) on l.external_source = k.s and l.external_id = k.i and l.merged_into_id is null`,
          sql`select l.* from leads l join jsonb_to_recordset(${externalKeys}::jsonb) as k(s text, i text) on l.external_source = k.s and l.external_id = k.i and l.merged_into_id is not null`,
        ]
      : []),
  ];
  const matched = identityBranches.length > 0 ? sql.join(identityBranches, sql` union all `) : sql`select * from leads where false`;
  const duplicateConditions = [
    ...(lookup.phones.length > 0 ? [sql`(d.phone = any(${[...lookup.phones]}::text[]) and d.phone_valid)`] : []),
    ...(lookup.nameKeys.length > 0 ? [sql`d.name_key = any(${[...lookup.nameKeys]}::text[])`] : []),
  ];
  const result = await sql<LeadRow & { capture_context: ContextPayload | null }>`
    with matched as (${matched})
    select m.*, null::jsonb as capture_context from matched m
    union all
    select (null::leads).*, jsonb_build_object(
      'active_pact_version_id', ${lookup.activePactVersion ? sql`(select p.id from pact_versions p where p.status = 'active')` : sql`null`},
      'accounts', ${jsonArrayOr(
        lookup.accountDomains.length > 0,
        sql`select jsonb_agg(jsonb_build_object(
          'id', a.id, 'name', a.name, 'domain', a.domain, 'industry', a.industry, 'employees', a.employees,
          'annual_revenue_minor', a.annual_revenue_minor, 'country', a.country, 'owner_id', a.owner_id,
          'account_class', a.account_class, 'class_reason', a.class_reason))
        from accounts a where a.domain = any(${[...lookup.accountDomains]}::text[])`,
      )},
      'touch_keys', ${jsonArrayOr(lookup.touchKeys.length > 0, sql`select jsonb_agg(t.dedupe_key) from touches t where t.dedupe_key = any(${[...lookup.touchKeys]}::text[])`)},
      'touches', ${jsonArrayOr(
        identityBranches.length > 0,
        sql`select jsonb_agg(jsonb_build_object('lead_id', t.lead_id, 'type', t.type, 'occurred_at', t.occurred_at) order by t.occurred_at)
        from touches t where t.lead_id in (select id from matched)`,
      )},
      'duplicates', ${jsonArrayOr(
        duplicateConditions.length > 0,
        sql`select jsonb_agg(jsonb_build_object('id', d.id, 'phone', d.phone, 'phone_valid', d.phone_valid, 'name_key', d.name_key))
        from leads d where d.merged_into_id is null and (${sql.join(duplicateConditions, sql` or `)})`,
      )})
  `.execute(db);

  const identityRows: LeadRow[] = [];
  let payload: ContextPayload | null = null;
  for (const row of result.rows) {
    if (row.capture_context) payload = row.capture_context;
    else {
      const { capture_context: _, ...lead } = row;
      identityRows.push(lead);
    }
  }
  if (!payload) throw new Error('the capture context query returned no context row');
  return {
    identityRows,
    touchesOfIdentityRows: payload.touches.map((touch) => ({ lead_id: touch.lead_id, type: touch.type, occurred_at: new Date(touch.occurred_at) })),
    accounts: payload.accounts,
    storedTouchKeys: new Set(payload.touch_keys),
    duplicateMatches: payload.duplicates,
    activePactVersionId: payload.active_pact_version_id ?? null,
  };
}
