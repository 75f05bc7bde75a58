import { z } from 'zod'
import type { AlipayCredentials } from '../../auth/platform-credentials'
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
export const AlipayResult = z.object({
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
    const envelope = await this.client.call({
      operation: method,
      method: 'POST',
      path: this.gatewayPath,
      query: signed,
      response: Envelope,
    })
    const key = `${method.replaceAll('.', '_')}_response`
    const body = envelope[key] ?? envelope.error_response
    const result = AlipayResult.safeParse(body)
    if (!result.success) throw new UpstreamError('alipay', 'bad_response', `${method}: no ${key}`)
    if (result.data.code !== undefined && result.data.code !== '10000') {
      throw new AlipayBusinessError(method, result.data.code, result.data.sub_code)
    }
    // Alipay signs the raw text of the `…_response` value. The upstream client hands over parsed
    // JSON, so this re-serialises it; equal for JSON.stringify-style output (the sandbox), and
    // to be replaced by the raw text once the client exposes it (needed for Alipay's "\/").
    const signature = typeof envelope.sign === 'string' ? envelope.sign : ''
    if (!rsa2Verify(JSON.stringify(body), signature, publicKeyFrom(creds.alipayPublicKey))) {
      throw new UpstreamError('alipay', 'bad_response', `${method}: response signature invalid`)
    }
    const parsed = response.safeParse(body)
    if (!parsed.success)
      throw new UpstreamError('alipay', 'bad_response', `${method}: off contract`)
    return parsed.data
  }
}
