import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import type { Database, LeadRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKind, authorizeLead } from '../access/authorize-record.ts';
import { createdValues } from '../audit/audit-values.ts';
import { auditActorOfCapture, recordAudit } from '../audit/record-audit.ts';
import { resolveCampaign } from '../campaigns/resolve-campaign.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { lockLeadById } from '../leads/lead.repository.ts';
import { reassessLead } from '../leads/reassess-lead.ts';
import { insertTouches } from '../leads/touch.repository.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';
import { touchDedupeKey } from './touch-dedupe-key.ts';
import type { TouchInput } from './touch-fields.ts';
import { findTouchByDedupeKey, type TouchListRow } from './touch-query.repository.ts';

export interface RecordedTouch {
  /** True when the same interaction was already stored: nothing was added or rescored. */
  duplicate: boolean;
  touch: TouchListRow;
  /** The lead after rescoring (and routing, if it became an MQL). */
  lead: LeadRow;
}

// Clocks of the systems that post touches drift; an interaction further ahead than this is a mistake.
const allowedClockSkewMs = 5 * 60_000;

/**
 * Records a marketing interaction on an existing live lead, then — in the same transaction —
 * rescores the lead with all its touches under the active pact, moves it to MQL when it now
 * qualifies and routes it if it did and has no owner. The same lead, type, instant and campaign
 * posted again adds nothing (`duplicate: true`). A lead merged into another is a 409 naming the
 * survivor; an unknown campaign a 400 naming `campaign`. Audited: the touch's creation and, when
 * rescoring changed the lead, the lead's changed columns. Whoever may `record_touch` on the lead
 * (admins and marketing on any lead, sales on leads they may change); a lead the caller may not
 * see is a 404.
 */
export async function recordTouch(db: Kysely<Database>, options: { input: TouchInput; actor: CaptureActor; now: Date; access: AccessContext }): Promise<RecordedTouch> {
  const { input, now } = options;
  assertKind(options.access, 'lead');
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + allowedClockSkewMs) {
    throw AppError.validation([{ path: 'occurredAt', message: `${input.occurredAt} is in the future` }]);
  }
  const campaign = input.campaign ? await resolveCampaign(db, input.campaign) : null;
  const active = await loadActivePact(db);
  return db.transaction().execute(async (trx) => {
    const lead = await lockLeadById(trx, input.leadId);
    if (!lead) throw AppError.notFound('lead', input.leadId);
    await authorizeLead(trx, options.access, lead.id, 'record_touch');
    if (lead.merged_into_id) {
      throw new AppError('CONFLICT', {
        userMessage: `lead ${lead.id} was merged into lead ${lead.merged_into_id}; record the touch on ${lead.merged_into_id}`,
        issues: [{ path: 'leadId', message: `merged into ${lead.merged_into_id}` }],
      });
    }
    const dedupeKey = touchDedupeKey({ leadId: lead.id, type: input.type, occurredAt, campaignId: campaign?.id ?? null });
    const row = {
      id: randomUUID(),
      lead_id: lead.id,
      campaign_id: campaign?.id ?? null,
      type: input.type,
      occurred_at: occurredAt,
      source: campaign?.source ?? null,
      channel: campaign?.channel ?? null,
      dedupe_key: dedupeKey,
      detail: input.detail ?? null,
    };
    const inserted = await insertTouches(trx, [row]);
    const touch = (await findTouchByDedupeKey(trx, dedupeKey))!;
    if (inserted.size === 0) return { duplicate: true, touch, lead };
    await recordAudit(trx, { actor: auditActorOfCapture(options.actor), action: 'create', entityType: 'touch', entityId: row.id, newValues: createdValues(row) });
    const reassessed = await reassessLead(trx, { lead, current: lead.stage, active, actor: options.actor, now, reason: `Rescored after a ${input.type} touch via ${options.actor.label}` });
    return { duplicate: false, touch, lead: reassessed };
  });
}
