import { In } from 'typeorm'
import { Agent, request } from 'undici'
import { PaymentOrderRow } from '../src/payments/order-entity'
import { createRecharge, until, type BenchInstance, type NotificationCapture } from './bench-world'
import { runCalls } from './load'

export interface NotifyPhaseOptions {
  label: string
  /** Each notification goes once to each of these, at the same time (the same one twice is fine). */
  targets: BenchInstance[]
  sandboxUrl: string
  capture: NotificationCapture
  token: string
  accounts: string[]
  orders: number
  concurrency: number
}

export interface NotifyPhaseResult {
  label: string
  orders: number
  deliveries: number
  rejected: number
  ackPerSecond: number
  settledPerSecond: number
  seconds: number
  /** Meter credits the sandbox holds for these orders: exactly `orders` when nothing doubled. */
  credits: number
}

const notifyPath = '/api/v1/notify/wechatpay'

/**
 * N orders are created and paid at the sandbox; their signed notifications are captured, then
 * delivered (timed) to every target at once. Measured until every order is CREDITED.
 */
export async function notifyPhase(options: NotifyPhaseOptions): Promise<NotifyPhaseResult> {
  const [first] = options.targets
  if (!first) throw new Error('no target')
  const agent = new Agent({ connections: options.concurrency * 2, keepAliveTimeout: 10_000 })
  const post = async (url: string, init: { headers: Record<string, string>; body: string }) => {
    const res = await request(url, { method: 'POST', dispatcher: agent, ...init })
    await res.body.dump()
    return res.statusCode
  }

  const orderNos: string[] = []
  const setup = { requests: options.orders, concurrency: 8 }
  await runCalls('create', setup, async (i) => {
    const accountNo = options.accounts[i % options.accounts.length] ?? ''
    const { status, orderNo } = await createRecharge(agent, first.url, options.token, accountNo)
    if (status !== 201 || !orderNo) throw new Error(`create ${status}`)
    orderNos.push(orderNo)
    return true
  })
  if (orderNos.length !== options.orders) throw new Error('some orders were not created')
  options.capture.take()
  await runCalls('pay', setup, async (i) => {
    const status = await post(`${options.sandboxUrl}/sandbox/payments/${orderNos[i]}/pay`, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    return status === 200
  })
  await until(async () => options.capture.captured.length >= options.orders, 30_000)
  const notifications = options.capture.take()

  const repo = first.container.db.getRepository(PaymentOrderRow)
  const states = async () => {
    const rows = await repo.find({ select: { state: true }, where: { outTradeNo: In(orderNos) } })
    const count: Record<string, number> = {}
    for (const { state } of rows) count[state] = (count[state] ?? 0) + 1
    return count
  }
  let rejected = 0
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  const load = { requests: notifications.length, concurrency: options.concurrency }
  await runCalls('deliver', load, async (i) => {
    const n = notifications[i]
    if (!n) return false
    const init = { headers: n.headers, body: n.body.toString('utf8') }
    const statuses = await Promise.all(options.targets.map((t) => post(t.url + notifyPath, init)))
    rejected += statuses.filter((s) => s !== 204).length
    return true
  })
  const ackSeconds = elapsed()
  await until(
    async () => (await states()).CREDITED === options.orders,
    120_000,
    async () => `orders by state: ${JSON.stringify(await states())}`,
  )
  const seconds = elapsed()
  await agent.close()
  const rows = await repo.find({ select: { id: true }, where: { outTradeNo: In(orderNos) } })
  const ids = rows.map((o) => o.id)

  return {
    label: options.label,
    orders: options.orders,
    deliveries: notifications.length * options.targets.length,
    rejected,
    ackPerSecond: Math.round(options.orders / ackSeconds),
    settledPerSecond: Math.round(options.orders / seconds),
    seconds: Number(seconds.toFixed(2)),
    credits: await creditsFor(options.sandboxUrl, options.accounts, new Set(ids)),
  }
}

async function creditsFor(
  sandboxUrl: string,
  accounts: string[],
  ids: Set<string>,
): Promise<number> {
  let count = 0
  for (const accountNo of accounts) {
    const res = await request(`${sandboxUrl}/sandbox/ledger?accountNo=${accountNo}`)
    const ledger = (await res.body.json()) as { credits: { creditId: string }[] }
    count += ledger.credits.filter((c) => ids.has(c.creditId)).length
  }
  return count
}
