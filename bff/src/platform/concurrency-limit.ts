/** How many requests one upstream port may have in flight, and how many may wait for a slot. */
export interface ConcurrencyLimits {
  maxInFlight: number
  maxQueue: number
  /** A waiting request gives up after this. */
  queueTimeoutMs: number
}

/** Why a request got no slot: the queue was full, or it waited too long in it. */
export class ConcurrencyLimitError extends Error {
  constructor(readonly reason: 'queue_full' | 'queue_timeout') {
    super(reason === 'queue_full' ? 'queue full' : 'waited too long for a slot')
    this.name = 'ConcurrencyLimitError'
  }
}

interface Waiter {
  grant: () => void
  timer: NodeJS.Timeout
}

/**
 * A bounded semaphore with a bounded FIFO queue: at most `maxInFlight` holders, at most
 * `maxQueue` waiters, none waiting past `queueTimeoutMs`. Beyond that a caller is refused at
 * once, so a slow upstream cannot pile up unbounded work (and memory) in the BFF.
 */
export class ConcurrencyLimit {
  private inFlight = 0
  private readonly queue: Waiter[] = []

  constructor(private readonly limits: ConcurrencyLimits) {}

  get active(): number {
    return this.inFlight
  }

  get waiting(): number {
    return this.queue.length
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await work()
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.limits.maxInFlight) {
      this.inFlight++
      return Promise.resolve()
    }
    if (this.queue.length >= this.limits.maxQueue) {
      return Promise.reject(new ConcurrencyLimitError('queue_full'))
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer)
          resolve()
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter)
          if (at >= 0) this.queue.splice(at, 1)
          reject(new ConcurrencyLimitError('queue_timeout'))
        }, this.limits.queueTimeoutMs),
      }
      this.queue.push(waiter)
    })
  }

  /** Hands the slot straight to the next waiter, so a released slot cannot be taken twice. */
  private release(): void {
    const next = this.queue.shift()
    if (next) next.grant()
    else this.inFlight--
  }
}
