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

function summarize(name: string, latencies: number[], errors: number, seconds: number): LoadResult {
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

/**
 * Closed-loop load: `concurrency` clients each making the next call when one answers. A call
 * answers whether it succeeded; `index` numbers the calls from 0.
 */
export async function runCalls(
  name: string,
  options: { requests: number; concurrency: number },
  call: (index: number) => Promise<boolean>,
): Promise<LoadResult> {
  const [result] = await runPaired(options, [{ name, call }])
  if (!result) throw new Error('no result')
  return result
}

/**
 * Several kinds of call measured side by side: each client runs one of each in turn (the
 * first kind rotating), so every kind sees the same machine, the same minute and the same
 * background work, and their percentiles compare like with like. `requests` is per kind;
 * throughput is per kind over the whole run.
 */
export async function runPaired(
  options: { requests: number; concurrency: number },
  kinds: { name: string; call: (index: number) => Promise<boolean> }[],
): Promise<LoadResult[]> {
  const latencies = kinds.map((): number[] => [])
  const errors = kinds.map(() => 0)
  let sent = 0
  const started = process.hrtime.bigint()
  const client = async () => {
    while (sent < options.requests) {
      const index = sent++
      for (let j = 0; j < kinds.length; j++) {
        const k = (index + j) % kinds.length
        const kind = kinds[k]
        if (!kind) continue
        const t0 = process.hrtime.bigint()
        const ok = await kind.call(index).catch(() => false)
        if (!ok) errors[k] = (errors[k] ?? 0) + 1
        latencies[k]?.push(Number(process.hrtime.bigint() - t0) / 1e6)
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, client))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return kinds.map((kind, k) => summarize(kind.name, latencies[k] ?? [], errors[k] ?? 0, seconds))
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
