import type { SendSmsRequest, SmsTemplate } from '../../../contracts/sms'
import { toShanghaiIso, type SandboxClock } from '../../clock'

export interface SentSms {
  readonly messageId: string
  readonly phone: string
  readonly template: SmsTemplate
  readonly params: Readonly<Record<string, string>>
  readonly text: string
  readonly sentAt: string
  readonly sentAtMs: number
}

function textOf(request: SendSmsRequest): string {
  if (request.template === 'service_notice') {
    const { title, account, detail } = request.params
    return `【燃气供热】${title}：户号${account}，${detail}`
  }
  const { code } = request.params
  return request.template === 'login_code'
    ? `【燃气供热】您的登录验证码是${code}，5分钟内有效，请勿告诉他人。`
    : `【燃气供热】您正在绑定燃气供热户号，验证码${code}，5分钟内有效。如非本人操作，请忽略。`
}

function sameParams(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

// Carriers' usual per-number limits; the BFF must not rely on the gateway to enforce its own.
const MIN_INTERVAL_MS = 60_000
const PER_DAY = 10
const KEEP = 1_000
const KEY_TTL_MS = 86_400_000

/** Messages as the carrier would deliver them, kept so tests and people can read the codes. */
export class SmsOutbox {
  private readonly byPhone = new Map<string, SentSms[]>()
  private readonly byKey = new Map<string, SentSms>()
  private seq = 0

  constructor(private readonly clock: SandboxClock) {}

  /**
   * The message sent, the one sent before under the same idempotency key, or how long until
   * this phone may receive another.
   */
  send(
    request: SendSmsRequest,
    idempotencyKey?: string,
  ): SentSms | { retryAfterSeconds: number } | { conflict: true } {
    const now = this.clock.nowMs()
    const repeated = idempotencyKey ? this.byKey.get(idempotencyKey) : undefined
    if (repeated && now - repeated.sentAtMs < KEY_TTL_MS) {
      const same =
        repeated.phone === request.phone &&
        repeated.template === request.template &&
        sameParams(repeated.params, request.params)
      return same ? repeated : { conflict: true }
    }
    const earlier = this.byPhone.get(request.phone) ?? []
    const last = earlier.at(-1)
    const today = toShanghaiIso(now).slice(0, 10)
    const sentToday = earlier.filter((m) => m.sentAt.slice(0, 10) === today).length
    const waitMs = last ? MIN_INTERVAL_MS - (now - last.sentAtMs) : 0
    if (waitMs > 0) return { retryAfterSeconds: Math.ceil(waitMs / 1000) }
    if (sentToday >= PER_DAY) return { retryAfterSeconds: secondsToMidnight(now) }
    this.seq += 1
    const message: SentSms = {
      messageId: `sms_${toShanghaiIso(now).slice(0, 10).replaceAll('-', '')}${String(this.seq).padStart(8, '0')}`,
      phone: request.phone,
      template: request.template,
      params: { ...request.params },
      text: textOf(request),
      sentAt: toShanghaiIso(now),
      sentAtMs: now,
    }
    this.byPhone.set(request.phone, [...earlier, message].slice(-KEEP))
    if (idempotencyKey) this.byKey.set(idempotencyKey, message)
    return message
  }

  /** Newest first. */
  list(phone: string): SentSms[] {
    return [...(this.byPhone.get(phone) ?? [])].reverse()
  }
}

function secondsToMidnight(nowMs: number): number {
  const shanghai = new Date(nowMs + 8 * 3_600_000)
  const passed =
    shanghai.getUTCHours() * 3600 + shanghai.getUTCMinutes() * 60 + shanghai.getUTCSeconds()
  return 86_400 - passed
}
