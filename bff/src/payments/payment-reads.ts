import {
  paymentOptions,
  type PaymentOffer,
  type PaymentOrder,
  type PaymentPurpose,
} from '@gh/shared'
import { errors } from '../platform/app-error'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository } from './order-repository'
import { toPaymentOrder } from './order-view'
import { startOfShanghaiDay } from './out-trade-no'
import type { PaymentAccountsPort } from '../upstream/billing/billing-port'

/** What the resident reads: orders with their timelines, and what they may pay. */
export class PaymentReads {
  constructor(
    private readonly orders: OrderRepository,
    private readonly accounts: PaymentAccountsPort,
    private readonly now: () => Date,
  ) {}

  async view(order: PaymentOrderRow, withClientParams = true): Promise<PaymentOrder> {
    return toPaymentOrder(order, await this.orders.timelineOf(order), withClientParams)
  }

  async list(accountNo: string, purpose: PaymentPurpose, limit: number): Promise<PaymentOrder[]> {
    const rows = await this.orders.listForAccount(accountNo, purpose, limit)
    const transitions = await this.orders.transitionsOf(rows.map((r) => r.id))
    return rows.map((row) => toPaymentOrder(row, transitions, false))
  }

  /** The account's newest order of either purpose, with its timeline; null when none. */
  async latest(accountNo: string): Promise<PaymentOrder | null> {
    const order = await this.orders.latestForAccount(accountNo)
    return order ? this.view(order, false) : null
  }

  async get(accountNo: string, purpose: PaymentPurpose, orderNo: string): Promise<PaymentOrder> {
    const order = await this.orders.findForAccount(accountNo, orderNo)
    if (!order || order.purpose !== purpose) throw errors.notFound()
    return this.view(order)
  }

  async options(accountNo: string): Promise<PaymentOffer> {
    const account = await this.accounts.facts(accountNo)
    if (!account) throw errors.notFound()
    const paidToday = await this.orders.committedSince(accountNo, startOfShanghaiDay(this.now()))
    return paymentOptions(account, paidToday)
  }
}
