/**
 * Unpaid trades close at their expiry and Alipay then sends TRADE_CLOSED unasked. Reads apply
 * expiry too; this watch covers trades nobody looks at. It polls (the sandbox clock can jump)
 * only while some trade is still waiting, on an unref'd timer.
 */
export class ExpiryWatch {
  private timer: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    /** Closes what expired; answers whether unpaid trades are still waiting. */
    private readonly sweep: () => boolean,
    private readonly pollMs = 1_000,
  ) {}

  /** A trade was created: watch until none is waiting. */
  start(): void {
    if (this.timer || this.closed) return
    this.timer = setInterval(() => {
      if (!this.sweep()) this.stop()
    }, this.pollMs)
    this.timer.unref()
  }

  close(): void {
    this.closed = true
    this.stop()
  }

  private stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
