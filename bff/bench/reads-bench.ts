import { Agent, request } from 'undici'
import type { Container } from '../src/container'
import { benchUser } from './bench-world'
import { runLoad, type LoadResult } from './load'

const CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 200)
const REQUESTS = Number(process.env.BENCH_READ_REQUESTS ?? 6000)
const COLD_HOME_REQUESTS = Number(process.env.BENCH_COLD_HOME_REQUESTS ?? 500)
const WARM_UP_REQUESTS = Number(process.env.BENCH_WARM_UP_REQUESTS ?? 1000)

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
  name: string
  bff: string
  /** The upstream calls the endpoint makes; the slowest one measured is its bound. */
  upstreams: string[]
}

interface Verdict {
  endpoint: string
  'req/s': number
  'upstream req/s': number
  'throughput ratio': string
  'p99 ms': number
  'upstream p99 ms': number
  'p99 over upstream ms': string
  ok: boolean
}

/**
 * The account read endpoints at `CONNECTIONS` connections, each against the upstream calls it
 * makes, measured one after the other in this run; then the home page warm against the HTTP
 * floor, and a burst of cold home requests for one account with the upstream calls it caused.
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
      name: 'GET /accounts/:no',
      bff: api(`/accounts/${PREPAID}`),
      upstreams: ['customers account'],
    },
    {
      name: 'GET /accounts/:no/bills',
      bff: api(`/accounts/${POSTPAID}/bills`),
      upstreams: ['billing bills (postpaid)', 'billing summary (postpaid)'],
    },
    {
      // One bill is read from the account's (cached) bill list.
      name: 'GET /accounts/:no/bills/:billId',
      bff: api(`/accounts/${POSTPAID}/bills/${billId}`),
      upstreams: ['billing bills (postpaid)'],
    },
    {
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
    {
      name: 'GET /accounts/:no/recharges',
      bff: api(`/accounts/${PREPAID}/recharges`),
      upstreams: [],
    },
  ]
  if (homeExists) {
    pairs.push(
      {
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

  // Warm-up of both processes (JIT, connection pools, caches), measured by no row.
  const warm = { requests: WARM_UP_REQUESTS, concurrency: CONNECTIONS }
  await runLoad('warm-up', `${bffUrl}/healthz`, warm)
  for (const url of Object.values(upstreamUrls)) await runLoad('warm-up', url, warm)
  for (const pair of pairs) await runLoad('warm-up', pair.bff, { ...warm, headers: auth })

  console.log(
    `\nreads at ${CONNECTIONS} connections, ${REQUESTS} requests per row (bills answer: ${billsBytes} bytes)`,
  )
  const floor = await runLoad('bff /healthz (HTTP floor)', `${bffUrl}/healthz`, opts)
  const upstream: Record<string, LoadResult> = {}
  for (const [name, url] of Object.entries(upstreamUrls)) {
    upstream[name] = await runLoad(`sandbox ${name}`, url, opts)
  }
  const measured: { pair: Pair; result: LoadResult }[] = []
  for (const pair of pairs) {
    measured.push({
      pair,
      result: await runLoad(`bff ${pair.name}`, pair.bff, { ...opts, headers: auth }),
    })
  }
  console.table([floor, ...Object.values(upstream), ...measured.map((m) => m.result)])

  const verdicts: Verdict[] = []
  for (const { pair, result } of measured) {
    const bounds = pair.upstreams.map((u) => upstream[u]).filter((r): r is LoadResult => !!r)
    if (bounds.length === 0) continue
    const slowest = bounds.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a))
    const least = bounds.reduce((a, b) => (b.perSecond < a.perSecond ? b : a))
    const home = pair.name.includes('/home')
    const throughputOk = home
      ? result.perSecond >= HOME_THROUGHPUT_VS_FLOOR * floor.perSecond
      : result.perSecond >= THROUGHPUT_VS_UPSTREAM * least.perSecond
    verdicts.push({
      endpoint: pair.name,
      'req/s': result.perSecond,
      'upstream req/s': least.perSecond,
      'throughput ratio': home
        ? `${(result.perSecond / floor.perSecond).toFixed(2)}× floor (≥ ${HOME_THROUGHPUT_VS_FLOOR})`
        : `${(result.perSecond / least.perSecond).toFixed(2)}× (≥ ${THROUGHPUT_VS_UPSTREAM})`,
      'p99 ms': result.p99Ms,
      'upstream p99 ms': slowest.p99Ms,
      'p99 over upstream ms': `${(result.p99Ms - slowest.p99Ms).toFixed(1)} (≤ ${P99_OVER_UPSTREAM_MS})`,
      ok:
        result.errors === 0 && throughputOk && result.p99Ms <= slowest.p99Ms + P99_OVER_UPSTREAM_MS,
    })
  }
  console.table(verdicts)

  const coldOk = homeExists ? await coldHome(options, api(`/accounts/${COLD}/home`), auth) : true
  if (!homeExists) console.log('home: not served by this build')
  const errors = [floor, ...Object.values(upstream), ...measured.map((m) => m.result)].some(
    (r) => r.errors > 0,
  )
  return !errors && coldOk && verdicts.every((v) => v.ok)
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
