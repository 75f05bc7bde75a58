import { createHash, randomInt } from 'node:crypto'
import request from 'supertest'
import type { AlipayAuthPort, AlipayIdentity } from '../src/upstream/alipay/alipay-port'
import type { SmsNotice, SmsPort } from '../src/upstream/sms/sms-port'
import type { WechatIdentity, WechatPort } from '../src/upstream/wechat/wechat-port'

const digest = (text: string) => createHash('sha256').update(text).digest('base64url')

/**
 * Codes `sandbox-<name>` (optionally `@<app>`) stand for the same person every time, as in the
 * core sandbox: the openid depends on the app, the unionid only on the person.
 */
export class FakeWechat implements WechatPort {
  async code2Session(code: string): Promise<WechatIdentity | null> {
    const match = /^sandbox-([^@]+)(?:@(.+))?$/.exec(code)
    if (!match?.[1]) return null
    const app = match[2] ?? 'main'
    return {
      openid: `o${digest(`${app}:${match[1]}`).slice(0, 27)}`,
      unionid: `u${digest(match[1]).slice(0, 27)}`,
    }
  }
}

export class FakeAlipay implements AlipayAuthPort {
  async exchangeAuthCode(code: string): Promise<AlipayIdentity | null> {
    const match = /^sandbox-(.+)$/.exec(code)
    return match?.[1] ? { subject: `0${digest(match[1]).slice(0, 40)}` } : null
  }
}

export class FakeSms implements SmsPort {
  readonly sent: { phone: string; code: string }[] = []
  async send(phone: string, _template: string, params: { code: string }): Promise<void> {
    this.sent.push({ phone, code: params.code })
  }
  readonly notices: { phone: string; notice: SmsNotice }[] = []
  async sendNotice(phone: string, notice: SmsNotice): Promise<void> {
    this.notices.push({ phone, notice })
  }
  lastCode(phone: string): string {
    const found = [...this.sent].reverse().find((m) => m.phone === phone)
    if (!found) throw new Error('no code sent to this phone')
    return found.code
  }
}

/** A fresh mainland mobile number, so runs sharing one Redis never meet each other's limits. */
export function randomPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
}

/** A fresh namespace for rate-limit keys, shared by the instances of one test. */
export function randomNamespace(): string {
  return `t${randomInt(0, 2 ** 40).toString(36)}`
}

let keySeq = 0
export const idemKey = () => `test-key-${Date.now().toString(36)}-${++keySeq}`

/** Logs in through the API by SMS, reading the code from the fake gateway. */
export async function smsLogin(url: string, sms: FakeSms, phone = randomPhone(), token?: string) {
  const auth = token ? { authorization: `Bearer ${token}` } : {}
  const sent = await request(url)
    .post('/api/v1/auth/sms/send')
    .set('idempotency-key', idemKey())
    .send({ phone })
  if (sent.status !== 201)
    throw new Error(`sms send failed: ${sent.status} ${JSON.stringify(sent.body)}`)
  const res = await request(url)
    .post('/api/v1/auth/sms/verify')
    .set(auth)
    .send({ phone, code: sms.lastCode(phone) })
  return { res, phone, token: res.body.token as string, userId: res.body.user?.id as string }
}
