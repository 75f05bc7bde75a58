import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { Redis } from 'ioredis'
import { AppError } from '../platform/app-error'

export const SMS_CODE_TTL_SECONDS = 300
export const SMS_MAX_VERIFY_ATTEMPTS = 5

// Reads the stored hash and counts the attempt in one step, so parallel guesses each count.
const TAKE_ATTEMPT = `
local h = redis.call('HGET', KEYS[1], 'h')
if not h then return {0, '', 0} end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
return {1, h, n}`

const wrongCode = (left: number) =>
  new AppError('SMS_CODE_INVALID', {
    message: 'sms code mismatch',
    userMessage: left > 0 ? `验证码不正确，还可以再试${left}次` : '验证码不正确，请重新获取验证码',
  })

const noCode = () =>
  new AppError('SMS_CODE_EXPIRED', {
    message: 'no live sms code',
    userMessage: '验证码已过期或未发送，请重新获取',
  })

/**
 * 6-digit codes sent by SMS, one live code per scope (a login phone; a user asking to bind one
 * account). A code is kept only as an HMAC in Redis for 5 minutes, allows 5 tries and is used
 * up by the first right answer. Keys carry an HMAC of the scope, never a phone number.
 */
export class OneTimeCodes {
  constructor(
    private readonly redis: Redis,
    private readonly secret: string,
  ) {}

  /**
   * A fresh code for the scope; an earlier one stops working. With `sentTo` (where the code
   * goes) the code is good only while `verify` is given the same `sentTo`, so a code follows
   * the phone it was sent to rather than the scope alone.
   */
  async issue(scope: string, sentTo?: string): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await this.store(scope, this.codeHash(scope, code, sentTo))
    return code
  }

  /**
   * A code no answer matches, for a scope whose code cannot be sent (an unknown account): the
   * scope then answers every try exactly as one whose code went to someone else's phone.
   */
  async issueUnmatchable(scope: string): Promise<void> {
    await this.store(scope, this.hmac(`blank:${scope}:${randomBytes(32).toString('hex')}`))
  }

  /** Drops the scope's code, e.g. when it could not be sent. */
  async discard(scope: string): Promise<void> {
    await this.redis.del(this.key(scope))
  }

  /** The same for a retried send of the same code, so the SMS gateway can drop the duplicate. */
  sendKey(scope: string, code: string): string {
    return this.hmac(`send:${scope}:${code}`).slice(0, 40)
  }

  /**
   * Resolves when the code is right (and `sentTo` is where it was sent), and uses it up;
   * otherwise throws with a Chinese reason. Another `sentTo` answers exactly as a wrong code.
   */
  async verify(scope: string, code: string, sentTo?: string): Promise<void> {
    const key = this.key(scope)
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
    const given = Buffer.from(this.codeHash(scope, code, sentTo), 'hex')
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const left = SMS_MAX_VERIFY_ATTEMPTS - attempts
      if (left <= 0) await this.redis.del(key)
      throw wrongCode(left)
    }
    // Only one of two parallel right answers gets the delete, and with it what the code grants.
    if ((await this.redis.del(key)) !== 1) throw noCode()
  }

  private async store(scope: string, hash: string): Promise<void> {
    const key = this.key(scope)
    await this.redis
      .multi()
      .del(key)
      .hset(key, 'h', hash, 'n', '0')
      .expire(key, SMS_CODE_TTL_SECONDS)
      .exec()
  }

  private codeHash(scope: string, code: string, sentTo: string | undefined): string {
    return this.hmac(
      sentTo === undefined ? `code:${scope}:${code}` : `code-to:${scope}:${sentTo}:${code}`,
    )
  }

  private key(scope: string): string {
    return `sms-code:${this.hmac(scope)}`
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex')
  }
}
