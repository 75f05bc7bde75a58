import {
  maskAccountNo,
  paymentOptions,
  type PayableAccount,
  type PayShare,
  type PaymentChannel,
  type SharedOrder,
} from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import { AppError, errors } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { OrderRepository } from '../payments/order-repository'
import { startOfShanghaiDay } from '../payments/out-trade-no'
import type { PaymentReads } from '../payments/payment-reads'
import type { PaymentAccountsPort } from '../upstream/billing/billing-port'
import type { RechargeService } from '../payments/recharge-service'
import type { ShareStore, StoredShare } from './share-store'

const SHARE_PAGE = '/pages/share-pay/index'

const shareGone = () =>
  new AppError('NOT_FOUND', {
    message: 'pay share unknown or expired',
    userMessage: '代缴链接已失效，请让家人重新分享',
  })

const wrongAmount = () =>
  new AppError('PAY_SHARE_AMOUNT_CHANGED', { message: 'amount differs from the share' })

/**
 * 请家人代缴. The card is a capability for paying one account; it reveals nothing a payment
 * receipt would not (masked account, amount) and every order still goes through the same
 * amount rules, lock and state machine as any other. It carries its creator's access, so it
 * ends with the binding it was made from: once the creator unbinds (or is removed), it is gone.
 */
export class PayShareService {
  constructor(
    private readonly store: ShareStore,
    private readonly bindings: BindingRepository,
    private readonly accounts: PaymentAccountsPort,
    private readonly orders: OrderRepository,
    private readonly recharges: RechargeService,
    private readonly reads: PaymentReads,
    private readonly now: () => Date,
    /** The binding service's pre-binding sync (BindingService.settleBeforeAccess). */
    private readonly settleBeforeAccess: (accountNo: string) => Promise<void> = async () =>
      undefined,
  ) {}

  async create(
    userId: string,
    accountNo: string,
    purpose: StoredShare['purpose'],
    amountFen: number | null,
  ): Promise<PayShare> {
    // The binding guard let the creator in; a concurrent unbind leaves nothing to vouch for it.
    const binding = await this.bindings.find(userId, accountNo)
    if (!binding) throw errors.accountNotBound()
    const { token, share } = await this.store.create(
      {
        accountNo,
        purpose,
        amountFen: purpose === 'bill' ? null : amountFen,
        createdBy: userId,
        creatorBindingId: binding.id,
      },
      this.now(),
    )
    return this.present(token, share)
  }

  async view(token: string): Promise<PayShare> {
    return this.present(token, await this.live(token))
  }

  async pay(
    userId: string,
    token: string,
    body: { amountFen: number; channel: PaymentChannel },
    idempotencyKey: string,
  ): Promise<SharedOrder> {
    const share = await this.live(token)
    const { expected, account } = await this.amountOf(share)
    if (expected !== null && body.amountFen !== expected) throw wrongAmount()
    const order = await this.recharges.create(
      {
        userId,
        accountNo: share.accountNo,
        purpose: share.purpose,
        amountFen: body.amountFen,
        channel: body.channel,
        idempotencyKey,
      },
      account,
    )
    return masked(await this.reads.view(order))
  }

  /** Only the person who paid sees the order; the card may have expired since. */
  async read(userId: string, orderNo: string): Promise<SharedOrder> {
    const order = await this.orders.findByOutTradeNo(orderNo)
    if (!order || order.userId !== userId) throw errors.notFound()
    return masked(await this.reads.view(order))
  }

  /**
   * A 过户 / 销户 decided since the card was made is applied first: it closes the creator's
   * binding, so the old holder's card never shows or pays the new holder's bills.
   */
  private async live(token: string): Promise<StoredShare> {
    const share = await this.store.find(token)
    if (share) await this.settleBeforeAccess(share.accountNo)
    if (!share || !(await this.creatorStillBound(share))) throw shareGone()
    return share
  }

  private async creatorStillBound(share: StoredShare): Promise<boolean> {
    const row = await this.bindings.find(share.createdBy, share.accountNo)
    if (!row) return false
    // Cards made before they named their binding can only be checked by the binding's presence.
    return share.creatorBindingId === undefined || row.id === share.creatorBindingId
  }

  /**
   * The amount the payer must pay, or null when they choose (a top-up without one); for a bill,
   * with the account's facts it was read from, so the order does not read them again.
   */
  private async amountOf(
    share: StoredShare,
  ): Promise<{ expected: number | null; account?: PayableAccount }> {
    if (share.purpose === 'recharge') return { expected: share.amountFen }
    const account = await this.accounts.facts(share.accountNo)
    if (!account) return { expected: null }
    return { expected: Math.max(0, account.owedFen), account }
  }

  private async present(token: string, share: StoredShare): Promise<PayShare> {
    const account = await this.accounts.facts(share.accountNo)
    if (!account) throw shareGone()
    const paidToday = await this.orders.committedSince(
      share.accountNo,
      startOfShanghaiDay(this.now()),
    )
    const offer = paymentOptions(account, paidToday)
    const isBill = share.purpose === 'bill'
    return {
      token,
      path: `${SHARE_PAGE}?t=${token}`,
      accountNoMasked: maskAccountNo(share.accountNo),
      what: !isBill ? '燃气充值' : account.kind === 'heating' ? '供热费' : '燃气费',
      purpose: share.purpose,
      amountFen: isBill ? offer.bill.owedFen : share.amountFen,
      minFen: isBill ? offer.bill.owedFen : offer.recharge.minFen,
      maxFen: isBill ? offer.bill.owedFen : offer.recharge.maxFen,
      refusal: isBill ? offer.bill.refusal : offer.recharge.refusal,
      expiresAt: toShanghaiIso(new Date(share.expiresAt)),
    }
  }
}

function masked(order: Awaited<ReturnType<PaymentReads['view']>>): SharedOrder {
  const { accountNo, ...rest } = order
  return { ...rest, accountNoMasked: maskAccountNo(accountNo) }
}
