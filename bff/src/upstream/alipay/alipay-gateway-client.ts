import { z } from 'zod'
import type { AlipayCredentials } from './alipay-credentials'
import { toShanghaiIso } from '../../platform/time'
import { UpstreamError, type UpstreamClient } from '../../platform/upstream-client'
import {
  privateKeyFrom,
  publicKeyFrom,
  rsa2Sign,
  rsa2Verify,
  signContent,
} from './alipay-signature'

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

/**
 * The exact text of the top-level `"<key>": {…}` value: from its opening brace to the brace that
 * closes it, skipping braces inside strings. Null when the key is not there.
 */
export function rawResponseText(text: string, key: string): string | null {
  const at = text.indexOf(`"${key}"`)
  if (at < 0) return null
  const start = text.indexOf('{', at + key.length + 2)
  if (start < 0) return null
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return null
}

/**
 * The Alipay OpenAPI gateway (`gateway.do`), RSA2-signed, for any method: the OAuth token today,
 * payments later. Public parameters are signed and sent in the query string, as Alipay accepts.
 */
export class AlipayGatewayClient {
  constructor(
    private readonly client: UpstreamClient,
    private readonly gatewayPath: string,
    private readonly credentials: () => Promise<AlipayCredentials>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async exec<T extends z.ZodType>(
    method: string,
    params: Record<string, string>,
    response: T,
    /** Retried after a timeout only when a repeat changes nothing (query, close, keyed refund). */
    options: { idempotent?: boolean } = {},
  ): Promise<z.output<T>> {
    const creds = await this.credentials()
    const shanghai = toShanghaiIso(this.now())
    const signed: Record<string, string> = {
      app_id: creds.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: `${shanghai.slice(0, 10)} ${shanghai.slice(11, 19)}`,
      version: '1.0',
      ...params,
    }
    signed.sign = rsa2Sign(signContent(signed), privateKeyFrom(creds.appPrivateKey))
    const answer = await this.client.callText({
      operation: method,
      method: 'POST',
      pathAndQuery: `${this.gatewayPath}?${new URLSearchParams(signed).toString()}`,
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
    // Alipay signs the raw text of the `…_response` value, escapes (`\/`) and all.
    const signature = typeof envelope.data.sign === 'string' ? envelope.data.sign : ''
    const raw = rawResponseText(answer.text, rawKey)
    if (raw === null || !rsa2Verify(raw, signature, publicKeyFrom(creds.alipayPublicKey))) {
      throw new UpstreamError('alipay', 'bad_response', `${method}: response signature invalid`)
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
