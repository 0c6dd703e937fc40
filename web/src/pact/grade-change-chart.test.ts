import { describe, expect, it } from 'vitest';
import { gradeChangeChartHeight, gradeChangeChartOption } from './grade-change-chart.ts';

describe('gradeChangeChartOption', () => {
  it('draws one bar per change in the order given, most frequent on top, labelled with its count', () => {
    const option = gradeChangeChartOption([
      ['A→B', 12],
      ['–→C', 3],
    ]) as { yAxis: { data: string[]; inverse: boolean }; series: { type: string; data: number[] }[] };
    expect(option.yAxis.data).toEqual(['A → B', '– → C']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [12, 3] });
  });

  it('grows with the number of changes, never below a readable minimum', () => {
    expect(gradeChangeChartHeight(1)).toBe(120);
    expect(gradeChangeChartHeight(6)).toBe(264);
    expect(gradeChangeChartHeight(12)).toBeGreaterThan(gradeChangeChartHeight(6));
  });
});
