import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedValues, createdValues, withJsonColumnsParsed } from './audit-values.ts';

describe('createdValues', () => {
  it('keeps every column given, instants as ISO text, and leaves the score explanation out', () => {
    const at = new Date('2026-11-20T15:00:00Z');
    expect(createdValues({ id: 'l1', email: 'a@b.test', score: 40, created_at: at, score_explanation: { fit: [] }, routing: null, skipped: undefined })).toEqual({
      id: 'l1',
      email: 'a@b.test',
      score: 40,
      created_at: '2026-11-20T15:00:00.000Z',
      routing: null,
    });
  });
});

describe('changedValues', () => {
  it('records only the columns of the update whose value differs, old and new', () => {
    const before = { id: 'l1', title: null, grade: 'B', score: 40, stage: 'inquiry' };
    expect(changedValues(before, { title: 'CTO', grade: 'B', score: 55 })).toEqual({ oldValues: { title: null, score: 40 }, newValues: { title: 'CTO', score: 55 } });
  });

  it('returns null when nothing recordable changed: bookkeeping times and the score explanation are not changes', () => {
    const before = { grade: 'A', updated_at: new Date('2026-01-01T00:00:00Z'), score_explanation: { fit: [1] } };
    expect(changedValues(before, { grade: 'A', updated_at: new Date('2026-02-01T00:00:00Z'), scored_at: new Date(), score_explanation: '{"fit":[2]}' })).toBeNull();
  });

  it('compares instants by time and jsonb by content (key order and JSON text do not matter)', () => {
    const at = new Date('2026-11-20T15:00:00Z');
    const before = { assigned_at: at, routing: { team: 'Inside', ownerId: 'u1' }, attributes: { a: 1, b: 2 } };
    expect(changedValues(before, { assigned_at: new Date(at.getTime()), routing: '{"ownerId":"u1","team":"Inside"}', attributes: { b: 2, a: 1 } })).toBeNull();
    expect(changedValues(before, { assigned_at: new Date(at.getTime() + 1000), attributes: '{"a":1,"b":3}' })).toEqual({
      oldValues: { assigned_at: '2026-11-20T15:00:00.000Z', attributes: { a: 1, b: 2 } },
      newValues: { assigned_at: '2026-11-20T15:00:01.000Z', attributes: { a: 1, b: 3 } },
    });
  });

  it('looks only at the columns asked for when a list is given', () => {
    expect(changedValues({ grade: 'B', pact_version_id: 'v1' }, { grade: 'B', pact_version_id: 'v2' }, ['grade'])).toBeNull();
  });

  it('holds for any rows: the recorded columns are exactly those that differ, the same keys on both sides', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b'), fc.boolean());
    const columns = ['c1', 'c2', 'c3', 'c4'];
    const row = fc.record(Object.fromEntries(columns.map((column) => [column, value])) as Record<string, typeof value>);
    fc.assert(
      fc.property(row, row, (before, after) => {
        const changes = changedValues(before, after);
        const differing = columns.filter((column) => before[column] !== after[column]);
        if (differing.length === 0) return changes === null;
        return (
          changes !== null &&
          JSON.stringify(Object.keys(changes.newValues)) === JSON.stringify(differing) &&
          JSON.stringify(Object.keys(changes.oldValues)) === JSON.stringify(differing) &&
          differing.every((column) => changes.oldValues[column] === before[column] && changes.newValues[column] === after[column])
        );
      }),
    );
  });
});

describe('withJsonColumnsParsed', () => {
  it('parses JSON text in the named columns only, leaving other text and bad JSON alone', () => {
    expect(withJsonColumnsParsed({ routing: '{"team":"x"}', title: '{"not":"parsed"}', attributes: 'not json' }, ['routing', 'attributes'])).toEqual({
      routing: { team: 'x' },
      title: '{"not":"parsed"}',
      attributes: 'not json',
    });
  });
});
