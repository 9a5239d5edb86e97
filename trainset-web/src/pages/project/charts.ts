// Bar charts of the project's stats (Apache ECharts, canvas renderer). Label names from data are
// drawn on the canvas and the tooltip is rendered as canvas rich text, so no data becomes HTML.
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface BarSpec {
  title: string;
  seriesName: string;
  counts: [string, number][];
  color: string;
}

/** Draws a horizontal bar chart into `el` (which must be laid out); returns a disposer. */
export function barChart(el: HTMLElement, spec: BarSpec): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const sorted = [...spec.counts].sort((a, b) => b[1] - a[1]).slice(0, 30).reverse();
  chart.setOption({
    animation: false,
    title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map(c => c[0]), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ name: spec.seriesName, type: 'bar', data: sorted.map(c => c[1]), itemStyle: { color: spec.color } }],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
