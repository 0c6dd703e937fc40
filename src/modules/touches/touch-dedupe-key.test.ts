import { describe, expect, it } from 'vitest';
import { touchDedupeKey } from './touch-dedupe-key.ts';

describe('touchDedupeKey', () => {
  const touch = { leadId: '5b7c0a52-8d0e-4d52-9a4c-0c8f3f6f4c11', type: 'webinar', occurredAt: new Date('2026-01-20T16:00:00Z'), campaignId: null };

  it('is the same for the same interaction and differs when any part differs', () => {
    expect(touchDedupeKey({ ...touch, occurredAt: new Date('2026-01-20T17:00:00+01:00') })).toBe(touchDedupeKey(touch));
    const variants = [
      { ...touch, type: 'event' },
      { ...touch, occurredAt: new Date('2026-01-20T16:00:01Z') },
      { ...touch, campaignId: '7c1f3c1e-7d0a-4a36-a7d4-0b8a7d2f9e10' },
      { ...touch, leadId: '6b7c0a52-8d0e-4d52-9a4c-0c8f3f6f4c11' },
    ];
    const keys = new Set([touchDedupeKey(touch), ...variants.map(touchDedupeKey)]);
    expect(keys.size).toBe(5);
    expect(touchDedupeKey(touch)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
