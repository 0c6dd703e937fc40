import type { ConsentInput } from '../../core/privacy/consent-input.ts';
import type { Db } from '../../db/database.ts';
import { insertConsents, type ConsentToInsert, type LeadConsentRow } from './consent.repository.ts';

export interface ConsentToRecord {
  leadId: string;
  consent: ConsentInput;
  /** When the statement was made if the consent does not say (`capturedAt`): the capture's time. */
  defaultCapturedAt: Date;
}

/**
 * Stores consent statements in bulk, in the caller's transaction (one statement). The source's own
 * `capturedAt` wins over the default; an empty source is stored as none. A statement the lead
 * already has in force is not stored twice. Returns the rows stored.
 */
export async function recordConsents(db: Db, consents: readonly ConsentToRecord[]): Promise<LeadConsentRow[]> {
  const rows: ConsentToInsert[] = consents.map(({ leadId, consent, defaultCapturedAt }) => ({
    leadId,
    basis: consent.basis,
    marketingEmail: consent.marketingEmail ?? null,
    source: consent.source?.trim() || null,
    capturedAt: consent.capturedAt ? new Date(consent.capturedAt) : defaultCapturedAt,
  }));
  return insertConsents(db, uniqueStatements(rows));
}

/** The parts of a capture batch this needs: each plan's lead and the batch positions of its items. */
export interface CapturedPlan {
  leadId: string;
  group: { items: readonly { index: number; forcedJunk?: unknown }[] };
}

/**
 * Stores the consents that came with a capture batch, for the lead each item landed on — call it
 * in the batch's transaction, right after the plans are written. Items that were forced to junk
 * (a filled-in honeypot) state nothing: a bot's consent is not the person's.
 */
export async function recordCaptureConsents(
  db: Db,
  plans: readonly CapturedPlan[],
  items: readonly { input: { consent?: ConsentInput | undefined }; capturedAt?: Date | undefined }[],
  now: Date,
): Promise<LeadConsentRow[]> {
  const consents: ConsentToRecord[] = [];
  for (const plan of plans) {
    for (const { index, forcedJunk } of plan.group.items) {
      const item = items[index];
      if (!item?.input.consent || forcedJunk) continue;
      consents.push({ leadId: plan.leadId, consent: item.input.consent, defaultCapturedAt: item.capturedAt ?? now });
    }
  }
  return recordConsents(db, consents);
}

/** One of each identical statement of a batch (the same person sent twice in one import). */
function uniqueStatements(rows: readonly ConsentToInsert[]): ConsentToInsert[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify([row.leadId, row.basis, row.marketingEmail, row.source]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
