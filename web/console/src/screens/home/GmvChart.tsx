import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { Skeleton } from 'antd';
import { money } from '../../components/format';
import { currentLanguage } from '../../i18n';
import type { GmvSeries } from '../../types';
import { useNarrow } from '../../app/responsive';

// Only the pieces this chart uses, so the home chunk stays well under the full ECharts build.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Daily GMV (bars, yuan) and paid orders (line) for the last days; values arrive in fen. */
export function GmvChart({ series, height, gmvLabel, ordersLabel }: { series: GmvSeries | undefined; height: number; gmvLabel: string; ordersLabel: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const narrow = useNarrow();
  // The chart is made once the data first arrives (the element exists only then), not on every update.
  const hasSeries = series !== undefined;

  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current);
    // The box, not the window: the sider collapsing, or giving way to the phone drawer, resizes it too,
    // and after the window's resize event has fired.
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [hasSeries]);

  useEffect(() => {
    if (!series || !chart.current) return;
    chart.current.setOption({
      animation: false,
      // On a phone: narrower margins, and the axis names below the legend instead of beside it.
      grid: narrow ? { left: 48, right: 40, top: 64, bottom: 32 } : { left: 72, right: 56, top: 40, bottom: 32 },
      legend: { data: [gmvLabel, ordersLabel], top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: undefined,
        formatter: (params: Array<{ axisValue: string; seriesName: string; value: number; marker: string }>) =>
          [params[0]?.axisValue, ...params.map((p) => `${p.marker}${p.seriesName}: ${p.seriesName === gmvLabel ? money(Math.round(p.value * 100)) : p.value}`)].join('<br/>'),
      },
      xAxis: { type: 'category', data: series.days.map((d) => d.date.slice(5)) },
      yAxis: [
        { type: 'value', name: `${gmvLabel} (¥)`, axisLabel: { formatter: compactYuan } },
        { type: 'value', name: ordersLabel, splitLine: { show: false } },
      ],
      series: [
        { name: gmvLabel, type: 'bar', data: series.days.map((d) => d.gmv / 100), itemStyle: { color: '#1677ff' }, barMaxWidth: 22 },
        { name: ordersLabel, type: 'line', yAxisIndex: 1, data: series.days.map((d) => d.paidOrders), smooth: true, itemStyle: { color: '#fa8c16' } },
      ],
    }, true);
  }, [series, gmvLabel, ordersLabel, narrow]);

  if (!series) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <div ref={el} style={{ width: '100%', height }} role="img" aria-label={gmvLabel} />;
}

/** Axis labels: 万 in Chinese, k in English. */
function compactYuan(v: number): string {
  if (currentLanguage() === 'zh-CN') return v >= 10_000 ? `${v / 10_000}万` : String(v);
  return v >= 1_000 ? `${v / 1_000}k` : String(v);
}
