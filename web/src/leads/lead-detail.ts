import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import { isApiError } from '../api/api-error.ts';
import type { components } from '../api/schema.d.ts';

export type LeadDetail = components['schemas']['LeadDetail'];
export type Lead = LeadDetail['lead'];
export type LeadTouch = components['schemas']['LeadTouch'];
export type LeadEvent = components['schemas']['LeadEvent'];
export type LeadDuplicate = components['schemas']['LeadDuplicate'];
export type LeadAccount = components['schemas']['Account'];
export type ScoreExplanation = components['schemas']['ScoreExplanation'];
export type RoutingDecision = components['schemas']['RoutingDecision'];

/** The cache key of one lead's page; lists live under ['leads', …] and are refreshed after a change too. */
export const leadDetailKey = (leadId: string) => ['lead', leadId] as const;

/**
 * A refusal that means "this lead is not here for you": a malformed id (400), a lead the caller may
 * not see (404, worded by the API like a missing one) or a role that reads no leads (403).
 */
export function isLeadUnavailable(error: unknown): boolean {
  return isApiError(error) && (error.status === 400 || error.status === 403 || error.status === 404);
}

/** GET /api/leads/{id}: the lead with its score explanation, routing, account, owner, touches, events and duplicates. */
export function leadDetailQuery(leadId: string) {
  return queryOptions({
    queryKey: leadDetailKey(leadId),
    queryFn: ({ signal }): Promise<LeadDetail> => dataOf(api.GET('/api/leads/{id}', { params: { path: { id: leadId } }, signal })),
    // Asking again cannot turn a "not yours" into a lead; a network hiccup may pass.
    retry: (failures, error) => !isLeadUnavailable(error) && failures < 2,
    staleTime: 15_000,
  });
}
