import { describe, expect, it } from 'vitest';
import { unavailability, type RepState } from './rep-state.ts';

const now = new Date('2026-06-15T09:00:00.000Z');
const rep: RepState = { id: 'r1', email: 'a@x.io', name: 'A', capacity: 10, weight: 1, openLeads: 3, roundRobinAssigned: 0, awayUntil: null, active: true };

describe('unavailability', () => {
  it('is null for an active rep who is present and under capacity', () => {
    expect(unavailability(rep, now)).toBeNull();
  });
  it('reports away only while awayUntil is still ahead', () => {
    expect(unavailability({ ...rep, awayUntil: new Date('2026-06-15T09:00:00.001Z') }, now)).toBe('away');
    expect(unavailability({ ...rep, awayUntil: now }, now)).toBeNull();
    expect(unavailability({ ...rep, awayUntil: new Date('2026-06-01T00:00:00.000Z') }, now)).toBeNull();
  });
  it('reports at capacity when open leads reach capacity, including capacity 0', () => {
    expect(unavailability({ ...rep, openLeads: 10 }, now)).toBe('at_capacity');
    expect(unavailability({ ...rep, openLeads: 9 }, now)).toBeNull();
    expect(unavailability({ ...rep, capacity: 0, openLeads: 0 }, now)).toBe('at_capacity');
  });
  it('reports inactive before away and away before capacity', () => {
    const everything = { ...rep, active: false, awayUntil: new Date('2027-01-01T00:00:00.000Z'), openLeads: 10 };
    expect(unavailability(everything, now)).toBe('inactive');
    expect(unavailability({ ...everything, active: true }, now)).toBe('away');
  });
});
