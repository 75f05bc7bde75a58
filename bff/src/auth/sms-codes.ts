import { createHmac } from 'node:crypto'
import type { Redis } from 'ioredis'
import { maskPhone, type SmsSent } from '@gh/shared'
import { RateLimiterRedis } from 'rate-limiter-flexible'
import { SmsThrottledError, type SmsPort } from '../upstream/sms/sms-port'
import { OneTimeCodes, SMS_CODE_TTL_SECONDS } from './one-time-codes'
import { consumeOrRateLimited, rateLimited } from './rate-limited'

export { SMS_CODE_TTL_SECONDS, SMS_MAX_VERIFY_ATTEMPTS } from './one-time-codes'

/**
 * Login codes by SMS: 6 digits, kept only as an HMAC in Redis for 5 minutes, 5 tries each,
 * single use. Sending is limited to 1 a minute and 10 a day per phone, and 30 an hour per IP.
 * Redis keys carry an HMAC of the phone, never the number.
 */
export class SmsCodeService {
  private readonly codes: OneTimeCodes
  private readonly perMinute: RateLimiterRedis
  private readonly perDay: RateLimiterRedis
  private readonly perIp: RateLimiterRedis

  constructor(
    redis: Redis,
    private readonly sms: SmsPort,
    private readonly secret: string,
    namespace: string,
    private readonly now: () => Date,
    /** Codes one IP may ask for in an hour (a shared NAT, an office, an e2e run). */
    perIpPerHour = 30,
  ) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${namespace}:sms-${name}`,
        points,
        duration,
      })
    this.codes = new OneTimeCodes(redis, secret)
    this.perMinute = limiter('minute', 1, 60)
    this.perDay = limiter('day', 10, 24 * 3600)
    this.perIp = limiter('ip', perIpPerHour, 3600)
  }

  async send(phone: string, ip: string): Promise<SmsSent> {
    const phoneKey = this.hmac(`phone:${phone}`)
    await consumeOrRateLimited(this.perMinute, phoneKey, '验证码发送太频繁', this.now())
    await consumeOrRateLimited(this.perDay, phoneKey, '今天获取验证码的次数已用完', this.now())
    await consumeOrRateLimited(this.perIp, ip, '获取验证码太频繁', this.now())
    const scope = `phone:${phone}`
    const code = await this.codes.issue(scope)
    try {
      await this.sms.send(phone, 'login_code', { code }, this.codes.sendKey(scope, code))
    } catch (err) {
      // Not sent: the resident may ask again at once.
      await this.codes.discard(scope)
      if (err instanceof SmsThrottledError) throw rateLimited('验证码发送太频繁', 60, this.now())
      await this.perMinute.delete(phoneKey)
      throw err
    }
    return {
      sentToMasked: maskPhone(phone),
      expiresInSeconds: SMS_CODE_TTL_SECONDS,
      resendAfterSeconds: 60,
    }
  }

  /** Resolves when the code is right, and uses it up; otherwise throws with a Chinese reason. */
  verify(phone: string, code: string): Promise<void> {
    return this.codes.verify(`phone:${phone}`, code)
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex')
  }
}
