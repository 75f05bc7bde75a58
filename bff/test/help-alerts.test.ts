import request from 'supertest'
import { HelpAlert, HelpAlerts, MessageList } from '@gh/shared'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/**
 * 一键求助 through the BFF, the work-order adapter and the core sandbox's service desk: an elder
 * living alone (the CIS marks 1000000007 so) presses once, or twice for a lost answer; each
 * family member bound to the account hears of it once, the desk records it, and a person
 * acknowledges it: a family member here, or someone at the desk.
 */
jest.setTimeout(60_000)

const ELDER = '1000000007' // 孙桂兰, 独居
const NOT_ALONE = '1000000001'

let core: CoreSandbox
let bff: TestBff
beforeAll(async () => {
  core = await startCoreSandbox('help-alerts')
  bff = await startBff({ upstreamUrl: core.url, now: core.now })
})
afterAll(async () => {
  await bff.close()
  await core.close()
})

let keys = 0
const newKey = () => `help-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 8)}`
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function household(accountNo: string, members: number) {
  const elder = await bff.login()
  await bff.bind(elder.userId, accountNo)
  const family = []
  for (let i = 0; i < members; i++) {
    const member = await bff.login()
    await bff.bind(member.userId, accountNo)
    family.push(member)
  }
  return { elder, family }
}

const press = (token: string, accountNo: string, body: object, key = newKey()) =>
  request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/help-alerts`)
    .set(auth(token))
    .set('idempotency-key', key)
    .send(body)

const list = async (token: string, accountNo: string) => {
  const res = await request(bff.url)
    .get(`/api/v1/accounts/${accountNo}/help-alerts`)
    .set(auth(token))
  expect(res.status).toBe(200)
  return HelpAlerts.parse(res.body)
}

async function helpMessages(token: string) {
  const res = await request(bff.url).get('/api/v1/messages').set(auth(token))
  expect(res.status).toBe(200)
  return MessageList.parse(res.body).messages.filter((m) => m.type === 'help_alert')
}

async function deskAlerts(accountNo: string) {
  const res = await request(core.url).get('/sandbox/help-alerts').expect(200)
  const items = res.body.items as {
    deskRef: string
    accountNo: string
    request: { address: string }
  }[]
  return items.filter((a) => a.accountNo === accountNo)
}

test('when an elder living alone presses twice with one key, then each family member is alerted once, the desk records one alert, and a member’s acknowledgement shows', async () => {
  const { elder, family } = await household(ELDER, 2)
  const before = await list(elder.token, ELDER)
  expect(before.settings).toMatchObject({ enabled: true, livingAlone: true, familyCount: 2 })

  const key = newKey()
  const first = await press(elder.token, ELDER, { kind: 'help' }, key)
  expect(first.status).toBe(201)
  const again = await press(elder.token, ELDER, { kind: 'help' }, key)
  const alert = HelpAlert.parse(first.body)
  expect(HelpAlert.parse(again.body).alertId).toBe(alert.alertId)
  expect(alert.reached.filter((r) => r.kind === 'family')).toHaveLength(2)
  expect(alert.reached.find((r) => r.kind === 'desk')).toMatchObject({ label: '新华区燃气服务站' })
  expect(alert.reached.every((r) => r.reachedAt !== null)).toBe(true)
  expect(alert.addressMasked).toContain('新华区')
  expect(alert.acknowledged).toBeNull()

  for (const member of family) {
    const messages = await helpMessages(member.token)
    expect(messages).toHaveLength(1)
    expect(messages[0]?.title).toContain('一键求助')
  }
  expect(await helpMessages(elder.token)).toHaveLength(0)
  const desk = await deskAlerts(ELDER)
  expect(desk).toHaveLength(1)
  expect(desk[0]?.request.address).toContain('新华区')

  const own = await request(bff.url)
    .post(`/api/v1/accounts/${ELDER}/help-alerts/${alert.alertId}/acknowledgement`)
    .set(auth(elder.token))
    .set('idempotency-key', newKey())
    .send({})
  expect(own.status).toBe(422)
  expect(own.body.error.code).toBe('HELP_ALERT_OWN')

  const [member] = family
  if (!member) throw new Error('no family member')
  const ack = await request(bff.url)
    .post(`/api/v1/accounts/${ELDER}/help-alerts/${alert.alertId}/acknowledgement`)
    .set(auth(member.token))
    .set('idempotency-key', newKey())
    .send({})
  expect(ack.status).toBe(201)
  const seen = (await list(elder.token, ELDER)).alerts.find((a) => a.alertId === alert.alertId)
  expect(seen?.acknowledged?.by).toBe('家人 微信用户')
  expect(seen?.statusLabel).toContain('已确认')
})

test('when the desk confirms a gas-smell alert, then the sender sees who at the desk took it', async () => {
  const { elder } = await household(ELDER, 0)
  const sent = await press(elder.token, ELDER, { kind: 'gas_smell' })
  expect(sent.status).toBe(201)
  const alert = HelpAlert.parse(sent.body)
  expect(alert.kindLabel).toBe('闻到燃气味')
  const deskRef = (await deskAlerts(ELDER))[0]?.deskRef
  await request(core.url)
    .post(`/sandbox/help-alerts/${deskRef}/acknowledge`)
    .send({ by: '张师傅' })
    .expect(200)
  const seen = (await list(elder.token, ELDER)).alerts.find((a) => a.alertId === alert.alertId)
  expect(seen?.acknowledged?.by).toBe('新华区燃气服务站 张师傅')
})

test('when a household not living alone has not turned it on, then a press is refused until it does', async () => {
  const { elder } = await household(NOT_ALONE, 1)
  const refused = await press(elder.token, NOT_ALONE, { kind: 'help' })
  expect(refused.status).toBe(422)
  expect(refused.body.error.code).toBe('HELP_ALERTS_OFF')
  const turnedOn = await request(bff.url)
    .put(`/api/v1/accounts/${NOT_ALONE}/help-settings`)
    .set(auth(elder.token))
    .set('idempotency-key', newKey())
    .send({ enabled: true, shareLocation: true })
  expect(turnedOn.body).toMatchObject({ enabled: true, livingAlone: false, shareLocation: true })
  const sent = await press(elder.token, NOT_ALONE, {
    kind: 'help',
    location: { latitude: 38.04321, longitude: 114.51456 },
  })
  expect(sent.status).toBe(201)
  expect(HelpAlert.parse(sent.body).locationShared).toBe(true)
})
