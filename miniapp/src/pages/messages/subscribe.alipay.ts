import type { Subscriptions } from './subscribe-types'
import { MAX_TEMPLATES_PER_ASK, notAsked } from './subscribe-types'

interface AlipaySubscribeResult {
  behavior?: string
  result?: { subscribeEntityIds?: string[]; unsubscribedEntityIds?: string[] }
}

/** The Alipay global, as far as this file uses it (Taro has no typing for it). */
declare const my: {
  requestSubscribeMessage?: (options: {
    entityIds: string[]
    success: (res: AlipaySubscribeResult) => void
    fail: (err: unknown) => void
  }) => void
}

/** Alipay: my.requestSubscribeMessage takes template ids as `entityIds`. */
export const subscriptions: Subscriptions = {
  channel: 'alipay',
  ask(templateIds) {
    const entityIds = templateIds.slice(0, MAX_TEMPLATES_PER_ASK)
    const alipay = typeof my === 'undefined' ? undefined : my
    if (entityIds.length === 0 || typeof alipay?.requestSubscribeMessage !== 'function') {
      return Promise.resolve(notAsked)
    }
    return new Promise((resolve) => {
      alipay.requestSubscribeMessage?.({
        entityIds,
        success: (res) => {
          const accepted =
            res.result?.subscribeEntityIds ?? (res.behavior === 'subscribe' ? entityIds : [])
          resolve({
            asked: true,
            accepted: entityIds.filter((id) => accepted.includes(id)),
            refused: entityIds.filter((id) => !accepted.includes(id)),
          })
        },
        fail: (err) => {
          console.warn('subscription consent not given', err)
          resolve({ asked: true, accepted: [], refused: entityIds })
        },
      })
    })
  },
}
