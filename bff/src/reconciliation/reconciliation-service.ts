import type { Logger } from '../platform/logger'
import type { PaymentOrderRow } from '../payments/order-entity'
import { dayRange } from './day'
import type { ReconciliationFindingRow } from './finding-entity'
import { findingKey, type Finding, type FindingStore } from './finding-store'
import { checkPayment, checkRefund, missingFromBill, type CheckContext } from './line-checks'
import type { ReconciliationOrders } from './order-reads'
import type { LedgerPayment } from '../upstream/billing/billing-port'
import {
  BillNotReady,
  type ProviderName,
} from '../upstream/payment-providers/payment-providers-port'
import type { ReconciliationPorts } from './ports'
import type { Repairs } from './repairs'

export interface ReconciliationRun {
  day: string
  /** Providers whose bill could not be had (not published yet, or unreadable): run again later. */
  unavailable: ProviderName[]
  /** Repairs this run made. */
  repaired: number
  /** Every finding of the day, this run's and earlier ones'. */
  findings: ReconciliationFindingRow[]
}

const PROVIDERS: readonly ProviderName[] = ['wechatpay', 'alipay']

/**
 * Daily reconciliation of one Shanghai calendar day: each provider's trade bill against our
 * payment orders and billing's postings. What is safe to repair is repaired through the payment
 * core (see Repairs); everything else is reported. Findings are stored per (day, provider,
 * order, category), so running a day again updates its rows and repairs nothing twice.
 */
export class ReconciliationService {
  constructor(
    private readonly ports: ReconciliationPorts,
    private readonly orders: ReconciliationOrders,
    private readonly findings: FindingStore,
    private readonly repairs: Repairs,
    private readonly logger: Logger,
  ) {}

  async run(day: string): Promise<ReconciliationRun> {
    const ledgers = new Map<string, Promise<Map<string, LedgerPayment>>>()
    const ledgerOf = (d: string) => {
      let ledger = ledgers.get(d)
      if (!ledger) {
        ledger = this.ports.ledger
          .postingsOfDay(d)
          .then((l) => new Map(l.payments.map((p) => [p.paymentId, p])))
        ledgers.set(d, ledger)
      }
      return ledger
    }
    const unavailable: ProviderName[] = []
    let repaired = 0
    for (const provider of PROVIDERS) {
      const ctx: CheckContext = { day, provider, repairs: this.repairs, ledgerOf }
      const found = await this.compare(ctx)
      if (!found) unavailable.push(provider)
      const list = found ?? [this.billUnavailable(day, provider)]
      for (const finding of list) await this.findings.record(finding)
      if (found) await this.findings.resolveAllBut(day, provider, new Set(found.map(findingKey)))
      repaired += list.filter((f) => f.status === 'repaired').length
    }
    const findings = await this.findings.ofDay(day)
    this.logger.info({ day, repaired, unavailable, findings: findings.length }, 'reconciled')
    return { day, unavailable, repaired, findings }
  }

  /** The day's findings for one provider; null when its bill could not be had. */
  private async compare(ctx: CheckContext): Promise<Finding[] | null> {
    let lines
    try {
      lines = await this.ports.bills[ctx.provider].tradeBill(ctx.day)
    } catch (err) {
      const level = err instanceof BillNotReady ? 'info' : 'error'
      this.logger[level]({ provider: ctx.provider, day: ctx.day, err }, 'bill unavailable')
      return null
    }
    const { from, to } = dayRange(ctx.day)
    const paidHere = await this.orders.paidBetween(ctx.provider, from, to)
    const refundedHere = await this.orders.refundedBetween(ctx.provider, from, to)
    const byNo = new Map<string, PaymentOrderRow>(paidHere.map((o) => [o.outTradeNo, o]))
    const others = [...new Set(lines.map((l) => l.outTradeNo))].filter((no) => !byNo.has(no))
    for (const o of await this.orders.byOutTradeNos(others)) byNo.set(o.outTradeNo, o)

    const found: Finding[] = []
    const payments = lines.filter((l) => l.kind === 'payment')
    for (const line of payments) {
      found.push(...(await checkPayment(ctx, line, byNo.get(line.outTradeNo))))
    }
    const billed = new Set(payments.map((l) => l.outTradeNo))
    for (const order of paidHere.filter((o) => !billed.has(o.outTradeNo))) {
      found.push(missingFromBill(ctx, order, 'missing_from_bill'))
    }
    const refunds = new Map<string, number>()
    for (const line of lines.filter((l) => l.kind === 'refund')) {
      refunds.set(line.outTradeNo, (refunds.get(line.outTradeNo) ?? 0) + line.amountFen)
    }
    for (const [no, fen] of refunds) found.push(await checkRefund(ctx, no, fen, byNo.get(no)))
    for (const order of refundedHere.filter((o) => !refunds.has(o.outTradeNo))) {
      found.push(missingFromBill(ctx, order, 'refund_missing_from_bill'))
    }
    found.push(...(await this.postingsWithoutPayment(ctx, byNo)))
    // One row per key: a later finding of the same key (same order, same category) wins.
    return [...new Map(found.map((f) => [findingKey(f), f])).values()]
  }

  /** Billing holds a payment of this channel that day for an order we never saw paid. */
  private async postingsWithoutPayment(
    ctx: CheckContext,
    known: Map<string, PaymentOrderRow>,
  ): Promise<Finding[]> {
    const ledger = await ctx.ledgerOf(ctx.day)
    const ours = new Set([...known.values()].map((o) => o.id))
    const strays = [...ledger.values()].filter(
      (p) => p.channel === ctx.provider && !ours.has(p.paymentId),
    )
    const orders = new Map(
      (await this.orders.byIds(strays.map((p) => p.paymentId))).map((o) => [o.id, o]),
    )
    return strays
      .filter((p) => orders.get(p.paymentId)?.paidAt == null)
      .map((p) => {
        const order = orders.get(p.paymentId)
        return {
          day: ctx.day,
          provider: ctx.provider,
          outTradeNo: order?.outTradeNo ?? `posting:${p.paymentId}`.slice(0, 64),
          category: 'posting_without_payment' as const,
          ourState: order?.state ?? null,
          providerState: 'absent',
          ourFen: order?.amountFen ?? null,
          providerFen: null,
          billingFen: p.amountFen,
          action: 'none' as const,
          status: 'open' as const,
        }
      })
  }

  private billUnavailable(day: string, provider: ProviderName): Finding {
    return {
      day,
      provider,
      outTradeNo: '*',
      category: 'bill_unavailable',
      ourState: null,
      providerState: null,
      ourFen: null,
      providerFen: null,
      billingFen: null,
      action: 'none',
      status: 'open',
    }
  }
}
