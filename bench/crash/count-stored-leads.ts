import { sql } from 'kysely';
import { normalizeEmail } from '../../src/core/normalize/normalize-email.ts';
import type { DatabaseHandle } from '../../src/db/open-database.ts';
import type { LeadDelivery } from './lead-stream-client.ts';

/** What the database holds of the leads a client sent, judged against what the server acknowledged. */
export interface StoredLeadCounts {
  /** Leads stored exactly once. */
  exactlyOnce: number;
  /** Leads stored more than once (must be 0). */
  duplicates: number;
  /** Acknowledged (2xx) leads that are not stored (must be 0). */
  lostAcknowledged: number;
  /** Leads the client gave up on that were stored anyway (their last attempt's answer was lost). */
  unacknowledgedStored: number;
  /** The e-mails behind `duplicates` and `lostAcknowledged` (first 20 of each), for the report. */
  duplicateEmails: string[];
  lostEmails: string[];
  /** Idempotency keys still marked in flight (left by a kill and never retried). */
  inFlightKeys: number;
}

/**
 * Counts each delivered lead's rows in `leads` by its e-mail match key (the key capture dedupes on),
 * merged rows included: "exactly once" means one row, whatever its stage.
 */
export async function countStoredLeads(handle: DatabaseHandle, deliveries: readonly LeadDelivery[]): Promise<StoredLeadCounts> {
  const keyOf = new Map<number, string>();
  for (const delivery of deliveries) {
    const normalized = normalizeEmail(delivery.email);
    if (!normalized.ok) throw new Error(`the client sent an invalid e-mail ${delivery.email}`);
    keyOf.set(delivery.index, normalized.matchKey);
  }
  const rowsByKey = new Map<string, number>();
  const keys = [...keyOf.values()];
  for (let start = 0; start < keys.length; start += 1000) {
    const chunk = keys.slice(start, start + 1000);
    const rows = await handle.db
      .selectFrom('leads')
      .select((eb) => ['email_key', eb.fn.countAll<number>().as('rows')])
      .where('email_key', 'in', chunk)
      .groupBy('email_key')
      .execute();
    for (const row of rows) rowsByKey.set(row.email_key!, Number(row.rows));
  }
  const counts: StoredLeadCounts = { exactlyOnce: 0, duplicates: 0, lostAcknowledged: 0, unacknowledgedStored: 0, duplicateEmails: [], lostEmails: [], inFlightKeys: 0 };
  for (const delivery of deliveries) {
    const stored = rowsByKey.get(keyOf.get(delivery.index)!) ?? 0;
    if (stored === 1) counts.exactlyOnce += 1;
    if (stored > 1) {
      counts.duplicates += 1;
      if (counts.duplicateEmails.length < 20) counts.duplicateEmails.push(delivery.email);
    }
    if (delivery.acknowledged && stored === 0) {
      counts.lostAcknowledged += 1;
      if (counts.lostEmails.length < 20) counts.lostEmails.push(delivery.email);
    }
    if (!delivery.acknowledged && stored > 0) counts.unacknowledgedStored += 1;
  }
  const inFlight = await sql<{ keys: number }>`select count(*)::int as keys from idempotency_keys where state = 'in_flight'`.execute(handle.db);
  counts.inFlightKeys = inFlight.rows[0]?.keys ?? 0;
  return counts;
}
