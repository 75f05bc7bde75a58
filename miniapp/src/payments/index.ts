export { closeOrder, getPaymentOptions, listOrders, type OrderPurpose } from './api'
export { checkAmount, type AmountCheck } from './amount'
export { isFinal, isPayable, pollDelayMs, shortTime, toneOf } from './order-status'
export { channelForPlatform, payBill, payOrder, payRecharge, type PayResult } from './pay-flow'
export type { PayOutcome } from './outcome'
export { useLiveOrder } from './use-order'
export { cashierReturnUrl, orderPageUrl } from './order-link'
export {
  createPayShare,
  getPayShare,
  paySharedOrder,
  payShared,
  type SharedPayResult,
} from './share-api'
export { sharedOrderStatus, useLiveSharedOrder, type SharedOrderStatus } from './shared-order'
export { shareCashierReturnUrl, shareLinkH5, sharePayPageUrl } from './share-link'
export { attemptFor, type KeyedAttempt } from './attempt-key'
export { usePayToOrder, type PayToOrder } from './use-pay'
