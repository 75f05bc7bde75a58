import request from 'supertest'
import { eventually } from './payment-fakes'
import {
  changeSettings,
  inboxOf,
  resident,
  sent,
  startNotifyStack,
  type NotifyStack,
  type Resident,
} from './notification-helpers'

/**
 * 停气/停暖 notices announced, changed and ended at the sandbox's dispatcher desk reach the
 * residents of that area who want them, once each, on the channels they use.
 */
let stack: NotifyStack

const HOME = '1000000001'
const AREA = '13010201'
/** Only this test's notice has this reason, so seeded notices never blur the counts. */
const REASON = '调压箱更换阀门'
const SCOPE = '测试小区甲'

beforeAll(async () => {
  stack = await startNotifyStack('notify-supply')
}, 30_000)
afterAll(() => stack?.close())

const core = () => request(stack.core.url)
const poll = () => stack.bff.container.notifications.watches.supplyStops.poll()

async function areaOf(accountNo: string): Promise<{ areaCode: string; kind: string }> {
  return (await core().get(`/customers/v1/accounts/${accountNo}`).expect(200)).body
}

const aboutMine = (m: { data: Record<string, { value: string }> }) =>
  Object.values(m.data).some((v) => v.value === REASON || v.value === SCOPE)
const inboxAboutMine = async (who: Resident) =>
  (await inboxOf(stack, who)).filter((m) => m.body.includes(SCOPE))

test('when a notice is announced, changed and ended for an area, then exactly that area’s subscribed residents hear each step once, on their channels', async () => {
  expect((await areaOf(HOME)).areaCode).toBe(AREA)
  // A gas account elsewhere, picked by its data: its residents must hear nothing of this notice.
  const personas = ['1000000003', '1000000005', '1000000010', '1000000011', '1000000002']
  let elsewhere = ''
  for (const accountNo of personas) {
    const a = await areaOf(accountNo)
    if (a.areaCode !== AREA && a.kind !== 'heating') {
      elsewhere = accountNo
      break
    }
  }
  expect(elsewhere).not.toBe('')

  // The area's seeded notices are announced first, before the residents below follow it.
  await resident(stack, [HOME], { wechat: true })
  await poll()

  const wechat = await resident(stack, [HOME], { wechat: true })
  const optedOut = await resident(stack, [HOME], { wechat: true })
  const other = await resident(stack, [elsewhere], { wechat: true })
  const elder = await resident(stack, [HOME], { phone: true })
  const alipay = await resident(stack, [HOME], { alipay: true })
  await changeSettings(stack, optedOut, HOME, (s) => (s.groups.supply_stops.enabled = false))
  const smsOn = await changeSettings(stack, elder, HOME, (s) => (s.channels.sms.enabled = true))
  expect(smsOn.channels.sms).toMatchObject({ available: true, enabled: true })

  const announced = await core()
    .post('/sandbox/notices')
    .send({
      areaCode: AREA,
      kind: 'gas',
      startsAt: '2026-12-20T09:00:00+08:00',
      endsAt: '2026-12-20T15:00:00+08:00',
      reason: REASON,
      scope: SCOPE,
    })
    .expect(201)
  const noticeId = announced.body.noticeId as string
  expect(announced.body.status).toBe('upcoming')

  await poll()
  await poll()
  await expectStep(['停气'], '停气通知', '您所在片区12月20日 09:00至12月20日 15:00停气。')

  // The carrier allows one SMS a minute per phone: the next step comes later, as it would.
  await stack.advance(120_000)
  await core()
    .patch(`/sandbox/notices/${noticeId}`)
    .send({ endsAt: '2026-12-20T18:00:00+08:00' })
    .expect(200)
  await poll()
  await poll()
  await expectStep(
    ['停气', '时间变更'],
    '停气时间变更',
    '停气时间改为12月20日 09:00至12月20日 18:00。',
  )

  await stack.advance(120_000)
  const ended = await core().post(`/sandbox/notices/${noticeId}/end`).expect(200)
  expect(ended.body.status).toBe('ended')
  await poll()
  await poll()
  await expectStep(['停气', '时间变更', '已恢复'], '已恢复供气', '已恢复供气')

  // What was said and where it went stay out of the logs.
  const logs = stack.bff.logs.join('')
  for (const secret of [
    REASON,
    SCOPE,
    elder.phone ?? '',
    wechat.openid ?? '',
    alipay.alipayId ?? '',
  ]) {
    expect(logs).not.toContain(secret)
  }
  expect(logs).toContain('"type":"supply_stop_ended"')

  async function expectStep(phrases: string[], title: string, smsText: string): Promise<void> {
    await eventually(async () => {
      const mine = (await sent.wechat(stack, wechat)).filter(aboutMine)
      expect(mine.map((m) => m.data.phrase1?.value)).toEqual(phrases)
      expect(mine.every((m) => m.templateId === 'sandbox-supply-stop')).toBe(true)
      expect(mine.at(-1)?.page).toBe(`pages/index/index?accountNo=${HOME}`)
      const ali = (await sent.alipay(stack, alipay)).filter(aboutMine)
      expect(ali).toHaveLength(phrases.length)
      expect(ali.at(-1)?.data.keyword1?.value).toBe(phrases.at(-1))
      const texts = (await sent.sms(stack, elder)).map((m) => m.text)
      expect(texts.filter((t) => t.includes(smsText))).toHaveLength(1)
      expect(texts).toHaveLength(phrases.length)
      expect(texts[0]).toContain('户号100****001')
    }, 20_000)
    for (const who of [wechat, elder, alipay]) {
      const inbox = await inboxAboutMine(who)
      expect(inbox).toHaveLength(phrases.length)
      expect(inbox[0]?.title).toBe(title)
    }
    await expectUntold(optedOut)
    await expectUntold(other)
  }
}, 90_000)

async function expectUntold(who: Resident): Promise<void> {
  expect((await sent.wechat(stack, who)).filter(aboutMine)).toEqual([])
  expect(await inboxAboutMine(who)).toEqual([])
}

test('when the inbox is asked for a page with a crafted cursor holding a NUL byte, then 400 and no server error', async () => {
  const who = await resident(stack, [HOME], { wechat: true })
  const cursor = Buffer.from('2026-01-01T00:00:00Z|x\u0000').toString('base64url')
  const res = await request(stack.bff.url)
    .get(`/api/v1/messages?cursor=${cursor}`)
    .set('authorization', `Bearer ${who.token}`)
  expect(res.status).toBe(400)
})
