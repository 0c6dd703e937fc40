import { describe, expect, it } from 'vitest';
import { dispositionsFor, dispositionsOf, recycleUntilOf } from './lead-dispositions.ts';

const document = {
  dispositions: [
    { code: 'wrong_target', label: 'Wrong target', action: 'disqualify', suggests: 'targeting' },
    { code: 'bad_timing', label: 'Bad timing', action: 'recycle', recycleAfterDays: 90 },
    { code: 'broken', action: 'disqualify' },
    { code: 'odd', label: 'Odd', action: 'explode' },
  ],
};

describe('dispositionsOf', () => {
  it('reads the codes of the pact and skips entries it cannot trust', () => {
    expect(dispositionsOf(document)).toEqual([
      { code: 'wrong_target', label: 'Wrong target', action: 'disqualify', recycleAfterDays: null },
      { code: 'bad_timing', label: 'Bad timing', action: 'recycle', recycleAfterDays: 90 },
    ]);
    expect(dispositionsOf(undefined)).toEqual([]);
    expect(dispositionsOf({ dispositions: 'none' })).toEqual([]);
  });

  it('lists the recycling codes first for a recycle', () => {
    expect(dispositionsFor('recycle', dispositionsOf(document)).map((d) => d.code)).toEqual(['bad_timing', 'wrong_target']);
    expect(dispositionsFor('disqualify', dispositionsOf(document)).map((d) => d.code)).toEqual(['wrong_target', 'bad_timing']);
  });
});

describe('recycleUntilOf', () => {
  it('turns a date input’s day into the start of that day, local time, as an ISO instant', () => {
    const iso = recycleUntilOf('2027-03-01');
    expect(iso).not.toBeNull();
    const date = new Date(iso!);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2027, 2, 1, 0]);
  });

  it('gives null for an empty or malformed day', () => {
    expect(recycleUntilOf('')).toBeNull();
    expect(recycleUntilOf('01/03/2027')).toBeNull();
  });
});
