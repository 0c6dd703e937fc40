import { describe, expect, it } from 'vitest';
import { movedIndex } from './list-keyboard.ts';

describe('movedIndex', () => {
  it('enters the list at the first row with j and the last with k', () => {
    expect(movedIndex(null, 5, 1)).toBe(0);
    expect(movedIndex(null, 5, -1)).toBe(4);
  });

  it('moves one row and stops at both ends', () => {
    expect(movedIndex(2, 5, 1)).toBe(3);
    expect(movedIndex(2, 5, -1)).toBe(1);
    expect(movedIndex(4, 5, 1)).toBe(4);
    expect(movedIndex(0, 5, -1)).toBe(0);
  });

  it('has nowhere to go in an empty list, and re-enters a list that shrank', () => {
    expect(movedIndex(null, 0, 1)).toBeNull();
    expect(movedIndex(7, 3, 1)).toBe(0);
  });
});
