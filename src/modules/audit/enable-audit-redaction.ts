import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * Lets this transaction — and only it — scrub personal data from audit entries: the database then
 * accepts an UPDATE of `audit_log` that changes `old_values` / `new_values` and nothing else
 * (who, when, what and which record stay). Everything else stays refused, including DELETE.
 * For privacy erasure only.
 */
export async function enableAuditRedaction(trx: Transaction<Database>): Promise<void> {
  await sql`set local leadpact.audit_redaction = 'on'`.execute(trx);
}
