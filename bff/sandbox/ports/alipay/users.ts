import { createHmac, randomBytes } from 'node:crypto'
import type { SandboxClock } from '../../clock'
import { AlipayError } from './errors'
import { alipayTime } from './time'

export interface AlipayUser {
  /** `2088…`, 16 digits: the account id older apps receive. */
  readonly userId: string
  /** Per-app id newer apps receive instead. */
  readonly openId: string
}

interface Grant {
  readonly user: AlipayUser
  readonly expiresAt: number
}

const CODE_TTL_S = 300
const ACCESS_TTL_S = 1_296_000
const REFRESH_TTL_S = 2_592_000
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const SANDBOX_CODE = /^sandbox-([A-Za-z0-9_-]{1,40})$/

/**
 * Alipay login (`my.getAuthCode` → `alipay.system.oauth.token`). Codes `sandbox-<name>` stand
 * for the same person every time, so tests and demos can be any number of residents. Other
 * codes are what `my.getAuthCode` would return (`issueCode`): single-use and short-lived; an
 * unknown, used or expired code is refused as Alipay refuses it.
 */
export class AlipayUsers {
  private readonly issued = new Map<string, { name: string; expiresAt: number }>()
  private readonly refreshTokens = new Map<string, Grant>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly seed: number,
    private readonly appId: string,
  ) {}

  userFor(name: string): AlipayUser {
    const digest = createHmac('sha256', `alipay-user:${this.seed}`).update(name).digest()
    const digits = String(digest.readBigUInt64BE(0) % 1_000_000_000_000n).padStart(12, '0')
    const openBytes = createHmac('sha512', `alipay-open:${this.seed}:${this.appId}`)
      .update(name)
      .digest()
    const openId = [...openBytes.subarray(0, 46)].map((b) => ALNUM[b % ALNUM.length]).join('')
    return { userId: `2088${digits}`, openId: `0${openId}` }
  }

  /** What `my.getAuthCode` hands the mini-program for this person. */
  issueCode(name: string): { authCode: string; expiresIn: number } {
    const now = this.clock.nowMs()
    for (const [code, entry] of this.issued) if (entry.expiresAt <= now) this.issued.delete(code)
    const authCode = randomBytes(16).toString('hex')
    this.issued.set(authCode, { name, expiresAt: now + CODE_TTL_S * 1000 })
    return { authCode, expiresIn: CODE_TTL_S }
  }

  exchangeCode(code: string): Record<string, string | number> {
    const named = SANDBOX_CODE.exec(code)?.[1]
    if (named) return this.grant(this.userFor(named))
    const entry = this.issued.get(code)
    this.issued.delete(code)
    if (!entry || entry.expiresAt <= this.clock.nowMs()) {
      throw new AlipayError('40002', 'isv.code-invalid', '授权码code无效', {}, true)
    }
    return this.grant(this.userFor(entry.name))
  }

  refresh(refreshToken: string): Record<string, string | number> {
    const grant = this.refreshTokens.get(refreshToken)
    if (!grant || grant.expiresAt <= this.clock.nowMs()) {
      throw new AlipayError('40002', 'isv.refresh-token-invalid', '刷新令牌无效', {}, true)
    }
    this.refreshTokens.delete(refreshToken)
    return this.grant(grant.user)
  }

  private grant(user: AlipayUser): Record<string, string | number> {
    const now = this.clock.nowMs()
    const refreshToken = `authbseB${randomBytes(16).toString('hex')}`
    this.refreshTokens.set(refreshToken, { user, expiresAt: now + REFRESH_TTL_S * 1000 })
    return {
      user_id: user.userId,
      open_id: user.openId,
      access_token: `authusrB${randomBytes(16).toString('hex')}`,
      expires_in: ACCESS_TTL_S,
      refresh_token: refreshToken,
      re_expires_in: REFRESH_TTL_S,
      auth_start: alipayTime(now),
    }
  }
}
