import { z } from 'zod';
import { leadContactFields } from '../../core/lead/apply-contact-changes.ts';
import { lifecycleStageSchema } from '../../core/pact/pact-schema.ts';

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/**
 * Columns derived from the pact (fit and engagement rules, grade thresholds). Accepted by the
 * schema only so the use case can answer with why they cannot be set, instead of "unknown field".
 */
export const derivedLeadFields = ['score', 'grade', 'fitScore', 'engagementScore'] as const;

/**
 * A hand-made change to a lead, as the API accepts it: contact corrections, a new owner, a stage
 * move (with what that stage needs) and an optional reason for the timeline.
 */
export const leadChangesSchema = z
  .object({
    firstName: text(100).nullable().optional(),
    lastName: text(100).nullable().optional(),
    title: text(200).nullable().optional(),
    phone: text(50).nullable().optional(),
    company: text(200).nullable().optional(),
    website: text(300).nullable().optional(),
    industry: text(100).nullable().optional(),
    employees: z.number().int('must be a whole number').min(0).max(10_000_000).nullable().optional(),
    country: text(100).nullable().optional(),
    state: text(100).nullable().optional(),
    city: text(100).nullable().optional(),
    /** The new owner (an active sales rep or manager); null leaves the lead in its team's queue. */
    ownerId: z.uuid('not a user id (uuid)').nullable().optional(),
    stage: lifecycleStageSchema.optional(),
    /** With stage disqualified (required) or recycled: a disposition code of the active pact. */
    dispositionCode: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    /** With stage recycled: when the lead may resurface (required unless the disposition recycles). */
    recycleUntil: z.iso.datetime({ offset: true, message: 'expected an ISO date-time such as 2026-06-30T00:00:00Z' }).optional(),
    /** Why: kept on the lead's timeline with the change. */
    reason: z.string().trim().min(3, 'at least 3 characters').max(300).optional(),
    score: z.unknown().optional(),
    grade: z.unknown().optional(),
    fitScore: z.unknown().optional(),
    engagementScore: z.unknown().optional(),
  })
  .strict()
  .superRefine((changes, ctx) => {
    const given = Object.keys(changes).filter((key) => key !== 'reason' && (changes as Record<string, unknown>)[key] !== undefined);
    if (given.length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change: give at least one field' });
    if (changes.dispositionCode !== undefined && changes.stage !== 'disqualified' && changes.stage !== 'recycled') {
      ctx.addIssue({ code: 'custom', path: ['dispositionCode'], message: 'a disposition goes with stage disqualified or recycled' });
    }
    if (changes.recycleUntil !== undefined && changes.stage !== 'recycled') {
      ctx.addIssue({ code: 'custom', path: ['recycleUntil'], message: 'recycleUntil goes with stage recycled' });
    }
  });
export type LeadChanges = z.infer<typeof leadChangesSchema>;

export function hasContactChanges(changes: LeadChanges): boolean {
  return leadContactFields.some((field) => changes[field] !== undefined);
}
