import type { InboxMessage, NotificationSettings } from '@gh/shared'
import { draftOf } from './settings-form'
import { inboxSpeech, settingsSpeech } from './speech'

const message = (messageId: string, readAt: string | null): InboxMessage => ({
  messageId,
  type: 'bill_issued',
  group: 'bills',
  accountNo: '1000000003',
  title: '2026年10月燃气费已出账',
  body: '本期燃气费¥86.40，请在12月15日前缴清。',
  page: '/pages/bills/index?accountNo=1000000003',
  createdAt: '2026-11-03T09:00:00+08:00',
  readAt,
})

const settings: NotificationSettings = {
  accountNo: '1000000003',
  applicable: { bills: true, balance: false, supply_stops: true, repairs: true, payments: true },
  groups: {
    bills: { enabled: true },
    balance: { enabled: false, thresholdFen: 2000 },
    supply_stops: { enabled: true },
    repairs: { enabled: false },
    payments: { enabled: true },
  },
  channels: {
    wechat: { available: false, enabled: false },
    alipay: { available: false, enabled: false },
    sms: { available: true, enabled: true, phoneMasked: '138****0003', consentedAt: null },
  },
  subscribeTemplates: {
    wechat: { bills: [], balance: [], supply_stops: [], repairs: [], payments: [] },
    alipay: { bills: [], balance: [], supply_stops: [], repairs: [], payments: [] },
  },
}

describe('what 朗读 says on 站内消息', () => {
  test('when there are unread messages, then the count, each message in words and the next step are read', () => {
    const text = inboxSpeech(true, {
      messages: [message('m2', null), message('m1', '2026-11-04T09:00:00+08:00')],
      unreadCount: 1,
    })
    expect(text).toContain('站内消息。有一条未读。最新的消息：未读。二零二六年十月燃气费已出账。')
    expect(text).toContain('本期燃气费八十六元四角，请在十二月十五日前缴清。')
    expect(text).toContain('点“全部已读”')
    expect(text).not.toMatch(/\d/)
  })

  test('when the inbox is empty, then it says what will arrive there', () => {
    expect(inboxSpeech(true, { messages: [], unreadCount: 0 })).toContain('还没有消息')
  })
})

describe('what 朗读 says on 消息设置', () => {
  test('when read on H5, then each reminder that concerns the account, the inbox, the missing subscription messages and SMS are said', () => {
    const text = settingsSpeech({
      loggedIn: true,
      account: { title: '我家', accountNo: '1000000003' },
      settings,
      draft: draftOf(settings),
      channel: null,
    })
    expect(text).toContain(
      '提醒哪些事：账单提醒，已开启；停气停暖通知，已开启；报修进度，已关闭；缴费结果，已开启；',
    )
    expect(text).not.toContain('余额不足')
    expect(text).toContain('网页版收不到微信和支付宝的订阅消息')
    expect(text).toContain('短信提醒，已开启，发到手机尾号零零零三。')
    expect(text).not.toMatch(/\d/)
  })

  test('when 余额不足 is on in WeChat, then its amount is read in 元', () => {
    const prepaid: NotificationSettings = {
      ...settings,
      applicable: { ...settings.applicable, balance: true },
      groups: { ...settings.groups, balance: { enabled: true, thresholdFen: 5000 } },
      channels: { ...settings.channels, wechat: { available: true, enabled: true } },
    }
    const text = settingsSpeech({
      loggedIn: true,
      account: { title: '我家', accountNo: '1000000003' },
      settings: prepaid,
      draft: draftOf(prepaid),
      channel: 'wechat',
    })
    expect(text).toContain('余额不足提醒，已开启，余额低于五十元时提醒；')
    expect(text).toContain('微信订阅消息，已开启。')
  })
})
