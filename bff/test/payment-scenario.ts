import { randomUUID } from 'node:crypto'
import request from 'supertest'
import type { OrderState } from '@gh/shared'
import { OrderTransitionRow, type PaymentOrderRow } from '../src/payments/order-entity'
import type { PaymentSettings } from '../src/payments/payment-settings'
import { startBff, type TestBff } from './harness'
import {
  eventually,
  fastPayments,
  paymentFakes,
  type PaymentFakes,
  type SignedNotification,
} from './payment-fakes'

/** A topological order of the state graph: sorting transitions by it gives their sequence. */
const RANK: OrderState[] = [
  'CREATED',
  'PAYING',
  'CLOSED',
  'PAID',
  'CREDITING',
  'CREDITED',
  'AWAITING_CARD_WRITE',
  'CARD_WRITTEN',
  'CREDIT_FAILED',
  'REFUNDING',
  'REFUNDED',
]

/** One or more BFF instances on one database and Redis, with the same fake upstreams. */
export class PaymentScenario {
  readonly instances: TestBff[] = []
  token = ''
  userId = ''
  private databaseUrl: string | undefined

  private constructor(
    readonly fakes: PaymentFakes,
    private readonly settings: Partial<PaymentSettings>,
  ) {}

  static async start(
    settings: Partial<PaymentSettings> = {},
    instances = 1,
  ): Promise<PaymentScenario> {
    const scenario = new PaymentScenario(paymentFakes(), { ...fastPayments, ...settings })
    const first = await scenario.addInstance()
    ;({ token: scenario.token, userId: scenario.userId } = await first.login())
    for (let i = 1; i < instances; i++) await scenario.addInstance()
    return scenario
  }

  get bff(): TestBff {
    const first = this.instances[0]
    if (!first) throw new Error('no instance running')
    return first
  }

  /** Starts another instance on the same database (a second server, or a restart). */
  async addInstance(): Promise<TestBff> {
    const bff = await startBff({
      ports: { payments: this.fakes.ports },
      payments: this.settings,
      ...(this.databaseUrl ? { databaseUrl: this.databaseUrl } : {}),
    })
    this.databaseUrl = bff.databaseUrl
    this.instances.push(bff)
    return bff
  }

  /** Stops an instance as a deploy or a crash would; the database and Redis keep everything. */
  async stopInstance(bff: TestBff): Promise<void> {
    this.instances.splice(this.instances.indexOf(bff), 1)
    await bff.close()
  }

  async close(): Promise<void> {
    for (const bff of [...this.instances]) await this.stopInstance(bff)
  }

  async bind(accountNo: string): Promise<void> {
    await this.bff.bind(this.userId, accountNo)
  }

  /** Creates a top-up through the API and returns its order number. */
  async topUp(
    accountNo: string,
    amountFen: number,
    purpose: 'recharges' | 'payments' = 'recharges',
  ) {
    const res = await request(this.bff.url)
      .post(`/api/v1/accounts/${accountNo}/${purpose}`)
      .set('authorization', `Bearer ${this.token}`)
      .set('idempotency-key', `k-${randomUUID()}`)
      .send({ amountFen, channel: 'h5' })
    if (res.status !== 201)
      throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.orderNo as string
  }

  notify(n: SignedNotification, via: TestBff = this.bff, provider = 'wechatpay') {
    return request(via.url)
      .post(`/api/v1/notify/${provider}`)
      .set(n.headers)
      .send(n.body.toString('utf8'))
  }

  async order(orderNo: string): Promise<PaymentOrderRow> {
    const order = await this.bff.container.payments.orders.findByOutTradeNo(orderNo)
    if (!order) throw new Error(`no order ${orderNo}`)
    return order
  }

  async reaches(orderNo: string, state: OrderState, timeoutMs = 10_000): Promise<PaymentOrderRow> {
    await eventually(async () => expect((await this.order(orderNo)).state).toBe(state), timeoutMs)
    return this.order(orderNo)
  }

  async path(orderNo: string): Promise<OrderState[]> {
    const order = await this.order(orderNo)
    const rows = await this.bff.container.db
      .getRepository(OrderTransitionRow)
      .find({ where: { orderId: order.id } })
    return rows.map((r) => r.toState).sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b))
  }

  async timeline(accountNo: string, orderNo: string, purpose = 'recharges'): Promise<string[]> {
    const res = await request(this.bff.url)
      .get(`/api/v1/accounts/${accountNo}/${purpose}/${orderNo}`)
      .set('authorization', `Bearer ${this.token}`)
    return (res.body.timeline as { label: string; done: boolean }[])
      .filter((s) => s.done)
      .map((s) => s.label)
  }

  /** The payment notices sent so far: sent by a job after the state changed, so poll for them. */
  noticesOf(orderNo: string): string[] {
    return this.fakes.notices.sent.filter((n) => n.orderNo === orderNo).map((n) => n.state)
  }
}
