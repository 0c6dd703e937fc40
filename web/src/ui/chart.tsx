import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import './chart.css';

// Only what the app draws is bundled; a new chart type is registered here once. Canvas, not SVG:
// SVG output can carry style attributes, which the server's CSP (styles from 'self' only) refuses.
echarts.use([BarChart, LineChart, PieChart, AriaComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

function tokenValue(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The chart colours and type from the design tokens, so charts match the rest of the app. */
function themeFromTokens(): ChartOption {
  return {
    color: [1, 2, 3, 4, 5, 6].map((index) => tokenValue(`--lp-chart-${index}`, '#4a5ee8')),
    textStyle: { fontFamily: tokenValue('--lp-font-sans', 'system-ui, sans-serif'), color: tokenValue('--lp-gray-700', '#394152') },
    aria: { enabled: true },
    animationDuration: 300,
  };
}

export interface ChartProps {
  option: ChartOption;
  /**
   * What the chart shows, in words: the chart's accessible name. ECharts' aria component would
   * otherwise replace it with a generated sentence; put the figures themselves in text beside the chart.
   */
  label: string;
  height?: number;
}

/**
 * An ECharts chart in the app's style (token colours, accessible description). It follows its
 * container's width and is disposed when it leaves the page. `option` replaces the previous one.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...themeFromTokens(), ...option, aria: { enabled: true, label: { description: label } } }, { notMerge: true });
  }, [option, label]);

  return <div ref={container} className="lp-chart" role="img" aria-label={label} style={{ height }} />;
}
