import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.ts';

describe('closestName', () => {
  it('suggests the candidate a typo most likely meant, ignoring case', () => {
    expect(closestName('titel', ['title', 'seniority', 'company'])).toBe('title');
    expect(closestName('firstname', ['firstName', 'lastName'])).toBe('firstName');
    expect(closestName('halfLife', ['halfLifeDays', 'points'])).toBe('halfLifeDays');
  });
  it('suggests nothing when no candidate is close', () => {
    expect(closestName('budget', ['title', 'seniority', 'company'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});
