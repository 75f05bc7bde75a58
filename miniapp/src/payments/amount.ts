import { CreatePaymentRequest, formatFen, yuanStringToFen } from '@gh/shared'
import type { PaymentOptions } from '@gh/shared'

export type AmountCheck = { ok: true; amountFen: number } | { ok: false; message: string }

/**
 * The free-amount box: what the resident typed, in yuan, to integer fen without a float
 * (shared `yuanStringToFen`), then the account's limits from payment-options, in the words
 * of the shared payment rules.
 */
export function checkAmount(text: string, limits: PaymentOptions['recharge']): AmountCheck {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .trim()
  if (cleaned === '') return { ok: false, message: '请输入充值金额' }
  let amountFen: number
  try {
    // '12.' is what a number pad leaves while typing; it means 12.
    amountFen = yuanStringToFen(cleaned.replace(/\.$/, ''))
  } catch {
    return { ok: false, message: '请输入正确的金额，最多两位小数，例如 100 或 88.50' }
  }
  const valid = CreatePaymentRequest.shape.amountFen.safeParse(amountFen)
  if (!valid.success) return { ok: false, message: '请输入正确的金额' }
  if (amountFen < limits.minFen) {
    return { ok: false, message: `单笔充值不能少于${formatFen(limits.minFen)}` }
  }
  if (amountFen > limits.maxFen) {
    return { ok: false, message: `单笔充值不能超过${formatFen(limits.maxFen)}` }
  }
  return { ok: true, amountFen }
}
