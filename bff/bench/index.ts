/**
 * `npm run bench`: the BFF's own cost, measured against baselines run in the same process and
 * the same minute, so the figures are ratios that mean something on any machine.
 *   - bare Koa liveness (/healthz): the HTTP floor of this machine;
 *   - the sandbox answering the customers lookup directly: the upstream's own latency;
 *   - the same lookup through the BFF (session, binding guard, upstream client, masking).
 * Then the payment core (payments-bench.ts): order-creation latency and notification throughput.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { ensureRedis } from '../../scripts/lib/services'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { createApp } from '../src/app'
import { User } from '../src/auth/user-entity'
import { createContainer } from '../src/container'
import { loadConfig } from '../src/platform/config'
import { createLogger } from '../src/platform/logger'
import { runLoad, type LoadResult } from './load'
import { startBffProcess } from './bff-process'
import { paymentsBench } from './payments-bench'
import { readsBench } from './reads-bench'
import { startSandboxProcess } from './sandbox-process'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
/**
 * Which parts run (comma-separated, as the first argument or BENCH_PARTS): lookup, reads,
 * payments; all by default. The reads part takes its own filter (BENCH_READS, see
 * reads-bench.ts); BENCH_PROFILE_DIR writes a CPU profile of its BFF process there.
 */
const PARTS = new Set(
  (process.argv[2] ?? process.env.BENCH_PARTS ?? 'lookup,reads,payments').split(','),
)

async function main(): Promise<void> {
  const dataDir = path.join(os.tmpdir(), `gh-bench-${process.pid}`)
  const redis = await ensureRedis({ dataDir })
  const sandbox = await startSandboxProcess()
  const sandboxUrl = sandbox.url
  // A file, so the BFF process of the read bench shares the users and bindings made here.
  fs.mkdirSync(dataDir, { recursive: true })
  const databaseUrl = `sqlite:${path.join(dataDir, 'bench.sqlite')}`
  const container = await createContainer(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      UPSTREAM_BASE_URL: sandboxUrl,
    }),
    { logger: createLogger('silent') },
  )
  const { app } = createApp(container)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const bffUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const userId = randomUUID()
  await container.db
    .getRepository(User)
    .insert({ id: userId, createdAt: new Date(), deletedAt: null })
  await container.db.getRepository(AccountBinding).insert({
    id: randomUUID(),
    userId,
    accountNo: '1000000001',
    label: null,
    isDefault: true,
    role: 'owner',
    createdAt: new Date(),
  })
  const { token } = await container.sessions.issue(userId)

  const opts = { requests: REQUESTS, concurrency: CONCURRENCY }
  const auth = { authorization: `Bearer ${token}` }
  // Warm-up: JIT, keep-alive pools, prepared statements.
  await runLoad('warm-up', `${bffUrl}/api/v1/accounts/1000000001`, {
    ...opts,
    requests: 500,
    headers: auth,
  })

  const results: LoadResult[] = PARTS.has('lookup')
    ? await lookupBench(bffUrl, sandboxUrl, opts, auth)
    : []
  let readsOk = true
  if (PARTS.has('reads')) {
    const bff = await startBffProcess({
      databaseUrl,
      redisUrl: redis.url,
      upstreamUrl: sandboxUrl,
      profileDir: process.env.BENCH_PROFILE_DIR,
    })
    try {
      readsOk = await readsBench({ bffUrl: bff.url, sandboxUrl, container })
    } finally {
      await bff.stop()
    }
  }

  server.close()
  await container.close()

  let paymentsOk = true
  if (PARTS.has('payments')) {
    console.log(
      '\npayments: order creation and notifications (PostgreSQL, shared by two instances)',
    )
    paymentsOk = await paymentsBench(redis.url, sandboxUrl)
  }
  await sandbox.stop()
  await redis.stop()
  if (results.some((r) => r.errors > 0) || !paymentsOk || !readsOk) {
    console.error(
      'some requests failed, a read missed its target or an order was credited twice; see above',
    )
    process.exit(1)
  }
}

/** The customers lookup through the BFF against the sandbox alone and the HTTP floor. */
async function lookupBench(
  bffUrl: string,
  sandboxUrl: string,
  opts: { requests: number; concurrency: number },
  auth: Record<string, string>,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [
    await runLoad('bff /healthz (HTTP floor)', `${bffUrl}/healthz`, opts),
    await runLoad(
      'sandbox customers lookup (upstream alone)',
      `${sandboxUrl}/customers/v1/accounts/1000000001`,
      opts,
    ),
    await runLoad(
      'bff GET /api/v1/accounts/:no (via upstream)',
      `${bffUrl}/api/v1/accounts/1000000001`,
      { ...opts, headers: auth },
    ),
  ]
  console.table(results)
  const [floor, upstream, bff] = results as [LoadResult, LoadResult, LoadResult]
  console.log(
    `BFF overhead over the upstream: p50 ${(bff.p50Ms - upstream.p50Ms).toFixed(2)} ms, p99 ${(bff.p99Ms - upstream.p99Ms).toFixed(2)} ms`,
  )
  console.log(
    `ratio BFF/upstream latency: p50 ${(bff.p50Ms / upstream.p50Ms).toFixed(2)}x, p99 ${(bff.p99Ms / upstream.p99Ms).toFixed(2)}x`,
  )
  console.log(`ratio BFF throughput / HTTP floor: ${(bff.perSecond / floor.perSecond).toFixed(2)}`)
  console.log(
    `(${REQUESTS} requests per row, concurrency ${CONCURRENCY}, ${os.cpus().length} cores; the sandbox in its own process; BFF, sandbox, Redis and PostgreSQL share the machine's cores)`,
  )
  return results
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
