import { describe, expect, it } from 'vitest';
import { isLastUseStale, slidingExpiry } from './session-expiry.ts';

const hour = 3_600_000;
const lifetime = { idleMs: 12 * hour, absoluteMs: 7 * 24 * hour };
const created = new Date('2026-11-22T08:00:00Z');

describe('session expiry', () => {
  it('slides with every use but never past the absolute lifetime', () => {
    expect(slidingExpiry(created, created, lifetime).toISOString()).toBe('2026-11-22T20:00:00.000Z');
    expect(slidingExpiry(created, new Date('2026-11-25T08:00:00Z'), lifetime).toISOString()).toBe('2026-11-25T20:00:00.000Z');
    expect(slidingExpiry(created, new Date('2026-11-29T00:00:00Z'), lifetime).toISOString()).toBe('2026-11-29T08:00:00.000Z');
  });

  it('records a use at most once a minute', () => {
    expect(isLastUseStale(null, created)).toBe(true);
    expect(isLastUseStale(created, new Date(created.getTime() + 59_999))).toBe(false);
    expect(isLastUseStale(created, new Date(created.getTime() + 60_000))).toBe(true);
  });
});
