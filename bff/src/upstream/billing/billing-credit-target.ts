import { toShanghaiIso } from '../../platform/time'
import { UpstreamError } from '../../platform/upstream-client'
import type { CustomerAccount, CustomersPort } from '../customers/customers-port'
import type { MetersPort } from '../meters/meters-port'
import type { ProviderName } from '../payment-providers/payment-providers-port'
import type { BillingHttpAdapter } from './billing-http-adapter'
import type { CreditOutcome, CreditProgress, CreditRequest, CreditTarget } from './billing-port'

/** What the adapter needs of our own order: billing's posting must be the same on every retry. */
interface OrderFacts {
  accountNo: string
  provider: ProviderName
  paidAt: Date | null
}
type OrderFactsLookup = (orderId: string) => Promise<OrderFacts | null>

const refundIdFor = (orderId: string) => `RF-${orderId}`

const isConflict = (err: unknown) =>
  err instanceof UpstreamError && err.kind === 'rejected' && err.status === 409

/**
 * Crediting, as billing and meters see it: a payment posting in billing (the order id as
 * Idempotency-Key), then the gas to the meter: a remote credit for an IoT meter (only while it is
 * online, so an offline meter's money can still be withdrawn), an IC purchase awaiting its card
 * write. Every step is keyed by the order id, so any retry posts nothing new.
 */
export class BillingCreditTarget implements CreditTarget {
  constructor(
    private readonly customers: CustomersPort,
    private readonly billing: BillingHttpAdapter,
    private readonly meters: MetersPort,
    private readonly orders: OrderFactsLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async credit(request: CreditRequest): Promise<CreditOutcome> {
    const { account, facts } = await this.context(request.orderId)
    if (!facts.paidAt) throw new UpstreamError('billing', 'rejected', 'order is not paid', 409)
    try {
      await this.billing.postPayment({
        paymentId: request.orderId,
        accountNo: request.accountNo,
        amountFen: request.amountFen,
        channel: facts.provider,
        paidAt: toShanghaiIso(facts.paidAt),
      })
    } catch (err) {
      // The same id posted with another body: ours, from before a change of the request shape.
      if (!isConflict(err)) throw err
    }
    const toMeterFen = request.amountFen - request.toArrearsFen
    const meterNo = account.meterNo
    if (!meterNo || toMeterFen <= 0) return 'applied'
    if (account.kind === 'ic_prepaid') {
      await this.meters.purchase({ purchaseId: request.orderId, meterNo, amountFen: toMeterFen })
      return 'awaiting_card_write'
    }
    if (account.kind !== 'iot_prepaid') return 'applied'
    const sent = await this.meters.creditStatus(meterNo, request.orderId)
    if (sent) return sent.status === 'applied' ? 'applied' : 'pending'
    const meter = await this.meters.meter(meterNo)
    if (!meter?.online) return 'pending'
    const credit = await this.meters.credit(meterNo, {
      creditId: request.orderId,
      amountFen: toMeterFen,
    })
    return credit.status === 'applied' ? 'applied' : 'pending'
  }

  async status(orderId: string): Promise<CreditProgress> {
    const { account, facts } = await this.context(orderId)
    const meterNo = account.meterNo
    if (account.kind === 'ic_prepaid' && meterNo) {
      const purchase = await this.meters.purchaseStatus(orderId)
      if (purchase?.status === 'written') {
        return { status: 'card_written', at: instantOf(purchase.writtenAt) }
      }
      if (purchase) return { status: 'awaiting_card_write', at: null }
    }
    if (account.kind === 'iot_prepaid' && meterNo) {
      const credit = await this.meters.creditStatus(meterNo, orderId)
      if (credit) return { status: credit.status === 'applied' ? 'applied' : 'pending', at: null }
    }
    if (!facts.paidAt) return { status: 'unknown', at: null }
    const posting = await this.billing.findPosting(
      toShanghaiIso(facts.paidAt).slice(0, 10),
      orderId,
    )
    if (!posting) return { status: 'unknown', at: null }
    return { status: isPrepaidMeter(account) ? 'pending' : 'applied', at: null }
  }

  async refundPosting(orderId: string): Promise<'reversed' | 'already_applied'> {
    const { account, facts } = await this.context(orderId)
    const meterNo = account.meterNo
    if (account.kind === 'iot_prepaid' && meterNo) {
      const credit = await this.meters.creditStatus(meterNo, orderId)
      if (credit?.status === 'applied') return 'already_applied'
      if (credit) {
        // Sent to the meter and not confirmed: it cannot be called back, only waited for.
        throw new UpstreamError('meters', 'unavailable', 'credit in flight, cannot withdraw')
      }
    }
    if (account.kind === 'ic_prepaid' && (await this.meters.purchaseStatus(orderId))) {
      return 'already_applied'
    }
    const posting = facts.paidAt
      ? await this.billing.findPosting(toShanghaiIso(facts.paidAt).slice(0, 10), orderId)
      : null
    if (!posting) return 'reversed'
    // A bill payment settled bills the moment it was posted.
    if (!isPrepaidMeter(account)) return 'already_applied'
    try {
      await this.billing.postRefund({
        refundId: refundIdFor(orderId),
        paymentId: orderId,
        amountFen: posting.amountFen,
        reason: '未能按时到账，自动退款',
        refundedAt: toShanghaiIso(this.now()),
      })
    } catch (err) {
      // A replay at another instant: the refund posting is already there.
      if (!isConflict(err)) throw err
    }
    return 'reversed'
  }

  private async context(orderId: string): Promise<{ account: CustomerAccount; facts: OrderFacts }> {
    const facts = await this.orders(orderId)
    if (!facts) throw new UpstreamError('billing', 'rejected', 'unknown order', 404)
    const account = await this.customers.getAccount(facts.accountNo)
    if (!account) throw new UpstreamError('customers', 'rejected', 'unknown account', 404)
    return { account, facts }
  }
}

function instantOf(iso: string | null): Date | null {
  if (!iso) return null
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? null : at
}

function isPrepaidMeter(account: CustomerAccount): boolean {
  return account.kind === 'iot_prepaid' || account.kind === 'ic_prepaid'
}
