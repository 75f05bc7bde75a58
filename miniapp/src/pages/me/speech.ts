import { speakCount, speakPhone } from '../../voice/spoken-text'

/**
 * What 朗读 says on 我的: whether the resident is logged in, unread messages, the mode, the
 * service phone.
 */
export function meSpeech(facts: {
  loggedIn: boolean
  elder: boolean
  servicePhone?: string
  unreadCount?: number
}) {
  const parts = ['我的。']
  parts.push(facts.loggedIn ? '您已登录，可以管理户号和亲情账户。' : '您还没有登录。')
  if (facts.loggedIn && facts.unreadCount) {
    parts.push(`您有${speakCount(facts.unreadCount)}条未读消息，请点“站内消息”查看。`)
  }
  parts.push(facts.elder ? '长辈模式已开启。' : '长辈模式未开启，可以在设置中打开。')
  if (facts.servicePhone) parts.push(`客服电话：${speakPhone(facts.servicePhone)}。`)
  return parts.join('')
}
