import request from 'supertest'
import type { NotificationSettings } from '@gh/shared'
import type { NotificationEvent } from '../src/notifications/notification-event'
import { sqlOf } from '../src/platform/db/sql-executor'
import { eventually } from './payment-fakes'
import {
  api,
  changeSettings,
  inboxOf,
  resident,
  sent,
  startNotifyStack,
  type NotifyStack,
  type Resident,
} from './notification-helpers'

/**
 * Settings, the inbox, bills, low balances and repairs through the notification service, on
 * SQLite (the supply-stop journey runs on PostgreSQL).
 */
let stack: NotifyStack

const IC = '1000000002'
const IOT = '1000000007'
const BILLED = '1000000010'
const NOT_MINE = '1000000005'

beforeAll(async () => {
  stack = await startNotifyStack('notify', 'sqlite')
}, 30_000)
afterAll(() => stack?.close())

const notifications = () => stack.bff.container.notifications
const settingsPath = (accountNo: string) => `/accounts/${accountNo}/notification-settings`

/** The events a resident's inbox holds, by dedupe key (the API does not show the keys). */
async function inboxKeys(who: Resident): Promise<string[]> {
  const rows = await sqlOf(stack.bff.container.db).rows<{ key: string }>(
    'SELECT dedupe_key AS key FROM inbox_messages WHERE user_id = $1 ORDER BY created_at',
    [who.userId],
  )
  return rows.map((r) => r.key)
}

function paymentResult(orderNo: string, who: Resident): NotificationEvent {
  return {
    type: 'payment_result',
    accountNo: IC,
    dedupeKey: `payment_result:${orderNo}:CREDITED`,
    data: { orderNo, purpose: 'recharge', amountFen: 3000, state: 'CREDITED' },
    recipients: [who.userId],
  }
}

describe('settings', () => {
  test('when a resident opens 消息设置 for a bound account, then defaults, the channels they can use and the templates to ask consent for come back', async () => {
    const who = await resident(stack, [IC], { wechat: true })
    const res = await api(stack, who).get(settingsPath(IC)).expect(200)
    const settings = res.body as NotificationSettings
    expect(settings.groups).toEqual({
      bills: { enabled: true },
      balance: { enabled: true, thresholdFen: 2000 },
      supply_stops: { enabled: true },
      repairs: { enabled: true },
      payments: { enabled: true },
    })
    expect(settings.applicable).toMatchObject({ bills: false, balance: false, supply_stops: true })
    expect(settings.channels).toEqual({
      wechat: { available: true, enabled: true },
      alipay: { available: false, enabled: true },
      sms: { available: false, enabled: false, phoneMasked: null, consentedAt: null },
    })
    expect(settings.subscribeTemplates.wechat.payments).toEqual(['sandbox-order-settled'])
    expect(settings.subscribeTemplates.wechat.bills).toEqual([
      'sandbox-bill-issued',
      'sandbox-bill-due-soon',
      'sandbox-bill-overdue',
    ])
    expect(settings.subscribeTemplates.alipay.supply_stops).toEqual(['sandbox-ali-supply-stop'])
  })

  test('when settings of an account the caller has not bound are read or written, then 403 ACCOUNT_NOT_BOUND', async () => {
    const who = await resident(stack, [IC], { wechat: true })
    const read = await api(stack, who).get(settingsPath(NOT_MINE)).expect(403)
    expect(read.body.error.code).toBe('ACCOUNT_NOT_BOUND')
    const current = (await api(stack, who).get(settingsPath(IC)).expect(200)).body
    const body = {
      groups: current.groups,
      channels: { wechat: true, alipay: true, sms: false },
    }
    const write = await api(stack, who).put(settingsPath(NOT_MINE), body).expect(403)
    expect(write.body.error.code).toBe('ACCOUNT_NOT_BOUND')
  })

  test('when a resident without a verified phone turns SMS on, then 422 SMS_NOT_AVAILABLE; with one, the consent is dated and the phone masked', async () => {
    const noPhone = await resident(stack, [IC], { wechat: true })
    const current = (await api(stack, noPhone).get(settingsPath(IC)).expect(200)).body
    const body = { groups: current.groups, channels: { wechat: true, alipay: true, sms: true } }
    const refused = await api(stack, noPhone).put(settingsPath(IC), body).expect(422)
    expect(refused.body.error).toMatchObject({ code: 'SMS_NOT_AVAILABLE' })
    expect(refused.body.error.message).toMatch(/手机号/)

    const withPhone = await resident(stack, [IC], { phone: true })
    const saved = await changeSettings(stack, withPhone, IC, (s) => {
      s.channels.sms.enabled = true
      s.groups.balance.thresholdFen = 5000
    })
    expect(saved.groups.balance.thresholdFen).toBe(5000)
    expect(saved.channels.sms.enabled).toBe(true)
    expect(saved.channels.sms.consentedAt).toMatch(/\+08:00$/)
    expect(saved.channels.sms.phoneMasked).toBe(
      `${withPhone.phone?.slice(0, 3)}****${withPhone.phone?.slice(-4)}`,
    )
    const again = (await api(stack, withPhone).get(settingsPath(IC)).expect(200)).body
    expect(again.channels.sms.consentedAt).toBe(saved.channels.sms.consentedAt)
  })

  test('when settings are written without an Idempotency-Key or with a threshold above 1000 元, then they are refused', async () => {
    const who = await resident(stack, [IC], { wechat: true })
    const current = (await api(stack, who).get(settingsPath(IC)).expect(200)).body
    const body = { groups: current.groups, channels: { wechat: true, alipay: true, sms: false } }
    await request(stack.bff.url)
      .put(`/api/v1${settingsPath(IC)}`)
      .set('authorization', `Bearer ${who.token}`)
      .send(body)
      .expect(400)
    const tooHigh = {
      ...body,
      groups: { ...body.groups, balance: { enabled: true, thresholdFen: 100_001 } },
    }
    const res = await api(stack, who).put(settingsPath(IC), tooHigh).expect(400)
    expect(res.body.error.message).toMatch(/1000元/)
  })
})

test('when the same event is published twice, even at once, then the resident gets one message and one inbox entry', async () => {
  const who = await resident(stack, [IC], { wechat: true })
  const event = paymentResult('GHDEDUPE0001', who)
  await Promise.all([
    notifications().service.publish(event),
    notifications().service.publish(event),
  ])
  await notifications().service.publish(event)
  await eventually(async () => expect(await sent.wechat(stack, who)).toHaveLength(1))
  // A retried delivery job finds the send recorded and sends nothing.
  await notifications().delivery.deliver(event.dedupeKey, who.userId, true)
  await new Promise((r) => setTimeout(r, 300))
  const [message] = await sent.wechat(stack, who)
  expect(await sent.wechat(stack, who)).toHaveLength(1)
  expect(message).toMatchObject({
    templateId: 'sandbox-order-settled',
    page: `pages/orders/detail?accountNo=${IC}&orderNo=GHDEDUPE0001&purpose=recharge`,
    data: {
      thing1: { value: '燃气充值' },
      amount2: { value: '¥30.00' },
      phrase3: { value: '已到账' },
    },
  })
  expect(await inboxKeys(who)).toEqual([event.dedupeKey])
  expect(await notifications().sends.of(event.dedupeKey, who.userId)).toEqual([
    { channel: 'wechat', status: 'sent' },
  ])
})

test('when a resident who allowed SMS has no subscription channel, then they get one SMS; with a subscription message, no SMS', async () => {
  const elder = await resident(stack, [IC], { phone: true })
  const notAllowed = await resident(stack, [IC], { phone: true })
  const both = await resident(stack, [IC], { wechat: true, phone: true })
  for (const who of [elder, both]) {
    await changeSettings(stack, who, IC, (s) => (s.channels.sms.enabled = true))
  }
  for (const who of [elder, notAllowed, both]) {
    await notifications().service.publish(paymentResult(`GHSMS${who.userId.slice(0, 8)}`, who))
  }
  await eventually(async () => {
    const texts = await sent.sms(stack, elder)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toMatchObject({ template: 'service_notice' })
    expect(texts[0]?.text).toBe('【燃气供热】缴费结果：户号100****002，燃气充值30.00元已到账。')
    expect(await sent.wechat(stack, both)).toHaveLength(1)
  })
  await new Promise((r) => setTimeout(r, 300))
  expect(await sent.sms(stack, both)).toEqual([])
  expect(await sent.sms(stack, notAllowed)).toEqual([])
  // Without any channel the message still waits in the inbox.
  expect((await inboxOf(stack, notAllowed)).map((m) => m.title)).toEqual(['燃气充值已到账'])
})

test('when the inbox is read, then it lists newest first page by page with the unread count, and marks one or all read', async () => {
  const who = await resident(stack, [IC], { wechat: true })
  const stranger = await resident(stack, [IC], { wechat: true })
  for (const n of [1, 2, 3]) {
    await notifications().service.publish(
      paymentResult(`GHINBOX${n}${who.userId.slice(0, 6)}`, who),
    )
    await stack.advance(1000)
  }
  const me = api(stack, who)
  const first = (await me.get('/messages?limit=2').expect(200)).body
  expect(first.unreadCount).toBe(3)
  expect(first.messages).toHaveLength(2)
  expect(first.nextCursor).toEqual(expect.any(String))
  expect(first.messages[0].createdAt > first.messages[1].createdAt).toBe(true)
  expect(first.messages[0]).toMatchObject({
    type: 'payment_result',
    group: 'payments',
    accountNo: IC,
    title: '燃气充值已到账',
    body: '户号100****002燃气充值30.00元：已到账。',
    readAt: null,
  })
  const second = (await me.get(`/messages?limit=2&cursor=${first.nextCursor}`).expect(200)).body
  expect(second.messages).toHaveLength(1)
  expect(second.nextCursor).toBeNull()
  const ids = [...first.messages, ...second.messages].map((m: { messageId: string }) => m.messageId)
  expect(new Set(ids).size).toBe(3)

  const read = (await me.post(`/messages/${ids[1]}/read`).expect(201)).body
  expect(read.unreadCount).toBe(2)
  expect(read.message.readAt).toMatch(/\+08:00$/)
  await stack.advance(1000)
  const again = (await me.post(`/messages/${ids[1]}/read`).expect(201)).body
  expect(again.message.readAt).toBe(read.message.readAt)

  const foreign = await api(stack, stranger).post(`/messages/${ids[0]}/read`).expect(404)
  expect(foreign.body.error.code).toBe('MESSAGE_NOT_FOUND')
  await me.get('/messages?cursor=bm90LWEtY3Vyc29y').expect(400)
  // A cursor with an instant and an id that are not the ones the inbox writes.
  for (const crafted of ['2026-01-01T00:00:00Z|x', `2026-01-01|${ids[0]}`]) {
    const cursor = Buffer.from(crafted).toString('base64url')
    await me.get(`/messages?cursor=${cursor}`).expect(400)
  }

  expect((await me.post('/messages/read-all').expect(201)).body).toEqual({ unreadCount: 0 })
  const after = (await me.get('/messages').expect(200)).body
  expect(after.unreadCount).toBe(0)
  expect(after.messages.every((m: { readAt: string | null }) => m.readAt !== null)).toBe(true)
  expect((await api(stack, stranger).get('/messages').expect(200)).body.messages).toEqual([])
})

test('when the balance falls below the resident’s threshold, then they are told once per crossing, not on every poll', async () => {
  const who = await resident(stack, [IOT], { wechat: true })
  const summary = await stack.bff.container.ports.billing.summary(IOT)
  const balanceFen = summary?.balanceFen ?? 0
  expect(balanceFen).toBeGreaterThan(1000)
  const lowTold = async () =>
    (await sent.wechat(stack, who)).filter((m) => m.templateId === 'sandbox-low-balance')
  const setThreshold = (fen: number) =>
    changeSettings(stack, who, IOT, (s) => (s.groups.balance.thresholdFen = fen))

  await setThreshold(Math.min(balanceFen + 1000, 100_000))
  await notifications().watches.balances.poll()
  await notifications().watches.balances.poll()
  await eventually(async () => expect(await lowTold()).toHaveLength(1))
  await notifications().watches.balances.poll()
  await new Promise((r) => setTimeout(r, 300))
  expect(await lowTold()).toHaveLength(1)
  expect((await lowTold())[0]?.data.amount3?.value).toMatch(/^¥\d+\.\d{2}$/)

  // Back at or above the threshold re-arms the alarm; the next fall is told again.
  await setThreshold(1000)
  await notifications().watches.balances.poll()
  await setThreshold(Math.min(balanceFen + 1000, 100_000))
  await notifications().watches.balances.poll()
  await notifications().watches.balances.poll()
  await eventually(async () => expect(await lowTold()).toHaveLength(2))
  expect((await inboxOf(stack, who)).map((m) => m.title)).toEqual(['余额不足提醒', '余额不足提醒'])

  // A resident who switched the group off hears nothing.
  const quiet = await resident(stack, [IOT], { wechat: true })
  await changeSettings(stack, quiet, IOT, (s) => {
    s.groups.balance.enabled = false
    s.groups.balance.thresholdFen = 100_000
  })
  await notifications().watches.balances.poll()
  await new Promise((r) => setTimeout(r, 300))
  expect(await sent.wechat(stack, quiet)).toEqual([])
})

test('when billing issues a bill, then it falls due and then overdue, then the account’s residents hear each once', async () => {
  const who = await resident(stack, [BILLED], { wechat: true })
  const poll = () => notifications().watches.bills.poll()
  await poll()
  const issued = await request(stack.core.url)
    .post(`/sandbox/billing/accounts/${BILLED}/bills`)
    .send({ dueInDays: 5, volumeM3: 37 })
    .expect(201)
  const billId = issued.body.billId as string
  const mine = async () => (await inboxKeys(who)).filter((k) => k.endsWith(`:${billId}`))

  await poll()
  await poll()
  expect(await mine()).toEqual([`bill_issued:${billId}`])

  await stack.advance(3 * 86_400_000)
  await poll()
  await poll()
  expect(await mine()).toEqual([`bill_issued:${billId}`, `bill_due_soon:${billId}`])

  await stack.advance(3 * 86_400_000)
  await poll()
  await poll()
  expect(await mine()).toEqual([
    `bill_issued:${billId}`,
    `bill_due_soon:${billId}`,
    `bill_overdue:${billId}`,
  ])
  await eventually(async () => {
    const templates = (await sent.wechat(stack, who)).map((m) => m.templateId)
    expect(templates.filter((t) => t === 'sandbox-bill-overdue').length).toBeGreaterThanOrEqual(1)
  })
  const overdue = (await inboxOf(stack, who)).find((m) => m.type === 'bill_overdue')
  expect(overdue?.body).toMatch(/^户号100\*\*\*\*010的.+已过缴费期限/)
}, 30_000)

test('when the repairs hook hands over a step, then the reporter hears it once; steps they took themselves are not told back', async () => {
  const reporter = await resident(stack, [IC], { wechat: true })
  const subject = {
    repairNo: 'WO20261126001',
    accountNo: IC,
    userId: reporter.userId,
    kind: 'meter' as const,
    kindLabel: '表具',
  }
  const step = {
    type: 'dispatched' as const,
    label: '已派单',
    detail: '王师傅预计今天下午上门',
    at: '2026-11-26T11:00:00+08:00',
    index: 2,
  }
  await notifications().onRepairStep(subject, step)
  await notifications().onRepairStep(subject, step)
  await notifications().onRepairStep(subject, { ...step, type: 'rated', label: '已评价', index: 7 })
  await eventually(async () => expect(await sent.wechat(stack, reporter)).toHaveLength(1))
  expect((await sent.wechat(stack, reporter))[0]).toMatchObject({
    templateId: 'sandbox-repair-step',
    page: `pages-repairs/detail/index?accountNo=${IC}&repairNo=WO20261126001`,
    data: {
      character_string1: { value: 'WO20261126001' },
      thing2: { value: '表具' },
      phrase3: { value: '已派单' },
      time5: { value: '2026-11-26 11:00' },
    },
  })
  expect((await inboxOf(stack, reporter)).map((m) => m.title)).toEqual(['报修进度：已派单'])
})

test('when a resident has unbound the account, then its repair steps and low-balance notices named for them reach them neither as a message nor in the inbox', async () => {
  const left = await resident(stack, [IC], { wechat: true })
  await api(stack, left).delete(`/accounts/${IC}/binding`).expect(200)
  const repairNo = `WO${left.userId.replace(/-/g, '').slice(0, 11)}`
  const subject = { repairNo, accountNo: IC, userId: left.userId, kind: 'meter' as const }
  await notifications().onRepairStep(
    { ...subject, kindLabel: '表具' },
    {
      type: 'dispatched',
      label: '已派单',
      detail: null,
      at: '2026-11-26T11:00:00+08:00',
      index: 2,
    },
  )
  const lowBalance: NotificationEvent = {
    type: 'low_balance',
    accountNo: IC,
    dedupeKey: `low_balance:${IC}:${left.userId}:1`,
    data: { balanceFen: 500, thresholdFen: 2000 },
    recipients: [left.userId],
  }
  await notifications().service.publish(lowBalance)
  // Their own payment still reaches them: once it has arrived, the queue has passed the others.
  await notifications().service.publish(paymentResult(`GHLEFT${left.userId.slice(0, 8)}`, left))
  await eventually(async () => expect(await sent.wechat(stack, left)).toHaveLength(1))
  // A delivery that was queued while they were still bound finds them gone as well.
  await notifications().delivery.deliver(lowBalance.dedupeKey, left.userId, true)
  const templates = (await sent.wechat(stack, left)).map((m) => m.templateId)
  expect(templates).toEqual(['sandbox-order-settled'])
  expect(await inboxOf(stack, left)).toEqual([])
})

test('when a resident deletes their account (注销), then their messages and message settings go too', async () => {
  const who = await resident(stack, [IC], { phone: true })
  await changeSettings(stack, who, IC, (s) => (s.channels.sms.enabled = true))
  await notifications().service.publish(paymentResult(`GHERASE${who.userId.slice(0, 8)}`, who))
  expect(await inboxKeys(who)).toHaveLength(1)
  await stack.bff.container.services.privacy.erase(who.userId)
  expect(await inboxKeys(who)).toEqual([])
  const settings = await sqlOf(stack.bff.container.db).rows(
    'SELECT 1 AS found FROM notification_settings WHERE user_id = $1',
    [who.userId],
  )
  expect(settings).toEqual([])
})

test('when a payer through a share card (not bound) is told of their payment, then the message opens the home page and their inbox stays empty', async () => {
  const payer = await resident(stack, [], { wechat: true })
  await notifications().service.publish(paymentResult(`GHSHARE${payer.userId.slice(0, 8)}`, payer))
  await eventually(async () => expect(await sent.wechat(stack, payer)).toHaveLength(1))
  expect((await sent.wechat(stack, payer))[0]).toMatchObject({
    page: 'pages/index/index',
    data: { character_string4: { value: '100****002' } },
  })
  expect(await inboxOf(stack, payer)).toEqual([])
})
