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
  }
}

export type Metrics = ReturnType<typeof createMetrics>
