import type { ChartOption } from '../ui/chart.tsx';

/** How tall the grade-change chart is for `bars` changes: one row each, room for the axis. */
export function gradeChangeChartHeight(bars: number): number {
  return Math.max(120, 48 + bars * 36);
}

/**
 * The rescoring's grade changes ("A→B": 12) as horizontal bars, the most frequent on top, each
 * labelled with its count: which way the new version moved leads, at a glance.
 */
export function gradeChangeChartOption(changes: readonly (readonly [string, number])[]): ChartOption {
  const labels = changes.map(([change]) => change.replace('→', ' → '));
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 4 },
    yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    series: [{ type: 'bar', name: 'Leads', data: changes.map(([, count]) => count), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}
