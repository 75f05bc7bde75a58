/**
 * ECharts draws on anything shaped like an HTML canvas. A mini-program `<Canvas type="2d">` node
 * is close (it has getContext, width and height) but not a DOM element, so ECharts gets this
 * stand-in: the node's 2D context, its pixel size, and the listener methods ECharts calls on a
 * DOM canvas, which do nothing here (the chart takes no touch input; the numbers are in the
 * table under it).
 */

/** What WeChat's and Alipay's canvas 2D node expose, as far as ECharts needs them. */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
}

export class MiniCanvas {
  private readonly context: unknown

  constructor(private readonly node: CanvasNode) {
    this.context = node.getContext('2d')
  }

  getContext(type: string): unknown {
    return type === '2d' ? this.context : null
  }

  get width(): number {
    return this.node.width
  }

  set width(value: number) {
    this.node.width = value
  }

  get height(): number {
    return this.node.height
  }

  set height(value: number) {
    this.node.height = value
  }

  addEventListener(): void {}
  removeEventListener(): void {}
  attachEvent(): void {}
  detachEvent(): void {}
}
