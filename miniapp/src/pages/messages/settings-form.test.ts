import type { NotificationSettings } from '@gh/shared'
import { applyChange, draftOf, templatesFor } from './settings-form'

/** A WeChat resident with a verified phone, on a prepaid account (no bills to be told of). */
const settings = (over: Partial<NotificationSettings> = {}): NotificationSettings => ({
  accountNo: '1000000001',
  applicable: { bills: false, balance: true, supply_stops: true, repairs: true, payments: true },
  groups: {
    bills: { enabled: false },
    balance: { enabled: false, thresholdFen: 2000 },
    supply_stops: { enabled: true },
    repairs: { enabled: true },
    payments: { enabled: true },
  },
  channels: {
    wechat: { available: true, enabled: true },
    alipay: { available: false, enabled: false },
    sms: { available: true, enabled: false, phoneMasked: '138****0001', consentedAt: null },
  },
  subscribeTemplates: {
    wechat: {
      bills: ['T-bill'],
      balance: ['T-low'],
      supply_stops: ['T-stop'],
      repairs: ['T-repair'],
      payments: ['T-pay'],
    },
    alipay: { bills: [], balance: [], supply_stops: [], repairs: [], payments: [] },
  },
  ...over,
})

describe('消息设置, one tap at a time', () => {
  test('when 余额不足 is switched on in WeChat, then consent is asked for its template only', () => {
    const s = settings()
    const change = { kind: 'group', group: 'balance', enabled: true } as const
    expect(templatesFor(s, draftOf(s), change, 'wechat')).toEqual(['T-low'])
    expect(applyChange(draftOf(s), change).groups.balance).toEqual({
      enabled: true,
      thresholdFen: 2000,
    })
  })

  test('when a switch is turned off, or the page runs on H5, then nothing is asked', () => {
    const s = settings()
    const off = { kind: 'group', group: 'repairs', enabled: false } as const
    expect(templatesFor(s, draftOf(s), off, 'wechat')).toEqual([])
    const on = { kind: 'group', group: 'balance', enabled: true } as const
    expect(templatesFor(s, draftOf(s), on, null)).toEqual([])
  })

  test('when WeChat messages are switched on, then consent is asked for the groups already on, three at most', () => {
    const s = settings({
      channels: { ...settings().channels, wechat: { available: true, enabled: false } },
    })
    const change = { kind: 'channel', channel: 'wechat', enabled: true } as const
    expect(templatesFor(s, draftOf(s), change, 'wechat')).toEqual(['T-stop', 'T-repair', 'T-pay'])
  })

  test('when WeChat messages are off, then switching a group on asks nothing (it goes to the inbox and SMS)', () => {
    const s = settings({
      channels: { ...settings().channels, wechat: { available: true, enabled: false } },
    })
    const change = { kind: 'group', group: 'balance', enabled: true } as const
    expect(templatesFor(s, draftOf(s), change, 'wechat')).toEqual([])
  })

  test('when an amount is chosen while 余额不足 is off, then it is switched on with that amount and consent asked once', () => {
    const s = settings()
    const change = { kind: 'threshold', thresholdFen: 5000 } as const
    expect(applyChange(draftOf(s), change).groups.balance).toEqual({
      enabled: true,
      thresholdFen: 5000,
    })
    expect(templatesFor(s, draftOf(s), change, 'wechat')).toEqual(['T-low'])
    const on = applyChange(draftOf(s), change)
    expect(templatesFor(s, on, { kind: 'threshold', thresholdFen: 1000 }, 'wechat')).toEqual([])
  })

  test('when SMS is allowed, then only the SMS channel changes in what is sent', () => {
    const s = settings()
    const next = applyChange(draftOf(s), { kind: 'channel', channel: 'sms', enabled: true })
    expect(next.channels).toEqual({ wechat: true, alipay: false, sms: true })
    expect(next.groups).toEqual(s.groups)
  })
})
