import { Agent, request } from 'undici'
import type { Container } from '../src/container'
import { benchUser } from './bench-world'
import { runLoad, type LoadResult } from './load'

const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 200)
const REQUESTS = Number(process.env.BENCH_READ_REQUESTS ?? 6000)
const COLD_HOME_REQUESTS = Number(process.env.BENCH_COLD_HOME_REQUESTS ?? 500)
const WARM_UP_REQUESTS = Number(process.env.BENCH_WARM_UP_REQUESTS ?? 1000)
/** Each endpoint is measured this many times against its baselines; verdicts take the median. */
const ROUNDS = Number(process.env.BENCH_READ_ROUNDS ?? 3)
/**
 * Only these endpoints (comma-separated ids: account, bills, bill, payment-options,
 * home-prepaid, home-postpaid); all by default. BENCH_READS_ROWS=1 prints every row measured.
 */
const ONLY = process.env.BENCH_READS?.split(',')

/** The targets the read path is held to, each against a figure measured in this run. */
const THROUGHPUT_VS_UPSTREAM = 0.5
const P99_OVER_UPSTREAM_MS = 25
const HOME_THROUGHPUT_VS_FLOOR = 0.35

const POSTPAID = '1000000005' // overdue gas bills: the longest bill list of the personas
const PREPAID = '1000000001' // IoT prepaid
const HEATING = '1000000004'
/** Read by no earlier row, so its first home requests find every cache cold. */
const COLD = '1000000007'

export interface ReadsBenchOptions {
  /** A BFF in a process of its own, on the database and Redis of `container`. */
  bffUrl: string
  sandboxUrl: string
  /** Where the bench user, its bindings and its session are made. */
  container: Container
}

interface Pair {
  id: string
  name: string
  bff: string
  /** The upstream calls the endpoint makes; the slowest one measured is its bound. */
  upstreams: string[]
}

/** One endpoint's line: medians over the rounds, and each round's figure in brackets. */
type Verdict = Record<string, string | number>

/** One round of one endpoint: its baselines measured next to it. */
interface Round {
  floor: LoadResult | undefined
  upstream: LoadResult[]
  bff: LoadResult
  /** The BFF process's CPU time per request of its row (the machine's load aside). */
  cpuUs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const round1 = (x: number) => Math.round(x * 10) / 10

/**
 * The account read endpoints at `CONNECTIONS` connections, each against the upstream calls it
 * makes (the home page warm against the HTTP floor too), in `ROUNDS` rounds: a noisy machine
 * (two cores shared with the sandbox, Redis and the load generator) moves single figures a lot,
 * so an endpoint passes on the median of its rounds, each measured next to its own baselines.
 * Then a burst of cold home requests for one account with the upstream calls it caused.
 */
export async function readsBench(options: ReadsBenchOptions): Promise<boolean> {
  const { bffUrl, sandboxUrl, container } = options
  const token = await benchUser({ url: bffUrl, container, close: async () => undefined }, [
    POSTPAID,
    PREPAID,
    HEATING,
    COLD,
  ])
  const auth = { authorization: `Bearer ${token}` }
  const opts = { requests: REQUESTS, concurrency: CONNECTIONS }
  const core = (path: string) => `${sandboxUrl}${path}`
  const api = (path: string) => `${bffUrl}/api/v1${path}`
  const prepaid = await json<{ meterNo: string | null; areaCode: string }>(
    core(`/customers/v1/accounts/${PREPAID}`),
  )
  const postpaid = await json<{ areaCode: string }>(core(`/customers/v1/accounts/${POSTPAID}`))
  const bills = await json<{ bills: { billId: string }[] }>(
    core(`/billing/v1/accounts/${POSTPAID}/bills`),
  )
  const billId = bills.bills[0]?.billId ?? ''
  const billsBytes = await size(core(`/billing/v1/accounts/${POSTPAID}/bills`))
  const homeExists = (await status(api(`/accounts/${PREPAID}/home`), auth)) !== 404
  const meter = `/meters/v1/meters/${prepaid.meterNo ?? ''}`

  const upstreamUrls: Record<string, string> = {
    'customers account': core(`/customers/v1/accounts/${PREPAID}`),
    'billing summary (prepaid)': core(`/billing/v1/accounts/${PREPAID}/summary`),
    'billing bills (prepaid)': core(`/billing/v1/accounts/${PREPAID}/bills`),
    'billing summary (postpaid)': core(`/billing/v1/accounts/${POSTPAID}/summary`),
    'billing bills (postpaid)': core(`/billing/v1/accounts/${POSTPAID}/bills`),
    'billing bill (postpaid)': core(`/billing/v1/accounts/${POSTPAID}/bills/${billId}`),
    'billing tariff': core(`/billing/v1/tariffs/${prepaid.areaCode}`),
    'meters meter': core(meter),
    'meters readings': core(`${meter}/readings?from=2025-01-01`),
    'content notices (prepaid area)': core(`/content/v1/notices?areaCode=${prepaid.areaCode}`),
    'content notices (postpaid area)': core(`/content/v1/notices?areaCode=${postpaid.areaCode}`),
  }
  const pairs: Pair[] = [
    {
      id: 'account',
      name: 'GET /accounts/:no',
      bff: api(`/accounts/${PREPAID}`),
      upstreams: ['customers account'],
    },
    {
      id: 'bills',
      name: 'GET /accounts/:no/bills',
      bff: api(`/accounts/${POSTPAID}/bills`),
      upstreams: ['billing bills (postpaid)', 'billing summary (postpaid)'],
    },
    {
      // One bill is read from the account's (cached) bill list.
      id: 'bill',
      name: 'GET /accounts/:no/bills/:billId',
      bff: api(`/accounts/${POSTPAID}/bills/${billId}`),
      upstreams: ['billing bills (postpaid)'],
    },
    {
      id: 'payment-options',
      name: 'GET /accounts/:no/payment-options',
      bff: api(`/accounts/${PREPAID}/payment-options`),
      upstreams: [
        'customers account',
        'billing summary (prepaid)',
        'billing tariff',
        'meters meter',
        'meters readings',
      ],
    },
  ]
  if (homeExists) {
    pairs.push(
      {
        id: 'home-prepaid',
        name: 'GET /accounts/:no/home (warm, prepaid)',
        bff: api(`/accounts/${PREPAID}/home`),
        upstreams: [
          'customers account',
          'billing summary (prepaid)',
          'billing bills (prepaid)',
          'billing tariff',
          'meters meter',
          'meters readings',
          'content notices (prepaid area)',
        ],
      },
      {
        id: 'home-postpaid',
        name: 'GET /accounts/:no/home (warm, postpaid)',
        bff: api(`/accounts/${POSTPAID}/home`),
        upstreams: [
          'customers account',
          'billing summary (postpaid)',
          'billing bills (postpaid)',
          'content notices (postpaid area)',
        ],
      },
    )
  }

  // An endpoint without upstream calls has no baseline to be held to: it is not measured.
  const only = pairs.filter((p) => p.upstreams.length > 0 && (!ONLY || ONLY.includes(p.id)))
  const used = (pair: Pair) => pair.upstreams.map((u) => [u, upstreamUrls[u] ?? ''] as const)

  // Warm-up of both processes (JIT, connection pools, caches), measured by no row.
  const warm = { requests: WARM_UP_REQUESTS, concurrency: CONNECTIONS }
  await runLoad('warm-up', `${bffUrl}/healthz`, warm)
  for (const pair of only) {
    for (const [, url] of used(pair)) await runLoad('warm-up', url, warm)
    await runLoad('warm-up', pair.bff, { ...warm, headers: auth })
  }

  console.log(
    `\nreads at ${CONNECTIONS} connections, ${REQUESTS} requests per row, ${ROUNDS} rounds ` +
      `(bills answer: ${billsBytes} bytes); each round measures an endpoint's upstream calls ` +
      `(and the HTTP floor for home) next to it, baselines first in odd rounds and last in even ` +
      `ones; verdicts are on the median of the rounds`,
  )
  const rows: LoadResult[] = []
  const rounds = new Map<Pair, Round[]>(only.map((p) => [p, []]))
  let rssMb = 0
  for (let r = 0; r < ROUNDS; r++) {
    for (const pair of only) {
      const home = pair.id.startsWith('home')
      const baselines = async () => {
        const floor = home
          ? await runLoad('bff /healthz (HTTP floor)', `${bffUrl}/healthz`, opts)
          : undefined
        const upstream: LoadResult[] = []
        for (const [name, url] of used(pair))
          upstream.push(await runLoad(`sandbox ${name}`, url, opts))
        return { floor, upstream }
      }
      let cpuUs = 0
      const bff = async () => {
        const before = await cpuSeconds(bffUrl)
        const result = await runLoad(`bff ${pair.name}`, pair.bff, { ...opts, headers: auth })
        cpuUs = (((await cpuSeconds(bffUrl)) - before) * 1e6) / result.requests
        rssMb = Math.max(rssMb, await residentMb(bffUrl))
        return result
      }
      let base: Awaited<ReturnType<typeof baselines>>
      let result: LoadResult
      if (r % 2 === 0) {
        base = await baselines()
        result = await bff()
      } else {
        result = await bff()
        base = await baselines()
      }
      rows.push(...(base.floor ? [base.floor] : []), ...base.upstream, result)
      rounds.get(pair)?.push({ ...base, bff: result, cpuUs })
    }
  }
  if (process.env.BENCH_READS_ROWS) console.table(rows)
  // What the young generation's size (see BFF_NODE_FLAGS) costs in memory, under this load.
  console.log(`BFF resident memory after its rows: up to ${Math.round(rssMb)} MB`)

  const verdicts: Verdict[] = []
  for (const pair of only) {
    const measured = rounds.get(pair) ?? []
    const home = pair.id.startsWith('home')
    const baseline = measured.map((m) =>
      home && m.floor ? m.floor.perSecond : Math.min(...m.upstream.map((u) => u.perSecond)),
    )
    const slowestP99 = measured.map((m) => Math.max(...m.upstream.map((u) => u.p99Ms)))
    const ratios = measured.map((m, i) => m.bff.perSecond / (baseline[i] ?? 1))
    const over = measured.map((m, i) => m.bff.p99Ms - (slowestP99[i] ?? 0))
    const target = home ? HOME_THROUGHPUT_VS_FLOOR : THROUGHPUT_VS_UPSTREAM
    const ratio = median(ratios)
    const p99Over = median(over)
    const errors = measured.reduce(
      (n, m) => n + m.bff.errors + m.upstream.reduce((e, u) => e + u.errors, 0),
      0,
    )
    const ok = errors === 0 && ratio >= target && p99Over <= P99_OVER_UPSTREAM_MS
    verdicts.push({
      endpoint: pair.name,
      'baseline req/s': `${Math.round(median(baseline))}${home ? ' (floor)' : ''}`,
      'upstream p99 ms': round1(median(slowestP99)),
      'BFF req/s': Math.round(median(measured.map((m) => m.bff.perSecond))),
      'BFF p99 ms': round1(median(measured.map((m) => m.bff.p99Ms))),
      'BFF CPU µs/req': Math.round(median(measured.map((m) => m.cpuUs))),
      ratio: `${ratio.toFixed(2)}${home ? '× floor' : '×'} [${ratios.map((x) => x.toFixed(2)).join(' ')}]`,
      'p99 over': `${p99Over.toFixed(1)} ms [${over.map((x) => x.toFixed(0)).join(' ')}]`,
      target: `≥ ${target}×, ≤ +${P99_OVER_UPSTREAM_MS} ms`,
      verdict: ok ? 'PASS' : errors ? `FAIL (${errors} errors)` : 'FAIL',
    })
  }
  console.table(verdicts)

  const coldOk = homeExists ? await coldHome(options, api(`/accounts/${COLD}/home`), auth) : true
  if (!homeExists) console.log('home: not served by this build')
  return coldOk && verdicts.every((v) => v.verdict === 'PASS')
}

/**
 * `COLD_HOME_REQUESTS` home requests for one account at once, every cache cold: the upstream
 * calls they cause, per port, from the BFF's own metrics (one count per call, retries apart).
 */
async function coldHome(
  options: ReadsBenchOptions,
  url: string,
  headers: Record<string, string>,
): Promise<boolean> {
  const before = await upstreamCalls(options.bffUrl)
  const agent = new Agent({ connections: COLD_HOME_REQUESTS })
  const started = process.hrtime.bigint()
  const answers = await Promise.all(
    Array.from({ length: COLD_HOME_REQUESTS }, async () => {
      const t0 = process.hrtime.bigint()
      const res = await request(url, { dispatcher: agent, headers })
      const body = (await res.body.json()) as { sections?: Record<string, { status: string }> }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      const unavailable = Object.values(body.sections ?? {}).filter((s) => s.status !== 'ok').length
      return { status: res.statusCode, ms, unavailable }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  await agent.close()
  const after = await upstreamCalls(options.bffUrl)
  const perPort: Record<string, number> = {}
  for (const [port, count] of Object.entries(after)) {
    const calls = count - (before[port] ?? 0)
    if (calls > 0) perPort[port] = calls
  }
  const slowest = Math.max(...answers.map((a) => a.ms))
  const failed = answers.filter((a) => a.status !== 200).length
  const degraded = answers.filter((a) => a.unavailable > 0).length
  const total = Object.values(perPort).reduce((a, b) => a + b, 0)
  console.log(
    `\ncold home: ${COLD_HOME_REQUESTS} requests for one account at once, answered in ${seconds.toFixed(2)} s ` +
      `(slowest ${slowest.toFixed(0)} ms; ${failed} not 200; ${degraded} with a section unavailable)`,
  )
  console.table(perPort)
  console.log(`upstream calls in all: ${total} for ${COLD_HOME_REQUESTS} home requests`)
  return failed === 0 && total <= 20
}

/** Upstream calls so far per port, from the BFF's /metrics (loopback callers need no token). */
async function upstreamCalls(bffUrl: string): Promise<Record<string, number>> {
  const res = await request(`${bffUrl}/metrics`)
  const text = await res.body.text()
  const counts: Record<string, number> = {}
  for (const line of text.split('\n')) {
    const match = /^bff_upstream_request_duration_seconds_count\{([^}]*)\} (\d+)/.exec(line)
    const port = match?.[1] && /port="([^"]+)"/.exec(match[1])?.[1]
    if (port && match[2]) counts[port] = (counts[port] ?? 0) + Number(match[2])
  }
  return counts
}

/** The BFF process's CPU seconds so far, from its /metrics. */
async function cpuSeconds(bffUrl: string): Promise<number> {
  const res = await request(`${bffUrl}/metrics`)
  const text = await res.body.text()
  return Number(/^process_cpu_seconds_total (\S+)/m.exec(text)?.[1] ?? Number.NaN)
}

async function residentMb(bffUrl: string): Promise<number> {
  const res = await request(`${bffUrl}/metrics`)
  const text = await res.body.text()
  return Number(/^process_resident_memory_bytes (\S+)/m.exec(text)?.[1] ?? 0) / 2 ** 20
}

async function json<T>(url: string): Promise<T> {
  const res = await request(url)
  return (await res.body.json()) as T
}

async function size(url: string): Promise<number> {
  const res = await request(url)
  return (await res.body.arrayBuffer()).byteLength
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await request(url, { headers })
  await res.body.dump()
  return res.statusCode
}
