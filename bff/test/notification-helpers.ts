import { randomBytes, randomUUID } from 'node:crypto'
import request from 'supertest'
import type { NotificationSettings } from '@gh/shared'
import { randomNamespace, randomPhone } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'

/** A BFF on an in-process core sandbox whose clocks move together. */
export interface NotifyStack {
  core: CoreSandbox
  bff: TestBff
  /** Moves the sandbox clock and the BFF's clock by the same amount. */
  advance(ms: number): Promise<void>
  close(): Promise<void>
}

export async function startNotifyStack(
  name: string,
  database: 'postgres' | 'sqlite' = 'postgres',
): Promise<NotifyStack> {
  const core = await startCoreSandbox(name)
  let shiftMs = 0
  const bff = await startBff({
    database,
    upstreamUrl: core.url,
    now: () => new Date(core.now().getTime() + shiftMs),
    env: {
      RATE_LIMIT_NAMESPACE: randomNamespace(),
      // The tests run the watches themselves; the schedulers must not race them.
      NOTIFY_SUPPLY_STOP_POLL_SECONDS: '86400',
      NOTIFY_BILL_POLL_SECONDS: '86400',
      NOTIFY_BALANCE_POLL_SECONDS: '86400',
    },
  })
  return {
    core,
    bff,
    async advance(ms) {
      await request(core.url).post('/sandbox/clock').send({ advanceMs: ms }).expect(200)
      shiftMs += ms
    },
    async close() {
      await bff.close()
      await core.close()
    },
  }
}

export interface Resident {
  userId: string
  token: string
  openid: string | null
  alipayId: string | null
  phone: string | null
}

/** A resident who logged in with the given platforms, bound to the given accounts. */
export async function resident(
  stack: NotifyStack,
  accounts: readonly string[],
  logins: { wechat?: boolean; alipay?: boolean; phone?: boolean },
): Promise<Resident> {
  const { bff } = stack
  const { userId, token } = await bff.login()
  const now = new Date()
  const openid = logins.wechat ? `o${randomBytes(20).toString('base64url').slice(0, 27)}` : null
  const alipayId = logins.alipay ? `0${randomBytes(30).toString('hex').slice(0, 46)}` : null
  const phone = logins.phone ? randomPhone() : null
  const { users } = bff.container
  if (openid) await users.link(userId, { provider: 'wechat', subject: openid }, now)
  if (alipayId) await users.link(userId, { provider: 'alipay', subject: alipayId }, now)
  if (phone) await users.link(userId, { provider: 'phone', subject: phone }, now)
  for (const accountNo of accounts) await bff.bind(userId, accountNo)
  return { userId, token, openid, alipayId, phone }
}

export function api(stack: NotifyStack, who: Resident) {
  const base = request(stack.bff.url)
  const auth = { authorization: `Bearer ${who.token}` }
  return {
    get: (path: string) => base.get(`/api/v1${path}`).set(auth),
    post: (path: string, body: object = {}) =>
      base.post(`/api/v1${path}`).set(auth).set('idempotency-key', randomUUID()).send(body),
    put: (path: string, body: object) =>
      base.put(`/api/v1${path}`).set(auth).set('idempotency-key', randomUUID()).send(body),
    delete: (path: string) =>
      base.delete(`/api/v1${path}`).set(auth).set('idempotency-key', randomUUID()),
  }
}

/** Changes some of a resident's settings for an account, keeping the rest. */
export async function changeSettings(
  stack: NotifyStack,
  who: Resident,
  accountNo: string,
  change: (s: NotificationSettings) => void,
): Promise<NotificationSettings> {
  const path = `/accounts/${accountNo}/notification-settings`
  const current = (await api(stack, who).get(path).expect(200)).body as NotificationSettings
  change(current)
  const body = {
    groups: current.groups,
    channels: {
      wechat: current.channels.wechat.enabled,
      alipay: current.channels.alipay.enabled,
      sms: current.channels.sms.enabled,
    },
  }
  return (await api(stack, who).put(path, body).expect(200)).body as NotificationSettings
}

interface WechatSent {
  templateId: string
  page: string | null
  data: Record<string, { value: string }>
}

/** What the sandbox recorded on each channel for a resident. */
export const sent = {
  async wechat(stack: NotifyStack, who: Resident): Promise<WechatSent[]> {
    if (!who.openid) return []
    const res = await request(stack.core.url).get(
      `/sandbox/subscribe-messages?openid=${who.openid}`,
    )
    return res.body.items as WechatSent[]
  },
  async alipay(stack: NotifyStack, who: Resident): Promise<WechatSent[]> {
    if (!who.alipayId) return []
    const res = await request(stack.core.url).get(
      `/sandbox/alipay/template-messages?toUserId=${who.alipayId}`,
    )
    return res.body.items as WechatSent[]
  },
  async sms(stack: NotifyStack, who: Resident): Promise<{ template: string; text: string }[]> {
    if (!who.phone) return []
    const res = await request(stack.core.url).get(`/sandbox/sms?phone=${who.phone}`)
    return res.body.items as { template: string; text: string }[]
  },
}

export async function inboxOf(
  stack: NotifyStack,
  who: Resident,
): Promise<
  { messageId: string; type: string; title: string; body: string; readAt: string | null }[]
> {
  return (await api(stack, who).get('/messages?limit=50').expect(200)).body.messages
}
