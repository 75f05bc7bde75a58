import { createHmac } from 'node:crypto'
import type { Redis } from 'ioredis'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import type { BindBySmsRequest, BoundAccount, SmsSent } from '@gh/shared'
import { OneTimeCodes, SMS_CODE_TTL_SECONDS } from '../auth/one-time-codes'
import { consumeOrRateLimited, rateLimited } from '../auth/rate-limited'
import type { Logger } from '../platform/logger'
import type { CustomerAccount, CustomersPort } from '../upstream/customers/customers-port'
import { SmsThrottledError, type SmsPort } from '../upstream/sms/sms-port'
import type { BindingService } from './binding-service'

/**
 * Codes a user may ask for. The account's day is more than twice what one user may spend on
 * it, so a stranger asking for codes cannot use up the holder's; the gateway's own limit per
 * phone (1 a minute, 10 a day) caps what many strangers together could do.
 */
export const BINDING_CODE_LIMITS = {
  resend: { points: 1, seconds: 60 },
  userAccountDay: { points: 4, seconds: 24 * 3600 },
  userDay: { points: 10, seconds: 24 * 3600 },
  accountDay: { points: 10, seconds: 24 * 3600 },
} as const

// What the SMS gateway accepts (bff/contracts/sms.ts); anything else cannot get a code.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

// Common mobile prefixes, for the answer about an account the CIS does not know.
const DECOY_PREFIXES = '130 133 135 136 137 138 139 150 151 152 158 159 177 186 188'.split(' ')

/**
 * The reserved phone as the resident sees it: the carrier prefix only. The last 4 digits are
 * the holder proof of the name path; showing them to whoever asks for a code would leave that
 * path with the surname as its only secret.
 */
function maskReservedPhone(phone: string): string {
  return `${phone.slice(0, 3)}********`
}

/**
 * Where a binding code can go: the reserved phone of an account still open, if the SMS gateway
 * takes it. A closed account (销户) binds nobody, so it gets no code either.
 */
function reservedPhone(account: CustomerAccount | null): string | null {
  if (!account || account.closed === true) return null
  return MAINLAND_MOBILE.test(account.phone) ? account.phone : null
}

// What a code is checked against when the account has no phone a code could have reached.
const NO_RESERVED_PHONE = 'none'

/** A code is good for the user who asked for it and the one account it was asked for. */
const codeScope = (userId: string, accountNo: string) => `bind:${userId}:${accountNo}`

interface SmsBindingDeps {
  redis: Redis
  secret: string
  namespace: string
  customers: CustomersPort
  sms: SmsPort
  bindings: BindingService
  now: () => Date
}

/**
 * Binding by a code sent to the account's reserved phone (预留手机号): the strong path. The
 * phone is read from the CIS and never leaves the BFF; the caller names only the account. A
 * code is valid for the user who asked for it and that account only, and this path does not
 * share the holder-proof lock-out, so strangers guessing names cannot shut the holder out.
 */
export class SmsBinding {
  private readonly codes: OneTimeCodes
  private readonly resend: RateLimiterRedis
  private readonly userAccountDay: RateLimiterRedis
  private readonly userDay: RateLimiterRedis
  private readonly accountDay: RateLimiterRedis

  constructor(private readonly deps: SmsBindingDeps) {
    const limiter = (name: keyof typeof BINDING_CODE_LIMITS) =>
      new RateLimiterRedis({
        storeClient: deps.redis,
        keyPrefix: `${deps.namespace}:bind-sms-${name}`,
        points: BINDING_CODE_LIMITS[name].points,
        duration: BINDING_CODE_LIMITS[name].seconds,
      })
    this.codes = new OneTimeCodes(deps.redis, deps.secret)
    this.resend = limiter('resend')
    this.userAccountDay = limiter('userAccountDay')
    this.userDay = limiter('userDay')
    this.accountDay = limiter('accountDay')
  }

  /**
   * Sends a code to the account's reserved phone. An account the CIS does not know, or a
   * closed one, gets the same answer and limits, and a code that nothing matches, so account
   * numbers cannot be probed here any more than on the name path.
   */
  async sendCode(userId: string, accountNo: string, log: Logger): Promise<SmsSent> {
    const pair = `${userId}:${accountNo}`
    const now = this.deps.now()
    await consumeOrRateLimited(this.resend, pair, '验证码发送太频繁', now)
    await consumeOrRateLimited(this.userAccountDay, pair, '今天这个户号获取验证码的次数已用完', now)
    await consumeOrRateLimited(this.userDay, userId, '今天获取验证码的次数已用完', now)
    await consumeOrRateLimited(
      this.accountDay,
      accountNo,
      '这个户号今天获取验证码的次数已用完',
      now,
    )
    const scope = codeScope(userId, accountNo)
    let shown: string
    try {
      const account = await this.deps.customers.getAccount(accountNo)
      const phone = reservedPhone(account)
      if (phone) {
        const code = await this.codes.issue(scope, phone)
        await this.deps.sms.send(phone, 'bind_code', { code }, this.codes.sendKey(scope, code))
        shown = maskReservedPhone(phone)
      } else {
        if (account && account.closed !== true) {
          log.warn('reserved phone of the account cannot receive sms')
        }
        await this.codes.issueUnmatchable(scope)
        shown = this.decoyMask(accountNo)
      }
    } catch (err) {
      // Not sent: the resident may ask again at once.
      await this.codes.discard(scope)
      if (err instanceof SmsThrottledError) throw rateLimited('验证码发送太频繁', 60, now)
      await this.resend.delete(pair)
      throw err
    }
    return {
      sentToMasked: shown,
      expiresInSeconds: SMS_CODE_TTL_SECONDS,
      resendAfterSeconds: BINDING_CODE_LIMITS.resend.seconds,
    }
  }

  /**
   * Binds as an owner with the code; a wrong code counts against that code's 5 tries. The code
   * is good only while the phone it went to is still the account's reserved phone in the CIS,
   * read again here from the CIS itself (never the read cache): a 过户 or a new phone (信息变更)
   * approved after it was sent, or a 销户, leaves it worth nothing. Such a code is answered
   * exactly as a wrong one (and counts as a try), not with a message of its own: whoever holds
   * it may be a stranger, and must not learn that the account changed hands or number.
   */
  bind(userId: string, req: BindBySmsRequest, log: Logger): Promise<BoundAccount> {
    return this.deps.bindings.bindWith(userId, req.accountNo, req.label ?? null, log, async () => {
      const account = await this.deps.customers.getAccount(req.accountNo)
      const phone = reservedPhone(account)
      await this.codes.verify(
        codeScope(userId, req.accountNo),
        req.code,
        phone ?? NO_RESERVED_PHONE,
      )
    })
  }

  /** The same made-up prefix for an unknown account every time, as a real phone would be. */
  private decoyMask(accountNo: string): string {
    const digest = createHmac('sha256', this.deps.secret).update(`decoy:${accountNo}`).digest()
    const prefix = DECOY_PREFIXES[digest.readUInt32BE(0) % DECOY_PREFIXES.length] ?? '138'
    return `${prefix}********`
  }
}
