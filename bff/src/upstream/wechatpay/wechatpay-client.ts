import type { z } from 'zod'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import { authorization, checkSignature, type WechatPayKeys } from './wechatpay-sdk'

/** A WeChat Pay business refusal (4xx with `{code, message}`), signed and verified. */
export class WechatPayRejected extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`wechatpay: ${status} ${code}`)
    this.name = 'WechatPayRejected'
  }
}

interface WechatPayRequest<T> {
  operation: string
  method: 'GET' | 'POST'
  /** Path below the API root, e.g. `/v3/pay/transactions/jsapi`, with any query string. */
  path: string
  body?: unknown
  idempotent: boolean
  /** Omitted for answers without a body (204). */
  response?: z.ZodType<T>
}

/**
 * WeChat Pay API v3 over the shared upstream client: every request signed, every answer
 * (errors and 204s too) verified over the exact text received before anything is read, both
 * with wechatpay-axios-plugin's helpers (see wechatpay-sdk.ts for why not its axios client).
 */
export class WechatPayClient {
  constructor(
    private readonly client: UpstreamClient,
    /** The API root's path, '' for api.mch.weixin.qq.com; the sandbox serves it under /wechatpay. */
    private readonly rootPath: string,
    private readonly keys: () => Promise<WechatPayKeys>,
    private readonly nowS: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async request<T>(req: WechatPayRequest<T>): Promise<T | undefined> {
    const keys = await this.keys()
    const pathAndQuery = this.rootPath.replace(/\/$/, '') + req.path
    const body = req.body === undefined ? '' : JSON.stringify(req.body)
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'gh-bff/1.0',
    }
    if (body) headers['content-type'] = 'application/json'
    // Signed per attempt: WeChat Pay refuses a nonce it has already seen.
    const answer = await this.client.callText({
      operation: req.operation,
      method: req.method,
      pathAndQuery,
      body: body || undefined,
      idempotent: req.idempotent,
      get headers() {
        return {
          ...headers,
          authorization: authorization(keys, req.method, pathAndQuery, body, nowSeconds()),
        }
      },
    })
    const check = checkSignature(keys, answer.headers, answer.text, this.nowS())
    if (!check.ok) {
      throw new UpstreamError(
        'wechatpay',
        'bad_response',
        `${req.operation}: response signature ${check.reason}`,
        answer.status,
      )
    }
    const json = answer.text ? safeJson(answer.text) : undefined
    if (answer.status >= 400) {
      const code =
        json && typeof json === 'object' && 'code' in json && typeof json.code === 'string'
          ? json.code
          : 'UNKNOWN'
      throw new WechatPayRejected(answer.status, code)
    }
    if (!req.response) return undefined
    const parsed = req.response.safeParse(json)
    if (!parsed.success) {
      throw new UpstreamError('wechatpay', 'bad_response', `${req.operation}: off contract`)
    }
    return parsed.data
  }

  /**
   * A file behind a `download_url` (bills): a signed GET to the API host, the bytes as received.
   * A file answer carries no response signature; the caller checks it against the signed hash.
   */
  async download(operation: string, downloadUrl: string): Promise<Buffer> {
    const keys = await this.keys()
    const url = new URL(downloadUrl)
    const pathAndQuery = url.pathname + url.search
    const answer = await this.client.callBytes({
      operation,
      method: 'GET',
      pathAndQuery,
      idempotent: true,
      get headers() {
        return {
          accept: '*/*',
          'user-agent': 'gh-bff/1.0',
          authorization: authorization(keys, 'GET', pathAndQuery, '', nowSeconds()),
        }
      },
    })
    if (answer.status < 400) return answer.bytes
    const text = answer.bytes.toString('utf8')
    const check = checkSignature(keys, answer.headers, text, this.nowS())
    if (!check.ok) {
      throw new UpstreamError('wechatpay', 'bad_response', `${operation}: error not signed`)
    }
    const json = safeJson(text)
    const code =
      json && typeof json === 'object' && 'code' in json && typeof json.code === 'string'
        ? json.code
        : 'UNKNOWN'
    throw new WechatPayRejected(answer.status, code)
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000)

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
