import { createHash } from 'node:crypto';

/**
 * Identifies one interaction recorded by hand: the same lead, type, instant and campaign posted
 * twice (a client retrying) gives the same key, so the second post adds nothing. SHA-256, base64url.
 */
export function touchDedupeKey(touch: { leadId: string; type: string; occurredAt: Date; campaignId: string | null }): string {
  return createHash('sha256')
    .update(`touch-api|${touch.leadId}|${touch.type}|${touch.occurredAt.toISOString()}|${touch.campaignId ?? ''}`)
    .digest('base64url');
}
