import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../api/api-client.ts';
import type { components } from '../api/schema.d.ts';
import { leadDetailKey } from './lead-detail.ts';

export type LeadChanges = components['schemas']['LeadChanges'];

/**
 * A change to the lead on this page. When the API has answered, the page's lead is fetched again
 * (before the mutation settles, so the timeline already shows the change when the form resets) and
 * every lead list is marked stale (the inbox, the leads list: stage, owner or grade may have moved).
 */
function useLeadMutation<Variables>(leadId: string, send: (variables: Variables) => Promise<unknown>, alsoChanged: (variables: Variables) => string[] = () => []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (_result, variables) => {
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      for (const other of alsoChanged(variables)) void queryClient.invalidateQueries({ queryKey: leadDetailKey(other) });
      await queryClient.invalidateQueries({ queryKey: leadDetailKey(leadId) });
    },
  });
}

/** PATCH /api/leads/{id}: stage moves (with disposition or recycle date), a new owner; `reason` goes on the timeline. */
export function useChangeLead(leadId: string) {
  return useLeadMutation(leadId, (changes: LeadChanges) => dataOf(api.PATCH('/api/leads/{id}', { params: { path: { id: leadId } }, body: changes })));
}

/** POST /api/leads/{id}/junk or /restore, with the reason the timeline keeps. */
export function useChangeJunkStatus(leadId: string) {
  return useLeadMutation(leadId, ({ to, reason }: { to: 'junk' | 'restore'; reason: string }) =>
    to === 'junk'
      ? dataOf(api.POST('/api/leads/{id}/junk', { params: { path: { id: leadId } }, body: { reason } }))
      : dataOf(api.POST('/api/leads/{id}/restore', { params: { path: { id: leadId } }, body: { reason } })),
  );
}

/** POST /api/leads/{id}/merge: the other lead (a flagged duplicate) is merged into this one. */
export function useMergeDuplicate(leadId: string) {
  return useLeadMutation(
    leadId,
    ({ otherLeadId }: { otherLeadId: string }) => dataOf(api.POST('/api/leads/{id}/merge', { params: { path: { id: leadId } }, body: { otherLeadId } })),
    ({ otherLeadId }) => [otherLeadId],
  );
}
