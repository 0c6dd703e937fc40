import { z } from '@hono/zod-openapi';
import { grades, lifecycleStages, touchTypes } from '../../core/pact/pact-schema.ts';
import type { ActorType } from '../../db/database.ts';
import type { getLead } from '../../modules/leads/get-lead.ts';
import type { LeadEventToInsert } from '../../modules/leads/lead-event.repository.ts';
import { accountSchema, presentAccount, presentOwner } from './account.schemas.ts';
import { leadSchema, orNull, presentLead } from './lead.schemas.ts';

type LeadDetail = Awaited<ReturnType<typeof getLead>>;

const isoDate = z.string().openapi({ format: 'date-time' });
const iso = (value: Date | null) => (value ? value.toISOString() : null);

export const leadTouchSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(touchTypes),
    occurredAt: isoDate,
    source: z.string().nullable(),
    channel: z.string().nullable(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable().openapi({ description: 'What the source sent with the touch (form message, page, …)' }),
  })
  .openapi('LeadTouch');

const eventTypes = ['stage_change', 'assignment', 'merged', 'duplicate_flagged', 'rescored', 'updated'] as const satisfies readonly LeadEventToInsert['type'][];
const actorTypes = ['system', 'user', 'api_key', 'import', 'form'] as const satisfies readonly ActorType[];

const skippedRepSchema = z.object({
  repId: z.string().nullable(),
  email: z.string(),
  why: z.enum(['inactive', 'away', 'at_capacity', 'not_in_team']),
});

// Each event type writes the detail keys it needs (see the writers of lead_events); every key is
// optional here so one shape serves the whole timeline, and keys added later still pass through.
const leadEventDetailSchema = z
  .object({
    strategy: z.enum(['account_owner', 'territory', 'round_robin', 'unassigned']).optional().openapi({ description: 'assignment: how the owner was chosen' }),
    ownerId: z.string().nullable().optional(),
    ownerName: z.string().nullable().optional().openapi({ description: 'assignment by hand: the new owner’s name when it was made' }),
    previousOwnerId: z.string().nullable().optional(),
    team: z.string().nullable().optional(),
    territory: z.string().nullable().optional(),
    skipped: z.array(skippedRepSchema).optional().openapi({ description: 'assignment: reps passed over and why' }),
    manual: z.boolean().optional().openapi({ description: 'assignment: handed over by a person, not by routing' }),
    via: z.string().optional().openapi({ description: 'The door it came through ("API", "import leads.csv", "pact activation")' }),
    dispositionCode: z.string().nullable().optional(),
    recycleUntil: z.string().nullable().optional(),
    junkCode: z.string().nullable().optional(),
    junkReason: z.string().nullable().optional(),
    otherLeadId: z.string().optional().openapi({ description: 'duplicate_flagged: the other lead' }),
    survivorId: z.string().optional(),
    mergedId: z.string().optional(),
    filledFields: z.array(z.string()).optional(),
    fields: z.array(z.string()).optional().openapi({ description: 'updated: the fields that changed' }),
    fromGrade: z.enum(grades).nullable().optional(),
    toGrade: z.enum(grades).nullable().optional(),
    pactVersionId: z.string().optional(),
    note: z.string().nullable().optional().openapi({ description: 'A change made by a person: their own words (the reason they gave; null when they gave none), without the actor and action the event’s `reason` spells out' }),
  })
  .catchall(z.unknown())
  .openapi('LeadEventDetail');

export const leadEventSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(eventTypes),
    at: isoDate,
    actor: z.object({
      type: z.enum(actorTypes),
      id: z.string().nullable(),
      label: z.string().openapi({ description: 'Who acted, as a person reads it: a user’s name, an API key, "import", "web form", "leadpact"' }),
    }),
    reason: z.string().nullable(),
    fromStage: z.enum(lifecycleStages).nullable(),
    toStage: z.enum(lifecycleStages).nullable(),
    detail: orNull(leadEventDetailSchema),
  })
  .openapi('LeadEvent');

export const leadDuplicateSchema = z
  .object({
    id: z.uuid().openapi({ description: 'The duplicate pair' }),
    otherLead: z.object({
      id: z.uuid(),
      name: z.string().nullable().openapi({ description: 'First and last name, null when neither is known' }),
      email: z.string().nullable(),
      company: z.string().nullable(),
      stage: z.enum(lifecycleStages),
      grade: z.enum(grades).nullable(),
      mergedIntoId: z.string().nullable(),
    }),
    matchKind: z.enum(['phone', 'name_at_company']).openapi({ description: 'What the two leads share: a valid phone, or first and last name at the same company domain' }),
    reason: z.string(),
    status: z.enum(['open', 'merged', 'dismissed']),
    flaggedAt: isoDate,
    resolvedAt: isoDate.nullable(),
  })
  .openapi('LeadDuplicate');

export const leadDetailSchema = z
  .object({
    lead: leadSchema,
    account: orNull(accountSchema),
    owner: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() }).nullable(),
    touches: z.array(leadTouchSchema).openapi({ description: 'Oldest first' }),
    events: z.array(leadEventSchema).openapi({ description: 'The timeline, oldest first' }),
    duplicates: z.array(leadDuplicateSchema).openapi({ description: 'Likely duplicates the caller may also see, oldest flag first' }),
  })
  .openapi('LeadDetail');

function actorLabel(event: LeadDetail['events'][number]): string {
  switch (event.actor_type) {
    case 'user':
      return event.actor_name ?? 'a removed user';
    case 'api_key':
      return event.api_key_name ? `API key "${event.api_key_name}"` : 'an API key';
    case 'import':
      return 'import';
    case 'form':
      return 'web form';
    case 'system':
      return 'leadpact';
  }
}

const joinName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || null;

export function presentLeadDetail(detail: LeadDetail): z.infer<typeof leadDetailSchema> {
  return {
    lead: presentLead(detail.lead),
    account: detail.account ? presentAccount(detail.account) : null,
    owner: presentOwner(detail.owner),
    touches: detail.touches.map((touch) => ({
      id: touch.id,
      type: touch.type as (typeof touchTypes)[number],
      occurredAt: touch.occurred_at.toISOString(),
      source: touch.source,
      channel: touch.channel,
      campaignId: touch.campaign_id,
      campaignName: touch.campaign_name,
      detail: touch.detail as Record<string, string | number | boolean | null> | null,
    })),
    events: detail.events.map((event) => ({
      id: event.id,
      type: event.type as (typeof eventTypes)[number],
      at: event.at.toISOString(),
      actor: { type: event.actor_type, id: event.actor_id, label: actorLabel(event) },
      reason: event.reason,
      fromStage: event.from_stage,
      toStage: event.to_stage,
      detail: event.detail,
    })),
    duplicates: detail.duplicates.map((pair) => ({
      id: pair.id,
      otherLead: {
        id: pair.other_id,
        name: joinName(pair.other_first_name, pair.other_last_name),
        email: pair.other_email,
        company: pair.other_company,
        stage: pair.other_stage,
        grade: pair.other_grade,
        mergedIntoId: pair.other_merged_into_id,
      },
      // flagLikelyDuplicates writes "same phone …" for a shared phone; the only other key is the name.
      matchKind: pair.reason.startsWith('same phone') ? 'phone' : 'name_at_company',
      reason: pair.reason,
      status: pair.status,
      flaggedAt: pair.created_at.toISOString(),
      resolvedAt: iso(pair.resolved_at),
    })),
  };
}
