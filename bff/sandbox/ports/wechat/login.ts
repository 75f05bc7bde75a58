import { randomBytes } from 'node:crypto'
import { randomToken } from '../../keys'
import type { SandboxClock } from '../../clock'
import { openidOf, unionidOf, type MiniProgramIdentity } from './identity'

/** The error shape of api.weixin.qq.com: HTTP 200 with a non-zero errcode. */
export interface WechatApiError {
  errcode: number
  errmsg: string
}

export const apiError = (errcode: number, errmsg: string): WechatApiError => ({ errcode, errmsg })

export interface Session {
  openid: string
  session_key: string
  unionid: string
}

const CODE_TTL_MS = 5 * 60 * 1000
const TOKEN_TTL_S = 7200
/** A newly fetched access_token leaves the previous one valid this much longer. */
const TOKEN_OVERLAP_MS = 5 * 60 * 1000
export const DETERMINISTIC_CODE = /^sandbox-(\S{1,64})$/

interface IssuedCode {
  name: string
  expiresAt: number
  used: boolean
}

/**
 * jscode2session and access tokens. Codes from `wx.login` are single-use and live 5 minutes, as
 * on WeChat. `sandbox-<name>` codes are the sandbox's deterministic test codes: reusable, each
 * name always the same resident.
 */
export class WechatLogin {
  private readonly codes = new Map<string, IssuedCode>()
  private readonly tokens = new Map<string, number>()

  constructor(
    readonly identity: MiniProgramIdentity,
    private readonly clock: SandboxClock,
  ) {}

  /** What `wx.login` would hand the mini-program for this resident. */
  issueCode(name: string): string {
    this.prune()
    const code = randomToken(32)
    this.codes.set(code, { name, expiresAt: this.clock.nowMs() + CODE_TTL_MS, used: false })
    return code
  }

  exchange(query: Record<string, unknown>): Session | WechatApiError {
    const { appid, secret, js_code: code, grant_type: grantType } = query
    if (appid !== this.identity.appid) return apiError(40013, 'invalid appid')
    if (secret !== this.identity.appSecret) return apiError(40125, 'invalid appsecret')
    if (grantType !== 'authorization_code') return apiError(40002, 'invalid grant_type')
    if (typeof code !== 'string' || code === '') return apiError(41008, 'missing code')

    const deterministic = DETERMINISTIC_CODE.exec(code)
    let name: string
    if (deterministic?.[1]) name = deterministic[1]
    else {
      const issued = this.codes.get(code)
      if (!issued || issued.expiresAt <= this.clock.nowMs()) {
        return apiError(40029, 'invalid code')
      }
      if (issued.used) return apiError(40163, 'code been used')
      issued.used = true
      name = issued.name
    }
    return {
      openid: openidOf(this.identity, name),
      session_key: randomBytes(16).toString('base64'),
      unionid: unionidOf(this.identity, name),
    }
  }

  issueToken(
    query: Record<string, unknown>,
  ): { access_token: string; expires_in: number } | WechatApiError {
    if (query.grant_type !== 'client_credential') return apiError(40002, 'invalid grant_type')
    if (query.appid !== this.identity.appid) return apiError(40013, 'invalid appid')
    if (query.secret !== this.identity.appSecret) {
      return apiError(40001, 'invalid credential, access_token is invalid or not latest')
    }
    const now = this.clock.nowMs()
    for (const [token, expiresAt] of this.tokens) {
      if (expiresAt <= now) this.tokens.delete(token)
      else this.tokens.set(token, Math.min(expiresAt, now + TOKEN_OVERLAP_MS))
    }
    const token = randomToken(
      136,
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_',
    )
    this.tokens.set(token, now + TOKEN_TTL_S * 1000)
    return { access_token: token, expires_in: TOKEN_TTL_S }
  }

  /** undefined when the token may be used. */
  checkToken(token: unknown): WechatApiError | undefined {
    if (typeof token !== 'string' || token === '') return apiError(41001, 'access_token missing')
    const expiresAt = this.tokens.get(token)
    if (expiresAt === undefined) {
      return apiError(40001, 'invalid credential, access_token is invalid or not latest')
    }
    if (expiresAt <= this.clock.nowMs()) return apiError(42001, 'access_token expired')
    return undefined
  }

  private prune(): void {
    const now = this.clock.nowMs()
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now) this.codes.delete(code)
  }
}
