import os from 'node:os'
import path from 'node:path'
import { request } from 'undici'
import { ensurePostgres } from '../../scripts/lib/services'
import {
  benchUser,
  freshDatabase,
  iotAccounts,
  NotificationCapture,
  startInstance,
  type BenchInstance,
} from './bench-world'
import { notifyPhase, type NotifyPhaseResult } from './notify-throughput'
import { measureOrderLatency, printOrderLatency } from './order-latency'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 300)
const ORDER_REQUESTS = Number(process.env.BENCH_ORDER_REQUESTS ?? 400)
const ORDER_CONCURRENCY = Number(process.env.BENCH_ORDER_CONCURRENCY ?? 8)
const NOTIFY_CONCURRENCY = Number(process.env.BENCH_NOTIFY_CONCURRENCY ?? 16)
const ACCOUNTS = 20

/**
 * The payment core under load: order-creation latency through the BFF against the sandbox's own
 * work, and notifications applied per second with one instance and with two sharing the
 * database and Redis. Every figure comes from this run, so ratios compare like with like.
 */
export async function paymentsBench(redisUrl: string, sandboxUrl: string): Promise<boolean> {
  const postgres = await ensurePostgres({
    dir: path.join(os.tmpdir(), `gh-bench-pg-${process.pid}`),
  })
  const database = await freshDatabase(postgres.url)
  const capture = new NotificationCapture()
  await capture.open()
  // Credits confirm at the meter's next contact, which the bench makes immediate.
  await request(`${sandboxUrl}/sandbox/meters/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ confirmDelayMs: 0 }),
  }).then((r) => r.body.dump())
  const options = {
    databaseUrl: database.url,
    redisUrl,
    sandboxUrl,
    publicBaseUrl: capture.url,
    namespace: path.basename(new URL(database.url).pathname),
  }
  const instances: BenchInstance[] = []
  try {
    const a = await startInstance(options)
    instances.push(a)
    const b = await startInstance(options)
    instances.push(b)
    const accounts = await iotAccounts(sandboxUrl, ACCOUNTS)
    const token = await benchUser(a, accounts)

    // One at a time gives the latency the BFF adds (the target); under concurrency the figure
    // also holds the queueing of a CPU the BFF, the sandbox and PostgreSQL share here.
    for (const concurrency of [1, ORDER_CONCURRENCY]) {
      console.log(`order creation, ${concurrency} at a time:`)
      printOrderLatency(
        await measureOrderLatency({
          instance: a,
          token,
          accounts,
          requests: ORDER_REQUESTS,
          concurrency,
        }),
      )
    }

    const phase = { sandboxUrl, capture, token, accounts, orders: ORDERS }
    const one = await notifyPhase({
      ...phase,
      label: 'one instance (each notification twice, at once)',
      targets: [a, a],
      concurrency: NOTIFY_CONCURRENCY,
    })
    const two = await notifyPhase({
      ...phase,
      label: 'two instances (each notification to both, at once)',
      targets: [a, b],
      concurrency: NOTIFY_CONCURRENCY,
    })
    printNotify(one, two)
    return one.rejected + two.rejected === 0 && one.credits === ORDERS && two.credits === ORDERS
  } finally {
    for (const instance of instances) await instance.close()
    await capture.close()
    await database.drop()
    await postgres.stop()
  }
}

function printNotify(one: NotifyPhaseResult, two: NotifyPhaseResult): void {
  console.table([one, two])
  console.log(
    `notifications applied per second (paid → CREDITED): one instance ${one.settledPerSecond}/s, ` +
      `two instances ${two.settledPerSecond}/s, ratio two/one ${(two.settledPerSecond / one.settledPerSecond).toFixed(2)}; ` +
      `acknowledged ${one.ackPerSecond}/s vs ${two.ackPerSecond}/s`,
  )
  console.log(
    `meter credits per order: ${one.credits}/${one.orders} and ${two.credits}/${two.orders} ` +
      `(each must be exactly one); both instances run in this one process and share its CPU`,
  )
}
