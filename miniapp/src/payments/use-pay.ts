import { useRef, useState } from 'react'
import { useAction } from '../hooks/use-action'
import { openPage } from '../navigation/pages'
import { attemptFor, type KeyedAttempt } from './attempt-key'
import type { OrderPurpose } from './api'
import { cashierReturnUrl, orderPageUrl } from './order-link'
import { payBill, payRecharge } from './pay-flow'

export interface PayToOrder {
  /** Creates the order for `amountFen`, opens the payment, then the order's page. */
  pay: (amountFen: number) => Promise<void>
  busy: boolean
  /** What went wrong, in the resident's words; cleared when the next attempt starts. */
  error: string | undefined
  setError: (message: string | undefined) => void
}

/**
 * 去支付 / 立即缴费 for one account. One Idempotency-Key per amount: a double tap, or a retry
 * after a network error, makes one order only; another amount is another order.
 */
export function usePayToOrder(accountNo: string, purpose: OrderPurpose): PayToOrder {
  const [error, setError] = useState<string | undefined>()
  const attempt = useRef<KeyedAttempt<number> | undefined>(undefined)
  const paying = useAction(
    async (amountFen: number) => {
      setError(undefined)
      attempt.current = attemptFor(attempt.current, amountFen)
      const { order, outcome } = await (purpose === 'bill' ? payBill : payRecharge)({
        accountNo,
        amountFen,
        idempotencyKey: attempt.current.key,
        returnUrlFor: cashierReturnUrl,
      })
      attempt.current = undefined
      if (outcome?.kind !== 'redirected') openPage(orderPageUrl(order, outcome))
    },
    { onError: (err) => setError(err.message) },
  )
  return { pay: paying.run, busy: paying.busy, error, setError }
}
