import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../core/csv/neutralize-formula.ts';

describe('neutralizeFormula', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with a single quote', (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'email', 'expected 6 cells, found 3', '"=1+1" is not a number', ' =1', 'a=b'])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });
});
