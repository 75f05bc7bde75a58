import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { a11y } from '../../../a11y'
import type { ChartSeries, UsageUnit } from '../usage-view'
import { chartOption } from './chart-option'
import { MiniCanvas, type CanvasNode } from './mini-canvas'

// Only what this chart draws, so the subpackage carries a fraction of the library.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, CanvasRenderer])

const HEIGHT = 240

interface ChartHandle {
  dispose(): void
}

/** H5: ECharts makes its own canvas in the container element. */
function drawInElement(id: string, option: echarts.EChartsCoreOption): ChartHandle | null {
  const element = document.getElementById(id)
  if (!element) return null
  const chart = echarts.init(element, undefined, { renderer: 'canvas' })
  chart.setOption(option)
  return chart
}

/**
 * WeChat and Alipay: the page's `<Canvas type="2d">` node, sized in device pixels. Its size and
 * its node are asked separately: both platforms answer `boundingClientRect` and `node`, not
 * both answer `fields`.
 */
function drawOnCanvasNode(
  id: string,
  option: echarts.EChartsCoreOption,
  done: (chart: ChartHandle) => void,
): void {
  Taro.createSelectorQuery()
    .select(`#${id}`)
    .boundingClientRect()
    .select(`#${id}`)
    .node()
    .exec((result: [{ width?: number; height?: number } | null, { node?: CanvasNode } | null]) => {
      const [rect, found] = result
      const width = rect?.width
      const height = rect?.height
      if (!found?.node || !width || !height) return
      const ratio = Taro.getSystemInfoSync().pixelRatio || 2
      found.node.width = width * ratio
      found.node.height = height * ratio
      const canvas = new MiniCanvas(found.node)
      // Text is measured on a canvas of the library's own making, which a mini-program has not.
      echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement })
      const chart = echarts.init(canvas as unknown as HTMLCanvasElement, undefined, {
        width,
        height,
        devicePixelRatio: ratio,
      })
      chart.setOption(option)
      done(chart)
    })
}

export interface UsageChartProps {
  series: ChartSeries
  elder: boolean
  /** Axis unit: m³ for gas, GJ for a heat meter. */
  unit?: UsageUnit
}

/**
 * Twelve months beside the same months a year earlier. The chart is a picture for the eye: a
 * screen reader is told where the same numbers are (the table under it) instead.
 */
export function UsageChart({ series, elder, unit = 'm³' }: UsageChartProps) {
  const id = 'usage-chart'
  const chart = useRef<ChartHandle | null>(null)

  useEffect(() => {
    const option = chartOption(series, elder, unit)
    let gone = false
    // After the render has reached the screen: the canvas node does not exist before.
    Taro.nextTick(() => {
      if (gone) return
      if (process.env.TARO_ENV === 'h5') {
        chart.current = drawInElement(id, option)
      } else {
        drawOnCanvasNode(id, option, (drawn) => {
          if (gone) drawn.dispose()
          else chart.current = drawn
        })
      }
    })
    return () => {
      gone = true
      chart.current?.dispose()
      chart.current = null
    }
  }, [series, elder, unit])

  const label = '每月用气柱状图：近12个月与去年同期对比，具体数字见下方列表'
  return (
    <View className="usage-chart" {...a11y(label, 'img')}>
      {process.env.TARO_ENV === 'h5' ? (
        <View id={id} className="usage-chart__canvas" style={{ height: `${HEIGHT}px` }} />
      ) : (
        <Canvas
          id={id}
          type="2d"
          className="usage-chart__canvas"
          style={{ width: '100%', height: `${HEIGHT}px` }}
        />
      )}
    </View>
  )
}
