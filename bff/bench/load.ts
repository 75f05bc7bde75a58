import { Agent, request } from 'undici'

export interface LoadResult {
  name: string
  requests: number
  errors: number
  perSecond: number
  p50Ms: number
  p99Ms: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? 0
}

/**
 * Closed-loop load: `concurrency` clients each making the next call when one answers. A call
 * answers whether it succeeded; `index` numbers the calls from 0.
 */
export async function runCalls(
  name: string,
  options: { requests: number; concurrency: number },
  call: (index: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = []
  let errors = 0
  let sent = 0
  const started = process.hrtime.bigint()
  const client = async () => {
    while (sent < options.requests) {
      const index = sent++
      const t0 = process.hrtime.bigint()
      const ok = await call(index).catch(() => false)
      if (!ok) errors++
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  latencies.sort((a, b) => a - b)
  return {
    name,
    requests: latencies.length,
    errors,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
  }
}

/** Closed-loop GETs of one URL. */
export async function runLoad(
  name: string,
  url: string,
  options: { requests: number; concurrency: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 })
  try {
    return await runCalls(name, options, async () => {
      const res = await request(url, { dispatcher: agent, headers: options.headers })
      await res.body.dump()
      return res.statusCode < 400
    })
  } finally {
    await agent.close()
  }
}
