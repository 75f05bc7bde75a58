import { NOTIFICATION_GROUP_LABELS, speakAmountFen, speakDate, speakDigits } from '@gh/shared'
import type { InboxMessage, NotificationSettings } from '@gh/shared'
import { sentence, speakCount, speakPhoneTail, speakShownText } from '../../voice/spoken-text'
import { enabledGroups, GROUP_ORDER, type Draft, type SubscribeChannel } from './settings-form'

/*
 * 站内消息 and 消息设置 read aloud: what the page shows, in words, with the next step. Texts from
 * the BFF go through speakShownText, so amounts and dates are read, never spelled as digits.
 */

const said = (text: string) => sentence(speakShownText(text))

/** How many of the newest messages 朗读 reads: a long list read aloud helps nobody. */
const READ_AT_MOST = 5

export function messageSpeech(message: InboxMessage): string {
  const state = message.readAt ? '' : '未读。'
  return `${state}${said(message.title)}${said(message.body)}${speakDate(message.createdAt)}。`
}

export function inboxSpeech(
  loggedIn: boolean,
  list: { messages: readonly InboxMessage[]; unreadCount: number } | undefined,
): string {
  const head = '站内消息。'
  if (!loggedIn) return `${head}登录后可以查看账单、停气、报修和缴费的消息。请点“去登录”。`
  if (!list) return `${head}消息正在加载，请稍后再点朗读。`
  if (list.messages.length === 0)
    return `${head}还没有消息。有新的账单、停气通知或报修进度时，会显示在这里。`
  const unread = list.unreadCount > 0 ? `有${speakCount(list.unreadCount)}条未读。` : '消息都已读。'
  const shown = list.messages.slice(0, READ_AT_MOST)
  const more = list.messages.length > shown.length ? '更多消息请往下翻。' : ''
  const next = list.unreadCount > 0 ? '点一条消息可以查看详情，点“全部已读”可以标记全部已读。' : ''
  return `${head}${unread}最新的消息：${shown.map(messageSpeech).join('')}${more}${next}`
}

const channelNames: Record<SubscribeChannel, string> = {
  wechat: '微信订阅消息',
  alipay: '支付宝订阅消息',
}

const onOff = (on: boolean) => (on ? '已开启' : '已关闭')

export interface SettingsFacts {
  loggedIn: boolean
  account?: { title: string; accountNo: string }
  settings?: NotificationSettings
  draft?: Draft
  /** The build's subscription channel; null on H5. */
  channel: SubscribeChannel | null
}

export function settingsSpeech(facts: SettingsFacts): string {
  const head = '消息设置。'
  if (!facts.loggedIn) return `${head}登录并绑定户号后，可以设置提醒。请点“去登录”。`
  if (!facts.account) return `${head}还没有绑定户号。请点“去绑定户号”。`
  const parts = [head, `户号：${facts.account.title}，${speakDigits(facts.account.accountNo)}。`]
  const { settings, draft, channel } = facts
  if (!settings || !draft) return `${parts.join('')}设置正在加载，请稍后再点朗读。`

  parts.push('提醒哪些事：')
  for (const group of GROUP_ORDER) {
    if (!settings.applicable[group]) continue
    const on = draft.groups[group].enabled
    const threshold =
      group === 'balance' && on
        ? `，余额低于${speakAmountFen(draft.groups.balance.thresholdFen)}时提醒`
        : ''
    parts.push(`${NOTIFICATION_GROUP_LABELS[group].title}，${onOff(on)}${threshold}；`)
  }
  parts.push('所有消息都会放进站内消息。')
  if (channel) {
    const on = draft.channels[channel]
    parts.push(`${channelNames[channel]}，${onOff(on)}。`)
  } else {
    parts.push('网页版收不到微信和支付宝的订阅消息，请看站内消息，也可以开启短信。')
  }
  const { sms } = settings.channels
  if (sms.available) {
    const phone = sms.phoneMasked ? `，发到${speakPhoneTail(sms.phoneMasked)}` : ''
    parts.push(`短信提醒，${onOff(draft.channels.sms)}${phone}。`)
  } else {
    parts.push('短信提醒需要先用手机号登录。')
  }
  const on = enabledGroups(settings, draft).length
  parts.push(on === 0 ? '现在所有提醒都已关闭。' : '点开关可以开启或关闭提醒。')
  return parts.join('')
}
