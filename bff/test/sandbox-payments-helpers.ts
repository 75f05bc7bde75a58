import { randomUUID } from 'node:crypto'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import type { Posting, RefundPosting } from '../contracts/billing'
import type { Credit, IcPurchase } from '../contracts/meters'
import type { PaymentSettings } from '../src/payments/payment-settings'
import type { Sandbox } from '../sandbox/app'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { fastPayments } from './payment-fakes'

export { eventually } from './payment-fakes'

/**
 * Fault scenarios against the real core sandbox: one sandbox, one front door the sandbox notifies
 * (so notify_url is known before any BFF has a port, and survives a restart), and any number of
 * BFF instances sharing one PostgreSQL database and one Redis, as in production.
 */
export interface SandboxWorld {
  readonly sandbox: Sandbox
  readonly sandboxUrl: string
  /** The BFF instances' clock: the sandbox's (see core-sandbox.ts), plus any skew asked for. */
  readonly now: () => Date
  core(): ReturnType<typeof request>
  /** The first call makes the database; later ones share it, its queues and Redis. */
  startInstance(): Promise<TestBff>
  /** Stops an instance (HTTP, workers, sweep), as a crash or a deploy would. */
  stopInstance(instance: TestBff): Promise<void>
  /** Where the front door (every order's notify_url) forwards to from now on. */
  route(instance: TestBff): void
  /** A user with a session valid on every instance, bound to `accountNos`. */
  resident(...accountNos: string[]): Promise<Resident>
  close(): Promise<void>
}

export type Purpose = 'recharge' | 'bill'
const collection: Record<Purpose, string> = { recharge: 'recharges', bill: 'payments' }

export interface Resident {
  token: string
  /** Creates an H5-cashier order through `via` (default: the first instance); its order number. */
  create(accountNo: string, purpose: Purpose, amountFen: number, via?: TestBff): Promise<string>
  read(accountNo: string, purpose: Purpose, orderNo: string, via?: TestBff): Promise<OrderBody>
  /** What a bill payment must pay now (billing's figure, through the BFF). */
  owedFen(accountNo: string): Promise<number>
}

export interface OrderBody {
  state: string
  amountFen: number
  paidAt: string | null
  timeline: { state: string }[]
}

export const notifyPath = '/api/v1/notify/wechatpay'

/** Fast timings, polling far away: only the notification tells a BFF an order was paid. */
export const notifiedPayments: Partial<PaymentSettings> = {
  ...fastPayments,
  pollDelaysMs: [60_000],
}

/** Payment timings short enough for a test; only a notification settles an unpaid order. */
export const testPayments: Partial<PaymentSettings> = {
  ...notifiedPayments,
  creditDeadlineMs: 60_000,
}

/**
 * A stable address in front of BFF instances: the sandbox must know every order's notify_url
 * before a BFF has its port, and it must survive a restart or a switch to another instance.
 */
export interface FrontDoor {
  readonly url: string
  /** Where requests go now ('' until the first route). */
  readonly target: string
  route(targetUrl: string): void
  close(): Promise<void>
}

export async function startFrontDoor(): Promise<FrontDoor> {
  let target = ''
  const server: Server = createServer((req, res) => {
    const out = httpRequest(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => res.writeHead(502).end())
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get target() {
      return target
    },
    route(targetUrl) {
      target = targetUrl
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export interface WorldOptions {
  /** How far the BFF's clock runs ahead of the sandbox's (the providers' and upstreams'). */
  bffClockAheadMs?: number
  /** More settings for every instance. */
  env?: Record<string, string>
}

export async function openWorld(
  settings: Partial<PaymentSettings>,
  options: WorldOptions = {},
): Promise<SandboxWorld> {
  const coreSandbox = await startCoreSandbox('payments-faults')
  const { sandbox, url: sandboxUrl } = coreSandbox
  const aheadMs = options.bffClockAheadMs ?? 0
  const now = () => new Date(coreSandbox.now().getTime() + aheadMs)
  const core = () => request(sandboxUrl)
  // Credits confirm at once and refunds succeed at once: the faults under test are the only waits.
  await core().post('/sandbox/meters/settings').send({ confirmDelayMs: 0 }).expect(200)
  await core().post('/sandbox/wechatpay/settings').send({ refundDelayMs: 0 }).expect(200)

  const front = await startFrontDoor()
  const namespace = randomNamespace()
  const running = new Set<TestBff>()
  let databaseUrl: string | undefined

  const world: SandboxWorld = {
    sandbox,
    sandboxUrl,
    core,
    now,
    async startInstance() {
      const instance = await startBff({
        upstreamUrl: sandboxUrl,
        now,
        env: { ...options.env, RATE_LIMIT_NAMESPACE: namespace, PUBLIC_BASE_URL: front.url },
        payments: settings,
        ...(databaseUrl ? { databaseUrl } : {}),
      })
      databaseUrl = instance.databaseUrl
      running.add(instance)
      if (!front.target) front.route(instance.url)
      return instance
    },
    async stopInstance(instance) {
      if (!running.delete(instance)) return
      await instance.close()
    },
    route(instance) {
      front.route(instance.url)
    },
    async resident(...accountNos) {
      const first = [...running][0]
      if (!first) throw new Error('start an instance first')
      const { token, userId } = await first.login()
      for (const accountNo of accountNos) await first.bind(userId, accountNo)
      return residentOf(token, first)
    },
    async close() {
      for (const instance of running) await instance.close()
      running.clear()
      await front.close()
      await coreSandbox.close()
    },
  }
  return world
}

function residentOf(token: string, first: TestBff): Resident {
  const auth = `Bearer ${token}`
  return {
    token,
    async create(accountNo, purpose, amountFen, via = first) {
      const res = await request(via.url)
        .post(`/api/v1/accounts/${accountNo}/${collection[purpose]}`)
        .set('authorization', auth)
        .set('idempotency-key', `k-${randomUUID()}`)
        .send({ amountFen, channel: 'h5' })
      if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body.orderNo as string
    },
    async read(accountNo, purpose, orderNo, via = first) {
      const res = await request(via.url)
        .get(`/api/v1/accounts/${accountNo}/${collection[purpose]}/${orderNo}`)
        .set('authorization', auth)
      if (res.status !== 200) throw new Error(`read ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body as OrderBody
    },
    async owedFen(accountNo) {
      const res = await request(first.url)
        .get(`/api/v1/accounts/${accountNo}/payment-options`)
        .set('authorization', auth)
        .expect(200)
      return res.body.bill.owedFen as number
    },
  }
}

/** Everything billing and the meters recorded for one order (they key it by our order id). */
export interface OrderLedger {
  postings: Posting[]
  refunds: RefundPosting[]
  credits: Credit[]
  icPurchases: IcPurchase[]
}

export async function ledgerOf(
  world: SandboxWorld,
  accountNo: string,
  orderId: string,
): Promise<OrderLedger> {
  const res = await world.core().get(`/sandbox/ledger?accountNo=${accountNo}`).expect(200)
  const ledger = res.body as OrderLedger
  return {
    postings: ledger.postings.filter((p) => p.paymentId === orderId),
    refunds: ledger.refunds.filter((r) => r.paymentId === orderId),
    credits: ledger.credits.filter((c) => c.creditId === orderId),
    icPurchases: ledger.icPurchases.filter((p) => p.purchaseId === orderId),
  }
}

/** The order as stored (shared by every instance), with its transitions as `FROM→TO:cause`. */
export async function storedOrder(instance: TestBff, orderNo: string) {
  const orders = instance.container.payments.orders
  const order = await orders.findByOutTradeNo(orderNo)
  if (!order) throw new Error(`no order ${orderNo}`)
  const transitions = (await orders.transitionsOf([order.id])).map(
    (t) => `${t.fromState ?? ''}→${t.toState}:${t.cause}`,
  )
  return { id: order.id, state: order.state, transitions }
}

/** The payer confirms at the sandbox cashier. */
export async function pay(world: SandboxWorld, orderNo: string): Promise<void> {
  await world.core().post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)
}

export interface DeliveryAttempt {
  target: string
  at: string
  status: number | null
  accepted: boolean
}

export async function notificationsOf(world: SandboxWorld, orderNo: string) {
  const res = await world.core().get(`/sandbox/notifications?outTradeNo=${orderNo}`).expect(200)
  return res.body.items as { kind: string; state: string; attempts: DeliveryAttempt[] }[]
}
