import Taro from '@tarojs/taro'
import type { Subscriptions } from './subscribe-types'
import { MAX_TEMPLATES_PER_ASK, notAsked } from './subscribe-types'

/** WeChat: wx.requestSubscribeMessage answers 'accept' / 'reject' / 'ban' / 'filter' per id. */
export const subscriptions: Subscriptions = {
  channel: 'wechat',
  async ask(templateIds) {
    const tmplIds = templateIds.slice(0, MAX_TEMPLATES_PER_ASK)
    if (tmplIds.length === 0 || typeof Taro.requestSubscribeMessage !== 'function') return notAsked
    try {
      const res = (await Taro.requestSubscribeMessage({
        tmplIds,
        entityIds: [],
      })) as unknown as Record<string, unknown>
      return {
        asked: true,
        accepted: tmplIds.filter((id) => res[id] === 'accept'),
        refused: tmplIds.filter((id) => res[id] !== 'accept'),
      }
    } catch (err) {
      // Closed, switched off in settings (20004), or an id the console does not know (20001).
      console.warn('subscription consent not given', err)
      return { asked: true, accepted: [], refused: tmplIds }
    }
  },
}
