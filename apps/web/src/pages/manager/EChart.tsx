import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the manager's charts draw: bars on a grid, with a tooltip. This file is imported by the
// report and the dashboard alone, so ECharts stays out of every other chunk.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export { BAR_COLOR, TOTAL_COLOR } from './chart-colors';

/**
 * A canvas chart with a text alternative: the container is an image named by `label` (say the
 * figures in it); every chart is also followed on the page by a table of the same figures.
 */
export function EChart({ option, label, testId, height = 280 }: { option: BarOption; label: string; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} className="manager-chart" style={{ height }} />;
}
