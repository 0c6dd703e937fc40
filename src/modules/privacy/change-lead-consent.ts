import type { Kysely } from 'kysely';
import { isUuid } from '../../core/identity/uuid.ts';
import type { ConsentInput, LawfulBasis } from '../../core/privacy/consent-input.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAuditBatch, type AuditActor } from '../audit/record-audit.ts';
import { lockLeadById } from '../leads/lead.repository.ts';
import { listConsentsOfLeads, withdrawConsents, type LeadConsentRow } from './consent.repository.ts';
import { recordConsents } from './record-consents.ts';

/** A new statement of basis and permission, or the withdrawal of those in force. */
export type ConsentChange =
  | { action: 'record'; consent: ConsentInput }
  | { action: 'withdraw'; basis?: LawfulBasis | undefined; source?: string | undefined; withdrawnAt?: string | undefined };

export interface ConsentChangeResult {
  /** Statements stored or withdrawn (0 when the same statement was already in force). */
  changed: number;
  /** Every statement of the lead after the change, oldest first. */
  consents: LeadConsentRow[];
}

/**
 * Records a consent statement for a lead, or withdraws the ones in force (all, or those of one
 * basis) — history is kept: a withdrawal closes a statement, it never deletes it. Audited.
 * Refused for an erased lead (its person is gone), a lead merged into another (record it on the
 * survivor), and a withdrawal with nothing in force (CONFLICT: record the refusal as a statement,
 * e.g. `legitimate_interest` with `marketingEmail: false`).
 */
export async function changeLeadConsent(db: Kysely<Database>, options: { leadId: string; change: ConsentChange; actor: AuditActor; now: Date }): Promise<ConsentChangeResult> {
  if (!isUuid(options.leadId)) throw AppError.validation([{ path: 'id', message: 'not a lead id (uuid)' }]);
  return db.transaction().execute(async (trx) => {
    const lead = await lockLeadById(trx, options.leadId);
    if (!lead) throw AppError.notFound('lead', options.leadId);
    if (lead.erased_at) throw new AppError('CONFLICT', { userMessage: `lead ${lead.id} was erased; its person asked not to be stored` });
    if (lead.merged_into_id) throw new AppError('CONFLICT', { userMessage: `lead ${lead.id} was merged into ${lead.merged_into_id}; record the consent there` });

    const { change } = options;
    let changed: number;
    if (change.action === 'record') {
      const stored = await recordConsents(trx, [{ leadId: lead.id, consent: change.consent, defaultCapturedAt: options.now }]);
      await recordAuditBatch(
        trx,
        stored.map((row) => ({
          actor: options.actor,
          action: 'create' as const,
          entityType: 'lead_consent',
          entityId: row.id,
          newValues: { lead_id: row.lead_id, basis: row.basis, marketing_email: row.marketing_email, source: row.source, captured_at: row.captured_at.toISOString() },
        })),
      );
      changed = stored.length;
    } else {
      const at = change.withdrawnAt ? new Date(change.withdrawnAt) : options.now;
      const source = change.source?.trim() || null;
      const closed = await withdrawConsents(trx, [lead.id], { basis: change.basis, at, source });
      if (closed.length === 0) {
        throw new AppError('CONFLICT', {
          userMessage: `lead ${lead.id} has no ${change.basis ?? ''}${change.basis ? ' ' : ''}consent in force to withdraw; to record an objection, record a statement with marketingEmail false`,
        });
      }
      await recordAuditBatch(
        trx,
        closed.map((id) => ({ actor: options.actor, action: 'update' as const, entityType: 'lead_consent', entityId: id, oldValues: { withdrawn_at: null }, newValues: { withdrawn_at: at.toISOString(), withdrawal_source: source } })),
      );
      changed = closed.length;
    }
    return { changed, consents: await listConsentsOfLeads(trx, [lead.id]) };
  });
}
