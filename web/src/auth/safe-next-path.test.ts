import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  it('keeps a path of this app with its query and hash', () => {
    expect(safeNextPath('/inbox')).toBe('/inbox');
    expect(safeNextPath('/inbox?grade=A&q=acme#top')).toBe('/inbox?grade=A&q=acme#top');
  });

  it('refuses anything that could lead to another site', () => {
    for (const next of ['//evil.example/inbox', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', 'inbox', '/in\nbox', '/a\\b']) {
      expect(safeNextPath(next), next).toBeNull();
    }
  });

  it('refuses the sign-in page, empty and non-string values', () => {
    expect(safeNextPath('/sign-in?next=%2Finbox')).toBeNull();
    expect(safeNextPath('')).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(42)).toBeNull();
  });
});
