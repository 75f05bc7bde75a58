import type { PaymentPurpose } from '@gh/shared'
import type { CreditTarget, PaymentAccountsPort } from '../upstream/billing/billing-port'
import type {
  PaymentProvider,
  ProviderName,
} from '../upstream/payment-providers/payment-providers-port'

export interface OrderNotice {
  orderNo: string
  accountNo: string
  userId: string
  purpose: PaymentPurpose
  amountFen: number
  /** The end state reached: CREDITED, AWAITING_CARD_WRITE, CARD_WRITTEN, REFUNDED or CLOSED. */
  state: string
}

/** Tells the resident (subscription message) when an order reaches an end state. */
export interface ResidentNotices {
  orderSettled(notice: OrderNotice): Promise<void>
}

/**
 * What the payment core needs from the outside: the providers, billing and meters (crediting and
 * the amount rules' facts), and a way to tell the resident. Tests swap these for in-memory fakes.
 */
export interface PaymentPorts {
  providers: Record<ProviderName, PaymentProvider>
  credit: CreditTarget
  accounts: PaymentAccountsPort
  /**
   * The same facts through the read cache, for what screens show (payment options); absent:
   * `accounts`. Deciding an order always reads `accounts`, never a cached answer.
   */
  readAccounts?: PaymentAccountsPort
  notices: ResidentNotices
}
