import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client'

/** One registry per app instance, so tests can run several BFFs in one process. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    httpRequests: new Histogram({
      name: 'bff_http_request_duration_seconds',
      help: 'BFF HTTP request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    upstreamRequests: new Histogram({
      name: 'bff_upstream_request_duration_seconds',
      help: 'Upstream call duration by port and outcome',
      labelNames: ['port', 'operation', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    upstreamRetries: new Counter({
      name: 'bff_upstream_retries_total',
      help: 'Upstream retries by port',
      labelNames: ['port', 'operation'] as const,
      registers: [registry],
    }),
    readCache: new Counter({
      name: 'bff_read_cache_total',
      help: 'Read-cache lookups by kind and outcome (hit, stale, miss, wait)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    breakerState: new Gauge({
      name: 'bff_upstream_breaker_open',
      help: '1 when the circuit breaker of an upstream port is open',
      labelNames: ['port'] as const,
      registers: [registry],
    }),
    /** Credit failures and refunds are the moves into CREDIT_FAILED, REFUNDING and REFUNDED. */
    paymentTransitions: new Counter({
      name: 'bff_payment_order_transitions_total',
      help: 'Payment order state changes made by this instance, by the state entered',
      labelNames: ['to_state'] as const,
      registers: [registry],
    }),
  }
}

/**
 * What the business gauges show, read from the database and Redis. Labels are states and queue
 * names only: never an account, a user or a token.
 */
export interface BusinessSample {
  /** Orders in each state an order passes through (not the final ones), and the oldest's age. */
  ordersInFlight: { state: string; count: number; oldestSeconds: number }[]
  queues: { queue: string; state: string; count: number }[]
  openFindings: number
}

/**
 * Business gauges, sampled when Prometheus scrapes and at most once per `maxAgeMs` however
 * often it does. Registered on the instances that run the workers, so a fleet of web instances
 * does not repeat the same queries.
 */
export function registerBusinessMetrics(
  metrics: Metrics,
  sample: () => Promise<BusinessSample>,
  maxAgeMs = 10_000,
): void {
  let last: { at: number; sample: Promise<BusinessSample> } | undefined
  const current = (): Promise<BusinessSample> => {
    if (!last || Date.now() - last.at > maxAgeMs) {
      const taken = sample()
      last = { at: Date.now(), sample: taken }
      // A failed sample is not kept: the next scrape tries again.
      taken.catch(() => {
        if (last?.sample === taken) last = undefined
      })
    }
    return last.sample
  }
  const registers = [metrics.registry]
  new Gauge({
    name: 'bff_payment_orders',
    help: 'Payment orders now in each unfinished state',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const { ordersInFlight } = await current()
      this.reset()
      for (const row of ordersInFlight) this.set({ state: row.state }, row.count)
    },
  })
  new Gauge({
    name: 'bff_payment_order_oldest_age_seconds',
    help: 'Seconds since the longest-waiting order in each unfinished state last changed',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const { ordersInFlight } = await current()
      this.reset()
      for (const row of ordersInFlight) this.set({ state: row.state }, row.oldestSeconds)
    },
  })
  new Gauge({
    name: 'bff_queue_jobs',
    help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const { queues } = await current()
      this.reset()
      for (const row of queues) this.set({ queue: row.queue, state: row.state }, row.count)
    },
  })
  new Gauge({
    name: 'bff_reconciliation_open_findings',
    help: 'Reconciliation findings left for a person',
    registers,
    async collect() {
      this.set((await current()).openFindings)
    },
  })
}

export type Metrics = ReturnType<typeof createMetrics>
