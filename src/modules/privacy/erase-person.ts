import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../core/normalize/normalize-email.ts';
import { personalDataPatterns } from '../../core/privacy/personal-data-patterns.ts';
import { createRedactor } from '../../core/privacy/redact-personal-data.ts';
import { suppressionHash } from '../../core/privacy/suppression-hash.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { enableAuditRedaction } from '../audit/enable-audit-redaction.ts';
import { recordAuditBatch, type AuditActor } from '../audit/record-audit.ts';
import { withdrawConsents } from './consent.repository.ts';
import { eraseLeadColumns, eraseTouchDetails, findRecordIdsOfLeads } from './erasure.repository.ts';
import { findPersonLeads } from './find-person-leads.ts';
import { personalFieldsOfAddress, personalFieldsOfLead } from './personal-fields.ts';
import { scrubAuditEntriesAbout, scrubRecordsOfLeads, sweepIdentifiers } from './scrub-person-records.ts';
import { currentSchema } from './stored-text.repository.ts';
import { findSuppressions, insertSuppressions, loadSuppressionKey } from './suppression.repository.ts';

export interface ErasureRequest {
  /** The person's e-mail address, in any spelling. */
  email: string;
  /** Why (the request's reference, the channel it came through); must not quote the person. */
  reason: string;
  actor: AuditActor;
  now: Date;
}

export interface ErasureReport {
  /** `erased`: leads were found and erased; `already_erased`: nothing held, the address was suppressed before. */
  status: 'erased' | 'already_erased';
  leadIds: string[];
  /** When the address went on the suppression list (ISO 8601). */
  suppressedAt: string;
  /** Rows rewritten per table (`schema.table` for pg-boss's). */
  rewritten: Record<string, number>;
}

/**
 * Erases a person, in one transaction: every lead with the e-mail's match key and every lead joined
 * to them by merges loses its personal columns (see lead-erasure-policy.ts; analytics columns
 * stay) and is marked erased; touches lose their detail; events, duplicate flags, import report
 * rows, opportunities and consents are scrubbed of the person's data; open consents are withdrawn;
 * audit entries about those records keep who/when/what but not the personal values; every other
 * row in leadpact's and pg-boss's schemas that mentions the e-mail or phone is scrubbed; and each
 * of the person's match keys goes on the suppression list so capture refuses them from now on.
 *
 * Idempotent: erasing again finds nothing and answers `already_erased`. An address leadpact has
 * never held is still suppressed (a person who asks not to be stored must not be stored later),
 * then refused with NOT_FOUND so a mistyped address is noticed. A reason that quotes the person is
 * refused before anything is written.
 */
export async function erasePerson(db: Kysely<Database>, request: ErasureRequest): Promise<ErasureReport> {
  const email = normalizeEmail(request.email);
  if (!email.ok) throw AppError.validation([{ path: 'email', message: email.reason }]);
  const reason = request.reason.trim();
  if (reason.length < 3) throw AppError.validation([{ path: 'reason', message: 'give the reason (at least 3 characters), e.g. the request reference' }]);
  if (reason.length > 500) throw AppError.validation([{ path: 'reason', message: 'at most 500 characters' }]);

  const outcome = await db.transaction().execute(async (trx) => {
    await enableAuditRedaction(trx);
    const leads = await findPersonLeads(trx, email.matchKey, { lock: true });
    const patterns = personalDataPatterns([personalFieldsOfAddress(email), ...leads.map(personalFieldsOfLead)]);
    if (createRedactor([...patterns.identifiers, ...patterns.names]).mentions(reason)) {
      throw AppError.validation([{ path: 'reason', message: "the reason quotes the person's e-mail, phone or name; erasure keeps the reason, so give a reference instead" }]);
    }
    const secret = await loadSuppressionKey(trx);
    const matchKeys = [...new Set([email.matchKey, ...leads.flatMap((lead) => (lead.email_key ? [lead.email_key] : []))])];
    const hashes = matchKeys.map((key) => suppressionHash(secret, key));
    const requestedHash = hashes[0]!;

    if (leads.length === 0) {
      const earlier = (await findSuppressions(trx, [requestedHash])).get(requestedHash);
      if (earlier) return { status: 'already_erased' as const, leadIds: [], suppressedAt: earlier.toISOString(), rewritten: {} };
      await insertSuppressions(trx, [{ identityHash: requestedHash, reason, at: request.now }]);
      return { status: 'not_held' as const };
    }

    const appSchema = await currentSchema(trx);
    const leadIds = leads.map((lead) => lead.id);
    const everything = createRedactor([...patterns.identifiers, ...patterns.names, ...patterns.details]);
    const recordIds = await findRecordIdsOfLeads(trx, leadIds);

    // Quoting columns first, while the leads still say who they were; then the columns themselves.
    const rewritten = await scrubRecordsOfLeads(trx, { appSchema, leadIds, redactor: everything });
    await eraseLeadColumns(trx, leadIds, request.now);
    rewritten.touches = await eraseTouchDetails(trx, leadIds);
    await withdrawConsents(trx, leadIds, { at: request.now, source: 'erasure' });
    rewritten.audit_log = await scrubAuditEntriesAbout(trx, { appSchema, entityIds: [...leadIds, ...recordIds], redactor: everything });
    await recordAuditBatch(
      trx,
      leadIds.map((leadId) => ({ actor: request.actor, action: 'update' as const, entityType: 'lead', entityId: leadId, oldValues: null, newValues: { erased_at: request.now.toISOString(), erasure_reason: reason } })),
    );
    const swept = await sweepIdentifiers(trx, { identifierPattern: patterns.identifiers.join('|'), redactor: createRedactor([...patterns.identifiers, ...patterns.names]) });
    for (const [table, count] of Object.entries(swept)) rewritten[table] = (rewritten[table] ?? 0) + count;

    await insertSuppressions(trx, hashes.map((identityHash) => ({ identityHash, reason, at: request.now })));
    const suppressedAt = (await findSuppressions(trx, [requestedHash])).get(requestedHash) ?? request.now;
    return { status: 'erased' as const, leadIds, suppressedAt: suppressedAt.toISOString(), rewritten };
  });

  if (outcome.status === 'not_held') {
    throw new AppError('NOT_FOUND', {
      userMessage: 'no lead matches this e-mail address, so nothing was erased; the address is now on the suppression list and leadpact will not store it',
    });
  }
  return outcome;
}
