import { randomUUID } from 'node:crypto'
import {
  decidePayment,
  type ClientPayParams,
  type PayableAccount,
  type PayableAccountKind,
  type PaymentChannel,
  type PaymentPurpose,
} from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import { later } from '../platform/later'
import { UpstreamError } from '../platform/upstream-client'
import type { WithLock } from '../platform/redis-lock'
import type { JobScheduler } from './payment-jobs'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository } from './order-repository'
import { newOutTradeNo, startOfShanghaiDay } from './out-trade-no'
import type { PaymentSettings } from './payment-settings'
import type { ProviderName } from '../upstream/payment-providers/payment-providers-port'
import type { PaymentPorts } from './ports'

interface CreateOrderCommand {
  userId: string
  accountNo: string
  purpose: PaymentPurpose
  amountFen: number
  channel: PaymentChannel
  idempotencyKey: string
}

/** The payer's id at the provider (WeChat openid, Alipay user id); null when there is none. */
export type PayerLookup = (userId: string, channel: PaymentChannel) => Promise<string | null>

const openInApp: Record<PaymentChannel, string> = {
  wechat: '请在微信中打开小程序完成支付',
  alipay: '请在支付宝中打开小程序完成支付',
  h5: '',
}

/** Creating top-up and bill-payment orders and handing the payer what to pay with. */
export class RechargeService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly jobs: JobScheduler,
    private readonly ports: PaymentPorts,
    private readonly payers: PayerLookup,
    private readonly settings: PaymentSettings,
    private readonly now: () => Date,
    private readonly lock: WithLock,
  ) {}

  /**
   * The same Idempotency-Key gives the same order; a new order must pass the amount rules.
   *
   * The account's facts (CIS, billing and meters: the slowest part) are asked for first, and
   * the account's lock is taken and the database read while they come. Under the lock the
   * order is decided and inserted, and the provider's order (idempotent by out_trade_no) is
   * asked for while the row is written: the payer gets its parameters only once the row
   * exists, so nothing can be paid that is not recorded. `known`: the account's facts when
   * the caller has just read them (a family card for a bill checks the amount owed with them).
   */
  async create(cmd: CreateOrderCommand, known?: PayableAccount): Promise<PaymentOrderRow> {
    const facts = later(known ? Promise.resolve(known) : this.ports.accounts.facts(cmd.accountNo))
    // Per account, so two payers (two phones of one family, two instances) cannot both pass
    // the daily limit on the same "paid today" sum.
    const admitted = await this.lock(`pay:${cmd.accountNo}`, () => this.admit(cmd, facts))
    const { order, payerId } = admitted
    if (!admitted.fresh) return this.startPaying(sameRequest(order, cmd), payerId)
    const [params] = await Promise.all([
      admitted.providerOrder(),
      this.jobs.watch(order.id, this.settings.pollDelaysMs[0] ?? 0),
    ])
    return this.markPaying(order, params)
  }

  /** Finds the key's order, or checks the amount rules and inserts one; runs under the lock. */
  private async admit(
    cmd: CreateOrderCommand,
    facts: () => Promise<PayableAccount | null>,
  ): Promise<Admitted> {
    const [payerId, existing, standing] = await Promise.all([
      this.payers(cmd.userId, cmd.channel),
      this.orders.findByKey(cmd.userId, cmd.idempotencyKey),
      this.orders.standing(cmd.accountNo, startOfShanghaiDay(this.now())),
    ])
    if (cmd.channel !== 'h5' && !payerId) throw refused('NO_PAYER', openInApp[cmd.channel])
    // A repeated request answers its order without waiting for the facts it does not use.
    if (existing) return { fresh: false, order: existing, payerId }
    if (standing.openOrders >= this.settings.maxOpenOrdersPerAccount) {
      throw tooManyOpenOrders(standing.openOrders, this.settings.orderTtlMs)
    }
    const account = await withDeadline(facts(), this.settings.accountFactsTimeoutMs)
    if (!account) throw errors.notFound()
    // The meter system takes no purchase while another waits for its card write: a second
    // top-up would be paid and then refunded.
    if (
      cmd.purpose === 'recharge' &&
      account.kind === 'ic_prepaid' &&
      standing.awaitingCardWrite > 0
    ) {
      throw cardWritePending()
    }
    const decision = decidePayment(account, cmd.purpose, cmd.amountFen, standing.committedFen)
    if (!decision.allowed) throw refused(decision.refusal, decision.message)
    const order = this.newOrder(cmd, account.kind, decision.toArrearsFen)
    const providerOrder = later(this.providerOrder(order, payerId))
    const stored = await this.orders.create(order)
    // The same key won a race for another account: that order answers, this one never existed.
    if (stored.id !== order.id) return { fresh: false, order: stored, payerId }
    return { fresh: true, order: stored, payerId, providerOrder }
  }

  /** Creates the provider's order (idempotent by out_trade_no) unless that was done already. */
  private async startPaying(
    order: PaymentOrderRow,
    payerId: string | null,
  ): Promise<PaymentOrderRow> {
    if (order.state !== 'CREATED' || order.expiresAt <= this.now()) return order
    return this.markPaying(order, await this.providerOrder(order, payerId))
  }

  private providerOrder(
    order: Pick<
      PaymentOrderRow,
      | 'provider'
      | 'outTradeNo'
      | 'amountFen'
      | 'purpose'
      | 'accountKind'
      | 'accountNo'
      | 'channel'
      | 'expiresAt'
    >,
    payerId: string | null,
  ): Promise<ClientPayParams> {
    return this.ports.providers[order.provider].createOrder({
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen,
      description: describe(order.purpose, order.accountKind, order.accountNo),
      channel: order.channel,
      payerId,
      expiresAt: order.expiresAt,
      accountNo: order.accountNo,
      purpose: order.purpose,
    })
  }

  /** CREATED → PAYING with what the payer pays with. */
  private async markPaying(
    order: PaymentOrderRow,
    params: ClientPayParams,
  ): Promise<PaymentOrderRow> {
    const moved = await this.orders.transition(order.id, 'CREATED', 'PAYING', 'provider_order', {
      clientParams: JSON.stringify(params),
    })
    return moved.order
  }

  private newOrder(cmd: CreateOrderCommand, kind: PayableAccountKind, toArrearsFen: number) {
    const createdAt = this.now()
    return {
      id: randomUUID(),
      outTradeNo: newOutTradeNo(createdAt),
      userId: cmd.userId,
      idempotencyKey: cmd.idempotencyKey,
      accountNo: cmd.accountNo,
      accountKind: kind,
      purpose: cmd.purpose,
      channel: cmd.channel,
      provider: this.providerFor(cmd.channel),
      amountFen: cmd.amountFen,
      toArrearsFen,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.settings.orderTtlMs),
    }
  }

  private providerFor(channel: PaymentChannel): ProviderName {
    if (channel === 'wechat') return 'wechatpay'
    if (channel === 'alipay') return 'alipay'
    return this.settings.h5Provider
  }
}

type Admitted = { order: PaymentOrderRow; payerId: string | null } & (
  { fresh: false } | { fresh: true; providerOrder: () => Promise<ClientPayParams> }
)

/**
 * The facts are awaited while the account's lock is held; past the deadline the request fails
 * as an upstream timeout rather than outliving the lock's TTL.
 */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UpstreamError('customers', 'timeout', `account facts took over ${ms} ms`)),
      ms,
    )
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

function tooManyOpenOrders(open: number, orderTtlMs: number): AppError {
  return new AppError('TOO_MANY_OPEN_ORDERS', {
    message: `${open} unpaid orders open on the account`,
    userMessage: `该户号已有${open}笔待支付的订单，请先完成支付或取消其中一笔再下单（未支付的订单${Math.round(orderTtlMs / 60_000)}分钟后自动关闭）`,
  })
}

function cardWritePending(): AppError {
  return new AppError('CARD_WRITE_PENDING', {
    message: 'an earlier IC-card top-up is not written to the card yet',
  })
}

function refused(reason: string, userMessage: string): AppError {
  return new AppError('PAYMENT_REFUSED', {
    message: `payment refused: ${reason}`,
    userMessage,
  })
}

/** A key reused for a different account, purpose, amount or channel is refused, as in Redis. */
function sameRequest(order: PaymentOrderRow, cmd: CreateOrderCommand): PaymentOrderRow {
  const same =
    order.accountNo === cmd.accountNo &&
    order.purpose === cmd.purpose &&
    order.amountFen === cmd.amountFen &&
    order.channel === cmd.channel
  if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED')
  return order
}

function describe(purpose: PaymentPurpose, kind: PayableAccountKind, accountNo: string): string {
  const what = purpose === 'recharge' ? '燃气充值' : kind === 'heating' ? '供热费' : '燃气费'
  return `${what}（户号尾号${accountNo.slice(-4)}）`
}
