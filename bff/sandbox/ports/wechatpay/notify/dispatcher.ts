import { Agent, request } from 'undici'
import { FaultSlot, type NotifyFault } from './faults'

export interface NotificationPolicy {
  readonly provider: string
  /** Waits before the 2nd, 3rd, … attempt; the event fails after the last. */
  readonly retryDelaysMs: readonly number[]
  readonly responseTimeoutMs: number
  /** Headers of one delivery, signed afresh each time. */
  headers(body: string): Record<string, string>
  accepted(status: number, responseBody: string): boolean
}

export interface OutgoingNotification {
  /** The event id: the same on every retry. */
  readonly id: string
  readonly kind: string
  /** What tests look events up by: the out_trade_no. */
  readonly key: string
  readonly url: string
  readonly body: string
}

export type EventState = 'pending' | 'delivered' | 'failed' | 'held' | 'lost'

export interface DeliveryAttempt {
  attempt: number
  copy: number
  target: string
  at: string
  status: number | null
  error: string | null
  durationMs: number
  accepted: boolean
  fault: NotifyFault['mode'] | null
}

export interface EventRecord {
  id: string
  provider: string
  kind: string
  outTradeNo: string
  url: string
  createdAt: string
  state: EventState
  nextAttemptAt: string | null
  attempts: DeliveryAttempt[]
}

interface Tracked {
  readonly input: OutgoingNotification
  readonly record: EventRecord
  fault: NotifyFault | undefined
  timer?: NodeJS.Timeout
}

/**
 * Delivers notifications and retries them on the provider's schedule until one delivery is
 * accepted. `timeScale` shrinks the retry waits (tests use 1e-5 so a day passes in under a
 * second); `flush()` runs every waiting retry now. Every delivery attempt is recorded.
 */
export class NotificationDispatcher {
  readonly faults = new FaultSlot()
  timeScale = 1
  private readonly events = new Map<string, Tracked>()
  private readonly held: Tracked[] = []
  private readonly agent = new Agent({ keepAliveTimeout: 1000, connections: 64 })
  private readonly idleWaiters: (() => void)[] = []
  private readonly flushHooks: (() => void)[] = []
  private inFlight = 0
  private closed = false

  constructor(private readonly policy: NotificationPolicy) {}

  send(input: OutgoingNotification): void {
    if (this.closed) return
    const record: EventRecord = {
      id: input.id,
      provider: this.policy.provider,
      kind: input.kind,
      outTradeNo: input.key,
      url: input.url,
      createdAt: new Date().toISOString(),
      state: 'pending',
      nextAttemptAt: null,
      attempts: [],
    }
    const tracked: Tracked = { input, record, fault: this.faults.take(input.key) }
    this.events.set(input.id, tracked)
    const mode = tracked.fault?.mode
    if (mode === 'lost') record.state = 'lost'
    else if (mode === 'reorder') {
      record.state = 'held'
      this.held.push(tracked)
    } else this.schedule(tracked, mode === 'delay' ? (tracked.fault?.delayMs ?? 0) : 0)
  }

  list(outTradeNo?: string): EventRecord[] {
    const all = [...this.events.values()].map((t) => structuredClone(t.record))
    return outTradeNo === undefined ? all : all.filter((r) => r.outTradeNo === outTradeNo)
  }

  /** Also run by flush(): a provider's own pending work (e.g. refunds still processing). */
  onFlush(hook: () => void): void {
    this.flushHooks.push(hook)
  }

  /** Runs every waiting retry (and delayed first delivery) now. */
  flush(): void {
    for (const hook of this.flushHooks) hook()
    for (const tracked of this.events.values()) {
      if (tracked.timer) this.schedule(tracked, 0)
    }
  }

  /** Releases held events; lost ones stay lost. */
  clearFaults(): void {
    this.faults.clear()
    this.releaseHeld()
  }

  /** Resolves when nothing is being sent or waiting for a retry (held and lost events aside). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  async close(): Promise<void> {
    this.closed = true
    for (const tracked of this.events.values()) if (tracked.timer) clearTimeout(tracked.timer)
    await this.agent.close().catch(() => undefined)
    this.wakeIdle(true)
  }

  private isIdle(): boolean {
    if (this.inFlight > 0) return false
    for (const t of this.events.values()) if (t.timer) return false
    return true
  }

  private wakeIdle(force = false): void {
    if (!force && !this.isIdle()) return
    for (const resolve of this.idleWaiters.splice(0)) resolve()
  }

  private schedule(tracked: Tracked, delayMs: number): void {
    if (tracked.timer) clearTimeout(tracked.timer)
    if (this.closed) return
    tracked.record.nextAttemptAt = new Date(Date.now() + delayMs).toISOString()
    tracked.timer = setTimeout(() => {
      tracked.timer = undefined
      void this.attempt(tracked)
    }, delayMs)
    // A day of retries must not keep a finished test run or a stopping sandbox alive.
    tracked.timer.unref()
  }

  private async attempt(tracked: Tracked): Promise<void> {
    const { record, input } = tracked
    const attempt = record.attempts.reduce((n, a) => Math.max(n, a.attempt), 0) + 1
    record.nextAttemptAt = null
    this.inFlight++
    try {
      const fault = attempt === 1 ? tracked.fault : undefined
      const deliver = (target: string, copy: number) =>
        this.deliver(input, target, attempt, copy, fault?.mode ?? null)
      let results: boolean[]
      if (fault?.mode === 'duplicate') {
        results = []
        for (let copy = 1; copy <= fault.count; copy++) results.push(await deliver(input.url, copy))
      } else if (fault?.mode === 'concurrent') {
        const targets = fault.targets ?? [input.url]
        const copies = targets.flatMap((t) => Array.from({ length: fault.count }, () => t))
        results = await Promise.all(copies.map((t, i) => deliver(t, i + 1)))
      } else results = [await deliver(input.url, 1)]

      if (this.closed) return
      if (results.some(Boolean)) record.state = 'delivered'
      else {
        const wait = this.policy.retryDelaysMs[attempt - 1]
        if (wait === undefined) record.state = 'failed'
        else this.schedule(tracked, Math.round(wait * this.timeScale))
      }
      if (attempt === 1) this.releaseHeld()
    } finally {
      this.inFlight--
      this.wakeIdle()
    }
  }

  private releaseHeld(): void {
    for (const tracked of this.held.splice(0)) {
      tracked.record.state = 'pending'
      tracked.fault = undefined
      this.schedule(tracked, 0)
    }
  }

  private async deliver(
    input: OutgoingNotification,
    target: string,
    attempt: number,
    copy: number,
    fault: NotifyFault['mode'] | null,
  ): Promise<boolean> {
    const started = performance.now()
    const at = new Date().toISOString()
    const entry: DeliveryAttempt = {
      attempt,
      copy,
      target,
      at,
      status: null,
      error: null,
      durationMs: 0,
      accepted: false,
      fault,
    }
    try {
      const res = await request(target, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', ...this.policy.headers(input.body) },
        body: input.body,
        signal: AbortSignal.timeout(this.policy.responseTimeoutMs),
      })
      const text = await res.body.text()
      entry.status = res.statusCode
      entry.accepted = this.policy.accepted(res.statusCode, text)
    } catch (err) {
      entry.error = describe(err, this.policy.responseTimeoutMs)
    }
    entry.durationMs = Math.round(performance.now() - started)
    const record = this.events.get(input.id)?.record
    record?.attempts.push(entry)
    return entry.accepted
  }
}

function describe(err: unknown, timeoutMs: number): string {
  const name = err instanceof Error ? err.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' ? code : err instanceof Error ? err.message : 'delivery failed'
}
