import type { Subscriptions } from './subscribe-types'
import { notAsked } from './subscribe-types'

/** A browser has no WeChat or Alipay subscription messages: the inbox and SMS carry them. */
export const subscriptions: Subscriptions = {
  channel: null,
  ask: () => Promise.resolve(notAsked),
}
