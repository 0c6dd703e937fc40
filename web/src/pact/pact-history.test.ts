import { describe, expect, it } from 'vitest';
import { pendingVersions, previousActivated } from './pact-history.ts';

const versions = [
  { version: 5, status: 'draft' as const, activatedAt: null },
  { version: 4, status: 'active' as const, activatedAt: '2026-03-01T00:00:00.000Z' },
  { version: 3, status: 'draft' as const, activatedAt: null },
  { version: 2, status: 'retired' as const, activatedAt: '2026-01-01T00:00:00.000Z' },
  { version: 1, status: 'retired' as const, activatedAt: '2025-01-01T00:00:00.000Z' },
];

describe('pact history', () => {
  it('finds the version a version replaced, skipping drafts that never went in force', () => {
    expect(previousActivated(versions, 4)?.version).toBe(2);
    expect(previousActivated(versions, 2)?.version).toBe(1);
    expect(previousActivated(versions, 1)).toBeUndefined();
  });

  it('lists the drafts and approved versions newer than the one in force, not older abandoned drafts', () => {
    expect(pendingVersions(versions, 4).map((version) => version.version)).toEqual([5]);
    expect(pendingVersions([...versions, { version: 6, status: 'approved' as const, activatedAt: null }], 4).map((version) => version.version)).toEqual([5, 6]);
  });
});
