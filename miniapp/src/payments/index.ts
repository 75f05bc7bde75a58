export { getPaymentOptions, type OrderPurpose } from './api'
export { checkAmount, type AmountCheck } from './amount'
export { launchPayment } from './launch'
export {
  isFinal,
  isPayable,
  pollDelayMs,
  shortTime,
  toneOf,
  type OrderProgress,
  type StatusTone,
} from './order-status'
export { purposeNames, timelineSpeech } from './order-speech'
export { channelForPlatform, payBill, payOrder, payRecharge, type PayResult } from './pay-flow'
export type { PayOutcome } from './outcome'
export { cashierReturnUrl, orderPageUrl } from './order-link'
export { attemptFor, type KeyedAttempt } from './attempt-key'
export { usePayToOrder, type PayToOrder } from './use-pay'
