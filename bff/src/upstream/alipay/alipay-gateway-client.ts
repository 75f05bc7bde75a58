import type { AlipaySdk } from 'alipay-sdk'
import { z } from 'zod'
import { toShanghaiIso } from '../../platform/time'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'

/** `10000` is success; some answers (the OAuth token) carry no code when they succeed. */
const AlipayResult = z.object({
  code: z.string().optional(),
  msg: z.string().optional(),
  sub_code: z.string().optional(),
  sub_msg: z.string().optional(),
})

/** A gateway answer whose `code` is not 10000: a business refusal, typed for the adapters. */
export class AlipayBusinessError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly subCode: string | undefined,
  ) {
    super(`${method}: ${code} ${subCode ?? ''}`.trim())
    this.name = 'AlipayBusinessError'
  }
}

const Envelope = z.record(z.string(), z.unknown())

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A gateway call's parameters: the business ones (`biz_content`) and any public extras. */
export interface AlipayParams {
  bizContent?: Record<string, unknown>
  [param: string]: string | Record<string, unknown> | undefined
}

/**
 * The Alipay OpenAPI gateway (`gateway.do`), for any method: logins, payments, bills, messages.
 * alipay-sdk signs each request (RSA2, and in 公钥证书 mode app_cert_sn and alipay_root_cert_sn)
 * and verifies each answer; the request itself goes through our upstream client rather than
 * the SDK's own HTTP client, so the per-attempt timeout, the retry of idempotent calls only, the
 * port's concurrency limit and circuit breaker, and the metrics apply to Alipay like to every
 * other upstream (the SDK's `exec` would bypass all of them).
 */
export class AlipayGatewayClient {
  constructor(
    private readonly client: UpstreamClient,
    private readonly gatewayPath: string,
    private readonly sdk: () => Promise<AlipaySdk>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async exec<T extends z.ZodType>(
    method: string,
    params: AlipayParams,
    response: T,
    /** Retried after a timeout only when a repeat changes nothing (query, close, keyed refund). */
    options: { idempotent?: boolean } = {},
  ): Promise<z.output<T>> {
    const sdk = await this.sdk()
    const shanghai = toShanghaiIso(this.now())
    // Alipay reads `timestamp` as Beijing time; the SDK would write the host's local time, and
    // it would miss the sandbox's clock, so ours is passed in (the SDK signs what it is given).
    const query = sdk.sdkExecute(
      method,
      { ...params, timestamp: `${shanghai.slice(0, 10)} ${shanghai.slice(11, 19)}` },
      { bizContentAutoSnakeCase: false },
    )
    const answer = await this.client.callText({
      operation: method,
      method: 'POST',
      pathAndQuery: `${this.gatewayPath}?${query}`,
      headers: { accept: 'application/json' },
      idempotent: options.idempotent ?? false,
    })
    if (answer.status >= 400) {
      throw new UpstreamError(
        'alipay',
        'rejected',
        `${method}: status ${answer.status}`,
        answer.status,
      )
    }
    const key = `${method.replaceAll('.', '_')}_response`
    const envelope = Envelope.safeParse(safeJson(answer.text))
    if (!envelope.success) throw new UpstreamError('alipay', 'bad_response', `${method}: not JSON`)
    const isError = envelope.data[key] === undefined
    const rawKey = isError ? 'error_response' : key
    const body = envelope.data[rawKey]
    const result = AlipayResult.safeParse(body)
    if (!result.success) throw new UpstreamError('alipay', 'bad_response', `${method}: no ${key}`)
    // A refusal is not verified: forging one could only deny, and gateway errors go unsigned.
    if (result.data.code !== undefined && result.data.code !== '10000') {
      throw new AlipayBusinessError(method, result.data.code, result.data.sub_code)
    }
    // In 公钥证书 mode Alipay names the certificate it signed with; another one means Alipay has
    // rolled its certificate and ours must be replaced before its key can verify anything.
    const certSn = sdk.config.alipayCertSn
    if (certSn && envelope.data.alipay_cert_sn !== certSn) {
      throw new UpstreamError('alipay', 'bad_response', `${method}: signed by another certificate`)
    }
    try {
      const signature = typeof envelope.data.sign === 'string' ? envelope.data.sign : ''
      sdk.checkResponseSign(answer.text, rawKey, signature, answer.headers.trace_id ?? '')
    } catch (err) {
      throw new UpstreamError(
        'alipay',
        'bad_response',
        `${method}: response signature invalid`,
        undefined,
        undefined,
        { cause: err },
      )
    }
    const parsed = response.safeParse(body)
    if (!parsed.success)
      throw new UpstreamError('alipay', 'bad_response', `${method}: off contract`)
    return parsed.data
  }

  /**
   * A file behind a download link the gateway answered (bills): a plain GET, retried like any
   * read; the link is short-lived and single-purpose, so it carries no signature of its own.
   */
  async download(operation: string, url: string): Promise<Buffer> {
    const target = new URL(url)
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new UpstreamError('alipay', 'bad_response', `${operation}: not a web address`)
    }
    const answer = await this.client.callBytes({
      operation,
      method: 'GET',
      pathAndQuery: target.href,
      idempotent: true,
    })
    if (answer.status >= 400) {
      throw new UpstreamError('alipay', 'rejected', `${operation}: status ${answer.status}`)
    }
    return answer.bytes
  }
}
