import type { EChartsCoreOption } from 'echarts/core'
import type { ChartSeries, UsageUnit } from '../usage-view'

/**
 * The chart's ECharts option: this year's months as bars, the same months a year earlier as a
 * dashed line with round marks, so the two differ in shape and not by colour alone. Colours are
 * the page's primary blue (6.3:1 on white) and a dark grey (7.0:1).
 */
export function chartOption(
  series: ChartSeries,
  elder: boolean,
  unit: UsageUnit = 'm³',
): EChartsCoreOption {
  const font = elder ? 16 : 12
  return {
    animation: false,
    textStyle: { fontSize: font, color: '#4e5969' },
    grid: { left: 8, right: 8, top: elder ? 40 : 32, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      itemGap: 16,
      textStyle: { fontSize: font + 1, color: '#1d2129' },
      data: ['近12个月', '去年同期'],
    },
    xAxis: {
      type: 'category',
      data: series.labels,
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: font, color: '#4e5969', interval: 0, rotate: 45 },
      axisLine: { lineStyle: { color: '#d0d5dd' } },
    },
    yAxis: {
      type: 'value',
      name: unit === 'GJ' ? 'GJ（吉焦）' : unit,
      nameTextStyle: { fontSize: font, color: '#4e5969' },
      axisLabel: { fontSize: font, color: '#4e5969' },
      splitLine: { lineStyle: { color: '#eef0f3' } },
    },
    series: [
      {
        name: '近12个月',
        type: 'bar',
        data: series.thisYear,
        barMaxWidth: 16,
        itemStyle: { color: '#0f5bc4', borderRadius: [3, 3, 0, 0] },
      },
      {
        name: '去年同期',
        type: 'line',
        data: series.lastYear,
        symbol: 'circle',
        symbolSize: elder ? 8 : 6,
        connectNulls: false,
        lineStyle: { color: '#4e5969', type: 'dashed', width: 2 },
        itemStyle: { color: '#4e5969' },
      },
    ],
  }
}
