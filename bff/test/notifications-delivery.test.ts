import type { NotificationEvent } from '../src/notifications/notification-event'
import { UpstreamError } from '../src/platform/upstream-client'
import type {
  SendResult,
  SubscribeMessage,
  SubscribeMessagesPort,
} from '../src/upstream/wechat/wechat-port'
import { FakeSms, randomPhone } from './auth-fakes'
import { eventually } from './payment-fakes'
import { startBff, type TestBff } from './harness'

/** A WeChat that fails as told, then sends. */
class ScriptedWechat implements SubscribeMessagesPort {
  readonly sent: SubscribeMessage[] = []
  failures: UpstreamError[] = []

  async send(message: SubscribeMessage): Promise<SendResult> {
    const failure = this.failures.shift()
    if (failure) throw failure
    this.sent.push(message)
    return 'sent'
  }
}

let bff: TestBff
const wechat = new ScriptedWechat()
const sms = new FakeSms()
const ACCOUNT = '1000000002'

beforeAll(async () => {
  bff = await startBff({ database: 'sqlite', ports: { wechatMessages: wechat, sms } })
})
afterAll(() => bff?.close())

const deliver = (event: NotificationEvent, userId: string, last: boolean) =>
  bff.container.notifications.delivery.deliver(event.dedupeKey, userId, last)
const sends = (event: NotificationEvent, userId: string) =>
  bff.container.notifications.sends.of(event.dedupeKey, userId)
const mine = (orderNo: string) => wechat.sent.filter((m) => m.page.includes(`orderNo=${orderNo}`))

/** A bound resident with WeChat and a phone who allowed SMS; their event is published. */
async function published(orderNo: string): Promise<{ event: NotificationEvent; userId: string }> {
  const { userId } = await bff.login()
  await bff.bind(userId, ACCOUNT)
  const now = new Date()
  const { users } = bff.container
  await users.link(userId, { provider: 'wechat', subject: `o${orderNo.padEnd(27, '0')}` }, now)
  await users.link(userId, { provider: 'phone', subject: randomPhone() }, now)
  const { notifications } = bff.container
  const settings = await notifications.settings.get(userId, ACCOUNT)
  await notifications.settings.update(userId, ACCOUNT, {
    groups: settings.groups,
    channels: { wechat: true, alipay: true, sms: true },
  })
  const event: NotificationEvent = {
    type: 'payment_result',
    accountNo: ACCOUNT,
    dedupeKey: `payment_result:${orderNo}:CREDITED`,
    data: { orderNo, purpose: 'recharge', amountFen: 1000, state: 'CREDITED' },
    recipients: [userId],
  }
  await notifications.service.publish(event)
  // The queued job's first attempt meets the scripted WeChat first; the test drives the rest.
  await eventually(async () => expect(await sends(event, userId)).not.toEqual([]))
  return { event, userId }
}

test('when WeChat refuses before sending, then the delivery is retried and the message goes out once, without an SMS', async () => {
  wechat.failures = [new UpstreamError('wechat', 'unavailable', 'down')]
  const { event, userId } = await published('GHRETRY0001')
  await eventually(async () =>
    expect(await sends(event, userId)).toEqual([{ channel: 'wechat', status: 'failed' }]),
  )
  await deliver(event, userId, false)
  await deliver(event, userId, false)
  expect(mine('GHRETRY0001')).toHaveLength(1)
  expect(await sends(event, userId)).toEqual([{ channel: 'wechat', status: 'sent' }])
  expect(sms.notices).toHaveLength(0)
})

test('when WeChat keeps failing until the last attempt, then the resident gets the SMS fallback instead', async () => {
  const before = sms.notices.length
  wechat.failures = Array.from({ length: 10 }, () => new UpstreamError('wechat', 'rejected', 'no'))
  const { event, userId } = await published('GHFALLBACK1')
  await eventually(async () =>
    expect(await sends(event, userId)).toEqual([{ channel: 'wechat', status: 'failed' }]),
  )
  await expect(deliver(event, userId, false)).rejects.toThrow(UpstreamError)
  expect(sms.notices).toHaveLength(before)
  await deliver(event, userId, true)
  expect(sms.notices).toHaveLength(before + 1)
  expect(sms.notices.at(-1)?.notice).toEqual({
    title: '缴费结果',
    account: '100****002',
    detail: '燃气充值10.00元已到账。',
  })
  expect(await sends(event, userId)).toEqual([
    { channel: 'sms', status: 'sent' },
    { channel: 'wechat', status: 'failed' },
  ])
  wechat.failures = []
})

test('when WeChat times out, then the message is not sent again (it may have arrived) and no SMS doubles it', async () => {
  const before = sms.notices.length
  wechat.failures = [new UpstreamError('wechat', 'timeout', 'slow')]
  const { event, userId } = await published('GHTIMEOUT01')
  await deliver(event, userId, false)
  await deliver(event, userId, true)
  expect(mine('GHTIMEOUT01')).toHaveLength(0)
  expect(sms.notices).toHaveLength(before)
  expect(await sends(event, userId)).toEqual([{ channel: 'wechat', status: 'sending' }])
})
