import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import type { Redis } from 'ioredis'
import { maskPhone, type SmsSent } from '@gh/shared'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { AppError } from '../platform/app-error'
import { SmsThrottledError, type SmsPort } from '../upstream/sms/sms-port'
import { rateLimited } from './rate-limited'

export const SMS_CODE_TTL_SECONDS = 300
export const SMS_MAX_VERIFY_ATTEMPTS = 5

// Reads the stored hash and counts the attempt in one step, so parallel guesses each count.
const TAKE_ATTEMPT = `
local h = redis.call('HGET', KEYS[1], 'h')
if not h then return {0, '', 0} end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
return {1, h, n}`

const wrongCode = (left: number) =>
  new AppError('SMS_CODE_INVALID', 400, {
    message: 'sms code mismatch',
    userMessage: left > 0 ? `验证码不正确，还可以再试${left}次` : '验证码不正确，请重新获取验证码',
  })

const noCode = () =>
  new AppError('SMS_CODE_EXPIRED', 400, {
    message: 'no live sms code',
    userMessage: '验证码已过期或未发送，请重新获取',
  })

/**
 * Login codes by SMS: 6 digits, kept only as an HMAC in Redis for 5 minutes, 5 tries each,
 * single use. Sending is limited to 1 a minute and 10 a day per phone, and 30 an hour per IP.
 * Redis keys carry an HMAC of the phone, never the number.
 */
export class SmsCodeService {
  private readonly perMinute: RateLimiterRedis
  private readonly perDay: RateLimiterRedis
  private readonly perIp: RateLimiterRedis

  constructor(
    private readonly redis: Redis,
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
    this.perMinute = limiter('minute', 1, 60)
    this.perDay = limiter('day', 10, 24 * 3600)
    this.perIp = limiter('ip', perIpPerHour, 3600)
  }

  async send(phone: string, ip: string): Promise<SmsSent> {
    const phoneKey = this.hmac(`phone:${phone}`)
    await this.consume(this.perMinute, phoneKey, '验证码发送太频繁')
    await this.consume(this.perDay, phoneKey, '今天获取验证码的次数已用完')
    await this.consume(this.perIp, ip, '获取验证码太频繁')
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const key = this.codeKey(phoneKey)
    await this.redis
      .multi()
      .del(key)
      .hset(key, 'h', this.hmac(`code:${phone}:${code}`), 'n', '0')
      .expire(key, SMS_CODE_TTL_SECONDS)
      .exec()
    try {
      await this.sms.send(
        phone,
        'login_code',
        { code },
        this.hmac(`send:${phone}:${code}`).slice(0, 40),
      )
    } catch (err) {
      // Not sent: the resident may ask again at once.
      await this.redis.del(key)
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
  async verify(phone: string, code: string): Promise<void> {
    const key = this.codeKey(this.hmac(`phone:${phone}`))
    const [found, stored, attempts] = (await this.redis.eval(TAKE_ATTEMPT, 1, key)) as [
      number,
      string,
      number,
    ]
    if (found !== 1) throw noCode()
    if (attempts > SMS_MAX_VERIFY_ATTEMPTS) {
      await this.redis.del(key)
      throw noCode()
    }
    const expected = Buffer.from(stored, 'hex')
    const given = Buffer.from(this.hmac(`code:${phone}:${code}`), 'hex')
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const left = SMS_MAX_VERIFY_ATTEMPTS - attempts
      if (left <= 0) await this.redis.del(key)
      throw wrongCode(left)
    }
    // Only one of two parallel right answers gets the delete, and with it the login.
    if ((await this.redis.del(key)) !== 1) throw noCode()
  }

  private async consume(limiter: RateLimiterRedis, key: string, reason: string): Promise<void> {
    try {
      await limiter.consume(key)
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res
      throw rateLimited(reason, Math.max(1, Math.ceil(res.msBeforeNext / 1000)), this.now())
    }
  }

  private codeKey(phoneKey: string): string {
    return `sms-code:${phoneKey}`
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex')
  }
}
