import type { OrderState } from '@gh/shared'
import type { Logger } from '../platform/logger'
import { UpstreamError } from '../platform/upstream-client'
import type { PaymentOrderRow } from './order-entity'
import type { OrderRepository, TransitionPatch } from './order-repository'
import { refundNoFor } from './out-trade-no'
import { backoff, done, type Next } from './payment-jobs'
import type { PaymentSettings } from './payment-settings'
import type { CreditOutcome } from '../upstream/billing/billing-port'
import type { PaymentPorts } from './ports'
import type { AccountReadsChanged } from './read-invalidation'
import { tellResident } from './resident-notices'

type Pass = Next | 'again'

const giveUpCause = {
  pending: 'meter_offline',
  failed: 'credit_timeout',
  rejected: 'credit_rejected',
}

/** Steps reached after billing or the meter changed what they answer for the account. */
const CHANGES_ACCOUNT: ReadonlySet<OrderState> = new Set([
  'CREDITED',
  'CREDIT_FAILED',
  'CARD_WRITTEN',
])

const isCardOrder = (o: PaymentOrderRow) =>
  o.accountKind === 'ic_prepaid' && o.purpose === 'recharge'

/**
 * The settle job's step: drives a paid order to its end: credited (and, for an IC card, written)
 * or refunded. Each pass makes at most one conditional transition and re-reads, so a step that
 * runs twice, or after a crash at any point, repeats no effect: billing and the provider are
 * called with keys derived from the order (order id, refund number) that they de-duplicate.
 */
export class Settlement {
  constructor(
    private readonly orders: OrderRepository,
    private readonly ports: PaymentPorts,
    private readonly settings: PaymentSettings,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly readsChanged: AccountReadsChanged = async () => undefined,
  ) {}

  readonly step = async (orderId: string, tries: number): Promise<Next> => {
    for (;;) {
      const order = await this.orders.find(orderId)
      if (!order) return done
      const pass = await this.pass(order, tries)
      if (pass !== 'again') return pass
    }
  }

  private pass(order: PaymentOrderRow, tries: number): Promise<Pass> {
    switch (order.state) {
      case 'PAID':
        return order.paidFen === order.amountFen
          ? this.move(order, 'CREDITING', 'credit_sent')
          : this.move(order, 'CREDIT_FAILED', 'amount_mismatch')
      case 'CREDITING':
        return this.credit(order, tries)
      case 'CREDITED':
        return isCardOrder(order)
          ? this.move(order, 'AWAITING_CARD_WRITE', 'card_write_needed')
          : Promise.resolve(done)
      case 'AWAITING_CARD_WRITE':
        return this.watchCard(order)
      case 'CREDIT_FAILED':
        return this.move(order, 'REFUNDING', 'refund_started', {
          refundNo: refundNoFor(order.outTradeNo),
        })
      case 'REFUNDING':
        return this.refund(order, tries)
      default:
        return Promise.resolve(done)
    }
  }

  /** The order id is billing's idempotency key: a retry after any failure cannot post twice. */
  private async credit(order: PaymentOrderRow, tries: number): Promise<Pass> {
    let outcome: CreditOutcome | 'failed' | 'rejected'
    try {
      outcome = await this.ports.credit.credit({
        orderId: order.id,
        accountNo: order.accountNo,
        purpose: order.purpose,
        amountFen: order.amountFen,
        toArrearsFen: order.toArrearsFen,
      })
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'credit failed')
      outcome = err instanceof UpstreamError && err.kind === 'rejected' ? 'rejected' : 'failed'
    }
    if (outcome === 'applied' || outcome === 'awaiting_card_write') {
      return this.move(order, 'CREDITED', `credit_${outcome}`)
    }
    if (outcome === 'rejected') return this.giveUp(order, giveUpCause.rejected, tries)
    const sincePaid = this.now().getTime() - (await this.paidHereAt(order)).getTime()
    const untilDeadline = this.settings.creditDeadlineMs - sincePaid
    if (untilDeadline <= 0) return this.giveUp(order, giveUpCause[outcome], tries)
    if (outcome === 'pending') return this.waitForMeter(sincePaid, untilDeadline, tries)
    return this.wait(tries, untilDeadline)
  }

  /**
   * When this system recorded the payment (its PAID step), on its own clock: the credit deadline
   * and the meter watch count from here. The provider's paid time comes from the provider's
   * clock, which can be off by any amount; it is data to show, post and reconcile, never a timer.
   */
  private async paidHereAt(order: PaymentOrderRow): Promise<Date> {
    const paid = (await this.orders.timelineOf(order)).filter((t) => t.toState === 'PAID').at(-1)
    return paid?.at ?? order.updatedAt
  }

  /**
   * The meter has the credit queued and confirms when it next talks to the network, often
   * within a minute: while the resident is likely watching the order page, ask at a steady
   * pace instead of backing off past the moment it arrives; later, back off as usual.
   */
  private waitForMeter(sincePaid: number, untilDeadline: number, tries: number): Next {
    if (sincePaid > this.settings.meterWatchWindowMs) return this.wait(tries, untilDeadline)
    const steady = Math.min(
      backoff(tries, this.settings.retryBaseMs, this.settings.retryMaxMs),
      this.settings.meterPollMs,
    )
    return { retryInMs: Math.min(steady, untilDeadline + 1) }
  }

  /** Withdraw the posting before refunding: when the meter was faster, the order is credited. */
  private async giveUp(order: PaymentOrderRow, cause: string, tries: number): Promise<Pass> {
    let withdrawn: 'reversed' | 'already_applied'
    try {
      withdrawn = await this.ports.credit.refundPosting(order.id)
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'withdrawing the posting failed')
      return this.wait(tries)
    }
    return withdrawn === 'already_applied'
      ? this.move(order, 'CREDITED', 'credit_applied')
      : this.move(order, 'CREDIT_FAILED', cause)
  }

  /**
   * The card is written at a service point, not through us: we only learn of it at the next
   * check, so the step carries the write time the meter system recorded, not that moment.
   */
  private async watchCard(order: PaymentOrderRow): Promise<Pass> {
    const watchedFor = this.now().getTime() - order.updatedAt.getTime()
    if (watchedFor > this.settings.cardWriteWatchMs) return done
    const progress = await this.ports.credit.status(order.id).catch(() => null)
    if (progress?.status !== 'card_written') return { retryInMs: this.settings.cardWritePollMs }
    // The meter system may record whole seconds: a write in the same second as the step
    // before would otherwise sort ahead of it.
    const writtenAt = progress.at
      ? new Date(Math.max(progress.at.getTime(), order.updatedAt.getTime() + 1))
      : undefined
    return this.move(order, 'CARD_WRITTEN', 'card_written', {}, writtenAt)
  }

  /** One refund per order (derived refund number): asking first avoids a second request. */
  private async refund(order: PaymentOrderRow, tries: number): Promise<Pass> {
    const provider = this.ports.providers[order.provider]
    const outRefundNo = order.refundNo ?? refundNoFor(order.outTradeNo)
    const paid = order.paidFen ?? order.amountFen
    try {
      const known = await provider.queryRefund(order.outTradeNo, outRefundNo)
      const status =
        known !== 'not_found'
          ? known
          : await provider.refund({
              outTradeNo: order.outTradeNo,
              outRefundNo,
              amountFen: paid,
              totalFen: paid,
              reason: '未能按时到账，自动退款',
            })
      if (status === 'success') return this.move(order, 'REFUNDED', 'refund_success')
      if (status === 'failed') this.logger.error({ orderNo: order.outTradeNo }, 'refund failed')
    } catch (err) {
      this.logger.warn({ orderNo: order.outTradeNo, err }, 'refund call failed')
    }
    return this.wait(tries)
  }

  private async move(
    order: PaymentOrderRow,
    to: OrderState,
    cause: string,
    patch?: TransitionPatch,
    happenedAt?: Date,
  ): Promise<Pass> {
    // Before the step shows: whoever sees the order credited then reads the new balance and bills.
    if (CHANGES_ACCOUNT.has(to)) await this.readsChanged(order.accountNo)
    const moved = await this.orders.transition(order.id, order.state, to, cause, patch, happenedAt)
    if (moved.won && this.isEnd(moved.order)) {
      await tellResident(this.ports.notices, moved.order, this.logger)
    }
    return 'again'
  }

  private isEnd(order: PaymentOrderRow): boolean {
    if (order.state === 'CREDITED') return !isCardOrder(order)
    return ['AWAITING_CARD_WRITE', 'CARD_WRITTEN', 'REFUNDED'].includes(order.state)
  }

  /** Backoff, but never sleeping past a credit deadline still ahead, so the refund is not late. */
  private wait(tries: number, untilDeadline = 0): Next {
    const delay = backoff(tries, this.settings.retryBaseMs, this.settings.retryMaxMs)
    return { retryInMs: untilDeadline > 0 ? Math.min(delay, untilDeadline + 1) : delay }
  }
}
